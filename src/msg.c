/* msg.c: the lines tam writes on stderr, and the command error slot. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/tam.h"
#include "tam/text.h"

/*
 * A message longer than this quotes a huge value (a 128 KiB argument, a
 * CSV cell): its middle is cut, keeping the subject at the start and the
 * advice at the end.
 */
#define MSG_MAX 1024
#define MSG_KEEP 480

/* Moves p back (dir -1) or forward (+1) to the start of a UTF-8 char. */
static const char *
char_start(const char *p, int dir)
{
	while (((unsigned char)*p & 0xC0) == 0x80)
		p += dir;
	return p;
}

/*
 * Writes "tam: " and the message as one line.  Control characters in it
 * (from a name, a file, an argument) are made visible as everywhere text
 * meets a person (text.h), so that no input can break the line, move the
 * cursor or recolor the terminal.
 */
static void __attribute__((format(printf, 1, 0)))
put_line(const char *fmt, va_list ap)
{
	char		*raw = xvasprintf(fmt, ap), *msg;
	const char	*head_end, *tail;
	size_t		 len;

	msg = text_safe(raw, TEXT_LINE);
	free(raw);
	if ((len = strlen(msg)) > MSG_MAX) {
		head_end = char_start(msg + MSG_KEEP, -1);
		tail = char_start(msg + len - MSG_KEEP, 1);
		fprintf(stderr, "tam: %.*s...(%zu bytes cut)...%s\n",
		    (int)(head_end - msg), msg, (size_t)(tail - head_end),
		    tail);
	} else
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

void
tam_info_done(struct tam_ctx *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	tam_info_done_take(ctx, line);
}

void
tam_info_done_take(struct tam_ctx *ctx, char *line)
{
	if (ctx->quiet) {
		free(line);
		return;
	}
	ctx->done_lines = xreallocarray(ctx->done_lines,
	    (size_t)ctx->ndone_lines + 1, sizeof *ctx->done_lines);
	ctx->done_lines[ctx->ndone_lines++] = line;
}

void
tam_info_flush(struct tam_ctx *ctx, int print)
{
	int	i;

	for (i = 0; i < ctx->ndone_lines; i++) {
		if (print)
			tam_warn("%s", ctx->done_lines[i]);
		free(ctx->done_lines[i]);
	}
	free(ctx->done_lines);
	ctx->done_lines = NULL;
	ctx->ndone_lines = 0;
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
tam_err(char **err, int code, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*err = xvasprintf(fmt, ap);
	va_end(ap);
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
