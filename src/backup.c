/* backup.c: export rows to JSON objects and back, checking every value. */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/account.h"
#include "tam/backup.h"
#include "tam/date.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/tam.h"
#include "tam/text.h"

/* From 2^53 on, a JSON number (a double) no longer holds every integer. */
#define JSON_INT_MAX	9007199254740992.0
/* The largest amount tam parses: 10^13 units (see money.c). */
#define MONEY_UNITS_MAX	1e13

const struct dbx_table *
backup_table(const char *key)
{
	return text_table_find(dbx_tables, sizeof *dbx_tables,
	    offsetof(struct dbx_table, key), key);
}

static cJSON *
value_json(const struct dbx_col *c, const struct dbx_value *v)
{
	char	buf[32];

	if (v->null)
		return cJSON_CreateNull();
	switch (c->type) {
	case DBX_INT:
		/* Raw, so that no integer goes through a double. */
		snprintf(buf, sizeof buf, "%" PRId64, v->i);
		return cJSON_CreateRaw(buf);
	case DBX_BOOL:
		return cJSON_CreateBool(v->i != 0);
	case DBX_MONEY:
		money_plain(v->i, buf);
		return cJSON_CreateRaw(buf);
	default:
		return cJSON_CreateString(v->s);
	}
}

cJSON *
backup_row_json(const struct dbx_table *t, const struct dbx_value *v,
    const char *table)
{
	cJSON	*obj = cJSON_CreateObject();
	int	 i;

	if (table != NULL)
		cJSON_AddStringToObject(obj, "table", table);
	for (i = 0; i < t->ncols; i++)
		cJSON_AddItemToObject(obj, t->cols[i].key,
		    value_json(&t->cols[i], &v[i]));
	return obj;
}

/* "YYYY-MM-DDTHH:MM:SSZ" with a real date and time. */
static int
valid_timestamp(const char *s)
{
	char	day[11];
	int	d, h, m, sec;

	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    s[19] != 'Z')
		return 0;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse_iso(day, &d) != 0 ||
	    sscanf(s + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3)
		return 0;
	return h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 61;
}

static int
parse_number(const cJSON *item, const struct dbx_col *c, struct dbx_value *v,
    char **err)
{
	double	d = item->valuedouble, cents;
	char	buf[32];

	if (c->type == DBX_INT) {
		if (d != floor(d) || fabs(d) >= JSON_INT_MAX) {
			*err = xasprintf("'%s' is not a whole number", c->key);
			return -1;
		}
		v->i = (int64_t)d;
		return 0;
	}
	/*
	 * Money: currency units with at most two decimals.  The cents, put
	 * back into decimal text, must read as the very double the file
	 * gave: a tolerance would let 1234567.891 pass as 1234567.89.
	 */
	cents = rint(d * 100.0);
	if (fabs(d) <= MONEY_UNITS_MAX) {
		money_plain((int64_t)cents, buf);
		if (strtod(buf, NULL) == d) {
			v->i = (int64_t)cents;
			return 0;
		}
	}
	*err = xasprintf("'%s' is not an amount with at most two decimals",
	    c->key);
	return -1;
}

/* Reads one value of column c; 0 or -1 with *err. */
static int
parse_value(const cJSON *item, const struct dbx_col *c, struct dbx_value *v,
    char **err)
{
	static const char *const names[] = { "a number", "text", "true or "
	    "false", "an amount", "a date (YYYY-MM-DD)", "a timestamp "
	    "(YYYY-MM-DDTHH:MM:SSZ)" };

	memset(v, 0, sizeof *v);
	if (cJSON_IsNull(item)) {
		if (!c->nullable) {
			*err = xasprintf("'%s' cannot be null", c->key);
			return -1;
		}
		v->null = 1;
		return 0;
	}
	switch (c->type) {
	case DBX_INT:
	case DBX_MONEY:
		if (cJSON_IsNumber(item))
			return parse_number(item, c, v, err);
		break;
	case DBX_BOOL:
		if (cJSON_IsBool(item)) {
			v->i = cJSON_IsTrue(item);
			return 0;
		}
		break;
	case DBX_TEXT:
	case DBX_DATE:
	case DBX_TIME:
		if (!cJSON_IsString(item))
			break;
		v->s = item->valuestring;
		if (c->type == DBX_DATE && date_parse_iso(v->s, &(int){ 0 }) != 0)
			break;
		if (c->type == DBX_TIME && !valid_timestamp(v->s))
			break;
		return 0;
	}
	*err = xasprintf("'%s' is not %s", c->key, names[c->type]);
	return -1;
}

