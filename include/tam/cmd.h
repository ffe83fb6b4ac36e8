/*
 * cmd.h: the command table's entries and what the dispatcher gives a
 * command.
 *
 * Adding a command:
 *  1. src/cmd/cmd-NAME.c exporting its exec, cmd_NAME_exec, and its
 *     options, cmd_NAME_options, a table of struct cmd_option
 *     (everything else static; both declared in tam/cmd-table.h).  The
 *     dispatcher refuses any long option not in the table, and any
 *     abbreviation; it reads them and counts the arguments before exec
 *     runs, which takes the values with cmd_opt_arg() and
 *     cmd_opt_given(); an entry flagged CMD_OWN_ARGV reads them itself
 *     with a cmd_getopt() loop, for values checked in the order given.
 *     Misuse returns TAM_USAGE via cmd_fail().
 *  2. its entry in src/cmd/table.c (name, usage, summary, options,
 *     args, flags, group, examples, exec) and its line in the table's
 *     list, in the order of `tam help`;
 *  3. tests: tests/cli/NAME.bats for every option and error path;
 *  4. the man page doc/tam.1, the README, and completion/;
 *  5. free text from the command line goes through cmd_check_text().
 * Flags say what the dispatcher provides: CMD_DB opens (and migrates)
 * the database, CMD_WRITE runs exec inside BEGIN IMMEDIATE ... COMMIT,
 * rolled back when exec returns non-zero.
 */
#ifndef TAM_CMD_H
#define TAM_CMD_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "tam/account-store.h"
#include "tam/risk.h"
#include "tam/tam.h"

#define CMD_DB		0x1	/* needs the database */
#define CMD_WRITE	0x2	/* writes: one IMMEDIATE transaction */
#define CMD_HIDDEN	0x4	/* for completion scripts: not in `tam help` */
/*
 * exec reads its argv itself: a cmd_getopt() loop, for values checked in
 * the order given, or the words as they are (help, __complete).
 */
#define CMD_OWN_ARGV	0x8

struct out;
struct period;
struct risk_args;
struct risk_env;
struct settings;

/*
 * One option of a command: getopt_long's table is built from it, the
 * dispatcher checks long options against it, and `--help` reads it.
 */
struct cmd_option {
	const char	*name;		/* long name; NULL ends the table */
	int		 shortname;	/* 0: none */
	int		 has_arg;	/* no_argument, required_argument */
	const char	*arg;		/* the value's name ("DATE"), or NULL */
	const char	*help;		/* one line: what it does */
	const char	*def;		/* the default, NULL: none */
	int		 id;		/* cmd_getopt returns it; > ':' */
	int		 flags;		/* CMD_OPT_* */
};

/* Free text: cmd_check_text'd when the options end, in table order. */
#define CMD_OPT_TEXT	0x1
/* A DATE or a PERIOD: parsed as the option is read (cmd_opt_date...). */
#define CMD_OPT_DATE	0x2
#define CMD_OPT_PERIOD	0x4
/* Free text checked as soon as it is read (the risk steps' notes). */
#define CMD_OPT_TEXT_NOW 0x8

/* --tam P, one meaning for every list and report. */
#define CMD_OPTION_TAM(id) { "tam", 0, required_argument, "P", \
	"only the accounts of this TAM (a name or its start)", "every TAM", \
	(id), 0 }
/* --tam P of the day's work (due, ics): without it, "me" when set. */
#define CMD_OPTION_TAM_ME(id) { "tam", 0, required_argument, "P", \
	"only the accounts of this TAM (a name or its start, me, all)", \
	"me when set (tam config set me), else all", (id), 0 }
/* The end of a table. */
#define CMD_OPTIONS_END { NULL, 0, 0, NULL, NULL, NULL, 0, 0 }

/*
 * The positional arguments after the options, counted when cmd_getopt
 * reaches their end.  Too few: the misuse is missing; too many: extra,
 * or "CMD: unexpected argument 'X'" followed by hint.  Left out, an
 * entry takes none.  upper -1: any number.
 */
struct cmd_args {
	int		 lower;
	int		 upper;
	const char	*missing;
	const char	*extra;
	const char	*hint;
};

/*
 * The args of a command taking exactly n arguments: one message serves
 * for too few and too many, since either way the fix is to give n.
 */
