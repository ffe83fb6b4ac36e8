/*
 * table.c: the command table, every command tam has: its name, usage,
 * summary, options, how many words it takes, what the dispatcher gives
 * it (CMD_DB, CMD_WRITE...), its examples and the exec that runs it.
 * The whole command line stands here, in the order of `tam help`, to be
 * read against the man page, the README and the completions in one
 * place, and which commands write at a glance.  Each exec and its option
 * table live in the command's own file, next to the code that reads the
 * options (src/cmd/cmd-NAME.c; declared in tam/cmd-table.h); the unit
 * test tests/unit/test-cmdtable.c checks that every option has its help
 * and stands in its entry's usage line.
 */
#include <stddef.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"

/* --- init (src/cmd/cmd-init.c) ------------------------------------------- */

static const struct cmd_entry init_entry = {
	.name = "init",
	.usage = "init",
	.summary = "create the database (any command does it too)",
	.args = { .extra = "init takes no arguments" },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam init",
		"tam --db team.db init"
	},
	.exec = cmd_init_exec
};

/* --- account (src/cmd/cmd-account.c) ------------------------------------- */

static const struct cmd_entry account_add_entry = {
	.name = "add",
	.usage = "account add NAME [--sfid ID] [--tam P] [--sal P] [--sa P] "
	    "[--rsd P]\n"
	    "                [--tam-manager P] [--acv AMOUNT] [--currency C]\n"
	    "                [--renewal DATE] [--health N] [--stage S] "
	    "[--upsell]\n"
	    "                [--region R] [--segment S] [--licenses N]\n"
	    "                [--active-users N] [--objectives TEXT]",
	.summary = "add an account",
	.options = cmd_account_add_options,
	.args = { 1, 1, "account add: the account name is missing",
	    "account add: one NAME only (quote a name with spaces)", NULL },
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam account add Initech --tam 'Alice Chen' --acv 120000",
		"tam account add Initech --renewal 2027-06-30 --upsell"
	},
	.exec = cmd_account_add_exec
};

static const struct cmd_entry account_set_entry = {
	.name = "set",
	.usage = "account set ACCOUNT [add's options] [--name NAME] "
	    "[--no-upsell]\n"
	    "                [--clear FIELD]...",
	.summary = "change an account",
	.options = cmd_account_set_options,
	.args = { 1, 1, "account set: which account?",
	    "account set: one ACCOUNT only", NULL },
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam account set Acme --health 72 --stage Adopting",
		"tam account set Acme --clear sal --no-upsell"
	},
	.exec = cmd_account_set_exec
};

static const struct cmd_entry account_show_entry = {
	.name = "show",
	.usage = "account show ACCOUNT",
	.summary = "show one account",
	.args = CMD_ARGS_ACCOUNT("account show"),
	.flags = CMD_DB,
	.examples = {
		"tam account show Acme",
		"tam account show acme --format json"
	},
	.exec = cmd_account_show_exec
};

static const struct cmd_entry account_list_entry = {
	.name = "list",
	.usage = "account list [--tam P] [--sentiment green|yellow|red] "
	    "[--triage]\n"
	    "                [--renewing-within PERIOD] [--strategic] "
	    "[--archived]",
	.summary = "list accounts",
	.options = cmd_account_list_options,
	.flags = CMD_DB | CMD_OWN_ARGV,
	.examples = {
		"tam account list --tam alice",
		"tam account list --sentiment red --triage",
		"tam account list --renewing-within 6m --strategic"
	},
	.exec = cmd_account_list_exec
};

static const struct cmd_entry account_archive_entry = {
	.name = "archive",
	.usage = "account archive ACCOUNT",
	.summary = "archive an account",
	.args = CMD_ARGS_ACCOUNT("account archive"),
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam account archive Globex"
	},
	.exec = cmd_account_archive_exec
};

