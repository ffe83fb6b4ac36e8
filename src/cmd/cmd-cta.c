/*
 * cmd-cta.c: tam cta list|show|open|update|close.  Opening, updating and
 * closing walk the at-risk playbook (risk.h) through risk-apply.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/risk-apply.h"
#include "tam/text.h"

#define OPT_OPEN	1000
#define OPT_KIND	1001
#define OPT_TAM		1002
#define OPT_RISK_TYPE	1003
#define OPT_RISK_REASON	1004
#define OPT_NOTE	1005
#define OPT_TITLE	1006
#define OPT_WON		1007
#define OPT_LOST	1008
#define OPT_NET_ARR	1009

/* The keys of `cta list` and `cta show` (SPEC §2). */
static const struct out_col cta_cols[] = {
	{ "cta_id",		"ID",		OUT_INT, 0 },
	{ "account_id",		NULL,		OUT_INT, 0 },
	{ "account",		"ACCOUNT",	OUT_STR, OUT_SHRINK },
	{ "kind",		"KIND",		OUT_STR, 0 },
	{ "title",		"TITLE",	OUT_STR, OUT_SHRINK },
	{ "playbook",		NULL,		OUT_STR, 0 },
	{ "status",		"STATUS",	OUT_STR, 0 },
	{ "risk_type",		"RISK TYPE",	OUT_STR, OUT_DROP(5) },
	{ "risk_reason",	"RISK REASON",	OUT_STR,
	    OUT_SHRINK | OUT_DROP(4) },
	{ "opened_at",		NULL,		OUT_STR, 0 },
	{ NULL,			"OPENED",	OUT_STR, OUT_DROP(6) },
	{ "opened_by",		"BY",		OUT_STR,
	    OUT_SHRINK | OUT_DROP(1) },
	{ "renewal_date",	"RENEWAL",	OUT_DATE, OUT_DROP(7) },
	{ "closed_at",		NULL,		OUT_STR, 0 },
	{ NULL,			"CLOSED",	OUT_STR, OUT_DROP(2) },
	{ "outcome_note",	NULL,		OUT_STR, 0 },
	{ "net_arr_change",	"NET ARR",	OUT_MONEY, OUT_DROP(3) },
};

/* The tasks of `cta show`, with the keys of `task list`. */
static const struct out_col task_cols[] = {
	{ "task_id",	"TASK",		OUT_INT, 0 },
	{ "account_id",	NULL,		OUT_INT, 0 },
	{ "account",	NULL,		OUT_STR, 0 },
	{ "cta_id",	NULL,		OUT_INT, 0 },
	{ "kind",	"KIND",		OUT_STR, 0 },
	{ "title",	"TITLE",	OUT_STR, OUT_SHRINK },
	{ "due",	"DUE",		OUT_DATE, 0 },
	{ "status",	"STATUS",	OUT_STR, 0 },
	{ "done_at",	"DONE",		OUT_STR, OUT_DROP(2) },
	{ "note",	"NOTE",		OUT_STR, OUT_SHRINK | OUT_DROP(1) },
};

static void
cta_cells(struct out *o, const struct cta *c)
{
	char	day[11];

	out_int(o, c->id);
	out_int(o, c->account_id);
	out_str(o, c->account);
	out_str(o, c->kind);
	out_str(o, c->title);
	out_str(o, c->playbook);
	out_str(o, c->status);
	out_str(o, c->risk_type);
	out_str(o, c->risk_reason);
	out_str(o, c->opened_at);
	out_str(o, clock_stamp_date(c->opened_at, day));
	out_str(o, c->opened_by);
	out_date(o, c->renewal_date);
	out_str(o, c->closed_at);
	out_str(o, clock_stamp_date(c->closed_at, day));
	out_str(o, c->outcome_note);
	out_money_if(o, c->has_net_arr, c->net_arr_cents, c->currency);
}

/* --- list ------------------------------------------------------------ */

const struct cmd_option cmd_cta_list_options[] = {
	{ "open", 0, no_argument, NULL,
	    "only open CTAs", NULL, OPT_OPEN, 0 },
	{ "kind", 0, required_argument, "renewal|risk",
	    "only CTAs of this kind", "both", OPT_KIND, 0 },
	CMD_OPTION_TAM(OPT_TAM),
	CMD_OPTIONS_END
};

static int
list_row(void *arg, const struct cta *c)
{
	struct out	*o = arg;

	if (strcmp(c->status, "open") != 0)
		out_row_style(o, STYLE_DIM);
	cta_cells(o, c);
	out_row_end(o);
	return 0;
}

