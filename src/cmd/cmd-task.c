/*
 * cmd-task.c: tam task list [--open|--all] [--account ACCOUNT] [--kind K]
 * [--tam P]; tam task set ID [--due DATE] [--title T] [--note T]; tam
 * task reopen ID.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/out.h"
#include "tam/sched.h"
#include "tam/task.h"

#define OPT_OPEN	1000
#define OPT_ALL		1001
#define OPT_ACCOUNT	1002
#define OPT_KIND	1003
#define OPT_TAM		1004
#define OPT_DUE		1005
#define OPT_TITLE	1006
#define OPT_NOTE	1007

const struct cmd_option cmd_task_list_options[] = {
	{ "open", 0, no_argument, NULL,
	    "only open tasks", "yes", OPT_OPEN, 0 },
	{ "all", 0, no_argument, NULL,
	    "closed tasks too", NULL, OPT_ALL, 0 },
	{ "account", 0, required_argument, "ACCOUNT",
	    "only this account's tasks", "every account", OPT_ACCOUNT, 0 },
	{ "kind", 0, required_argument, "K",
	    "only tasks of this kind", "every kind", OPT_KIND, 0 },
	CMD_OPTION_TAM(OPT_TAM),
	CMD_OPTIONS_END
};

static const struct out_col list_cols[] = {
	{ "task_id",	"ID",		OUT_INT, 0 },
	{ "account_id",	NULL,		OUT_INT, 0 },
	{ "account",	"ACCOUNT",	OUT_STR, OUT_SHRINK },
	{ "cta_id",	"CTA",		OUT_INT, OUT_DROP(2) },
	{ "kind",	NULL,		OUT_STR, 0 },
	{ "title",	"TITLE",	OUT_STR, OUT_SHRINK },
	{ "due",	"DUE",		OUT_DATE, 0 },
	{ "status",	"STATUS",	OUT_STR, 0 },
	{ "done_at",	NULL,		OUT_STR, 0 },
	{ "note",	"NOTE",		OUT_STR, OUT_SHRINK | OUT_DROP(1) },
};

struct list_state {
	struct out	*out;
	int		 today;
};

static int
list_one(void *arg, const struct task *t)
{
	struct list_state	*ls = arg;

	if (strcmp(t->status, "open") == 0 && t->due < ls->today)
		out_row_style(ls->out, STYLE_RED);
	else if (strcmp(t->status, "open") != 0)
		out_row_style(ls->out, STYLE_DIM);
	out_int(ls->out, t->id);
	out_int(ls->out, t->account_id);
	out_str(ls->out, t->account);
	if (t->cta_id)
		out_int(ls->out, t->cta_id);
	else
		out_null(ls->out);
	out_str(ls->out, t->kind);
	out_str(ls->out, t->title);
	out_date(ls->out, t->due);
	out_str(ls->out, t->status);
	out_str(ls->out, t->done_at);
	out_str(ls->out, t->note);
	out_row_end(ls->out);
	return 0;
}

/* "renewal_review_1, ..." for the error of a bad --kind. */
static char *
kind_names(void)
{
	const char *const	*k;
	char			*s = xstrdup(""), *t;

	for (k = sched_kinds; *k != NULL; k++) {
		t = xasprintf("%s%s%s", s, k == sched_kinds ? "" : ", ", *k);
		free(s);
		s = t;
	}
	return s;
}

int
cmd_task_list_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct task_filter	 f = { 0 };
	struct list_state	 ls;
	const char		*account, *tam;
	char			*err = NULL, *names, *tam_fold = NULL;
	int			 ch, open, all, rc;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		switch (ch) {
		case OPT_KIND:
			if (!sched_kind_valid(optarg)) {
				names = kind_names();
				rc = cmd_misuse(ctx, "--kind: '%s' is not a "
				    "task kind (%s)", optarg, names);
				free(names);
				return rc;
			}
			f.kind = optarg;
			break;
		}
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	open = cmd_opt_given(OPT_OPEN);
	all = cmd_opt_given(OPT_ALL);
	account = cmd_opt_arg(OPT_ACCOUNT);
	tam = cmd_opt_arg(OPT_TAM);
	if (open && all)
		return cmd_misuse(ctx, "task list: --open and --all do not go "
		    "together");
	f.open_only = !all;
	if (account != NULL &&
	    (rc = cmd_account_resolve(ctx, account, &f.account_id)) != TAM_OK)
		return rc;
	if ((rc = cmd_tam_option(ctx, tam, &tam_fold)) != TAM_OK)
		return rc;
	f.tam = tam_fold;
	ls.today = ctx->today;
	ls.out = out_begin(ctx, list_cols, (int)nitems(list_cols));
	rc = db_task_each(ctx->db, &f, list_one, &ls, &err);
	free(tam_fold);
	return cmd_list_end(ctx, ls.out, rc, err);
}

const struct cmd_option cmd_task_set_options[] = {
	{ "due", 0, required_argument, "DATE",
	    "the new due date (an open task only)", "kept", OPT_DUE,
	    CMD_OPT_DATE },
	{ "title", 0, required_argument, "T",
	    "the new title", "kept", OPT_TITLE, CMD_OPT_TEXT },
	{ "note", 0, required_argument, "T",
	    "the task's note ('-': read it from standard input)", "kept",
	    OPT_NOTE, CMD_OPT_TEXT },
	CMD_OPTIONS_END
};

int
cmd_task_set_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const char	*title, *note;
	char		*err = NULL, *done, now[21];
	int64_t		 id;
	int		 rc, due = DATE_NONE;

	cmd_opt_date(OPT_DUE, &due);
	title = cmd_opt_arg(OPT_TITLE);
	note = cmd_opt_arg(OPT_NOTE);
	if ((rc = cmd_parse_id_arg(ctx, "task", argv[0], &id)) != TAM_OK)
		return rc;
	if (title != NULL && *title == '\0')
		return cmd_misuse(ctx, "--title: the title is empty");
	if (due == DATE_NONE && title == NULL && note == NULL)
		return cmd_misuse(ctx, "task set: give --due, --title or "
		    "--note");
	tam_now(ctx, now);
	if (task_set(ctx->db, ctx->user, now, id, due, title, note, &done,
	    &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	tam_info_done_take(ctx, done);
	return TAM_OK;
}

int
cmd_task_reopen_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct task_reopened	 r;
	char			*err = NULL, now[21];
	int64_t			 id;
	int			 rc;

	if ((rc = cmd_parse_id_arg(ctx, "task", argv[0], &id)) != TAM_OK)
		return rc;
	tam_now(ctx, now);
	if (task_reopen(ctx->db, ctx->user, now, id, &r, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	tam_info_done(ctx, "task %" PRId64 " reopened", id);
	if (r.cta_reopened)
		tam_info_done(ctx, "renewal CTA %" PRId64 " reopened: it has "
		    "an open task again", r.cta_id);
	if (r.update_cancelled)
		tam_info_done(ctx, "the next Risk Update of CTA %" PRId64
		    " cancelled: task %" PRId64 " is the open one again",
		    r.cta_id, id);
	return TAM_OK;
}