static const struct cmd_entry account_rm_entry = {
	.name = "rm",
	.usage = "account rm ACCOUNT --yes",
	.summary = "delete an account and all its rows",
	.options = cmd_account_rm_options,
	.args = CMD_ARGS_ACCOUNT("account rm"),
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam account rm Globex --yes"
	},
	.exec = cmd_account_rm_exec
};

static const struct cmd_entry *const account_subs[] = {
	&account_add_entry,
	&account_set_entry,
	&account_show_entry,
	&account_list_entry,
	&account_archive_entry,
	&account_rm_entry,
	NULL
};

static const struct cmd_entry account_entry = {
	.name = "account",
	.usage = "account add|set|show|list|archive|rm ...",
	.summary = "add, change, show and list accounts",
	.group = CMD_GROUP_ACCOUNTS,
	.examples = {
		"tam account list --tam alice",
		"tam account show Acme"
	},
	.sub = account_subs
};

/* --- import (src/cmd/cmd-import.c) --------------------------------------- */

static const struct cmd_entry import_entry = {
	.name = "import",
	.usage = "import [FILE|-] [--dry-run] [--changes] [--skip-invalid] "
	    "[--rejects FILE] [--map 'HEADER=field']... [--date-format mdy|dmy|ymd] "
	    "[--delimiter C] [--decimal-comma] [--key sfid|name]",
	.summary = "load a Salesforce CSV export",
	.options = cmd_import_options,
	.args = { 0, 1, NULL, "import: one FILE at a time", NULL },
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam import accounts.csv --dry-run",
		"tam import accounts.csv --skip-invalid --rejects rejects.csv",
		"tam import accounts.csv --key name --date-format mdy"
	},
	.exec = cmd_import_exec
};

/* --- sync (src/cmd/cmd-sync.c) ------------------------------------------- */

static const struct cmd_entry sync_entry = {
	.name = "sync",
	.usage = "sync [--tam P] [--dry-run]",
	.summary = "plan renewal and risk work due to exist",
	.options = cmd_sync_options,
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam sync --dry-run",
		"tam sync"
	},
	.exec = cmd_sync_exec
};

/* --- due (src/cmd/cmd-due.c) --------------------------------------------- */

static const struct cmd_entry due_entry = {
	.name = "due",
	.usage = "due [--tam P] [--horizon PERIOD] [--all] [--no-sync] "
	    "[--limit N] [--account ACCOUNT]",
	.summary = "what to do today",
	.options = cmd_due_options,
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam due",
		"tam due --tam alice --horizon 2w",
		"tam due --all --no-sync --format json"
	},
	.exec = cmd_due_exec
};

/* --- task (src/cmd/cmd-task.c) ------------------------------------------- */

static const struct cmd_entry task_list_entry = {
	.name = "list",
	.usage = "task list [--open|--all] [--account ACCOUNT] [--kind K] "
	    "[--tam P]",
	.summary = "list tasks (open ones by default)",
	.options = cmd_task_list_options,
	.flags = CMD_DB | CMD_OWN_ARGV,
	.examples = {
		"tam task list --open --tam alice",
		"tam task list --account Acme --all",
		"tam task list --kind renewal_plan"
	},
	.exec = cmd_task_list_exec
};

static const struct cmd_entry task_set_entry = {
	.name = "set",
	.usage = "task set ID [--due DATE] [--title T] [--note T]",
	.summary = "move a task to another day, retitle it, note it",
	.options = cmd_task_set_options,
	.args = { 1, 1, "task set: give the task's ID", NULL,
	    " (one task at a time)" },
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam task set 1 --due thursday",
		"tam task set 1 --title 'Review with the CFO' --note 'room 4'"
	},
	.exec = cmd_task_set_exec
};

static const struct cmd_entry task_reopen_entry = {
	.name = "reopen",
	.usage = "task reopen ID",
	.summary = "open a task done or skipped by mistake again",
	.args = { 1, 1, "task reopen: give the task's ID", NULL,
	    " (one task at a time)" },
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam done 1 && tam task reopen 1    # a done made by mistake"
	},
	.exec = cmd_task_reopen_exec
};

