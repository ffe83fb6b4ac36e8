/* cmd-account.c: tam account add|set|show|list|archive|rm. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-history.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/settings.h"
#include "tam/spark.h"

/* getopt values of the field options: OPT_FIELD + enum account_field. */
#define OPT_FIELD	1000
#define OPT_NO_UPSELL	2000
#define OPT_CLEAR	2001
#define OPT_YES		2002
#define OPT_TAM		2003
#define OPT_SENTIMENT	2004
#define OPT_TRIAGE	2005
#define OPT_WITHIN	2006
#define OPT_STRATEGIC	2007
#define OPT_ARCHIVED	2008

/* add's options, which set takes too; one line each for --help. */
#define FIELD_OPTS \
	{ "sfid", 0, required_argument, "ID", \
	    "the Salesforce account ID (15 or 18 characters)", NULL, \
	    OPT_FIELD + AF_SFID, 0 }, \
	{ "tam", 0, required_argument, "P", \
	    "the TAM", NULL, OPT_FIELD + AF_TAM, 0 }, \
	{ "sal", 0, required_argument, "P", \
	    "the Sales Account Lead", NULL, OPT_FIELD + AF_SAL, 0 }, \
	{ "sa", 0, required_argument, "P", \
	    "the Solutions Architect", NULL, OPT_FIELD + AF_SA, 0 }, \
	{ "rsd", 0, required_argument, "P", \
	    "the Regional Sales Director", NULL, OPT_FIELD + AF_RSD, 0 }, \
	{ "tam-manager", 0, required_argument, "P", \
	    "the TAM's manager", NULL, OPT_FIELD + AF_TAM_MANAGER, 0 }, \
	{ "acv", 0, required_argument, "AMOUNT", \
	    "the annual contract value", NULL, OPT_FIELD + AF_ACV, 0 }, \
	{ "currency", 0, required_argument, "C", \
	    "the currency of the ACV (ISO 4217 code)", NULL, \
	    OPT_FIELD + AF_CURRENCY, 0 }, \
	{ "renewal", 0, required_argument, "DATE", \
	    "the renewal date", NULL, OPT_FIELD + AF_RENEWAL_DATE, 0 }, \
	{ "health", 0, required_argument, "N", \
	    "the health score, 0 to 100", NULL, OPT_FIELD + AF_HEALTH_SCORE, \
	    0 }, \
	{ "stage", 0, required_argument, "S", \
	    "the lifecycle stage", NULL, OPT_FIELD + AF_LIFECYCLE_STAGE, 0 }, \
	{ "upsell", 0, no_argument, NULL, \
	    "an upsell is in play", NULL, OPT_FIELD + AF_UPSELL, 0 }, \
	{ "region", 0, required_argument, "R", \
	    "the region", NULL, OPT_FIELD + AF_REGION, 0 }, \
	{ "segment", 0, required_argument, "S", \
	    "the segment", NULL, OPT_FIELD + AF_SEGMENT, 0 }, \
	{ "licenses", 0, required_argument, "N", \
	    "the licenses bought", NULL, OPT_FIELD + AF_LICENSES, 0 }, \
	{ "active-users", 0, required_argument, "N", \
	    "the licenses in use", NULL, OPT_FIELD + AF_ACTIVE_USERS, 0 }, \
	{ "objectives", 0, required_argument, "TEXT", \
	    "the customer's objectives", NULL, OPT_FIELD + AF_OBJECTIVES, 0 }

const struct cmd_option cmd_account_add_options[] = {
	FIELD_OPTS,
	CMD_OPTIONS_END
};

const struct cmd_option cmd_account_set_options[] = {
	FIELD_OPTS,
	{ "name", 0, required_argument, "NAME",
	    "the account's new name", NULL, OPT_FIELD + AF_NAME, 0 },
	{ "no-upsell", 0, no_argument, NULL,
	    "no upsell is in play", NULL, OPT_NO_UPSELL, 0 },
	{ "clear", 0, required_argument, "FIELD",
	    "empty a field (sa, renewal...; repeatable)", NULL, OPT_CLEAR, 0 },
	CMD_OPTIONS_END
};

