/* cmd.c: the dispatcher around every command (the table: cmd/table.c). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tam/cmd.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/num.h"
#include "tam/out.h"
#include "tam/risk-apply.h"
#include "tam/sched.h"
#include "tam/settings.h"
#include "tam/text.h"

/* The groups of `tam help`; help itself stands last, on its own. */
static const char *const groups[] = {
	CMD_GROUP_DAILY, CMD_GROUP_ACCOUNTS, CMD_GROUP_PLAYBOOKS,
	CMD_GROUP_REPORTS, CMD_GROUP_DATA, NULL
};

/*
 * The global options, valid anywhere after "tam": before the command,
 * between it and its sub-command, among the command's own options.
 */
struct global_opt {
	const char	*name;
	char		 shortname;
	int		 has_arg;
	int		 what;		/* CMD_ARG_GLOBAL, _HELP or _VERSION */
};

static const struct global_opt globals[] = {
	{ "db",		0,	1,	CMD_ARG_GLOBAL },
	{ "today",	0,	1,	CMD_ARG_GLOBAL },
	{ "format",	0,	1,	CMD_ARG_GLOBAL },
	{ "color",	0,	1,	CMD_ARG_GLOBAL },
	{ "no-color",	0,	0,	CMD_ARG_GLOBAL },
	{ "quiet",	'q',	0,	CMD_ARG_GLOBAL },
	{ "help",	'h',	0,	CMD_ARG_HELP },
	{ "version",	'V',	0,	CMD_ARG_VERSION },
	{ NULL,		0,	0,	0 }
};

const struct settings *
cmd_settings(struct tam_ctx *ctx)
{
	char	*err = NULL;

	if (ctx->settings == NULL &&
	    (ctx->settings = settings_load(ctx->db, &err)) == NULL)
		cmd_fail_take(ctx, TAM_FAIL, err);
	return ctx->settings;
}

const struct cmd_entry *
cmd_lookup(const struct cmd_entry *const *table, const char *name)
{
	for (; table != NULL && *table != NULL; table++)
		if (strcmp((*table)->name, name) == 0)
			return *table;
	return NULL;
}

const struct cmd_entry *
cmd_find(struct tam_ctx *ctx, const char *name)
{
	const struct cmd_entry	*e;
	char			*hint;

	if ((e = cmd_lookup(cmd_table(), name)) == NULL) {
		hint = cmd_suggest(cmd_table(), "", name);
		cmd_fail(ctx, TAM_USAGE, "unknown command '%s'%s", name,
		    *hint != '\0' ? hint : "; see 'tam help'");
		free(hint);
	}
	return e;
}