static const struct cmd_entry *const task_subs[] = {
	&task_list_entry,
	&task_set_entry,
	&task_reopen_entry,
	NULL
};

static const struct cmd_entry task_entry = {
	.name = "task",
	.usage = "task list|set|reopen ...",
	.summary = "list tasks, change one, reopen one",
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam task list --open"
	},
	.sub = task_subs
};

/* --- done (src/cmd/cmd-done.c) ------------------------------------------- */

#define WHICH_TASKS(cmd) { 1, -1, cmd ": which task? give its id (see " \
	"'tam due' or 'tam task list')", NULL, NULL }

static const struct cmd_entry done_entry = {
	.name = "done",
	.usage = "done TASK_ID... [--note TEXT]",
	.summary = "mark tasks done",
	.options = cmd_done_options,
	.args = WHICH_TASKS("done"),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam done 1",
		"tam done 1 2 --note 'brief sent'"
	},
	.exec = cmd_done_exec
};

static const struct cmd_entry skip_entry = {
	.name = "skip",
	.usage = "skip TASK_ID... --note TEXT",
	.summary = "skip tasks, saying why",
	.options = cmd_done_options,
	.args = WHICH_TASKS("skip"),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DAILY,
	.examples = {
		"tam skip 3 --note 'covered in the QBR'"
	},
	.exec = cmd_skip_exec
};

/* --- action (src/cmd/cmd-action.c) --------------------------------------- */

#define ACTION_ARGS "action: give the ACCOUNT and the kind of action " \
	"(architecture, utilization, roadmap or custom)"

static const struct cmd_entry action_entry = {
	.name = "action",
	.usage = "action ACCOUNT architecture|utilization|roadmap|custom "
	    "[--title T]\n"
	    "                [--due DATE] [--note TEXT]",
	.summary = "add an action item of a Renewal Review",
	.options = cmd_action_options,
	.args = CMD_ARGS_EXACTLY(2, ACTION_ARGS),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam action Acme roadmap --title 'Share the Q3 roadmap'",
		"tam action Acme utilization --due +2w --note 'seats idle'"
	},
	.exec = cmd_action_exec
};

/* --- review (src/cmd/cmd-review.c) --------------------------------------- */

static const struct cmd_entry review_entry = {
	.name = "review",
	.usage = "review ACCOUNT",
	.summary = "the Renewal Review brief in Markdown",
	.args = CMD_ARGS_ACCOUNT("review"),
	.flags = CMD_DB,
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam review Acme",
		"tam review Acme > acme-review.md"
	},
	.exec = cmd_review_exec
};

/* --- sentiment (src/cmd/cmd-sentiment.c) --------------------------------- */

static const struct cmd_entry sentiment_entry = {
	.name = "sentiment",
	.usage = "sentiment ACCOUNT green|yellow|red [--triage] [--note TEXT] "
	    "[--cta]",
	.summary = "set TAM sentiment (Risk Update)",
	.options = cmd_sentiment_options,
	.args = CMD_ARGS_EXACTLY(2,
	    "sentiment: give ACCOUNT and green, yellow or red"),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam sentiment Acme green --note 'adoption is up'",
		"tam sentiment Globex red --note 'evaluating a rival' --cta"
	},
	.exec = cmd_sentiment_exec
};

/* --- risk-update (src/cmd/cmd-risk-update.c) ----------------------------- */

static const struct cmd_entry risk_update_entry = {
	.name = "risk-update",
	.usage = "risk-update ACCOUNT --note TEXT",
	.summary = "log the monthly Risk Update",
	.options = cmd_risk_update_options,
	.args = CMD_ARGS_ACCOUNT("risk-update"),
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam risk-update Acme --note 'sponsor back, usage up 10%'"
	},
	.exec = cmd_risk_update_exec
};

/* --- cta (src/cmd/cmd-cta.c) --------------------------------------------- */