/* The columns of `account list`; `show` adds more. */
static const struct out_col list_cols[] = {
	{ "id",			"ID",		OUT_INT, 0 },
	{ "sfid",		NULL,		OUT_STR, 0 },
	{ "name",		"NAME",		OUT_STR, OUT_SHRINK },
	{ "tam",		"TAM",		OUT_STR,
	    OUT_SHRINK | OUT_DROP(5) },
	{ "sal",		"SAL",		OUT_STR,
	    OUT_SHRINK | OUT_DROP(1) },
	{ "renewal_date",	"RENEWAL",	OUT_DATE, 0 },
	{ "days_to_renewal",	"DAYS",		OUT_INT, OUT_DROP(4) },
	{ "acv",		"ACV",		OUT_MONEY, 0 },
	{ "currency",		NULL,		OUT_STR, 0 },
	{ "strategic",		"STRAT",	OUT_BOOL, OUT_DROP(2) },
	{ "sentiment",		NULL,		OUT_STR, 0 },
	{ NULL,			"SENTIMENT",	OUT_STR, 0 },
	{ "requires_triage",	NULL,		OUT_BOOL, 0 },
	{ "health_score",	"HEALTH",	OUT_INT, OUT_DROP(3) },
	{ "lifecycle_stage",	NULL,		OUT_STR, 0 },
	{ "archived",		NULL,		OUT_BOOL, 0 },
};

static const struct out_col show_cols[] = {
	{ "id",			"id",			OUT_INT, 0 },
	{ "sfid",		"sfid",			OUT_STR, 0 },
	{ "name",		"name",			OUT_STR, 0 },
	{ "tam",		"tam",			OUT_STR, 0 },
	{ "sal",		"sal",			OUT_STR, 0 },
	{ "renewal_date",	"renewal date",		OUT_DATE, 0 },
	{ "days_to_renewal",	"days to renewal",	OUT_INT, 0 },
	{ "acv",		"acv",			OUT_MONEY, 0 },
	{ "currency",		"currency",		OUT_STR, 0 },
	{ "strategic",		"strategic",		OUT_BOOL, 0 },
	{ "sentiment",		"sentiment",		OUT_STR, 0 },
	{ "requires_triage",	"requires triage",	OUT_BOOL, 0 },
	{ "health_score",	"health score",		OUT_INT, 0 },
	{ "lifecycle_stage",	"lifecycle stage",	OUT_STR, 0 },
	{ "archived",		"archived",		OUT_BOOL, 0 },
	{ "sa",			"sa",			OUT_STR, 0 },
	{ "rsd",		"rsd",			OUT_STR, 0 },
	{ "tam_manager",	"tam manager",		OUT_STR, 0 },
	{ "upsell",		"upsell",		OUT_BOOL, 0 },
	{ "region",		"region",		OUT_STR, 0 },
	{ "segment",		"segment",		OUT_STR, 0 },
	{ "objectives",		"objectives",		OUT_STR, 0 },
	{ "licenses",		"licenses",		OUT_INT, 0 },
	{ "active_users",	"active users",		OUT_INT, 0 },
	{ "window",		"renewal window",	OUT_STR, 0 },
	{ "window_opens",	"window opens",		OUT_DATE, 0 },
	{ "created_at",		"created",		OUT_STR, 0 },
	{ "updated_at",		"updated",		OUT_STR, 0 },
};

static enum out_style
sentiment_style(const struct account *a)
{
	switch (a->sentiment) {
	case SENT_RED:		return STYLE_RED;
	case SENT_YELLOW:	return STYLE_YELLOW;
	case SENT_GREEN:	return STYLE_GREEN;
	default:		return STYLE_NONE;
	}
}

