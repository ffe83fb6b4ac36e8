/* account.c: the account record: its fields, parsing and comparing them. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/sfid.h"
#include "tam/text.h"

/* Longest name, person or free text accepted: a sanity bound, not SQL's. */
#define TEXT_MAX 65536

/* A field's members in struct account (field_def). */
#define MEMBER(m)	offsetof(struct account, m), \
	sizeof(((struct account *)0)->m)
#define TEXT(m)		1, MEMBER(m), 0, 0
#define VALUE(m)	0, MEMBER(m), 0, 0
#define VALUE2(m, n)	0, MEMBER(m), MEMBER(n)

static const struct field_def fields[] = {
	{ AF_SFID,		"sfid",		"sfid",	TEXT(sfid) },
	{ AF_NAME,		"name",		"name",	TEXT(name) },
	{ AF_TAM,		"tam",		"tam",	TEXT(tam) },
	{ AF_SAL,		"sal",		"sal",	TEXT(sal) },
	{ AF_SA,		"sa",		"sa",	TEXT(sa) },
	{ AF_RSD,		"rsd",		"rsd",	TEXT(rsd) },
	{ AF_TAM_MANAGER,	"tam_manager",	"tam-manager",
	    TEXT(tam_manager) },
	{ AF_ACV,		"acv",		"acv",
	    VALUE2(has_acv, acv_cents) },
	{ AF_CURRENCY,		"currency",	"currency", VALUE(currency) },
	{ AF_RENEWAL_DATE,	"renewal_date",	"renewal",
	    VALUE(renewal_date) },
	{ AF_HEALTH_SCORE,	"health_score",	"health",
	    VALUE(health_score) },
	{ AF_SENTIMENT,		"sentiment",	NULL,
	    VALUE2(sentiment, requires_triage) },
	{ AF_LIFECYCLE_STAGE,	"lifecycle_stage", "stage",
	    TEXT(lifecycle_stage) },
	{ AF_UPSELL,		"upsell",	"upsell", VALUE(upsell) },
	{ AF_REGION,		"region",	"region", TEXT(region) },
	{ AF_SEGMENT,		"segment",	"segment", TEXT(segment) },
	{ AF_OBJECTIVES,	"objectives",	"objectives",
	    TEXT(objectives) },
	{ AF_LICENSES,		"licenses",	"licenses", VALUE(licenses) },
	{ AF_ACTIVE_USERS,	"active_users",	"active-users",
	    VALUE(active_users) },
	{ AF_ARCHIVED,		"archived",	NULL,	VALUE(archived) },
};

void
account_init(struct account *a)
{
	memset(a, 0, sizeof *a);
	memcpy(a->currency, "USD", 4);
	a->renewal_date = DATE_NONE;
	a->health_score = -1;
	a->licenses = -1;
	a->active_users = -1;
}

void
account_release(struct account *a)
{
	char	**slot;
	int	  f;

	/* The text fields through their slots, as diff and copy reach them. */
	for (f = 0; f < AF_COUNT; f++)
		if ((slot = account_text_slot(a, f)) != NULL)
			free(*slot);
	free(a->created_at);
	free(a->updated_at);
	account_init(a);
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

void
account_copy(struct account *dst, const struct account *src)
{
	char	**slot;
	int	  f;

	*dst = *src;
	for (f = 0; f < AF_COUNT; f++)
		if ((slot = account_text_slot(dst, f)) != NULL)
			*slot = dup_or_null(*slot);
	dst->created_at = dup_or_null(src->created_at);
	dst->updated_at = dup_or_null(src->updated_at);
}

const struct field_def *
account_field_def(enum account_field f)
{
	return &fields[f];
}

const struct field_def *
account_field_by_name(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(fields); i++) {
		if (strcmp(name, fields[i].key) == 0)
			return &fields[i];
		if (fields[i].option != NULL &&
		    strcmp(name, fields[i].option) == 0)
			return &fields[i];
	}
	return NULL;
}

char **
account_text_slot(struct account *a, enum account_field f)
{
	if ((unsigned)f >= AF_COUNT || !fields[f].text)
		return NULL;
	return (char **)(void *)((char *)a + fields[f].off);
}