static const struct cmd_entry cta_list_entry = {
	.name = "list",
	.usage = "cta list [--open] [--kind renewal|risk] [--tam P]",
	.summary = "list CTAs",
	.options = cmd_cta_list_options,
	.flags = CMD_DB | CMD_OWN_ARGV,
	.examples = {
		"tam cta list --open",
		"tam cta list --kind risk --tam alice"
	},
	.exec = cmd_cta_list_exec
};

static const struct cmd_entry cta_show_entry = {
	.name = "show",
	.usage = "cta show ID",
	.summary = "show a CTA and its tasks",
	.args = CMD_ARGS_CTA("cta show"),
	.flags = CMD_DB,
	.examples = {
		"tam cta show 2"
	},
	.exec = cmd_cta_show_exec
};

static const struct cmd_entry cta_open_entry = {
	.name = "open",
	.usage = "cta open ACCOUNT [--risk-type T] [--risk-reason R] "
	    "[--note TEXT]",
	.summary = "open the At-Risk CTA",
	.options = cmd_cta_open_options,
	.args = CMD_ARGS_ACCOUNT("cta open"),
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam cta open Globex --risk-type competitor --note 'trialing a rival'"
	},
	.exec = cmd_cta_open_exec
};

static const struct cmd_entry cta_update_entry = {
	.name = "update",
	.usage = "cta update ID [--risk-type T] [--risk-reason R] [--title T]",
	.summary = "set a CTA's Risk Type, Risk Reason or title",
	.options = cmd_cta_update_options,
	.args = CMD_ARGS_CTA("cta update"),
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam cta update 2 --risk-type competitor --risk-reason loss-of-budget"
	},
	.exec = cmd_cta_update_exec
};

static const struct cmd_entry cta_close_entry = {
	.name = "close",
	.usage = "cta close ID --won [--net-arr AMOUNT] --note REASONS\n"
	    "      tam cta close ID --lost churn|downgrade|contraction "
	    "[--net-arr AMOUNT]\n"
	    "                --note REASONS",
	.summary = "conclude an At-Risk CTA",
	.options = cmd_cta_close_options,
	.args = CMD_ARGS_CTA("cta close"),
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam cta close 2 --won --note 'renewed for two years'",
		"tam cta close 2 --lost churn --net-arr -250000 --note 'moved to a rival'"
	},
	.exec = cmd_cta_close_exec
};

static const struct cmd_entry *const cta_subs[] = {
	&cta_list_entry,
	&cta_show_entry,
	&cta_open_entry,
	&cta_update_entry,
	&cta_close_entry,
	NULL
};

static const struct cmd_entry cta_entry = {
	.name = "cta",
	.usage = "cta list|show|open|update|close ...",
	.summary = "At-Risk and renewal CTAs",
	.group = CMD_GROUP_PLAYBOOKS,
	.examples = {
		"tam cta list --open",
		"tam cta show 2"
	},
	.sub = cta_subs
};

/* --- timeline (src/cmd/cmd-timeline.c) ----------------------------------- */

static const struct cmd_entry timeline_entry = {
	.name = "timeline",
	.usage = "timeline ACCOUNT [--type TYPE] [--since DATE]",
	.summary = "an account's timeline",
	.options = cmd_timeline_options,
	.args = CMD_ARGS_ACCOUNT("timeline"),
	.flags = CMD_DB | CMD_OWN_ARGV,
	.group = CMD_GROUP_ACCOUNTS,
	.examples = {
		"tam timeline Acme",
		"tam timeline Acme --type sentiment --since 2026-01-01"
	},
	.exec = cmd_timeline_exec
};

/* --- note (src/cmd/cmd-note.c) ------------------------------------------- */

static const struct cmd_entry note_entry = {
	.name = "note",
	.usage = "note ACCOUNT [TEXT|-]",
	.summary = "add a note to the timeline",
	.args = { 1, 2, "note: give ACCOUNT and TEXT",
	    "note: one TEXT only (quote a note with spaces)", NULL },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_ACCOUNTS,
	.examples = {
		"tam note Acme 'met the new VP of engineering'"
	},
	.exec = cmd_note_exec
};

