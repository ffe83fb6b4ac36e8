/* cmd.c: the command table and the dispatcher around every command. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/out.h"
#include "tam/settings.h"

/* Exact names only: a new command must never change what a script runs. */
static const struct cmd_entry *const commands[] = {
	&cmd_init_entry,
	&cmd_account_entry,
	&cmd_import_entry,
	&cmd_sync_entry,
	&cmd_due_entry,
	&cmd_task_entry,
	&cmd_done_entry,
	&cmd_skip_entry,
	&cmd_action_entry,
	&cmd_review_entry,
	&cmd_sentiment_entry,
	&cmd_risk_update_entry,
	&cmd_cta_entry,
	&cmd_timeline_entry,
	&cmd_note_entry,
	&cmd_report_entry,
	&cmd_export_entry,
	&cmd_restore_entry,
	&cmd_ics_entry,
	&cmd_config_entry,
	&cmd_help_entry,
	NULL
};

/* The global options, valid before or after the command name. */
struct global_opt {
	const char	*name;
	char		 shortname;
	int		 has_arg;
};

static const struct global_opt globals[] = {
	{ "db",		0,	1 },
	{ "today",	0,	1 },
	{ "format",	0,	1 },
	{ "color",	0,	1 },
	{ "no-color",	0,	0 },
	{ "quiet",	'q',	0 },
	{ "help",	'h',	0 },
	{ "version",	'V',	0 },
	{ NULL,		0,	0 }
};

static const struct cmd_entry *
find_entry(const struct cmd_entry *const *table, const char *name)
{
	for (; *table != NULL; table++)
		if (strcmp((*table)->name, name) == 0)
			return *table;
	return NULL;
}

const struct cmd_entry *const *cmd_table(void);

const struct cmd_entry *const *
cmd_table(void)
{
	return commands;
}

static void
write_usage(FILE *fp, const struct cmd_entry *e)
{
	const struct cmd_entry *const	*t;

	if (e == NULL) {
		fputs("usage: tam [--db PATH] [--today DATE] [--format F] "
		    "[--color WHEN] [-q] COMMAND [ARGS]\n\ncommands:\n", fp);
		for (t = commands; *t != NULL; t++)
			fprintf(fp, "  %-12s %s\n", (*t)->name, (*t)->summary);
		fputs("\n'tam help COMMAND' or 'tam COMMAND --help' for "
		    "more; man tam for everything.\n", fp);
		return;
	}
	if (e->sub != NULL) {
		fprintf(fp, "usage:");
		for (t = e->sub; *t != NULL; t++)
			fprintf(fp, "%s tam %s\n", t == e->sub ? "" : "      ",
			    (*t)->usage);
		return;
	}
	fprintf(fp, "usage: tam %s\n", e->usage);
}

void
cmd_usage(FILE *fp, const struct cmd_entry *e)
{
	char	*text = NULL, *line, *next;
	size_t	 len = 0;
	FILE	*m;

	if (fp != stderr || (m = open_memstream(&text, &len)) == NULL) {
		write_usage(fp, e);
		return;
	}
	/* On stderr every line starts with "tam: ", usage too (SPEC §2). */
	write_usage(m, e);
	fclose(m);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		fprintf(fp, "tam: %s\n", line);
	}
	free(text);
}

int
cmd_misuse(struct tam_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	ctx->show_usage = 1;
	return cmd_fail_take(ctx, TAM_USAGE, msg);
}