#define CMD_ARGS_EXACTLY(n, msg)	{ (n), (n), (msg), (msg), NULL }
/* One ACCOUNT, as most commands on an account take it. */
#define CMD_ARGS_ACCOUNT(cmd)	CMD_ARGS_EXACTLY(1, cmd ": which account?")
/* One CTA id, as the CTA sub-commands take it. */
#define CMD_ARGS_CTA(cmd)	CMD_ARGS_EXACTLY(1, \
	cmd ": which CTA? (an id from 'tam cta list')")

#define CMD_EXAMPLES_MAX	3

/* A command, written with designated initializers (.name = ...). */
struct cmd_entry {
	const char		*name;
	const char		*usage;		/* "account add NAME..." */
	const char		*summary;	/* one line for `tam help` */
	const struct cmd_option	*options;	/* NULL: none */
	struct cmd_args		 args;
	int			 flags;
	/*
	 * Gets the positional arguments alone (argv[0] the first), as many
	 * as args allows, the options read; a CMD_OWN_ARGV one its argv
	 * whole, from the command's name.
	 */
	int			(*exec)(struct tam_ctx *, int argc, char **argv);
	const struct cmd_entry	*const *sub;	/* sub-commands, NULL ends */
	/*
	 * `tam help CMD` shows them: each a whole command line starting
	 * "tam " that runs as written on a book holding an account Acme of
	 * TAM Alice Chen (tests/cli/global.bats runs every one).
	 */
	const char		*examples[CMD_EXAMPLES_MAX];
	const char		*group;		/* top-level: a CMD_GROUP_* */
};

/* The groups of `tam help`, in the order it shows them. */
#define CMD_GROUP_DAILY		"daily"
#define CMD_GROUP_ACCOUNTS	"accounts"
#define CMD_GROUP_PLAYBOOKS	"playbooks"
#define CMD_GROUP_REPORTS	"reports"
#define CMD_GROUP_DATA		"data"

/* The most options one command has (account set has 20). */
#define CMD_OPTIONS_MAX	32

/*
 * Runs the command line argv[0..argc) (argv[0] is the command name);
 * help is set when -h/--help came before the command.  Global options may
 * stand anywhere after "tam"; long options must be written in full (one
 * rule for every command, checked here against the entry's longopts, so
 * an entry must list every long option its exec accepts).  Returns the
 * exit code; ctx->errmsg holds the error, if any.
 */
int	 cmd_dispatch(struct tam_ctx *, int, char **, int help);
/*
 * Flushes stdout after a command (or what main printed) and returns the
 * status rc, or TAM_FAIL with "cannot write output" in ctx if a write
 * failed; a closed pipe is no failure.  The dispatcher checks before
 * the commit, main what is left at exit.
 */
int	 cmd_check_output(struct tam_ctx *, int rc);
/*
 * Whether argv[*i] is an option to read before a command or a
 * sub-command: a word starting with '-' (a lone "-" is an argument).
 * "--" ends the options, and *i moves past it.  Main and the
 * dispatcher read the global options with one rule.
 */
int	 cmd_at_option(char **argv, int *i);
/* Prints the usage of a command (or of tam with NULL) to fp. */
void	 cmd_usage(FILE *, const struct cmd_entry *);
/*
 * The database tam would use, as the end of the top help shows it: a
 * server's URI without its password.
 */
void	 cmd_help_database(FILE *, const struct tam_ctx *);
/*
 * Prints what `tam help CMD` and `tam CMD --help` show: the usage, then
 * each option with its argument, one line of help and its default, then
 * the examples; for NULL, the commands by group.  The parser's own
 * table is the text, so the two cannot drift.
 */
void	 cmd_help(FILE *, const struct cmd_entry *);
/*
 * The names in table (NULL-terminated; hidden commands left out)
 * nearest to word, allocated, as "; did you mean 'a'?" (or "'a' or
 * 'b'"), prefix written before each name ("account "); "" when none is
 * near enough.
 */
char	*cmd_suggest(const struct cmd_entry *const *table, const char *prefix,
	    const char *word);
/* The database's path: --db, TAM_DB, XDG_DATA_HOME, HOME; or NULL. */
char	*cmd_database_path(const struct tam_ctx *);
/* Prints the "tam --version" line to fp. */
void	 cmd_version(FILE *);