/* Writes the cells of list_cols for a (the first 15 of show_cols too). */
static void
out_account_cells(struct out *o, const struct account *a,
    const struct settings *s, int today, int people_sentiment)
{
	char	sent[32];

	out_int(o, a->id);
	out_str(o, a->sfid);
	out_str(o, a->name);
	out_str(o, a->tam);
	out_str(o, a->sal);
	out_date(o, a->renewal_date);
	out_days(o, today, a->renewal_date);
	out_money_if(o, a->has_acv, a->acv_cents, a->currency);
	out_str(o, a->currency);
	out_bool(o, account_strategic(a, s->strategic_cents));
	out_str(o, sentiment_name(a->sentiment));
	if (people_sentiment) {
		snprintf(sent, sizeof sent, "%s%s", sentiment_name(a->sentiment)
		    ? sentiment_name(a->sentiment) : "",
		    a->requires_triage ? "+triage" : "");
		out_cell_style(o, sentiment_style(a));
		out_str(o, sent);
	}
	out_bool(o, a->requires_triage);
	out_int_if(o, a->health_score >= 0, a->health_score);
	out_str(o, a->lifecycle_stage);
	out_bool(o, a->archived);
}

/* Applies the field options of add/set to a; TAM_OK or an error. */
static int
apply_field(struct tam_ctx *ctx, struct account *a, int ch, const char *arg)
{
	char	*err = NULL;

	if (account_field_set(a, (enum account_field)(ch - OPT_FIELD),
	    arg ? arg : "", ctx->today, &err) != 0)
		return cmd_fail_take(ctx, TAM_USAGE, err);
	return TAM_OK;
}

/*
 * An ACV with cents in a currency without them (1000.50 JPY) is a typo,
 * refused as the import refuses it, whichever option brought the two
 * together (--acv 1000.50 --currency JPY, or --currency JPY alone).
 */
static int
check_acv_units(struct tam_ctx *ctx, const struct account *a)
{
	char	amount[32];

	if (!a->has_acv || a->acv_cents % 100 == 0 ||
	    money_minor_units(a->currency) != 0)
		return TAM_OK;
	/* An ACV is never negative (account_field_set). */
	snprintf(amount, sizeof amount, "%" PRId64 ".%02d", a->acv_cents /
	    100, (int)(a->acv_cents % 100));
	return cmd_fail(ctx, TAM_USAGE, "ACV %s has cents, but %s has no "
	    "decimals: give a whole amount with --acv", amount, a->currency);
}

static int
check_sfid_free(struct tam_ctx *ctx, const struct account *a)
{
	int64_t	 other;
	char	*err = NULL;
	int	 rc;

	if (a->sfid == NULL)
		return TAM_OK;
	rc = db_account_by_sfid(ctx->db, a->sfid, &other, &err);
	if (rc < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (rc == 0 && other != a->id)
		return cmd_fail(ctx, TAM_FAIL, "Salesforce ID %s already "
		    "belongs to account %" PRId64, a->sfid, other);
	return TAM_OK;
}

int
cmd_account_add_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account_writer	 w;
	struct account		 a;
	char			*err = NULL;
	int			 ch, rc = TAM_OK;

	account_init(&a);
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0)
		if ((rc = apply_field(ctx, &a, ch, optarg)) != TAM_OK)
			goto out;
	if (ch == CMD_OPT_ERROR) {
		rc = TAM_USAGE;
		goto out;
	}
	argc -= optind;
	argv += optind;
	if ((rc = apply_field(ctx, &a, OPT_FIELD + AF_NAME, argv[0])) != TAM_OK)
		goto out;
	if ((rc = check_acv_units(ctx, &a)) != TAM_OK ||
	    (rc = check_sfid_free(ctx, &a)) != TAM_OK ||
	    (rc = cmd_account_name_check(ctx, NULL, &a)) != TAM_OK ||
	    (rc = cmd_account_writer(ctx, ctx->user, &w)) != TAM_OK)
		goto out;
	if (account_create(&w, &a, &err) != 0) {
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
		goto out;
	}
	tam_info_done(ctx, "added account %" PRId64 ": %s", a.id, a.name);
out:
	account_release(&a);
	return rc;
}