int
cmd_bad_option(struct tam_ctx *ctx, char **argv, int ch)
{
	const char	*arg = argv[optind - 1];
	size_t		 len;

	if (ch == ':')
		return cmd_misuse(ctx, "option '%s' needs a value", arg);
	/*
	 * An unknown long option: optopt is 0, or '-' when the command has
	 * no long options at all and getopt read "--x" as short options.
	 */
	if (optopt == 0 || optopt == '-') {
		if ((arg[0] != '-' || arg[1] != '-') && argv[optind] != NULL)
			arg = argv[optind];
		len = strcspn(arg, "=");
		return cmd_misuse(ctx, "unknown option '%.*s'", (int)len, arg);
	}
	/* "--upsell=yes": a long option that takes no value got one. */
	if (strncmp(arg, "--", 2) == 0 && strchr(arg, '=') != NULL)
		return cmd_misuse(ctx, "option '%.*s' takes no value",
		    (int)strcspn(arg, "="), arg);
	return cmd_misuse(ctx, "unknown option '-%c'", optopt);
}

int
cmd_check_text(struct tam_ctx *ctx, const char *option, const char *s)
{
	if (s == NULL)
		return TAM_OK;
	if (strlen(s) > CMD_TEXT_MAX)
		return cmd_fail(ctx, TAM_USAGE, "%s: value is longer than %d "
		    "bytes", option, CMD_TEXT_MAX);
	if (!utf8_valid(s, strlen(s)))
		return cmd_fail(ctx, TAM_USAGE, "%s: value is not valid UTF-8",
		    option);
	return TAM_OK;
}

int
cmd_parse_id(const char *s, int64_t *out)
{
	char		*end;
	long long	 v;

	if (*s < '1' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
cmd_parse_ids(struct tam_ctx *ctx, int argc, char **argv, int64_t **ids)
{
	int	i;

	*ids = NULL;
	if (argc == 0)
		return cmd_misuse(ctx, "%s: which task? give its id (see "
		    "'tam due' or 'tam task list')", ctx->cmd);
	*ids = xcalloc((size_t)argc, sizeof **ids);
	for (i = 0; i < argc; i++)
		if (cmd_parse_id(argv[i], &(*ids)[i]) != 0) {
			free(*ids);
			*ids = NULL;
			return cmd_misuse(ctx, "%s: '%s' is not a task id",
			    ctx->cmd, argv[i]);
		}
	return TAM_OK;
}

static int
parse_format(const char *s, enum out_format *out)
{
	static const char *const names[] = { "table", "tsv", "csv", "json",
	    "jsonl" };
	int	i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum out_format)i;
			return 0;
		}
	return -1;
}

int
cmd_global_option(struct tam_ctx *ctx, const char *name, const char *value)
{
	if (strcmp(name, "db") == 0)
		ctx->db_path = value;
	else if (strcmp(name, "today") == 0)
		ctx->opt_today = value;
	else if (strcmp(name, "format") == 0)
		ctx->opt_format = value;
	else if (strcmp(name, "color") == 0)
		ctx->opt_color = value;
	else if (strcmp(name, "no-color") == 0)
		ctx->opt_color = "never";
	else if (strcmp(name, "quiet") == 0)
		ctx->quiet = 1;
	else
		return -1;
	return 0;
}

/* Resolves today, the format and color from options and environment. */
static int
resolve_options(struct tam_ctx *ctx)
{
	const char	*s;
	int		 d;

	if ((s = ctx->opt_today) != NULL || ((s = getenv("TAM_TODAY")) != NULL &&
	    *s != '\0')) {
		if (date_parse_iso(s, &d) != 0)
			return cmd_fail(ctx, TAM_USAGE, "%s: '%s' is not a date "
			    "(YYYY-MM-DD)", ctx->opt_today ? "--today" : "TAM_TODAY",
			    s);
		ctx->today = d;
	}
	ctx->format = isatty(STDOUT_FILENO) ? FMT_TABLE : FMT_TSV;
	if ((s = ctx->opt_format) != NULL || ((s = getenv("TAM_FORMAT")) != NULL &&
	    *s != '\0')) {
		if (parse_format(s, &ctx->format) != 0)
			return cmd_fail(ctx, TAM_USAGE, "%s: '%s' is not a "
			    "format (table, tsv, csv, json or jsonl)",
			    ctx->opt_format ? "--format" : "TAM_FORMAT", s);
	}
	s = ctx->opt_color ? ctx->opt_color : "auto";
	if (strcmp(s, "always") == 0)
		ctx->color = 1;
	else if (strcmp(s, "never") == 0)
		ctx->color = 0;
	else if (strcmp(s, "auto") == 0)
		ctx->color = isatty(STDOUT_FILENO) &&
		    ((s = getenv("NO_COLOR")) == NULL || *s == '\0');
	else
		return cmd_fail(ctx, TAM_USAGE, "--color: '%s' is not auto, "
		    "always or never", s);
	if (ctx->format != FMT_TABLE)
		ctx->color = 0;
	return TAM_OK;
}