/* What cmd_global_arg() found. */
#define CMD_ARG_GLOBAL	1	/* an option applied to ctx (--db, -q...) */
#define CMD_ARG_HELP	2	/* -h, --help */
#define CMD_ARG_VERSION	3	/* -V, --version */
/*
 * Reads the global option at argv[*i] (which starts with '-'): a long one
 * written in full, "--db PATH" or "--db=PATH", or a cluster of -q, -h
 * and -V.  Applies it to ctx and leaves *i on its last word (the value).
 * Returns CMD_ARG_*, or -1 with the misuse in ctx when it is not one.
 */
int	 cmd_global_arg(struct tam_ctx *, int argc, char **argv, int *i);
/* Applies one global option (its long name and value) to ctx. */
int	 cmd_global_option(struct tam_ctx *, const char *name,
	    const char *value);
/* An exec's argument it has no use for: the count fixed, or none. */
#define CMD_UNUSED	__attribute__((__unused__))
/* Reports misuse: the message and the usage; returns TAM_USAGE. */
int	 cmd_misuse(struct tam_ctx *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Reads the running command's next option from its argv (the words from
 * the command's name on) with getopt_long and the table of its entry:
 * the dispatcher's loop, and a CMD_OWN_ARGV exec's.  Returns the option's
 * id; CMD_OPT_END once the options end and the positional arguments,
 * argv[optind..argc), are as many as the entry's args allow; or
 * CMD_OPT_ERROR with the misuse in ctx (an unknown option, a missing
 * value, a bad text, too few or too many arguments).
 */
#define CMD_OPT_END	0
#define CMD_OPT_ERROR	(-1)
int	 cmd_getopt(struct tam_ctx *, int argc, char **argv);
/*
 * What cmd_getopt() read of the running command's option id (one of its
 * entry's table; any other aborts): whether it was given; its value, the
 * last one given, or NULL; and the date or period of a CMD_OPT_DATE or
 * CMD_OPT_PERIOD option into *out, left as it is when the option was not
 * given (the return says whether it was).  So the switch of a command's
 * option loop keeps only the options whose values it checks itself, in
 * the order they were given.
 */
int	 cmd_opt_given(int id);
const char *cmd_opt_arg(int id);
/* cmd_opt_arg() of a text where "" says nothing: NULL for it too. */
const char *cmd_opt_text(int id);
int	 cmd_opt_date(int id, int *out);
int	 cmd_opt_period(int id, struct period *out);
/*
 * The settings of the open book, read once per process (settings_load)
 * and kept in ctx; NULL after cmd_fail() on a database error.
 */
const struct settings *cmd_settings(struct tam_ctx *);
/* The table of every command, NULL-terminated (src/cmd/table.c). */
const struct cmd_entry *const *cmd_table(void);
/* The entry called name in table (NULL-terminated; NULL: none), or NULL. */
const struct cmd_entry *cmd_lookup(const struct cmd_entry *const *table,
	    const char *name);
/*
 * The command called name, or NULL after failing with "unknown command"
 * and the names it may have meant (TAM_USAGE).
 */
const struct cmd_entry *cmd_find(struct tam_ctx *, const char *name);
/*
 * Checks the value of a free-text option (a note, a title) before it is
 * stored: valid UTF-8 (or json output would be invalid) and at most
 * CMD_TEXT_MAX bytes.  TAM_OK, or TAM_USAGE with the error in ctx
 * ("--note: value is not valid UTF-8").  A NULL value is fine.
 */
#define CMD_TEXT_MAX 65536
int	 cmd_check_text(struct tam_ctx *, const char *option, const char *);
/*
 * Parses the DATE value of option ("--due") with date_parse_arg() against
 * ctx->today into *out: TAM_OK, or TAM_USAGE naming the option and the
 * forms a date takes.
 */
int	 cmd_parse_date(struct tam_ctx *, const char *option, const char *,
	    int *out);
/*
 * A text from standard input ("tam note X -", "--note -"): read to its
 * end once for the process (a command run again gets the same text),
 * trailing newlines dropped, checked as cmd_check_text() does (what
 * names it in the errors).  TAM_OK with *out allocated, or the error.
 */
int	 cmd_text_stdin(struct tam_ctx *, const char *what, char **out);
/*
 * A text written in $VISUAL, $EDITOR or vi, like git commit: a 0600 temp
 * file holding template, the editor run on it by /bin/sh (the file name
 * an argument, never joined into the command), lines starting with '#'
 * dropped, blank ends trimmed.  TAM_OK with *out allocated (it may be
 * empty: the caller cancels), or the error (the editor failed).
 */
int	 cmd_text_edit(struct tam_ctx *, const char *what,
	    const char *template, char **out);
/*
 * Parses the PERIOD value of option ("--within") with period_parse()
 * into *out: TAM_OK, or TAM_USAGE naming the option and the forms a
 * period takes.
 */
int	 cmd_parse_period(struct tam_ctx *, const char *option, const char *,
	    struct period *out);
/*
 * Resolves the value of a CMD_OPTION_TAM option (NULL, not given: every
 * TAM) into *fold, allocated or NULL, as account_tam_resolve() does.
 */
int	 cmd_tam_option(struct tam_ctx *, const char *tam, char **fold);
/*
 * The account store (account-store.h) on the command's book, its error
 * put in ctx: TAM_OK, or the exit code after cmd_fail().
 */
int	 cmd_account_resolve(struct tam_ctx *, const char *spec, int64_t *id);
int	 cmd_account_load(struct tam_ctx *, int64_t id, struct account *);
int	 cmd_account_find(struct tam_ctx *, const char *spec,
	    struct account *);
int	 cmd_account_name_check(struct tam_ctx *, const struct account *old,
	    const struct account *a);
int	 cmd_tam_resolve(struct tam_ctx *, const char *spec, char **fold);
/* How the command writes accounts: its book, settings, day and user. */
int	 cmd_account_writer(struct tam_ctx *, const char *author,
	    struct account_writer *);
/*
 * The at-risk playbook (risk-apply.h) as the command runs it: the env
 * of its book, settings, day, user and name, what it does told after
 * the commit (tam_info_done); and its end, the error put in ctx (with
 * the usage after it for a misuse).  TAM_OK, or the exit code.
 */
int	 cmd_risk_env(struct tam_ctx *, struct risk_env *);
int	 cmd_risk_end(struct tam_ctx *, const struct risk_env *, int rc,
	    char *err);
/*
 * A whole playbook command, on the account named by spec or, spec NULL,
 * on CTA id (risk_run_account, risk_run_cta).
 */
int	 cmd_risk_run(struct tam_ctx *, const char *spec, int64_t id,
	    enum risk_event ev, int has_note, const struct risk_args *);
/* A tam_said_fn for ctx: the line is told after the commit. */
void	 cmd_said(void *ctx, char *line);
/*
 * Ends a listing: the rows a db_*_each() walk put into o are written
 * out, or, when the walk failed (rc < 0), dropped, and err (taken over)
 * becomes the command's error.  Returns the command's status.  Every
 * list command ends so, whatever it lists.
 */
int	 cmd_list_end(struct tam_ctx *, struct out *, int rc, char *err);
/*
 * The attendees of account a's review meetings, as sched_attendees()
 * names them from its people (SPEC §6), into out (SCHED_MAX_ATTENDEES
 * at the most): allocated strings the caller frees.  Returns how many.
 * One list for ics and review (due fills its own from a due_account).
 */
int	 cmd_attendees(const struct account *a, const struct settings *,
	    char **out);
/* Parses a positive integer id (task, CTA); 0 or -1. */
int	 cmd_parse_id(const char *, int64_t *);
/*
 * Parses the id argument s of a what ("task", "CTA") with
 * cmd_parse_id(): TAM_OK, or TAM_USAGE (via cmd_misuse) naming the
 * command and what s is not.
 */
int	 cmd_parse_id_arg(struct tam_ctx *, const char *what, const char *s,
	    int64_t *id);
/*
 * Parses argv[0..argc) as task ids into *ids (allocated, the caller
 * frees).  Returns TAM_OK, or TAM_USAGE (via cmd_misuse) when one is
 * malformed; the entry's args say how many there must be.
 */
int	 cmd_parse_ids(struct tam_ctx *, int argc, char **argv, int64_t **ids);

#endif