/* What account set was told, in the order given: applied once found. */
struct set_words {
	int	  opts[64];
	char	 *args[64];
	int	  nopts;
	char	**clears;	/* --clear FIELD, repeatable */
	int	  nclears;
};

static int
set_words_read(struct tam_ctx *ctx, int argc, char **argv,
    struct set_words *w)
{
	int	ch;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		if (ch == OPT_CLEAR) {
			w->clears = xreallocarray(w->clears,
			    (size_t)w->nclears + 1, sizeof *w->clears);
			w->clears[w->nclears++] = optarg;
			continue;
		}
		if (w->nopts == 64)
			return cmd_misuse(ctx, "account set: too many options");
		w->opts[w->nopts] = ch;
		w->args[w->nopts++] = optarg;
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	if (w->nopts == 0 && w->nclears == 0)
		return cmd_misuse(ctx, "account set: nothing to set; give an "
		    "option such as --renewal DATE");
	return TAM_OK;
}

/* Clears, then sets, the fields w names on *a. */
static int
set_words_apply(struct tam_ctx *ctx, const struct set_words *w,
    struct account *a)
{
	const struct field_def	*f;
	int			 i, rc, money_given = 0;

	for (i = 0; i < w->nclears; i++) {
		f = account_field_by_name(w->clears[i]);
		if (f == NULL || f->id == AF_NAME || f->option == NULL)
			return cmd_fail(ctx, TAM_USAGE, "--clear: '%s' is not a "
			    "field that can be cleared (like sa, renewal or "
			    "tam-manager)", w->clears[i]);
		account_field_clear(a, f->id);
	}
	for (i = 0; i < w->nopts; i++) {
		if (w->opts[i] == OPT_NO_UPSELL)
			a->upsell = 0;
		else if ((rc = apply_field(ctx, a, w->opts[i], w->args[i])) !=
		    TAM_OK)
			return rc;
		if (w->opts[i] == OPT_FIELD + AF_ACV ||
		    w->opts[i] == OPT_FIELD + AF_CURRENCY)
			money_given = 1;
	}
	/* A row already like that is not this command's doing. */
	if (money_given && (rc = check_acv_units(ctx, a)) != TAM_OK)
		return rc;
	return TAM_OK;
}

int
cmd_account_set_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account		 old, a;
	struct set_words	 w = { 0 };
	struct account_writer	 aw;
	char			*err = NULL;
	int			 rc, changed;

	account_init(&old);
	account_init(&a);
	if ((rc = set_words_read(ctx, argc, argv, &w)) != TAM_OK ||
	    (rc = cmd_account_find(ctx, argv[optind], &old)) != TAM_OK)
		goto out;
	account_copy(&a, &old);
	if ((rc = set_words_apply(ctx, &w, &a)) != TAM_OK ||
	    (rc = check_sfid_free(ctx, &a)) != TAM_OK ||
	    (rc = cmd_account_name_check(ctx, &old, &a)) != TAM_OK ||
	    (rc = cmd_account_writer(ctx, ctx->user, &aw)) != TAM_OK)
		goto out;
	if ((changed = account_save(&aw, &old, &a, 0, &err)) < 0) {
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
		goto out;
	}
	if (changed == 0)
		tam_info(ctx, "account %" PRId64 ": nothing changed", a.id);
	else
		tam_info_done(ctx, "updated account %" PRId64 ": %s", a.id,
		    a.name);
out:
	free(w.clears);
	account_release(&old);
	account_release(&a);
	return rc;
}

/* --- show ---------------------------------------------------------- */

struct show_arrays {
	cJSON			*ctas;
	cJSON			*tasks;
	cJSON			*timeline;
	int			 table;
};

static cJSON *
json_str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *
json_date(int d)
{
	char	buf[11];

	if (d == DATE_NONE)
		return cJSON_CreateNull();
	date_format(d, buf);
	return cJSON_CreateString(buf);
}