/* --- report (src/cmd/cmd-report.c) --------------------------------------- */

static const struct cmd_entry report_renewals_entry = {
	.name = "renewals",
	.usage = "report renewals [--by month|quarter] [--within PERIOD] "
	    "[--tam P]",
	.summary = "renewals per month or quarter, ACV and ACV at risk",
	.options = cmd_report_renewals_options,
	.flags = CMD_DB | CMD_OWN_ARGV,
	.examples = {
		"tam report renewals --by quarter --within 12m",
		"tam report renewals --tam alice --format csv"
	},
	.exec = cmd_report_renewals_exec
};

static const struct cmd_entry report_at_risk_entry = {
	.name = "at-risk",
	.usage = "report at-risk [--tam P]",
	.summary = "the At Risk Customers dashboard",
	.options = cmd_report_at_risk_options,
	.flags = CMD_DB,
	.examples = {
		"tam report at-risk",
		"tam report at-risk --tam alice"
	},
	.exec = cmd_report_at_risk_exec
};

static const struct cmd_entry *const report_subs[] = {
	&report_renewals_entry,
	&report_at_risk_entry,
	NULL
};

static const struct cmd_entry report_entry = {
	.name = "report",
	.usage = "report renewals|at-risk ...",
	.summary = "renewals and at-risk reports",
	.group = CMD_GROUP_REPORTS,
	.examples = {
		"tam report renewals --by quarter",
		"tam report at-risk"
	},
	.sub = report_subs
};

/* --- export (src/cmd/cmd-export.c) --------------------------------------- */

static const struct cmd_entry export_entry = {
	.name = "export",
	.usage = "export [--format json|jsonl]",
	.summary = "the whole database as JSON, for backup",
	.args = { .hint = "; the export goes to standard output" },
	.flags = CMD_DB,
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam export > backup.json",
		"tam export --format jsonl > backup.jsonl"
	},
	.exec = cmd_export_exec
};

/* --- restore (src/cmd/cmd-restore.c) ------------------------------------- */

static const struct cmd_entry restore_entry = {
	.name = "restore",
	.usage = "restore FILE|-",
	.summary = "load a tam export into an empty database",
	.args = { 1, 1, "restore: which file? (- for standard input)",
	    "restore: one FILE only", NULL },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam --db restored.db restore backup.json"
	},
	.exec = cmd_restore_exec
};

/* --- ics (src/cmd/cmd-ics.c) --------------------------------------------- */

static const struct cmd_entry ics_entry = {
	.name = "ics",
	.usage = "ics [--tam P] [--within PERIOD]",
	.summary = "review meetings and tasks as an iCalendar file",
	.options = cmd_ics_options,
	.flags = CMD_DB,
	.group = CMD_GROUP_REPORTS,
	.examples = {
		"tam ics > renewals.ics",
		"tam ics --tam alice --within 3m"
	},
	.exec = cmd_ics_exec
};

/* --- config (src/cmd/cmd-config.c) --------------------------------------- */

static const struct cmd_entry config_get_entry = {
	.name = "get",
	.usage = "config get KEY",
	.summary = "print a setting",
	.args = CMD_ARGS_EXACTLY(1, "config get: which KEY?"),
	.flags = CMD_DB,
	.examples = {
		"tam config get due.horizon"
	},
	.exec = cmd_config_get_exec
};

static const struct cmd_entry config_set_entry = {
	.name = "set",
	.usage = "config set KEY VALUE",
	.summary = "change a setting",
	.args = CMD_ARGS_EXACTLY(2, "config set: give KEY and VALUE"),
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam config set due.horizon 14d"
	},
	.exec = cmd_config_set_exec
};

static const struct cmd_entry config_list_entry = {
	.name = "list",
	.usage = "config list",
	.summary = "list the settings",
	.args = { .extra = "config list takes no arguments" },
	.flags = CMD_DB,
	.examples = {
		"tam config list",
		"tam config list --format json"
	},
	.exec = cmd_config_list_exec
};