int
backup_row_parse(const struct dbx_table *t, const cJSON *obj,
    const char *skip, struct dbx_value *v, char **err)
{
	const cJSON	*item;
	char		*seen;
	int		 i, rc = -1;

	if (!cJSON_IsObject(obj)) {
		*err = xasprintf("a row of '%s' is not an object", t->key);
		return -1;
	}
	seen = xcalloc((size_t)t->ncols, 1);
	cJSON_ArrayForEach(item, obj) {
		if (skip != NULL && strcmp(item->string, skip) == 0)
			continue;
		for (i = 0; i < t->ncols; i++)
			if (strcmp(item->string, t->cols[i].key) == 0)
				break;
		if (i == t->ncols) {
			*err = xasprintf("unknown key '%s' in a row of '%s'",
			    item->string, t->key);
			goto out;
		}
		if (seen[i]++) {
			*err = xasprintf("key '%s' appears twice", item->string);
			goto out;
		}
		if (parse_value(item, &t->cols[i], &v[i], err) != 0)
			goto out;
	}
	for (i = 0; i < t->ncols; i++)
		if (!seen[i]) {
			*err = xasprintf("key '%s' is missing", t->cols[i].key);
			goto out;
		}
	rc = 0;
out:
	free(seen);
	return rc;
}

const char *
backup_json_nul(const char *p, size_t len)
{
	size_t	i;

	/* In JSON a backslash only ever starts an escape inside a string. */
	for (i = 0; i < len; i++) {
		if (p[i] != '\\')
			continue;
		if (len - i >= 6 && memcmp(p + i + 1, "u0000", 5) == 0)
			return p + i;
		i++;
	}
	return NULL;
}

/*
 * An account column goes through account_field_set(), as the value of
 * its option would on the command line, and must come out as it went in
 * (a restore changes nothing, an ID's case included).
 */
static int
check_account_value(const struct dbx_col *c, const struct dbx_value *v,
    char **err)
{
	const struct field_def	*f = account_field_by_name(c->key);
	struct account		 a;
	char			 buf[32], *why = NULL;
	const char		*text = v->s, *back = NULL;
	int			 rc = -1;

	if (f == NULL || v->null || c->type == DBX_BOOL)
		return 0;
	if (c->type == DBX_INT) {
		snprintf(buf, sizeof buf, "%" PRId64, v->i);
		text = buf;
	} else if (c->type == DBX_MONEY) {
		money_plain(v->i, buf);
		text = buf;
	}
	account_init(&a);
	if (account_field_set(&a, f->id, text, 0, &why) != 0) {
		*err = xasprintf("'%s': %s", c->key, why);
		free(why);
		goto out;
	}
	if (f->id == AF_SFID)
		back = a.sfid;
	else if (f->id == AF_CURRENCY)
		back = a.currency;
	if (back != NULL && strcmp(back, text) != 0) {
		*err = xasprintf("'%s': '%s' is not as tam stores it ('%s')",
		    c->key, text, back);
		goto out;
	}
	rc = 0;
out:
	account_release(&a);
	return rc;
}

int
backup_row_check(const struct dbx_table *t, const struct dbx_value *v,
    size_t text_max, char **err)
{
	const struct dbx_col	*c;
	struct money		 m;
	char			 buf[32];
	size_t			 n;
	int			 i;

	for (i = 0; i < t->ncols; i++) {
		c = &t->cols[i];
		if (v[i].null)
			continue;
		if (c->type == DBX_TEXT) {
			if ((n = strlen(v[i].s)) > text_max) {
				*err = xasprintf("'%s' is %zu bytes long; tam "
				    "stores at most %zu", c->key, n, text_max);
				return -1;
			}
			if (!utf8_valid(v[i].s, n)) {
				*err = xasprintf("'%s' is not valid UTF-8",
				    c->key);
				return -1;
			}
		}
		/* Every amount within what the command line takes. */
		if (c->type == DBX_MONEY) {
			money_plain(v[i].i, buf);
			if (money_parse(buf, &m) != 0 || m.cents != v[i].i) {
				*err = xasprintf("'%s' is not an amount tam "
				    "takes: %s", c->key, buf);
				return -1;
			}
		}
		if (t == backup_table("accounts") &&
		    check_account_value(c, &v[i], err) != 0)
			return -1;
	}
	/* It goes into every calendar UID: as the database makes it. */
	if (t == backup_table("database_uid") && (strlen(v[0].s) != 32 ||
	    strspn(v[0].s, "0123456789abcdef") != 32)) {
		*err = xstrdup("'uid' is not 32 lowercase hexadecimal digits");
		return -1;
	}
	return 0;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	return p;
}

/* The end of the string at p (a '"'), or NULL when it is cut. */
static const char *
skip_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

const char *
backup_json_skip(const char *p, const char *end, const char **bad)
{
	size_t	depth = 0;

	/* Brackets are counted, not recursed into: any depth is fine. */
	do {
		p = skip_ws(p, end);
		*bad = p;
		if (p == end)
			return NULL;
		switch (*p) {
		case '"':
			if ((p = skip_string(p, end)) == NULL) {
				*bad = end;
				return NULL;
			}
			break;
		case '[':
		case '{':
			depth++;
			p++;
			break;
		case ']':
		case '}':
			if (depth-- == 0)
				return NULL;
			p++;
			break;
		case ',':
		case ':':
			if (depth == 0)
				return NULL;
			p++;
			break;
		default:
			if (!isalnum((unsigned char)*p) && *p != '-')
				return NULL;
			while (p < end && (isalnum((unsigned char)*p) ||
			    *p == '-' || *p == '+' || *p == '.'))
				p++;
			break;
		}
	} while (depth > 0);
	return p;
}