static int
show_cta(void *arg, const struct cta *c)
{
	struct show_arrays	*sa = arg;
	cJSON			*o;
	char			 buf[32], rd[11] = "";

	if (sa->table) {
		if (c->renewal_date != DATE_NONE)
			date_format(c->renewal_date, rd);
		printf("  CTA %" PRId64 "  ", c->id);
		text_put(stdout, c->title, TEXT_CELL);
		printf("  (%s%s", c->kind, c->risk_type ? ", " : "");
		text_put(stdout, c->risk_type, TEXT_CELL);
		fputs(c->risk_reason ? ", " : "", stdout);
		text_put(stdout, c->risk_reason, TEXT_CELL);
		fputs(")\n", stdout);
		return 0;
	}
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "cta_id", (double)c->id);
	cJSON_AddStringToObject(o, "kind", c->kind);
	cJSON_AddStringToObject(o, "title", c->title);
	cJSON_AddStringToObject(o, "playbook", c->playbook);
	cJSON_AddStringToObject(o, "status", c->status);
	cJSON_AddItemToObject(o, "risk_type", json_str_or_null(c->risk_type));
	cJSON_AddItemToObject(o, "risk_reason",
	    json_str_or_null(c->risk_reason));
	cJSON_AddStringToObject(o, "opened_at", c->opened_at);
	cJSON_AddStringToObject(o, "opened_by", c->opened_by);
	cJSON_AddItemToObject(o, "renewal_date", json_date(c->renewal_date));
	if (c->has_net_arr) {
		money_plain(c->net_arr_cents, buf);
		cJSON_AddItemToObject(o, "net_arr_change", cJSON_CreateRaw(buf));
	} else
		cJSON_AddNullToObject(o, "net_arr_change");
	cJSON_AddItemToArray(sa->ctas, o);
	return 0;
}

static int
show_task(void *arg, const struct task *t)
{
	struct show_arrays	*sa = arg;
	cJSON			*o;
	char			 due[11];

	date_format(t->due, due);
	if (sa->table) {
		printf("  %5" PRId64 "  %s  ", t->id, due);
		text_put(stdout, t->title, TEXT_CELL);
		putchar('\n');
		return 0;
	}
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "task_id", (double)t->id);
	if (t->cta_id)
		cJSON_AddNumberToObject(o, "cta_id", (double)t->cta_id);
	else
		cJSON_AddNullToObject(o, "cta_id");
	cJSON_AddStringToObject(o, "kind", t->kind);
	cJSON_AddStringToObject(o, "title", t->title);
	cJSON_AddStringToObject(o, "due", due);
	cJSON_AddStringToObject(o, "status", t->status);
	cJSON_AddItemToArray(sa->tasks, o);
	return 0;
}

static int
show_post(void *arg, const struct post *p)
{
	struct show_arrays	*sa = arg;
	cJSON			*o;
	char			 day[11];

	if (sa->table) {
		printf("  %s  %-12s ", clock_stamp_date(p->at, day), p->type);
		text_put(stdout, p->body, TEXT_CELL);
		putchar('\n');
		return 0;
	}
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "post_id", (double)p->id);
	cJSON_AddStringToObject(o, "at", p->at);
	cJSON_AddStringToObject(o, "type", p->type);
	cJSON_AddStringToObject(o, "author", p->author);
	cJSON_AddItemToObject(o, "sentiment",
	    json_str_or_null(sentiment_name(p->sentiment)));
	cJSON_AddBoolToObject(o, "requires_triage", p->requires_triage);
	cJSON_AddItemToObject(o, "body", json_str_or_null(p->body));
	cJSON_AddItemToArray(sa->timeline, o);
	return 0;
}

/* The window state: "none", "not open", "open" or "passed". */
static const char *
window_state(const struct account *a, const struct settings *s, int today,
    int *opens)
{
	*opens = DATE_NONE;
	if (a->renewal_date == DATE_NONE)
		return "none";
	*opens = date_add_months(a->renewal_date, -s->window_months);
	if (a->renewal_date < today)
		return "passed";
	return today >= *opens ? "open" : "not open";
}