static const struct global_opt *
find_global_long(const char *name, size_t len)
{
	const struct global_opt	*g;

	for (g = globals; g->name != NULL; g++)
		if (strlen(g->name) == len && strncmp(g->name, name, len) == 0)
			return g;
	return NULL;
}

/* Does the command's long option (exact or unique prefix) take a value? */
static int
long_takes_value(const struct option *longopts, const char *name, size_t len)
{
	const struct option	*o, *hit = NULL;
	int			 nhits = 0;

	for (o = longopts; o != NULL && o->name != NULL; o++) {
		if (strncmp(o->name, name, len) != 0)
			continue;
		if (strlen(o->name) == len)
			return o->has_arg == required_argument;
		hit = o;
		nhits++;
	}
	return nhits == 1 && hit->has_arg == required_argument;
}

static int
short_takes_value(const char *shortopts, char c)
{
	const char	*p;

	if (shortopts == NULL || c == ':' ||
	    (p = strchr(shortopts, c)) == NULL)
		return 0;
	return p[1] == ':';
}

/*
 * Takes the global options out of a command's arguments, so the command
 * parses only its own.  argv[0] is kept.  Returns the new argc, or -1
 * (with the error in ctx).  *help is set for -h/--help.
 */
static int
strip_globals(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv, char **out, int *help)
{
	const struct global_opt	*g;
	const char		*a, *eq, *value;
	char			*w, *r;
	int			 i, n = 0, value_next;
	size_t			 len;

	out[n++] = argv[0];
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (strcmp(a, "--") == 0) {
			while (i < argc)
				out[n++] = argv[i++];
			break;
		}
		if (a[0] == '-' && a[1] == '-') {
			eq = strchr(a + 2, '=');
			len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			if ((g = find_global_long(a + 2, len)) == NULL) {
				out[n++] = argv[i];
				if (eq == NULL && long_takes_value(e->longopts,
				    a + 2, len) && i + 1 < argc)
					out[n++] = argv[++i];
				continue;
			}
			value = eq ? eq + 1 : NULL;
			if (g->has_arg && value == NULL) {
				if (i + 1 >= argc)
					return cmd_misuse(ctx, "option '--%s' "
					    "needs a value", g->name), -1;
				value = argv[++i];
			}
			if (strcmp(g->name, "help") == 0)
				*help = 1;
			else if (strcmp(g->name, "version") == 0)
				return cmd_misuse(ctx, "--version goes "
				    "before the command"), -1;
			else
				cmd_global_option(ctx, g->name, value);
			continue;
		}
		if (a[0] != '-' || a[1] == '\0') {
			out[n++] = argv[i];
			continue;
		}
		/* A cluster of short options: drop -q and -h, in place. */
		w = r = argv[i] + 1;
		value_next = 0;
		for (; *r != '\0'; r++) {
			if (short_takes_value(e->shortopts, *r)) {
				value_next = r[1] == '\0';
				memmove(w, r, strlen(r) + 1);
				w += strlen(w);
				break;
			}
			if (*r == 'q' && (e->shortopts == NULL ||
			    strchr(e->shortopts, 'q') == NULL))
				ctx->quiet = 1;
			else if (*r == 'h')
				*help = 1;
			else
				*w++ = *r;
		}
		*w = '\0';
		if (w > argv[i] + 1)
			out[n++] = argv[i];
		if (value_next && i + 1 < argc)
			out[n++] = argv[++i];
	}
	out[n] = NULL;
	return n;
}

