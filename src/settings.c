/* settings.c: the settings table, their validation and loading. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/db.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/settings.h"
#include "tam/text.h"

const struct setting_def setting_defs[] = {
	{ "window.months", "6", "months",
	    "renewal window: months before the renewal date" },
	{ "review1.months_before", "5", "months",
	    "Renewal Review 1: months before the renewal date" },
	{ "review2.months_before", "3", "months",
	    "Renewal Review 2: months before the renewal date" },
	{ "contact.days", "60", "days",
	    "renewal question, plan and sentiment: days after the window opens" },
	{ "strategic.acv", "250000", "amount",
	    "an account with an ACV over this is strategic" },
	{ "review.sa_always", "true", "bool",
	    "invite the SA to reviews even without an upsell" },
	{ "schedule.skip_weekends", "true", "bool",
	    "move due dates on a weekend to the Friday before" },
	{ "risk_update.every", "1m", "period",
	    "how often an open risk CTA needs a Risk Update" },
	{ "sentiment.stale_days", "90", "days",
	    "sentiment older than this is stale in an open window" },
	{ "due.horizon", "7d", "period",
	    "how far ahead tam due looks" },
	{ "me", "", "text",
	    "your name as TAM: --tam me, the default of due and ics" },
	{ NULL, NULL, NULL, NULL }
};

const struct setting_def *
setting_find(const char *key)
{
	return text_table_find(setting_defs, sizeof *setting_defs,
	    offsetof(struct setting_def, key), key);
}

static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	size_t	i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* A whole number in [lo, hi]; 0 or -1. */
static int
parse_range(const char *s, int lo, int hi, int *out)
{
	int64_t	v;

	if (parse_int(s, lo, hi, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

char *
setting_canonical(const struct setting_def *d, const char *value, char **err)
{
	struct period	p;
	struct money	m;
	char		buf[32];
	int		n;

	if (strcmp(d->kind, "months") == 0) {
		if (parse_range(value, 0, 24, &n) == 0 &&
		    (n > 0 || strcmp(d->key, "window.months") != 0))
			return xasprintf("%d", n);
		*err = xasprintf("%s: '%s' is not a number of months (%s to "
		    "24)", d->key, value,
		    strcmp(d->key, "window.months") == 0 ? "1" : "0");
	} else if (strcmp(d->kind, "days") == 0) {
		if (parse_range(value, 0, 3650, &n) == 0)
			return xasprintf("%d", n);
		*err = xasprintf("%s: '%s' is not a number of days (0 to "
		    "3650)", d->key, value);
	} else if (strcmp(d->kind, "amount") == 0) {
		if (money_parse(value, &m) == 0 && m.cents >= 0) {
			money_plain(m.cents, buf);
			return xstrdup(buf);
		}
		*err = xasprintf("%s: '%s' is not an amount (like 250000)",
		    d->key, value);
	} else if (strcmp(d->kind, "bool") == 0) {
		if (parse_bool(value, &n) == 0)
			return xstrdup(n ? "true" : "false");
		*err = xasprintf("%s: '%s' is not true or false", d->key,
		    value);
	} else if (strcmp(d->kind, "text") == 0) {
		/* A name, looked up when used: the TAM may come later. */
		return xstrdup(value);
	} else {
		if (period_parse(value, &p) == 0) {
			period_format(&p, buf);
			return xstrdup(buf);
		}
		*err = xasprintf("%s: '%s' is not a period (N, Nd, Nw or Nm)",
		    d->key, value);
	}
	return NULL;
}

int
settings_apply(struct settings *s, const char *key, const char *value)
{
	struct money	m;
	int		n = 0;

	if (strcmp(key, "window.months") == 0)
		return parse_range(value, 1, 24, &s->window_months);
	if (strcmp(key, "review1.months_before") == 0)
		return parse_range(value, 0, 24, &s->review1_months);
	if (strcmp(key, "review2.months_before") == 0)
		return parse_range(value, 0, 24, &s->review2_months);
	if (strcmp(key, "contact.days") == 0)
		return parse_range(value, 0, 3650, &s->contact_days);
	if (strcmp(key, "sentiment.stale_days") == 0)
		return parse_range(value, 0, 3650, &s->stale_days);
	if (strcmp(key, "strategic.acv") == 0) {
		if (money_parse(value, &m) != 0)
			return -1;
		s->strategic_cents = m.cents;
		return 0;
	}
	if (strcmp(key, "review.sa_always") == 0) {
		if (parse_bool(value, &n) != 0)
			return -1;
		s->sa_always = n;
		return 0;
	}
	if (strcmp(key, "schedule.skip_weekends") == 0) {
		if (parse_bool(value, &n) != 0)
			return -1;
		s->skip_weekends = n;
		return 0;
	}
	if (strcmp(key, "risk_update.every") == 0)
		return period_parse(value, &s->risk_every);
	if (strcmp(key, "due.horizon") == 0)
		return period_parse(value, &s->horizon);
	/* Text, not a number of the playbooks: see settings_me(). */
	if (strcmp(key, "me") == 0)
		return 0;
	return -1;
}

struct settings *
settings_load(struct tam_db *db, char **err)
{
	const struct setting_def	*d;
	struct settings			*s;
	char				*value;
	int				 rc;

	s = xcalloc(1, sizeof *s);
	for (d = setting_defs; d->key != NULL; d++)
		settings_apply(s, d->key, d->fallback);
	for (d = setting_defs; d->key != NULL; d++) {
		value = NULL;
		rc = db_setting_get(db, d->key, &value, err);
		if (rc < 0) {
			free(s);
			return NULL;
		}
		/* A value that no longer parses keeps the default. */
		if (rc == 0 && settings_apply(s, d->key, value) != 0)
			settings_apply(s, d->key, d->fallback);
		free(value);
	}
	return s;
}

int
settings_me(struct tam_db *db, char **me, char **err)
{
	const char	*env;
	char		*value = NULL;
	int		 rc;

	*me = NULL;
	/* A TAM's login on a team is that TAM, whatever else says. */
	if (db_login_role(db) == DB_ROLE_TAM &&
	    db_login_tam(db) != NULL) {
		*me = xstrdup(db_login_tam(db));
		return 0;
	}
	if ((env = getenv("TAM_ME")) != NULL && *env != '\0') {
		*me = xstrdup(env);
		return 0;
	}
	if ((rc = db_setting_get(db, "me", &value, err)) < 0)
		return -1;
	/* Set to "": not set. */
	if (rc == 0 && *value != '\0')
		*me = value;
	else
		free(value);
	return 0;
}
