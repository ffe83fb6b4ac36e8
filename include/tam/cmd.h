/*
 * cmd.h: the command table.
 *
 * Adding a command:
 *  1. src/cmd/cmd-NAME.c exporting one `const struct cmd_entry
 *     cmd_NAME_entry` (everything else static); options with getopt_long
 *     and a local longopts[], which the entry names too (the dispatcher
 *     refuses any long option not in it, and any abbreviation); misuse
 *     returns TAM_USAGE via cmd_fail().
 *  2. its line in the table of src/cmd.c (and the declaration below);
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
#include "tam/tam.h"

#define CMD_DB		0x1	/* needs the database */
#define CMD_WRITE	0x2	/* writes: one IMMEDIATE transaction */

struct cmd_entry {
	const char		*name;
	const char		*usage;		/* "account add NAME [--sfid ID]..." */
	const char		*summary;	/* one line for `tam help` */
	const char		*shortopts;	/* getopt(3) string, NULL: none */
	const struct option	*longopts;	/* NULL: none */
	int			 flags;
	int			(*exec)(struct tam_ctx *, int, char **);
	const struct cmd_entry	*const *sub;	/* sub-commands, NULL-terminated */
};

/*
 * Runs the command line argv[0..argc) (argv[0] is the command name);
 * help is set when -h/--help came before the command.  Global options may
 * stand anywhere after "tam"; long options must be written in full (one
 * rule for every command, checked here against the entry's longopts, so
 * an entry must list every long option its exec accepts).  Returns the
 * exit code; ctx->errmsg holds the error, if any.
 */
int	 cmd_dispatch(struct tam_ctx *, int, char **, int help);
/* Prints the usage of a command (or of tam with NULL) to fp. */
void	 cmd_usage(FILE *, const struct cmd_entry *);
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
/* Reports misuse: the message and the usage; returns TAM_USAGE. */
int	 cmd_misuse(struct tam_ctx *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Reports a getopt_long failure (ch is '?' or ':') for the argument
 * before optind; returns TAM_USAGE.
 */
int	 cmd_bad_option(struct tam_ctx *, char **argv, int ch);
/*
 * Checks the value of a free-text option (a note, a title) before it is
 * stored: valid UTF-8 (or json output would be invalid) and at most
 * CMD_TEXT_MAX bytes.  TAM_OK, or TAM_USAGE with the error in ctx
 * ("--note: value is not valid UTF-8").  A NULL value is fine.
 */
#define CMD_TEXT_MAX 65536
int	 cmd_check_text(struct tam_ctx *, const char *option, const char *);
/*
 * `tam done` and `tam skip`: parses [--note TEXT] TASK_ID... and closes
 * the tasks as status (all or none); note_required for skip.
 */
int	 cmd_close_tasks(struct tam_ctx *, int argc, char **argv,
	    const char *status, int note_required);
/* Parses a positive integer id (task, CTA); 0 or -1. */
int	 cmd_parse_id(const char *, int64_t *);
/*
 * Parses argv[0..argc) as task ids into *ids (allocated, the caller
 * frees).  Returns TAM_OK, or TAM_USAGE (via cmd_misuse) when there is
 * none or one is malformed.
 */
int	 cmd_parse_ids(struct tam_ctx *, int argc, char **argv, int64_t **ids);

/* Resets getopt for a command's own parse. */
#define CMD_GETOPT_RESET() (optind = 0, opterr = 0)

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_account_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_sync_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_task_entry;
extern const struct cmd_entry cmd_done_entry;
extern const struct cmd_entry cmd_skip_entry;
extern const struct cmd_entry cmd_action_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_sentiment_entry;
extern const struct cmd_entry cmd_risk_update_entry;
extern const struct cmd_entry cmd_cta_entry;
extern const struct cmd_entry cmd_timeline_entry;
extern const struct cmd_entry cmd_note_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_restore_entry;
extern const struct cmd_entry cmd_ics_entry;
extern const struct cmd_entry cmd_help_entry;

#endif
