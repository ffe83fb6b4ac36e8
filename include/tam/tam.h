/* tam.h: the process context every command receives, and exit codes. */
#ifndef TAM_TAM_H
#define TAM_TAM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define TAM_VERSION "0.1.0"

/* Exit codes (SPEC §2). */
enum tam_exit {
	TAM_OK = 0,	/* success */
	TAM_FAIL = 1,	/* well-formed command, work cannot be done */
	TAM_USAGE = 2	/* the command line itself is wrong */
};

enum out_format {
	FMT_TABLE,
	FMT_TSV,
	FMT_CSV,
	FMT_JSON,
	FMT_JSONL
};

struct tam_db;
struct settings;

/*
 * Everything a command may need, passed down explicitly: the options of
 * the process, the open database and the clock.  Nothing else is global.
 */
struct tam_ctx {
	const char	*db_path;	/* --db / TAM_DB, NULL for default */
	const char	*db_name;	/* as messages show it (no password) */
	struct tam_db	*db;		/* opened by the dispatcher */
	int		 today;		/* day number, see date.h */
	enum out_format	 format;
	int		 color;		/* resolved: 1 = emit ANSI colors */
	int		 quiet;		/* -q: no informational lines */
	const char	*user;		/* author of timeline posts */
	const char	*cmd;		/* "import", "account add": for messages */
	struct settings	*settings;	/* loaded once by cmd_settings() */
	char		*errmsg;	/* set by cmd_fail(), printed by main */
	char		*owned[2];	/* freed at exit: db path, command name */
	const char	*opt_today;	/* options as given, before resolving */
	const char	*opt_format;
	const char	*opt_color;
	int		 show_usage;	/* misuse: print usage after the error */
	int		 out_errno;	/* errno of a failed write to stdout */
	char		**done_lines;	/* tam_info_done(): after the commit */
	int		 ndone_lines;
};

/* The number of elements of the array a, as OpenBSD's <sys/param.h>. */
#ifndef nitems
#define nitems(a)	(sizeof (a) / sizeof (a)[0])
#endif

/* xmalloc.c: allocation that aborts on out-of-memory. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
/*
 * Room for one more element at the end of the array p of n elements of
 * size bytes, *cap of them allocated (doubled when full, from 64), the
 * way a list grows row by row.  Returns the array, which may have
 * moved, with element n zeroed.
 */
void	*xarray_room(void *p, size_t n, size_t *cap, size_t size);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a newly allocated formatted string; the caller frees it. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* msg.c: lines on stderr, all starting with "tam: ". */
/* An informational line; suppressed by -q. */
void	 tam_info(const struct tam_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* A diagnostic line that -q does not suppress (warnings, error details). */
void	 tam_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/*
 * An informational line about work done ("imported 3 rows"): kept until
 * the command has succeeded, then printed by the dispatcher after the
 * commit, so that no summary claims a success that the disk or the
 * output then refuses.  Suppressed by -q.
 */
void	 tam_info_done(struct tam_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* The same for a line a service handed back, taken over (and freed). */
void	 tam_info_done_take(struct tam_ctx *, char *line);
/*
 * How a service tells what it did, a line at a time, without printing
 * it: the command's function takes each allocated line (and gives it to
 * tam_info_done_take, say).
 */
typedef void (*tam_said_fn)(void *arg, char *line);
/* Prints the lines of tam_info_done() if print, and forgets them. */
void	 tam_info_flush(struct tam_ctx *, int print);
/*
 * Records the error message of a failing command in ctx->errmsg (the
 * dispatcher prints it after rolling back) and returns code, so that a
 * command can write "return cmd_fail(ctx, TAM_FAIL, ...)".
 */
int	 cmd_fail(struct tam_ctx *, int code, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Like cmd_fail() but takes over an allocated message (frees it). */
int	 cmd_fail_take(struct tam_ctx *, int code, char *msg);
/*
 * A service's cmd_fail(): sets *err to the message (allocated) and
 * returns code (TAM_FAIL or TAM_USAGE), for the command to hand on.
 */
int	 tam_err(char **err, int code, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * clock.c: the timestamp "YYYY-MM-DDTHH:MM:SSZ" of now, a UTC instant;
 * on a --today date, the current local time of day on that date (clock.h).
 */
void	 tam_now(const struct tam_ctx *, char buf[21]);

#endif
