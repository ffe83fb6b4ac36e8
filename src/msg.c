/* msg.c: the lines tam writes on stderr, and the command error slot. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tam/date.h"
#include "tam/tam.h"

/*
 * Writes "tam: " and the message as one line.  Control characters in it
 * (from a name, a file, an argument) are written as '?', so that no input
 * can break the line, move the cursor or recolor the terminal.
 */
static void __attribute__((format(printf, 1, 0)))
put_line(const char *fmt, va_list ap)
{
	char	*msg = xvasprintf(fmt, ap), *p;

	for (p = msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "tam: %s\n", msg);
	free(msg);
}

void
tam_info(const struct tam_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	put_line(fmt, ap);
	va_end(ap);
}

void
tam_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	put_line(fmt, ap);
	va_end(ap);
}

int
cmd_fail_take(struct tam_ctx *ctx, int code, char *msg)
{
	if (ctx->errmsg == NULL)
		ctx->errmsg = msg;
	else
		free(msg);
	return code;
}

int
cmd_fail(struct tam_ctx *ctx, int code, const char *fmt, ...)
{
	va_list	ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	return cmd_fail_take(ctx, code, msg);
}

void
tam_now(const struct tam_ctx *ctx, char buf[21])
{
	time_t		t = time(NULL);
	struct tm	tm;
	char		day[11];

	gmtime_r(&t, &tm);
	date_format(ctx->today, day);
	snprintf(buf, 21, "%.10sT%02u:%02u:%02uZ", day,
	    (unsigned)tm.tm_hour % 24u, (unsigned)tm.tm_min % 60u,
	    (unsigned)tm.tm_sec % 60u);
}