static const struct cmd_entry *const config_subs[] = {
	&config_get_entry, &config_set_entry, &config_list_entry, NULL
};

static const struct cmd_entry config_entry = {
	.name = "config",
	.usage = "config get|set|list [KEY [VALUE]]",
	.summary = "read and change settings",
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam config list",
		"tam config set due.horizon 14d"
	},
	.sub = config_subs
};

/* --- team (src/cmd/cmd-team.c) ------------------------------------------- */

static const struct cmd_entry team_add_entry = {
	.name = "add",
	.usage = "team add LOGIN --tam NAME [--manager | --admin]",
	.summary = "put a login on the team, as a TAM, manager or admin",
	.options = cmd_team_add_options,
	.args = CMD_ARGS_EXACTLY(1, "team add: which LOGIN?"),
	.flags = CMD_DB | CMD_WRITE | CMD_OWN_ARGV,
	.examples = {
		"tam team add alice --tam 'Alice Chen'",
		"tam team add vera --tam 'Vera Cho' --manager"
	},
	.exec = cmd_team_add_exec
};

static const struct cmd_entry team_list_entry = {
	.name = "list",
	.usage = "team list",
	.summary = "list the team: login, TAM, role",
	.args = { .extra = "team list takes no arguments" },
	.flags = CMD_DB,
	.examples = {
		"tam team list",
		"tam team list --format json"
	},
	.exec = cmd_team_list_exec
};

static const struct cmd_entry team_rm_entry = {
	.name = "rm",
	.usage = "team rm LOGIN",
	.summary = "take a login off the team",
	.args = CMD_ARGS_EXACTLY(1, "team rm: which LOGIN?"),
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam team rm alice"
	},
	.exec = cmd_team_rm_exec
};

static const struct cmd_entry *const team_subs[] = {
	&team_add_entry, &team_list_entry, &team_rm_entry, NULL
};

static const struct cmd_entry team_entry = {
	.name = "team",
	.usage = "team add|list|rm [LOGIN]",
	.summary = "who is on a shared PostgreSQL book, as what",
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam team list"
	},
	.sub = team_subs
};

/* --- help (src/cmd/cmd-help.c) ------------------------------------------- */

/* Reads no options: "tam help -x" asks about a command named "-x". */
static const struct cmd_entry help_entry = {
	.name = "help",
	.usage = "help [COMMAND [SUBCOMMAND]]",
	.summary = "show how to use a command",
	.args = { 0, -1, NULL, NULL, NULL },
	.flags = CMD_OWN_ARGV,
	.exec = cmd_help_exec,
	.examples = { "tam help due", "tam help account set" }
};

/* --- complete (src/cmd/cmd-complete.c) ----------------------------------- */

/* No CMD_DB: the dispatcher would create and migrate the database. */
static const struct cmd_entry complete_entry = {
	.name = "__complete",
	.usage = "__complete account|tam|task|cta PREFIX",
	.summary = "candidates for shell completion",
	.args = { 0, -1, NULL, NULL, NULL },
	.flags = CMD_HIDDEN | CMD_OWN_ARGV,
	.exec = cmd_complete_exec
};

/* Exact names only: a new command must never change what a script runs. */
static const struct cmd_entry *const commands[] = {
	&init_entry,
	&account_entry,
	&import_entry,
	&sync_entry,
	&due_entry,
	&task_entry,
	&done_entry,
	&skip_entry,
	&action_entry,
	&review_entry,
	&sentiment_entry,
	&risk_update_entry,
	&cta_entry,
	&timeline_entry,
	&note_entry,
	&report_entry,
	&export_entry,
	&restore_entry,
	&ics_entry,
	&config_entry,
	&team_entry,
	&help_entry,
	&complete_entry,
	NULL
};

const struct cmd_entry *const *
cmd_table(void)
{
	return commands;
}