int
cmd_cta_list_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct cta_filter	 f = { 0 };
	struct out		*o;
	char			*err = NULL, *tam_fold = NULL;
	int			 ch, rc;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		switch (ch) {
		case OPT_KIND:
			if (strcmp(optarg, "renewal") != 0 &&
			    strcmp(optarg, "risk") != 0)
				return cmd_misuse(ctx, "--kind: '%s' is not "
				    "renewal or risk", optarg);
			f.kind = optarg;
			break;
		}
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	f.open_only = cmd_opt_given(OPT_OPEN);
	if ((rc = cmd_tam_option(ctx, cmd_opt_arg(OPT_TAM), &tam_fold)) !=
	    TAM_OK)
		return rc;
	f.tam = tam_fold;
	o = out_begin(ctx, cta_cols, (int)nitems(cta_cols));
	rc = db_cta_each(ctx->db, &f, list_row, o, &err);
	free(tam_fold);
	return cmd_list_end(ctx, o, rc, err);
}

/* --- show ------------------------------------------------------------ */

static int
task_row(void *arg, const struct task *t)
{
	struct out	*o = arg;

	out_int(o, t->id);
	out_int(o, t->account_id);
	out_str(o, t->account);
	out_int(o, t->cta_id);
	out_str(o, t->kind);
	out_str(o, t->title);
	out_date(o, t->due);
	out_str(o, t->status);
	out_str(o, t->done_at);
	out_str(o, t->note);
	out_row_end(o);
	return 0;
}

static cJSON *
json_str(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* The tasks as JSON objects with the keys of task_cols. */
static int
task_json(void *arg, const struct task *t)
{
	cJSON	*o = cJSON_CreateObject();
	char	 due[11];

	date_format(t->due, due);
	cJSON_AddNumberToObject(o, "task_id", (double)t->id);
	cJSON_AddNumberToObject(o, "account_id", (double)t->account_id);
	cJSON_AddItemToObject(o, "account", json_str(t->account));
	cJSON_AddNumberToObject(o, "cta_id", (double)t->cta_id);
	cJSON_AddItemToObject(o, "kind", json_str(t->kind));
	cJSON_AddItemToObject(o, "title", json_str(t->title));
	cJSON_AddStringToObject(o, "due", due);
	cJSON_AddItemToObject(o, "status", json_str(t->status));
	cJSON_AddItemToObject(o, "done_at", json_str(t->done_at));
	cJSON_AddItemToObject(o, "note", json_str(t->note));
	cJSON_AddItemToArray(arg, o);
	return 0;
}

/* A field of `cta show`, the keys in a column of 14. */
static void
kv(const char *key, const char *value)
{
	out_field(stdout, 14, key, value);
}

/* `cta show` for people: the fields that are set, then the tasks. */
static void
print_cta(const struct cta *c, const char *currency)
{
	char	buf[64], day[11];

	snprintf(buf, sizeof buf, "%" PRId64, c->id);
	kv("cta", buf);
	snprintf(buf, sizeof buf, "%" PRId64, c->account_id);
	printf("%-14s ", "account");
	text_put(stdout, c->account, TEXT_CELL);
	printf(" (%s)\n", buf);
	kv("kind", c->kind);
	kv("title", c->title);
	kv("playbook", c->playbook);
	kv("status", c->status);
	kv("risk type", c->risk_type);
	kv("risk reason", c->risk_reason);
	snprintf(buf, sizeof buf, "%s by %s", c->opened_at, c->opened_by);
	kv("opened", buf);
	if (c->renewal_date != DATE_NONE) {
		date_format(c->renewal_date, day);
		kv("renewal date", day);
	}
	kv("closed", c->closed_at);
	kv("outcome", c->outcome_note);
	if (c->has_net_arr) {
		money_format(c->net_arr_cents, currency, buf);
		kv("net ARR change", buf);
	}
	printf("\ntasks:\n");
}

int
cmd_cta_show_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct risk_subject	 s;
	struct risk_env		 e = { .db = ctx->db };	/* to read it */
	struct task_filter	 tf = { 0 };
	struct cta		 c;
	struct out		*o;
	cJSON			*obj;
	char			*err = NULL;
	int64_t			 id;
	int			 rc;

	if ((rc = cmd_parse_id_arg(ctx, "CTA", argv[0], &id)) != TAM_OK)
		return rc;
	/* The account's currency, for people's money. */
	risk_subject_init(&s);
	if ((rc = risk_subject_cta(&e, id, &s, &err)) != TAM_OK) {
		rc = cmd_fail_take(ctx, rc, err);
		goto out;
	}
	if ((rc = db_cta_get(ctx->db, id, &c, &err)) != 0) {
		rc = rc < 0 ? cmd_fail_take(ctx, TAM_FAIL, err) :
		    cmd_fail(ctx, TAM_FAIL, "no CTA with id %" PRId64, id);
		goto out;
	}
	tf.cta_id = id;
	o = out_begin(ctx, cta_cols, (int)nitems(cta_cols));
	out_single(o);
	if (ctx->format == FMT_TABLE) {
		out_finish(o);
		print_cta(&c, s.acct.currency);
		o = out_begin(ctx, task_cols, (int)nitems(task_cols));
		rc = db_task_each(ctx->db, &tf, task_row, o, &err);
	} else {
		cta_cells(o, &c);
		rc = 0;
		if ((obj = out_row_json(o)) != NULL)
			rc = db_task_each(ctx->db, &tf, task_json,
			    cJSON_AddArrayToObject(obj, "tasks"), &err);
		/* json prints the row at its end: not with half its tasks. */
		if (rc >= 0)
			out_row_end(o);
	}
	if (rc < 0) {
		out_abandon(o);
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
	} else {
		out_finish(o);
		rc = TAM_OK;
	}
out:
	risk_subject_release(&s);
	return rc;
}