static int
str_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

unsigned
account_diff(const struct account *a, const struct account *b)
{
	unsigned	m = 0;
	int		f;

	for (f = 0; f < AF_COUNT; f++) {
		char	**sa = account_text_slot((struct account *)a, f);
		char	**sb = account_text_slot((struct account *)b, f);

		if (sa != NULL && str_differs(*sa, *sb))
			m |= AF_BIT(f);
	}
	if (a->has_acv != b->has_acv ||
	    (a->has_acv && a->acv_cents != b->acv_cents))
		m |= AF_BIT(AF_ACV);
	if (strcmp(a->currency, b->currency) != 0)
		m |= AF_BIT(AF_CURRENCY);
	if (a->renewal_date != b->renewal_date)
		m |= AF_BIT(AF_RENEWAL_DATE);
	if (a->health_score != b->health_score)
		m |= AF_BIT(AF_HEALTH_SCORE);
	if (a->sentiment != b->sentiment ||
	    a->requires_triage != b->requires_triage)
		m |= AF_BIT(AF_SENTIMENT);
	if (a->upsell != b->upsell)
		m |= AF_BIT(AF_UPSELL);
	if (a->licenses != b->licenses)
		m |= AF_BIT(AF_LICENSES);
	if (a->active_users != b->active_users)
		m |= AF_BIT(AF_ACTIVE_USERS);
	if (a->archived != b->archived)
		m |= AF_BIT(AF_ARCHIVED);
	return m;
}

const char *
sentiment_name(int s)
{
	switch (s) {
	case SENT_GREEN:	return "green";
	case SENT_YELLOW:	return "yellow";
	case SENT_RED:		return "red";
	default:		return NULL;
	}
}

int
sentiment_parse(const char *s, int *triage)
{
	static const char *const triaged[] = {
		"yellow - requires triage", "yellow (requires triage)",
		"yellow-requires triage", "yellow+triage",
		"yellow requires triage",
	};
	size_t	i;

	*triage = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (strcasecmp(s, "green") == 0)
		return SENT_GREEN;
	if (strcasecmp(s, "yellow") == 0)
		return SENT_YELLOW;
	if (strcasecmp(s, "red") == 0)
		return SENT_RED;
	for (i = 0; i < nitems(triaged); i++)
		if (strcasecmp(s, triaged[i]) == 0) {
			*triage = 1;
			return SENT_YELLOW;
		}
	return -1;
}

int
sentiment_at_risk(int sentiment, int triage)
{
	return sentiment == SENT_RED || (sentiment == SENT_YELLOW && triage);
}

int
account_strategic(const struct account *a, int64_t threshold)
{
	return a->has_acv && a->acv_cents > threshold;
}

/* The Salesforce ID, in its 18-character form.  0, or -1 with *err. */
static int
set_sfid(struct account *a, const char *value, char **err)
{
	char	sfid[19], why[SFID_ERROR_MAX];

	if (sfid_normalize(value, sfid) != 0) {
		sfid_error_text(value, why);
		*err = xasprintf("'%s' %s", value, why);
		return -1;
	}
	free(a->sfid);
	a->sfid = xstrdup(sfid);
	return 0;
}

/* The ACV, and its currency when the amount names one.  0 or -1. */
static int
set_acv(struct account *a, const char *value, char **err)
{
	struct money	m;
	int		rc;

	/* A reason beyond "not the grammar" is worth its words. */
	rc = money_read(value, &m);
	if (rc == MONEY_UNKNOWN_CODE || rc == MONEY_CLASH ||
	    rc == MONEY_DECIMALS) {
		*err = xasprintf("'%s' %s", value, money_error_text(rc));
		return -1;
	}
	if (rc != MONEY_OK || m.cents < 0) {
		*err = xasprintf("'%s' is not an amount (like 250000, "
		    "$250,000 or USD 250,000.00)", value);
		return -1;
	}
	a->has_acv = 1;
	a->acv_cents = m.cents;
	if (m.currency[0] != '\0')
		memcpy(a->currency, m.currency, 4);
	return 0;
}