static int
show_related(struct tam_ctx *ctx, const struct account *a,
    struct show_arrays *sa)
{
	struct cta_filter	 cf = { 0 };
	struct task_filter	 tf = { 0 };
	char			*err = NULL;

	cf.account_id = a->id;
	cf.open_only = 1;
	tf.account_id = a->id;
	tf.open_only = 1;
	if (sa->table)
		printf("\nopen CTAs:\n");
	if (db_cta_each(ctx->db, &cf, show_cta, sa, &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (sa->table)
		printf("\nopen tasks:\n");
	if (db_task_each(ctx->db, &tf, show_task, sa, &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (sa->table)
		printf("\ntimeline (last 10):\n");
	if (db_post_each(ctx->db, a->id, NULL, NULL, 10, show_post, sa,
	    &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	return TAM_OK;
}

/* A field of `account show`, the keys in a column of 16. */
static void
kv(const char *key, const char *value)
{
	out_field(stdout, 16, key, value);
}

/* How many health scores and sentiment changes `show` draws: the last. */
#define SHOW_HISTORY	24

/*
 * The history as pictures, for people only: the sparkline of the last
 * health scores with the first, the last and the change, and the strip
 * of the last sentiment changes, oldest first, marks of their own shape
 * (colored when color is on).  UTF-8 glyphs only in a UTF-8 locale.
 */
static int
show_history(struct tam_ctx *ctx, const struct account *a)
{
	struct series	 h, st;
	char		*err = NULL, *line, *change;
	int		 utf8 = spark_utf8();

	if (db_history_health(ctx->db, a->id, DATE_NONE, SHOW_HISTORY, &h,
	    &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (h.n >= 2) {
		line = spark_line(h.v, h.n, utf8);
		change = spark_change(h.v, h.n, utf8);
		printf("%-16s %s  %s\n", "health history", line, change);
		free(line);
		free(change);
	}
	series_free(&h);
	if (db_history_sentiment(ctx->db, a->id, NULL, SHOW_HISTORY, &st,
	    &err) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (st.n > 0) {
		line = spark_strip(st.v, st.n, utf8, ctx->color ?
		    spark_sentiment_colors : NULL, SPARK_RESET);
		printf("%-16s %s  (oldest first)\n", "sentiment trail",
		    line);
		free(line);
	}
	series_free(&st);
	return TAM_OK;
}

/* `account show` for people: the fields that are set, then the work. */
static int
print_account_table(struct tam_ctx *ctx, const struct account *a,
    const struct settings *s, const char *window, int opens,
    struct show_arrays *sa)
{
	char	buf[128], d[11], m[48];
	int	rc;

	snprintf(buf, sizeof buf, "%" PRId64, a->id);
	kv("id", buf);
	kv("name", a->name);
	kv("sfid", a->sfid);
	kv("tam", a->tam);
	kv("sal", a->sal);
	kv("sa", a->sa);
	kv("rsd", a->rsd);
	kv("tam manager", a->tam_manager);
	if (a->has_acv) {
		money_format(a->acv_cents, a->currency, m);
		snprintf(buf, sizeof buf, "%s%s", m,
		    account_strategic(a, s->strategic_cents) ?
		    "  (strategic)" : "");
		kv("acv", buf);
	}
	if (a->renewal_date != DATE_NONE) {
		date_format(a->renewal_date, d);
		snprintf(buf, sizeof buf, "%s  (%d days)", d,
		    a->renewal_date - ctx->today);
		kv("renewal date", buf);
		date_format(opens, d);
		snprintf(buf, sizeof buf, "%s (opens %s)", window, d);
		kv("renewal window", buf);
	} else
		kv("renewal window", "no renewal date");
	if (a->sentiment != SENT_NONE) {
		snprintf(buf, sizeof buf, "%s%s", sentiment_name(a->sentiment),
		    a->requires_triage ? " (requires triage)" : "");
		kv("sentiment", buf);
	}
	if (a->health_score >= 0) {
		snprintf(buf, sizeof buf, "%d", a->health_score);
		kv("health score", buf);
	}
	if ((rc = show_history(ctx, a)) != TAM_OK)
		return rc;
	kv("lifecycle stage", a->lifecycle_stage);
	kv("upsell", a->upsell ? "yes" : NULL);
	kv("region", a->region);
	kv("segment", a->segment);
	kv("objectives", a->objectives);
	if (a->licenses >= 0) {
		snprintf(buf, sizeof buf, "%" PRId64, a->licenses);
		kv("licenses", buf);
	}
	if (a->active_users >= 0) {
		snprintf(buf, sizeof buf, "%" PRId64, a->active_users);
		kv("active users", buf);
	}
	kv("archived", a->archived ? "yes" : NULL);
	sa->table = 1;
	return show_related(ctx, a, sa);
}

int
cmd_account_show_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const struct settings	*s;
	struct account		 a;
	struct show_arrays	 sa = { 0 };
	struct out		*o;
	cJSON			*obj;
	int			 rc, opens;
	const char		*window;

	if ((s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	account_init(&a);
	if ((rc = cmd_account_find(ctx, argv[0], &a)) != TAM_OK) {
		account_release(&a);
		return rc;
	}
	window = window_state(&a, s, ctx->today, &opens);
	o = out_begin(ctx, show_cols, (int)nitems(show_cols));
	out_single(o);
	if (ctx->format == FMT_TABLE) {
		/* People get "field: value" lines, not one wide row. */
		out_finish(o);
		o = NULL;
	}
	if (o != NULL) {
		out_account_cells(o, &a, s, ctx->today, 0);
		out_str(o, a.sa);
		out_str(o, a.rsd);
		out_str(o, a.tam_manager);
		out_bool(o, a.upsell);
		out_str(o, a.region);
		out_str(o, a.segment);
		out_str(o, a.objectives);
		out_int_if(o, a.licenses >= 0, a.licenses);
		out_int_if(o, a.active_users >= 0, a.active_users);
		out_str(o, window);
		out_date(o, opens);
		out_str(o, a.created_at);
		out_str(o, a.updated_at);
		if ((obj = out_row_json(o)) != NULL) {
			sa.ctas = cJSON_AddArrayToObject(obj, "ctas");
			sa.tasks = cJSON_AddArrayToObject(obj, "tasks");
			sa.timeline = cJSON_AddArrayToObject(obj, "timeline");
			if ((rc = show_related(ctx, &a, &sa)) != TAM_OK) {
				out_abandon(o);
				account_release(&a);
				return rc;
			}
		}
		out_row_end(o);
		rc = out_finish(o) == 0 ? TAM_OK : TAM_FAIL;
		account_release(&a);
		return rc;
	}
	rc = print_account_table(ctx, &a, s, window, opens, &sa);
	account_release(&a);
	return rc;
}

/* --- list ---------------------------------------------------------- */

struct list_state {
	struct out		*out;
	const struct settings	*s;
	int			 today;
};

static int
list_one(void *arg, const struct account *a)
{
	struct list_state	*ls = arg;

	if (account_strategic(a, ls->s->strategic_cents))
		out_row_style(ls->out, STYLE_BOLD);
	out_account_cells(ls->out, a, ls->s, ls->today, 1);
	out_row_end(ls->out);
	return 0;
}

const struct cmd_option cmd_account_list_options[] = {
	CMD_OPTION_TAM(OPT_TAM),
	{ "sentiment", 0, required_argument, "green|yellow|red",
	    "only accounts of this TAM sentiment", NULL, OPT_SENTIMENT, 0 },
	{ "triage", 0, no_argument, NULL,
	    "only accounts that require triage", NULL, OPT_TRIAGE, 0 },
	{ "renewing-within", 0, required_argument, "PERIOD",
	    "only accounts renewing up to today plus PERIOD", NULL,
	    OPT_WITHIN, CMD_OPT_PERIOD },
	{ "strategic", 0, no_argument, NULL,
	    "only accounts over the strategic ACV", NULL, OPT_STRATEGIC, 0 },
	{ "archived", 0, no_argument, NULL,
	    "archived accounts too", NULL, OPT_ARCHIVED, 0 },
	CMD_OPTIONS_END
};

int
cmd_account_list_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account_filter	 f = { 0 };
	struct list_state	 ls;
	struct period		 p;
	char			*err = NULL, *tam_fold = NULL;
	int			 ch, triage, rc;

	f.renewing_before = DATE_NONE;
	f.today = ctx->today;
	f.strategic_over = -1;
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		if (ch != OPT_SENTIMENT)
			continue;
		f.sentiment = sentiment_parse(optarg, &triage);
		if (f.sentiment < 0 || triage)
			return cmd_fail(ctx, TAM_USAGE, "--sentiment: '%s' is "
			    "not green, yellow or red", optarg);
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	f.triage = cmd_opt_given(OPT_TRIAGE);
	f.archived = cmd_opt_given(OPT_ARCHIVED);
	if (cmd_opt_period(OPT_WITHIN, &p))
		f.renewing_before = date_add_period(ctx->today, &p);
	if ((ls.s = cmd_settings(ctx)) == NULL)
		return TAM_FAIL;
	if (cmd_opt_given(OPT_STRATEGIC))
		f.strategic_over = ls.s->strategic_cents;
	if ((rc = cmd_tam_option(ctx, cmd_opt_arg(OPT_TAM), &tam_fold)) !=
	    TAM_OK)
		return rc;
	f.tam = tam_fold;
	ls.today = ctx->today;
	ls.out = out_begin(ctx, list_cols, (int)nitems(list_cols));
	out_empty(ls.out, f.archived ? "no accounts, archived or not" :
	    "no accounts to list (archived ones: --archived)");
	rc = db_account_each(ctx->db, &f, list_one, &ls, &err);
	free(tam_fold);
	return cmd_list_end(ctx, ls.out, rc, err);
}

/* --- archive, rm --------------------------------------------------- */

const struct cmd_option cmd_account_rm_options[] = {
	{ "yes", 0, no_argument, NULL,
	    "yes, delete the account and all its history", NULL, OPT_YES, 0 },
	CMD_OPTIONS_END
};

int
cmd_account_archive_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct account_writer	 w;
	struct account		 old, a;
	char			*err = NULL;
	int64_t			 id;
	int			 rc;

	if ((rc = cmd_account_resolve(ctx, argv[0], &id)) != TAM_OK)
		return rc;
	account_init(&old);
	account_init(&a);
	if ((rc = cmd_account_load(ctx, id, &old)) != TAM_OK)
		goto out;
	if (old.archived) {
		rc = cmd_fail(ctx, TAM_FAIL, "account %" PRId64 " (%s) is "
		    "already archived", id, old.name);
		goto out;
	}
	account_copy(&a, &old);
	a.archived = 1;
	if ((rc = cmd_account_writer(ctx, ctx->user, &w)) != TAM_OK)
		goto out;
	if (account_save(&w, &old, &a, 0, &err) < 0) {
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
		goto out;
	}
	tam_info_done(ctx, "archived account %" PRId64 ": %s", id, a.name);
out:
	account_release(&old);
	account_release(&a);
	return rc;
}

int
cmd_account_rm_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct account	 a;
	char		*err = NULL;
	int64_t		 id;
	int		 rc;

	if ((rc = cmd_account_resolve(ctx, argv[0], &id)) != TAM_OK)
		return rc;
	if (!cmd_opt_given(OPT_YES))
		return cmd_fail(ctx, TAM_USAGE, "account rm deletes the account "
		    "and all its history; add --yes to confirm (or use 'tam "
		    "account archive')");
	account_init(&a);
	if ((rc = cmd_account_load(ctx, id, &a)) == TAM_OK) {
		if (db_account_delete(ctx->db, id, &err) != 0)
			rc = cmd_fail_take(ctx, TAM_FAIL, err);
		else
			tam_info_done(ctx, "deleted account %" PRId64 ": %s",
			    id, a.name);
	}
	account_release(&a);
	return rc;
}