/* --- open, update ------------------------------------------------------ */

/* Parses --risk-type/--risk-reason into the handbook spelling. */
static int
parse_risk_field(struct tam_ctx *ctx, int ch, const char *arg,
    struct risk_args *args)
{
	char	*choices;
	int	 rc;

	if (ch == OPT_RISK_TYPE &&
	    (args->risk_type = risk_type_parse(arg)) != NULL)
		return TAM_OK;
	if (ch == OPT_RISK_REASON &&
	    (args->risk_reason = risk_reason_parse(arg)) != NULL)
		return TAM_OK;
	choices = ch == OPT_RISK_TYPE ? risk_type_choices() :
	    risk_reason_choices();
	rc = cmd_fail(ctx, TAM_USAGE, "%s: '%s' is not a %s; one of: %s",
	    ch == OPT_RISK_TYPE ? "--risk-type" : "--risk-reason", arg,
	    ch == OPT_RISK_TYPE ? "Risk Type" : "Risk Reason", choices);
	free(choices);
	return rc;
}

/*
 * Parses the options of open, update or close (the entry says which are
 * valid) into *a, in the order given.  TAM_OK, or TAM_USAGE with the
 * error in ctx.
 */
static int
parse_opts(struct tam_ctx *ctx, int argc, char **argv, struct risk_args *a)
{
	struct money	m;
	int		ch, rc;

	memset(a, 0, sizeof *a);
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		switch (ch) {
		case OPT_RISK_TYPE:
		case OPT_RISK_REASON:
			if ((rc = parse_risk_field(ctx, ch, optarg, a)) != TAM_OK)
				return rc;
			break;
		case OPT_NOTE:
			/* Checked as it was read (CMD_OPT_TEXT_NOW). */
			a->note = *optarg != '\0' ? optarg : NULL;
			break;
		case OPT_TITLE:
			if (*optarg == '\0')
				return cmd_misuse(ctx, "--title: a CTA needs a "
				    "title");
			if ((rc = cmd_check_text(ctx, "--title", optarg)) !=
			    TAM_OK)
				return rc;
			a->title = optarg;
			break;
		case OPT_NET_ARR:
			if (money_parse(optarg, &m) != 0)
				return cmd_misuse(ctx, "--net-arr: '%s' is not "
				    "an amount (like 5000, -$5,000)", optarg);
			a->net_arr_cents = m.cents;
			break;
		}
	}
	return ch == CMD_OPT_ERROR ? TAM_USAGE : TAM_OK;
}

#define RISK_TYPE_OPT { "risk-type", 0, required_argument, "T", \
	"the Risk Type, in the handbook's words", NULL, OPT_RISK_TYPE, 0 }
#define RISK_REASON_OPT { "risk-reason", 0, required_argument, "R", \
	"the Risk Reason, in the handbook's words", NULL, OPT_RISK_REASON, 0 }

const struct cmd_option cmd_cta_open_options[] = {
	RISK_TYPE_OPT,
	RISK_REASON_OPT,
	{ "note", 0, required_argument, "TEXT",
	    "why the account is at risk, posted on the timeline", NULL,
	    OPT_NOTE, CMD_OPT_TEXT_NOW },
	CMD_OPTIONS_END
};

int
cmd_cta_open_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct risk_args	 args;
	int			 rc;

	if ((rc = parse_opts(ctx, argc, argv, &args)) != TAM_OK)
		return rc;
	return cmd_risk_run(ctx, argv[optind], 0, RE_OPEN_CTA,
	    args.note != NULL, &args);
}