/* Finds the database path: --db, TAM_DB, XDG_DATA_HOME, ~/.local/share. */
static char *
database_path(const struct tam_ctx *ctx)
{
	const char	*s;

	if (ctx->db_path != NULL && *ctx->db_path != '\0')
		return xstrdup(ctx->db_path);
	if ((s = getenv("TAM_DB")) != NULL && *s != '\0')
		return xstrdup(s);
	/* The XDG spec ignores a relative XDG_DATA_HOME. */
	if ((s = getenv("XDG_DATA_HOME")) != NULL && s[0] == '/')
		return xasprintf("%s/tam/tam.db", s);
	if ((s = getenv("HOME")) != NULL && s[0] == '/')
		return xasprintf("%s/.local/share/tam/tam.db", s);
	return NULL;
}

/* Opens the database, runs exec in its transaction, commits. */
static int
run_with_db(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv)
{
	char	*path, *err = NULL, *warn = NULL;
	int	 rc;

	if ((path = database_path(ctx)) == NULL)
		return cmd_fail(ctx, TAM_FAIL, "no database: set --db, TAM_DB "
		    "or HOME");
	if (db_open(path, &ctx->db, &warn, &err) != 0) {
		free(path);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	if (warn != NULL)
		tam_warn("warning: %s", warn);
	free(warn);
	ctx->db_path = ctx->owned[0] = path;
	if (db_begin(ctx->db, (e->flags & CMD_WRITE) != 0, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	rc = e->exec(ctx, argc, argv);
	/*
	 * A failed first command leaves the new database as it was made,
	 * complete and empty: another tam may already have it open, so
	 * removing it could lose what that one writes.
	 */
	if (rc != TAM_OK) {
		db_rollback(ctx->db);
		return rc;
	}
	if (db_commit(ctx->db, &err) != 0) {
		db_rollback(ctx->db);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	return TAM_OK;
}

int
cmd_dispatch(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	*e, *sub;
	char			**args;
	int			 n, help = 0, rc;

	if ((e = find_entry(commands, argv[0])) == NULL)
		return cmd_fail(ctx, TAM_USAGE, "unknown command '%s'; see "
		    "'tam help'", argv[0]);
	ctx->cmd = e->name;
	if (e->sub != NULL) {
		if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
		    strcmp(argv[1], "-h") == 0) {
			if (argc >= 2) {
				cmd_usage(stdout, e);
				return TAM_OK;
			}
			return cmd_misuse(ctx, "%s: which one? (see below)",
			    e->name);
		}
		if ((sub = find_entry(e->sub, argv[1])) == NULL) {
			rc = cmd_misuse(ctx, "unknown command '%s %s'",
			    e->name, argv[1]);
			return rc;
		}
		ctx->cmd = ctx->owned[1] = xasprintf("%s %s", e->name,
		    sub->name);
		e = sub;
		argc--;
		argv++;
	}
	args = xcalloc((size_t)argc + 1, sizeof *args);
	n = strip_globals(ctx, e, argc, argv, args, &help);
	if (n < 0)
		rc = TAM_USAGE;
	else if (help) {
		cmd_usage(stdout, e);
		rc = TAM_OK;
	} else if ((rc = resolve_options(ctx)) != TAM_OK)
		;
	else if (e->flags & CMD_DB)
		rc = run_with_db(ctx, e, n, args);
	else
		rc = e->exec(ctx, n, args);
	if (ctx->show_usage && rc == TAM_USAGE) {
		/* The usage goes with the error; main prints the error first. */
		ctx->show_usage = 0;
		if (ctx->errmsg != NULL && *ctx->errmsg != '\0')
			tam_warn("%s", ctx->errmsg);
		free(ctx->errmsg);
		ctx->errmsg = xstrdup("");
		cmd_usage(stderr, e);
	}
	free(args);
	return rc;
}