/* An ISO 4217 code tam knows, any case.  0, or -1 with *err. */
static int
set_currency(struct account *a, const char *value, char **err)
{
	char	code[4];
	int	i;

	for (i = 0; i < 3 && value[i] != '\0'; i++)
		code[i] = (char)toupper((unsigned char)value[i]);
	code[i] = '\0';
	if (strlen(value) != 3 || !money_currency_known(code)) {
		*err = xasprintf("'%s' is not a currency code (like USD or "
		    "EUR)", value);
		return -1;
	}
	memcpy(a->currency, code, 4);
	return 0;
}

int
account_field_set(struct account *a, enum account_field f, const char *value,
    int today, char **err)
{
	const char	*key = fields[f].option ? fields[f].option : fields[f].key;
	char		**slot;
	int64_t		 n;
	int		 d, triage;

	if (strlen(value) > TEXT_MAX) {
		*err = xasprintf("--%s: value is longer than %d bytes", key,
		    TEXT_MAX);
		return -1;
	}
	/* JSON output must be UTF-8: refuse what could not be written. */
	if (!utf8_valid(value, strlen(value))) {
		*err = xasprintf("--%s: value is not valid UTF-8", key);
		return -1;
	}
	switch (f) {
	case AF_SFID:
		return set_sfid(a, value, err);
	case AF_ACV:
		return set_acv(a, value, err);
	case AF_CURRENCY:
		return set_currency(a, value, err);
	case AF_RENEWAL_DATE:
		if (date_parse_arg(value, today, &d) != 0) {
			*err = xasprintf("--%s: '%s' is not a date (%s)", key,
			    value, date_arg_forms);
			return -1;
		}
		a->renewal_date = d;
		return 0;
	case AF_HEALTH_SCORE:
		if (parse_int(value, 0, 100, &n) != 0) {
			*err = xasprintf("'%s' is not a health score (0 to "
			    "100)", value);
			return -1;
		}
		a->health_score = (int)n;
		return 0;
	case AF_SENTIMENT:
		if ((d = sentiment_parse(value, &triage)) < 0) {
			*err = xasprintf("'%s' is not a sentiment (green, "
			    "yellow or red)", value);
			return -1;
		}
		a->sentiment = d;
		a->requires_triage = triage;
		return 0;
	case AF_LICENSES:
	case AF_ACTIVE_USERS:
		if (parse_int(value, 0, INT64_C(1000000000000), &n) != 0) {
			*err = xasprintf("'%s' is not a number of users",
			    value);
			return -1;
		}
		if (f == AF_LICENSES)
			a->licenses = n;
		else
			a->active_users = n;
		return 0;
	case AF_UPSELL:
		a->upsell = 1;
		return 0;
	case AF_ARCHIVED:
		a->archived = 1;
		return 0;
	default:
		break;
	}
	slot = account_text_slot(a, f);
	if (f == AF_NAME && *value == '\0') {
		*err = xstrdup("the name cannot be empty");
		return -1;
	}
	free(*slot);
	*slot = *value == '\0' ? NULL : xstrdup(value);
	return 0;
}

void
account_field_copy(struct account *dst, const struct account *src,
    enum account_field f)
{
	const struct field_def	*d;
	char			**to;

	if ((unsigned)f >= AF_COUNT)
		return;
	d = &fields[f];
	if (!d->text) {
		memcpy((char *)dst + d->off, (const char *)src + d->off,
		    d->size);
		memcpy((char *)dst + d->off2, (const char *)src + d->off2,
		    d->size2);
		return;
	}
	to = account_text_slot(dst, f);
	free(*to);
	*to = dup_or_null(*account_text_slot((struct account *)src, f));
}

void
account_field_clear(struct account *a, enum account_field f)
{
	struct account	blank;

	/* An account always has a name: that field is never cleared. */
	if (f == AF_NAME)
		return;
	/* Not set is what a new account holds; it owns no string. */
	account_init(&blank);
	account_field_copy(a, &blank, f);
}