static void
write_usage(FILE *fp, const struct cmd_entry *e)
{
	const struct cmd_entry *const	*t;
	const char *const		*g;

	if (e == NULL) {
		fputs("usage: tam [--db PATH] [--today DATE] [--format F] "
		    "[--color WHEN] [-q] COMMAND [ARGS]\n", fp);
		for (g = groups; *g != NULL; g++) {
			fprintf(fp, "\n%s:\n", *g);
			for (t = cmd_table(); *t != NULL; t++)
				if ((*t)->group != NULL &&
				    strcmp((*t)->group, *g) == 0)
					fprintf(fp, "  %-12s %s\n", (*t)->name,
					    (*t)->summary);
		}
		fputs("\nhelp:\n", fp);
		for (t = cmd_table(); *t != NULL; t++)
			if ((*t)->group == NULL && !((*t)->flags & CMD_HIDDEN))
				fprintf(fp, "  %-12s %s\n", (*t)->name,
				    (*t)->summary);
		/* How names are matched: every command takes them so. */
		fputs("\nACCOUNT is an id, a Salesforce ID, a name or the "
		    "start of one; --tam P is a\nTAM's name or the start of "
		    "it or of one of its words (alice, chen: Alice Chen).\n"
		    "Names match in any case of any script (SOCIÉTÉ is "
		    "Société, STRASSE is Straße).\n", fp);
		fputs("\nGlobal options go anywhere after 'tam'; long options "
		    "are written in full.\n'tam help COMMAND' or 'tam COMMAND "
		    "--help' for more; man tam for everything.\n", fp);
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

/* The "  -y, --yes ARG" column of an option, in buf. */
static int
option_column(char *buf, size_t size, const struct cmd_option *o)
{
	char	shortname[8] = "";

	if (o->shortname != 0)
		(void)snprintf(shortname, sizeof shortname, "-%c, ",
		    o->shortname);
	return snprintf(buf, size, "  %s--%s%s%s", shortname, o->name,
	    o->arg != NULL ? " " : "", o->arg != NULL ? o->arg : "");
}

/*
 * The option lines: a column of names wide enough for most (a longer
 * one puts its help on the next line), the help, and the default after
 * it, or under it when the line would pass 80 columns.
 */
static void
write_options(FILE *fp, const struct cmd_option *options)
{
	const struct cmd_option	*o;
	char			 col[96];
	int			 w = 0, n, len;

	for (o = options; o->name != NULL; o++)
		if ((n = option_column(col, sizeof col, o)) > w && n <= 24)
			w = n;
	w += 2;
	fputs("\noptions:\n", fp);
	for (o = options; o->name != NULL; o++) {
		n = option_column(col, sizeof col, o);
		if (n > w - 2)
			fprintf(fp, "%s\n%*s", col, w, "");
		else
			fprintf(fp, "%-*s", w, col);
		fputs(o->help, fp);
		len = w + (int)strlen(o->help);
		if (o->def == NULL)
			fputc('\n', fp);
		else if (len + (int)strlen(o->def) + 12 <= 80)
			fprintf(fp, " (default: %s)\n", o->def);
		else
			fprintf(fp, "\n%*s(default: %s)\n", w, "", o->def);
	}
}

void
cmd_help(FILE *fp, const struct cmd_entry *e)
{
	const struct cmd_entry *const	*t;
	int				 i, w = 0;

	write_usage(fp, e);
	if (e == NULL)
		return;
	fprintf(fp, "\n%s\n", e->summary);
	if (e->sub != NULL) {
		fputs("\ncommands:\n", fp);
		for (t = e->sub; *t != NULL; t++)
			if ((int)strlen((*t)->name) > w)
				w = (int)strlen((*t)->name);
		for (t = e->sub; *t != NULL; t++)
			fprintf(fp, "  %-*s  %s\n", w, (*t)->name,
			    (*t)->summary);
	}
	if (e->options != NULL && e->options->name != NULL)
		write_options(fp, e->options);
	if (e->examples[0] != NULL) {
		fputs("\nexamples:\n", fp);
		for (i = 0; i < CMD_EXAMPLES_MAX && e->examples[i] != NULL; i++)
			fprintf(fp, "  $ %s\n", e->examples[i]);
	}
	if (e->sub != NULL)
		fprintf(fp, "\n'tam help %s COMMAND' for its options and "
		    "examples.\n", e->name);
}

/*
 * The optimal string alignment distance (Damerau-Levenshtein with
 * adjacent swaps, as git's suggestions use): insertions, deletions,
 * substitutions and swaps each count one.  Names are short; longer
 * words are simply far.
 */
#define NEAR_MAX	64
static int
edit_distance(const char *a, const char *b)
{
	int	d[NEAR_MAX + 1][NEAR_MAX + 1];
	int	la = (int)strlen(a), lb = (int)strlen(b), i, j, c, v;

	if (la > NEAR_MAX || lb > NEAR_MAX)
		return NEAR_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			c = a[i - 1] != b[j - 1];
			v = d[i - 1][j - 1] + c;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/* The nearest names seen so far. */
#define NEAR_SHOWN	3
struct near {
	const char	*word;
	int		 best;
	int		 n;
	const char	*names[NEAR_SHOWN];
};

/*
 * Weighs one name.  Near is at most two edits, and fewer than the word
 * has letters ("x" suggests nothing); with prefixes, a name the word
 * starts counts as no edit at all ("acc" is account).
 */
static void
near_add(struct near *nr, const char *name, int prefixes)
{
	size_t	len = strlen(nr->word);
	int	d;

	if (prefixes && len >= 2 && strncmp(name, nr->word, len) == 0)
		d = 0;
	else if ((d = edit_distance(nr->word, name)) > 2 || d >= (int)len)
		return;
	if (d < nr->best) {
		nr->best = d;
		nr->n = 0;
	}
	if (d == nr->best && nr->n < NEAR_SHOWN)
		nr->names[nr->n++] = name;
}

/* "; did you mean 'a', 'b' or 'c'?", or "" (allocated). */
static char *
near_text(const struct near *nr, const char *prefix)
{
	char	*s, *t;
	int	 i;

	if (nr->n == 0)
		return xstrdup("");
	s = xstrdup("; did you mean ");
	for (i = 0; i < nr->n; i++) {
		t = xasprintf("%s%s'%s%s'", s, i == 0 ? "" :
		    i == nr->n - 1 ? " or " : ", ", prefix, nr->names[i]);
		free(s);
		s = t;
	}
	t = xasprintf("%s?", s);
	free(s);
	return t;
}

char *
cmd_suggest(const struct cmd_entry *const *table, const char *prefix,
    const char *word)
{
	struct near	nr = { word, NEAR_MAX, 0, { NULL } };

	for (; table != NULL && *table != NULL; table++)
		if (!((*table)->flags & CMD_HIDDEN))
			near_add(&nr, (*table)->name, 1);
	return near_text(&nr, prefix);
}

void
cmd_version(FILE *fp)
{
	fprintf(fp, "tam %s (sqlite %s, schema %d)\n", TAM_VERSION,
	    db_sqlite_version(), db_schema_version());
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

/* Reports getopt_long's '?' or ':' for the argument before optind. */
static int
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

/*
 * The running command's getopt_long table, built from its entry by
 * start_getopt() before exec, and what its options were given so far,
 * by their place in the entry's table: the last value of each, whether
 * it was given, and the dates and periods parsed as they were read.
 */
static const struct cmd_entry	*running;
static struct option		 getopt_table[CMD_OPTIONS_MAX + 1];
static char			 getopt_shorts[2 * CMD_OPTIONS_MAX + 2];
static const char		*values[CMD_OPTIONS_MAX];
static int			 given[CMD_OPTIONS_MAX];
static int			 dates[CMD_OPTIONS_MAX];
static struct period		 periods[CMD_OPTIONS_MAX];
static char			*stdin_note;	/* "--note -", this try's */
static int			 stdin_note_taken;	/* by this try */

static void
start_getopt(const struct cmd_entry *e)
{
	const struct cmd_option	*o;
	char			*p = getopt_shorts;
	size_t			 n = 0;

	running = e;
	memset(getopt_table, 0, sizeof getopt_table);
	memset(values, 0, sizeof values);
	memset(given, 0, sizeof given);
	stdin_note_taken = 0;
	/* ':' first: a missing value is ':', not '?', and no message. */
	*p++ = ':';
	for (o = e->options; o != NULL && o->name != NULL; o++, n++) {
		if (n == CMD_OPTIONS_MAX)
			abort();	/* too long a table: raise the maximum */
		getopt_table[n].name = o->name;
		getopt_table[n].has_arg = o->has_arg;
		getopt_table[n].val = o->id;
		if (o->shortname != 0) {
			*p++ = (char)o->shortname;
			if (o->has_arg == required_argument)
				*p++ = ':';
		}
	}
	*p = '\0';
	optind = 0;		/* glibc: start afresh */
	opterr = 0;
}

/* The options end: the texts are checked, the arguments counted. */
static int
end_of_options(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct cmd_args	*a = &running->args;
	const struct cmd_option	*o;
	char			 name[64];
	int			 i, n = argc - optind;

	for (i = 0, o = running->options; o != NULL && o->name != NULL;
	    i++, o++) {
		if (!(o->flags & CMD_OPT_TEXT) || values[i] == NULL)
			continue;
		(void)snprintf(name, sizeof name, "--%s", o->name);
		if (cmd_check_text(ctx, name, values[i]) != TAM_OK)
			return CMD_OPT_ERROR;
	}
	if (n < a->lower)
		return cmd_misuse(ctx, "%s", a->missing), CMD_OPT_ERROR;
	if (a->upper >= 0 && n > a->upper) {
		if (a->extra != NULL)
			return cmd_misuse(ctx, "%s", a->extra), CMD_OPT_ERROR;
		return cmd_misuse(ctx, "%s: unexpected argument '%s'%s",
		    ctx->cmd, argv[optind + a->upper],
		    a->hint != NULL ? a->hint : ""), CMD_OPT_ERROR;
	}
	return CMD_OPT_END;
}

/* Reads the value of option o, the i-th of the table, as it comes. */
static int
read_value(struct tam_ctx *ctx, const struct cmd_option *o, int i)
{
	char	name[64];

	given[i] = 1;
	values[i] = optarg;
	(void)snprintf(name, sizeof name, "--%s", o->name);
	if ((o->flags & CMD_OPT_TEXT_NOW) &&
	    cmd_check_text(ctx, name, optarg) != TAM_OK)
		return CMD_OPT_ERROR;
	if ((o->flags & CMD_OPT_DATE) &&
	    cmd_parse_date(ctx, name, optarg, &dates[i]) != TAM_OK)
		return CMD_OPT_ERROR;
	if ((o->flags & CMD_OPT_PERIOD) &&
	    cmd_parse_period(ctx, name, optarg, &periods[i]) != TAM_OK)
		return CMD_OPT_ERROR;
	return CMD_OPT_END;
}

int
cmd_getopt(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct cmd_option	*o;
	int			 ch, i;

	ch = getopt_long(argc, argv, getopt_shorts, getopt_table, NULL);
	if (ch == -1)
		return end_of_options(ctx, argc, argv);
	if (ch == '?' || ch == ':')
		return cmd_bad_option(ctx, argv, ch), CMD_OPT_ERROR;
	for (i = 0, o = running->options; o->name != NULL; i++, o++) {
		if (o->id != ch)
			continue;
		/* "--note -": the note comes from standard input. */
		if (strcmp(o->name, "note") == 0 && strcmp(optarg, "-") == 0) {
			if (stdin_note_taken)
				return cmd_misuse(ctx, "--note -: standard "
				    "input can be read once"), CMD_OPT_ERROR;
			stdin_note_taken = 1;
			/* A try run again gets the text the first one read. */
			free(stdin_note);
			stdin_note = NULL;
			if (cmd_text_stdin(ctx, "--note", &stdin_note) !=
			    TAM_OK)
				return CMD_OPT_ERROR;
			optarg = stdin_note;
		}
		if (read_value(ctx, o, i) == CMD_OPT_ERROR)
			return CMD_OPT_ERROR;
	}
	return ch;
}

/*
 * Runs e's exec on its words.  The options are read and the arguments
 * counted first, unless exec reads its argv itself: so exec starts with
 * its values in cmd_opt_arg() and gets its positional arguments alone.
 */
static int
run_exec(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv)
{
	int	ch;

	if (e->flags & CMD_OWN_ARGV)
		return e->exec(ctx, argc, argv);
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0)
		continue;
	if (ch != CMD_OPT_END)
		return TAM_USAGE;
	return e->exec(ctx, argc - optind, argv + optind);
}

/* The place of option id in the running command's table. */
static int
option_index(int id)
{
	const struct cmd_option	*o;
	int			 i;

	for (i = 0, o = running->options; o != NULL && o->name != NULL;
	    i++, o++)
		if (o->id == id)
			return i;
	abort();	/* an option the entry does not have: a typo */
}

int
cmd_opt_given(int id)
{
	return given[option_index(id)];
}

const char *
cmd_opt_arg(int id)
{
	return values[option_index(id)];
}

const char *
cmd_opt_text(int id)
{
	const char	*s = values[option_index(id)];

	return s != NULL && *s != '\0' ? s : NULL;
}

int
cmd_opt_date(int id, int *day)
{
	int	i = option_index(id);

	if (given[i])
		*day = dates[i];
	return given[i];
}

int
cmd_opt_period(int id, struct period *p)
{
	int	i = option_index(id);

	if (given[i])
		*p = periods[i];
	return given[i];
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
cmd_parse_date(struct tam_ctx *ctx, const char *option, const char *s,
    int *out)
{
	if (date_parse_arg(s, ctx->today, out) != 0)
		return cmd_misuse(ctx, "%s: '%s' is not a date (%s)", option, s,
		    date_arg_forms);
	return TAM_OK;
}

int
cmd_parse_period(struct tam_ctx *ctx, const char *option, const char *s,
    struct period *out)
{
	if (period_parse(s, out) != 0)
		return cmd_fail(ctx, TAM_USAGE, "%s: '%s' is not a period (N, "
		    "Nd, Nw or Nm)", option, s);
	return TAM_OK;
}

int
cmd_tam_option(struct tam_ctx *ctx, const char *tam, char **fold)
{
	*fold = NULL;
	if (tam == NULL)
		return TAM_OK;
	return cmd_tam_resolve(ctx, tam, fold);
}

/*
 * The store's answers: cmd_fail_take() keeps err and returns rc when rc
 * is an error, and does nothing with TAM_OK and no message.
 */
int
cmd_account_resolve(struct tam_ctx *ctx, const char *spec, int64_t *id)
{
	char	*err = NULL;
	int	 rc = account_resolve(ctx->db, spec, id, &err);

	return cmd_fail_take(ctx, rc, err);
}

int
cmd_account_load(struct tam_ctx *ctx, int64_t id, struct account *a)
{
	char	*err = NULL;
	int	 rc = account_load(ctx->db, id, a, &err);

	return cmd_fail_take(ctx, rc, err);
}

int
cmd_account_find(struct tam_ctx *ctx, const char *spec, struct account *a)
{
	char	*err = NULL;
	int	 rc = account_find(ctx->db, spec, a, &err);

	return cmd_fail_take(ctx, rc, err);
}

int
cmd_account_name_check(struct tam_ctx *ctx, const struct account *old,
    const struct account *a)
{
	char	*err = NULL;
	int	 rc = account_name_check(ctx->db, old, a, &err);

	return cmd_fail_take(ctx, rc, err);
}

int
cmd_tam_resolve(struct tam_ctx *ctx, const char *spec, char **fold)
{
	char	*err = NULL;
	int	 rc = account_tam_resolve(ctx->db, spec, fold, &err);

	return cmd_fail_take(ctx, rc, err);
}

int
cmd_account_writer(struct tam_ctx *ctx, const char *author,
    struct account_writer *w)
{
	w->db = ctx->db;
	w->today = ctx->today;
	w->author = author;
	return (w->settings = cmd_settings(ctx)) != NULL ? TAM_OK : TAM_FAIL;
}

void
cmd_said(void *ctx, char *line)
{
	tam_info_done_take(ctx, line);
}

int
cmd_risk_env(struct tam_ctx *ctx, struct risk_env *e)
{
	memset(e, 0, sizeof *e);
	e->db = ctx->db;
	e->today = ctx->today;
	e->user = ctx->user;
	e->cmd = ctx->cmd;
	e->said = cmd_said;
	e->said_arg = ctx;
	return (e->settings = cmd_settings(ctx)) != NULL ? TAM_OK : TAM_FAIL;
}

int
cmd_risk_end(struct tam_ctx *ctx, const struct risk_env *e, int rc,
    char *err)
{
	if (rc != TAM_OK && e->misuse)
		ctx->show_usage = 1;
	return cmd_fail_take(ctx, rc, err);
}

int
cmd_risk_run(struct tam_ctx *ctx, const char *spec, int64_t id,
    enum risk_event ev, int has_note, const struct risk_args *args)
{
	struct risk_env	 e;
	char		*err = NULL;
	int		 rc;

	if ((rc = cmd_risk_env(ctx, &e)) != TAM_OK)
		return rc;
	if (spec != NULL)
		rc = risk_run_account(&e, spec, ev, has_note, args, &err);
	else
		rc = risk_run_cta(&e, id, ev, has_note, args, &err);
	return cmd_risk_end(ctx, &e, rc, err);
}

int
cmd_list_end(struct tam_ctx *ctx, struct out *o, int rc, char *err)
{
	if (rc < 0) {
		out_abandon(o);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	/* A failed write: the dispatcher's check of stdout says why. */
	return out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
}

int
cmd_attendees(const struct account *a, const struct settings *s, char **out)
{
	struct sched_people	 p = {
		.tam = a->tam,
		.sal = a->sal,
		.sa = a->sa,
		.rsd = a->rsd,
		.tam_manager = a->tam_manager,
		.upsell = a->upsell,
		.strategic = account_strategic(a, s->strategic_cents)
	};

	return sched_attendees(&p, s, out);
}

int
cmd_parse_id(const char *s, int64_t *out)
{
	/* "01" is no id: an id is written as tam prints it. */
	if (*s == '0')
		return -1;
	return parse_int(s, 1, INT64_MAX, out);
}

int
cmd_parse_id_arg(struct tam_ctx *ctx, const char *what, const char *s,
    int64_t *id)
{
	if (cmd_parse_id(s, id) != 0)
		return cmd_misuse(ctx, "%s: '%s' is not a %s id", ctx->cmd, s,
		    what);
	return TAM_OK;
}

int
cmd_parse_ids(struct tam_ctx *ctx, int argc, char **argv, int64_t **ids)
{
	int	i;

	*ids = NULL;
	*ids = xcalloc((size_t)argc, sizeof **ids);
	for (i = 0; i < argc; i++)
		if (cmd_parse_id_arg(ctx, "task", argv[i], &(*ids)[i]) !=
		    TAM_OK) {
			free(*ids);
			*ids = NULL;
			return TAM_USAGE;
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
		    ((s = getenv("NO_COLOR")) == NULL || *s == '\0') &&
		    ((s = getenv("TERM")) == NULL || strcmp(s, "dumb") != 0);
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

static const struct global_opt *
find_global_short(char c)
{
	const struct global_opt	*g;

	for (g = globals; g->name != NULL; g++)
		if (g->shortname != 0 && g->shortname == c)
			return g;
	return NULL;
}

/* The command's long option of exactly this name, or NULL. */
static const struct cmd_option *
find_long(const struct cmd_option *options, const char *name, size_t len)
{
	const struct cmd_option	*o;

	for (o = options; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* The one option, global or the command's, that name abbreviates. */
static const char *
abbreviated(const struct cmd_option *options, const char *name, size_t len)
{
	const struct global_opt	*g;
	const struct cmd_option	*o;
	const char		*hit = NULL;
	int			 nhits = 0;

	for (g = globals; g->name != NULL; g++)
		if (strncmp(g->name, name, len) == 0) {
			hit = g->name;
			nhits++;
		}
	for (o = options; o != NULL && o->name != NULL; o++)
		if (strncmp(o->name, name, len) == 0) {
			hit = o->name;
			nhits++;
		}
	return nhits == 1 ? hit : NULL;
}

/*
 * Long options are matched exactly, here, for every command: getopt_long
 * would take a unique prefix ("--hor" for --horizon), and then any option
 * added later ("--horizon-end") would change what an old script means.
 */
static int
unknown_long(struct tam_ctx *ctx, const struct cmd_option *options,
    const char *a)
{
	const struct global_opt	*g;
	const struct cmd_option	*o;
	struct near		 nr = { NULL, NEAR_MAX, 0, { NULL } };
	const char		*full;
	char			*word, *hint;
	size_t			 len = strcspn(a + 2, "=");
	int			 rc;

	if ((full = abbreviated(options, a + 2, len)) != NULL)
		return cmd_misuse(ctx, "unknown option '%.*s'; did you mean "
		    "'--%s'? (long options are written in full)",
		    (int)len + 2, a, full);
	/* No prefixes here: an ambiguous one ("--s") is plainly unknown. */
	nr.word = word = xasprintf("%.*s", (int)len, a + 2);
	for (o = options; o != NULL && o->name != NULL; o++)
		near_add(&nr, o->name, 0);
	for (g = globals; g->name != NULL; g++)
		near_add(&nr, g->name, 0);
	hint = near_text(&nr, "--");
	rc = cmd_misuse(ctx, "unknown option '--%s'%s", word, hint);
	free(hint);
	free(word);
	return rc;
}

/*
 * Applies global option g given at argv[*i]; its value may follow.
 * Returns g's CMD_ARG_*, or -1 (misuse).
 */
static int
apply_global(struct tam_ctx *ctx, const struct global_opt *g, int argc,
    char **argv, int *i)
{
	const char	*a = argv[*i], *eq = strchr(a, '=');
	const char	*value = eq != NULL ? eq + 1 : NULL;

	if (!g->has_arg && eq != NULL)
		return cmd_misuse(ctx, "option '--%s' takes no value",
		    g->name), -1;
	if (g->has_arg && value == NULL) {
		if (*i + 1 >= argc)
			return cmd_misuse(ctx, "option '--%s' needs a value",
			    g->name), -1;
		value = argv[++*i];
	}
	if (g->what == CMD_ARG_GLOBAL)
		cmd_global_option(ctx, g->name, value);
	return g->what;
}

int
cmd_global_arg(struct tam_ctx *ctx, int argc, char **argv, int *i)
{
	const struct global_opt	*g;
	const char		*a = argv[*i], *p;
	int			 what = CMD_ARG_GLOBAL;

	if (a[0] == '-' && a[1] == '-') {
		if ((g = find_global_long(a + 2, strcspn(a + 2, "="))) == NULL)
			return unknown_long(ctx, NULL, a), -1;
		return apply_global(ctx, g, argc, argv, i);
	}
	/* A cluster of -q, -h and -V; the first of -h and -V counts. */
	for (p = a + 1; *p != '\0'; p++)
		if (find_global_short(*p) == NULL)
			return cmd_misuse(ctx, "unknown option '-%c'", *p), -1;
	for (p = a + 1; *p != '\0'; p++) {
		g = find_global_short(*p);
		if (g->what == CMD_ARG_GLOBAL)
			cmd_global_option(ctx, g->name, NULL);
		else if (what == CMD_ARG_GLOBAL)
			what = g->what;
	}
	return what;
}

/* Does c name a short option of the command, and one with a value? */
static const struct cmd_option *
find_short(const struct cmd_option *options, char c)
{
	const struct cmd_option	*o;

	for (o = options; o != NULL && o->name != NULL; o++)
		if (o->shortname != 0 && o->shortname == c)
			return o;
	return NULL;
}

static int
short_takes_value(const struct cmd_option *options, char c)
{
	const struct cmd_option	*o = find_short(options, c);

	return o != NULL && o->has_arg == required_argument;
}

/*
 * Takes the global options out of a command's arguments, so the command
 * parses only its own, and checks that each long option is one of the
 * command's, written in full.  argv[0] is kept.  Returns the new argc, or
 * -1 (with the error in ctx).  *what becomes CMD_ARG_HELP or
 * CMD_ARG_VERSION for the first -h/--help or -V/--version.
 */
static int
strip_globals(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv, char **out, int *what)
{
	const struct global_opt	*g;
	const struct cmd_option	*o;
	const char		*a;
	char			*w, *r;
	int			 i, n = 0, value_next, rc;
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
			len = strcspn(a + 2, "=");
			if ((g = find_global_long(a + 2, len)) != NULL) {
				if ((rc = apply_global(ctx, g, argc, argv,
				    &i)) < 0)
					return -1;
				if (rc != CMD_ARG_GLOBAL && *what == 0)
					*what = rc;
				continue;
			}
			if ((o = find_long(e->options, a + 2, len)) == NULL)
				return unknown_long(ctx, e->options, a), -1;
			out[n++] = argv[i];
			if (a[2 + len] == '\0' &&
			    o->has_arg == required_argument && i + 1 < argc)
				out[n++] = argv[++i];
			continue;
		}
		if (a[0] != '-' || a[1] == '\0') {
			out[n++] = argv[i];
			continue;
		}
		/* A cluster of short options: drop -q, -h and -V, in place. */
		w = r = argv[i] + 1;
		value_next = 0;
		for (; *r != '\0'; r++) {
			if (short_takes_value(e->options, *r)) {
				value_next = r[1] == '\0';
				memmove(w, r, strlen(r) + 1);
				w += strlen(w);
				break;
			}
			g = find_global_short(*r);
			if (g != NULL && find_short(e->options, *r) == NULL) {
				if (g->what == CMD_ARG_GLOBAL)
					cmd_global_option(ctx, g->name, NULL);
				else if (*what == 0)
					*what = g->what;
			} else
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

char *
cmd_database_path(const struct tam_ctx *ctx)
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

void
cmd_help_database(FILE *fp, const struct tam_ctx *ctx)
{
	char	*path = cmd_database_path(ctx), *shown;

	if (path == NULL)
		shown = xstrdup("none: set --db, TAM_DB or HOME");
	else
		shown = db_display_name(path);
	fputs("\ndatabase: ", fp);
	text_put(fp, shown, TEXT_LINE);
	fputs("\n(--db, TAM_DB: an SQLite file, or PostgreSQL as "
	    "postgresql://... or service=NAME)\n", fp);
	free(shown);
	free(path);
}

/*
 * A closed pipe (`tam due | head -1`) is no failure: the reader has what
 * it wanted, and main ends tam by SIGPIPE after the commit.
 */
static int	output_failed(struct tam_ctx *, int, int);

int
cmd_check_output(struct tam_ctx *ctx, int rc)
{
	int	e;

	if (ctx->out_errno != 0 || (e = out_flush(stdout)) == 0)
		return rc;
	return output_failed(ctx, rc, e);
}

/* The status of a command whose output failed with errno e. */
static int
output_failed(struct tam_ctx *ctx, int rc, int e)
{
	ctx->out_errno = e;
	if (e == EPIPE) {
		/* A failure with no message is the command seeing the pipe. */
		return rc == TAM_FAIL && ctx->errmsg == NULL ? TAM_OK : rc;
	}
	if (rc == TAM_OK || ctx->errmsg == NULL)
		cmd_fail(ctx, TAM_FAIL, "cannot write output: %s",
		    strerror(e));
	return TAM_FAIL;
}

/*
 * How many times a command runs again after a failure that a new try
 * may not meet (db_retry: a server's serialization failure or deadlock),
 * and the longest pause before a try, in milliseconds.
 */
#define RETRIES		5
#define RETRY_PAUSE_MS	100

/*
 * What a command prints while it may still run again: held in memory,
 * written out only by the try that is kept.  Only a server's commands
 * can be run again; on SQLite, output goes straight out as ever.
 */
struct held_output {
	FILE	*real;
	FILE	*fp;
	char	*buf;
	size_t	 len;
};

static void
hold_output(struct held_output *h)
{
	fflush(stdout);
	h->real = stdout;
	h->buf = NULL;
	h->len = 0;
	if ((h->fp = open_memstream(&h->buf, &h->len)) == NULL)
		return;		/* no memory: print as it comes, no retry */
	stdout = h->fp;
	out_hold(h->fp);
}

/*
 * Ends holding: the output goes out if keep, else it is forgotten.  The
 * errno of a write that failed, or 0.
 */
static int
release_output(struct held_output *h, int keep)
{
	int	e = 0;

	if (h->fp == NULL)
		return 0;
	fclose(h->fp);
	stdout = h->real;
	out_hold(NULL);
	errno = 0;
	if (keep && h->len > 0 && (fwrite(h->buf, 1, h->len, stdout) !=
	    h->len || fflush(stdout) != 0))
		e = errno != 0 ? errno : EIO;
	free(h->buf);
	h->fp = NULL;
	return e;
}

/* Forgets what a try that is not kept left in ctx. */
static void
forget_try(struct tam_ctx *ctx, const struct cmd_entry *e, int attempt)
{
	struct timespec	pause;
	long		ms;

	tam_info_flush(ctx, 0);
	free(ctx->errmsg);
	ctx->errmsg = NULL;
	ctx->show_usage = 0;
	/* What the other session committed meanwhile: read it again. */
	free(ctx->settings);
	ctx->settings = NULL;
	start_getopt(e);
	/* Apart, so that the commands that met do not meet again. */
	ms = (random() % RETRY_PAUSE_MS) * (attempt + 1) / RETRIES + 1;
	pause.tv_sec = 0;
	pause.tv_nsec = ms * 1000000;
	nanosleep(&pause, NULL);
}

/*
 * Opens the database, runs exec in its transaction, commits.  On a
 * server, a transaction that failed for what a new try may not meet is
 * run again from its start, a few times, with its output held back.
 */
static int
run_with_db(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv)
{
	struct held_output	 held;
	char			*path, *err = NULL, *warn = NULL;
	int			 rc, attempt, server, werr = 0;

	if ((path = cmd_database_path(ctx)) == NULL)
		return cmd_fail(ctx, TAM_FAIL, "no database: set --db, TAM_DB "
		    "or HOME");
	ctx->db_path = ctx->owned[0] = path;
	if ((server = db_is_server(path)) && !db_server_support()) {
		err = db_display_name(path);
		rc = cmd_fail(ctx, TAM_USAGE, "'%s' is a PostgreSQL database, "
		    "but this tam was built without PostgreSQL support; build "
		    "it with libpq (Debian: libpq-dev), or give a file with "
		    "--db", err);
		free(err);
		return rc;
	}
	if (db_open(path, &ctx->db, &warn, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (warn != NULL)
		tam_warn("warning: %s", warn);
	free(warn);
	ctx->db_name = db_name(ctx->db);
	/*
	 * What a team member writes is signed with their login.  The
	 * owner's (a script's, or the site's superuser) keeps $USER, as a
	 * file's does.
	 */
	if (db_login_role(ctx->db) != DB_ROLE_FILE &&
	    db_login_role(ctx->db) != DB_ROLE_OWNER)
		ctx->user = db_login(ctx->db);
	srandom((unsigned)getpid());
	for (attempt = 0;; attempt++) {
		if (db_begin(ctx->db, (e->flags & CMD_WRITE) != 0, &err) != 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
		held.fp = NULL;
		if (server)
			hold_output(&held);
		rc = run_exec(ctx, e, argc, argv);
		if (rc == TAM_OK || !db_retry(ctx->db) || attempt == RETRIES ||
		    held.fp == NULL) {
			werr = release_output(&held, 1);
			break;
		}
		release_output(&held, 0);
		db_rollback(ctx->db);
		forget_try(ctx, e, attempt);
	}
	/*
	 * What the command printed is part of its work: it must be out
	 * before the commit keeps the rest, and the command fails if not.
	 * A failed first command leaves the new database as it was made,
	 * complete and empty: another tam may already have it open, so
	 * removing it could lose what that one writes.
	 */
	rc = werr != 0 ? output_failed(ctx, rc, werr) :
	    cmd_check_output(ctx, rc);
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

/*
 * A command with sub-commands given none, or an unknown one: the error,
 * then the sub-commands with a line each, in the form of a usage.
 */
static int
which_sub(struct tam_ctx *ctx, const struct cmd_entry *e, const char *bad,
    const char *before)
{
	const struct cmd_entry *const	*t;
	char				*hint, *prefix;
	int				 w = 0;

	if (bad != NULL) {
		prefix = xasprintf("%s ", e->name);
		hint = cmd_suggest(e->sub, prefix, bad);
		tam_warn("unknown command '%s %s'%s", e->name, bad, hint);
		free(hint);
		free(prefix);
	}
	else if (before != NULL)
		tam_warn("%s: give the sub-command before '%.*s'", e->name,
		    (int)strcspn(before, "="), before);
	else
		tam_warn("%s: which one? ('tam help %s' shows their options)",
		    e->name, e->name);
	for (t = e->sub; *t != NULL; t++)
		if ((int)strlen((*t)->name) > w)
			w = (int)strlen((*t)->name);
	for (t = e->sub; *t != NULL; t++)
		tam_warn("%s tam %s %-*s  %s", t == e->sub ? "usage:" :
		    "      ", e->name, w, (*t)->name, (*t)->summary);
	free(ctx->errmsg);
	ctx->errmsg = xstrdup("");
	return TAM_USAGE;
}

/* Is name ("tam=x" of "--tam=x") an option of one of e's sub-commands? */
static int
sub_option(const struct cmd_entry *e, const char *name)
{
	const struct cmd_entry *const	*t;

	for (t = e->sub; *t != NULL; t++)
		if (find_long((*t)->options, name, strcspn(name, "=")) !=
		    NULL)
			return 1;
	return 0;
}

/*
 * Finds the sub-command of e in argv[1..argc): global options may stand
 * before it.  Returns its index, 0 when help was asked for (and printed),
 * or -1 (the error reported) with *rc set.
 */
static int
find_sub(struct tam_ctx *ctx, const struct cmd_entry *e, int argc,
    char **argv, int *what, int *rc)
{
	const char	*a;
	int		 i, w;

	for (i = 1; i < argc && cmd_at_option(argv, &i); i++) {
		a = argv[i];
		if (a[1] == '-' && sub_option(e, a + 2)) {
			*rc = which_sub(ctx, e, NULL, a);
			return -1;
		}
		if ((w = cmd_global_arg(ctx, argc, argv, &i)) < 0) {
			*rc = TAM_USAGE;
			return -1;
		}
		if (w != CMD_ARG_GLOBAL && *what == 0)
			*what = w;
	}
	if (i < argc && cmd_lookup(e->sub, argv[i]) != NULL)
		return i;
	if (i == argc && *what == CMD_ARG_HELP) {
		cmd_help(stdout, e);
		*rc = TAM_OK;
		return 0;
	}
	if (*what == CMD_ARG_VERSION) {
		cmd_version(stdout);
		*rc = TAM_OK;
		return 0;
	}
	*rc = which_sub(ctx, e, i < argc ? argv[i] : NULL, NULL);
	return -1;
}

int
cmd_at_option(char **argv, int *i)
{
	const char	*a = argv[*i];

	if (a[0] != '-' || a[1] == '\0')
		return 0;
	if (strcmp(a, "--") == 0) {
		(*i)++;
		return 0;
	}
	return 1;
}

int
cmd_dispatch(struct tam_ctx *ctx, int argc, char **argv, int help)
{
	const struct cmd_entry	*e;
	char			**args;
	int			 n, i, what, rc;

	if ((e = cmd_find(ctx, argv[0])) == NULL)
		return TAM_USAGE;
	ctx->cmd = e->name;
	what = help ? CMD_ARG_HELP : 0;
	if (e->sub != NULL) {
		if ((i = find_sub(ctx, e, argc, argv, &what, &rc)) <= 0)
			return rc;
		e = cmd_lookup(e->sub, argv[i]);
		ctx->cmd = ctx->owned[1] = xasprintf("%s %s", argv[0],
		    e->name);
		argc -= i;
		argv += i;
	}
	args = xcalloc((size_t)argc + 1, sizeof *args);
	n = strip_globals(ctx, e, argc, argv, args, &what);
	if (n < 0)
		rc = TAM_USAGE;
	else if (what == CMD_ARG_HELP) {
		cmd_help(stdout, e);
		rc = TAM_OK;
	} else if (what == CMD_ARG_VERSION) {
		cmd_version(stdout);
		rc = TAM_OK;
	} else if ((rc = resolve_options(ctx)) == TAM_OK) {
		start_getopt(e);
		if (e->flags & CMD_DB)
			rc = run_with_db(ctx, e, n, args);
		else
			rc = cmd_check_output(ctx, run_exec(ctx, e, n, args));
	}
	/* Committed (or nothing to commit), and stdout is out. */
	tam_info_flush(ctx, rc == TAM_OK);
	if (ctx->show_usage && rc == TAM_USAGE) {
		/* The usage goes with the error: print the error first. */
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
