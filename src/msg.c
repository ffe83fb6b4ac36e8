/* msg.c: the lines tam writes on stderr, and the command error slot. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tam/date.h"
#include "tam/tam.h"

void
tam_info(const struct tam_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->quiet)
		return;
	fputs("tam: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
tam_warn(const char *fmt, ...)
{
	va_list	ap;

	fputs("tam: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