const struct cmd_option cmd_cta_update_options[] = {
	RISK_TYPE_OPT,
	RISK_REASON_OPT,
	{ "title", 0, required_argument, "T",
	    "the CTA's new title", NULL, OPT_TITLE, 0 },
	CMD_OPTIONS_END
};

/*
 * --title and the risk fields are two events of the playbook (a renewal
 * CTA takes a title but not a risk type): both must be allowed, and the
 * update does what both allow.
 */
static int
update_decide(struct risk_env *e, const struct risk_subject *s,
    const struct risk_args *args, struct risk_result *r, char **err)
{
	struct risk_result	 t;
	int			 rc;

	memset(r, 0, sizeof *r);
	if (args->title != NULL &&
	    (rc = risk_decide(e, s, RE_UPDATE_TITLE, 0, &t, err)) != TAM_OK)
		return rc;
	if ((args->risk_type != NULL || args->risk_reason != NULL) &&
	    (rc = risk_decide(e, s, RE_UPDATE_RISK, 0, r, err)) != TAM_OK)
		return rc;
	if (args->title != NULL) {
		if (r->actions == 0)
			*r = t;
		else
			r->actions |= t.actions;
	}
	return TAM_OK;
}

int
cmd_cta_update_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct risk_subject	 s;
	struct risk_result	 r;
	struct risk_args	 args;
	struct risk_env		 e;
	char			*err = NULL;
	int64_t			 id;
	int			 rc;

	if ((rc = parse_opts(ctx, argc, argv, &args)) != TAM_OK ||
	    (rc = cmd_parse_id_arg(ctx, "CTA", argv[optind], &id)) != TAM_OK)
		return rc;
	if (args.title == NULL && args.risk_type == NULL &&
	    args.risk_reason == NULL)
		return cmd_misuse(ctx, "cta update: nothing to change; give "
		    "--risk-type, --risk-reason or --title");
	if ((rc = cmd_risk_env(ctx, &e)) != TAM_OK)
		return rc;
	risk_subject_init(&s);
	if ((rc = risk_subject_cta(&e, id, &s, &err)) == TAM_OK &&
	    (rc = update_decide(&e, &s, &args, &r, &err)) == TAM_OK)
		rc = risk_apply(&e, &s, &r, &args, &err);
	risk_subject_release(&s);
	return cmd_risk_end(ctx, &e, rc, err);
}

/* --- close ------------------------------------------------------------ */

const struct cmd_option cmd_cta_close_options[] = {
	{ "won", 0, no_argument, NULL,
	    "the renewal was saved", NULL, OPT_WON, 0 },
	{ "lost", 0, required_argument, "churn|downgrade|contraction",
	    "the renewal was lost, and how", NULL, OPT_LOST, 0 },
	{ "net-arr", 0, required_argument, "AMOUNT",
	    "the net ARR change (negative for a loss)", NULL, OPT_NET_ARR, 0 },
	{ "note", 0, required_argument, "REASONS",
	    "the reasons, posted on the timeline", NULL, OPT_NOTE,
	    CMD_OPT_TEXT_NOW },
	CMD_OPTIONS_END
};

/* The event (an enum risk_event) of each --lost KIND. */
static const struct text_name lost_kinds[] = {
	{ "churn",	 RE_CLOSE_CHURN },
	{ "downgrade",	 RE_CLOSE_DOWNGRADE },
	{ "contraction", RE_CLOSE_CONTRACTION },
	{ NULL,		 0 }
};

int
cmd_cta_close_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct risk_args	 args;
	const char		*why, *lost_arg;
	enum risk_event		 ev = RE_CLOSE_WON;
	int64_t			 id;
	int			 won, lost, rc;

	if ((rc = parse_opts(ctx, argc, argv, &args)) != TAM_OK ||
	    (rc = cmd_parse_id_arg(ctx, "CTA", argv[optind], &id)) != TAM_OK)
		return rc;
	won = cmd_opt_given(OPT_WON);
	lost_arg = cmd_opt_arg(OPT_LOST);
	if (won == (lost_arg != NULL))
		return cmd_misuse(ctx, "cta close: give either --won or --lost "
		    "churn|downgrade|contraction");
	if (lost_arg != NULL) {
		if ((lost = text_name_value(lost_kinds, lost_arg)) < 0)
			return cmd_misuse(ctx, "--lost: '%s' is not churn, "
			    "downgrade or contraction", lost_arg);
		ev = lost;
	}
	if (won && args.net_arr_cents < 0)
		ev = RE_CLOSE_WON_LOSS;
	if ((why = risk_usage(ev, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "cta close: %s", why);
	return cmd_risk_run(ctx, NULL, id, ev, 1, &args);
}
