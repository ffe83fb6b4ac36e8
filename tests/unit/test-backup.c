/* test-backup.c: export rows as JSON objects and back, value by value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cJSON.h>

#include "tam/backup.h"

static const struct dbx_table *
table(const char *key)
{
	const struct dbx_table	*t = backup_table(key);

	assert_non_null(t);
	return t;
}

/* The unformatted JSON of a row of health_history (id, account, date, score). */
static void
test_row_json(void **state)
{
	const struct dbx_table	*t = table("health_history");
	struct dbx_value	 v[4];
	cJSON			*obj;
	char			*s;

	(void)state;
	memset(v, 0, sizeof v);
	v[0].i = INT64_C(9007199254740993);	/* past a double's integers */
	v[1].i = 2;
	v[2].s = "2026-11-23";
	v[3].i = 55;
	obj = backup_row_json(t, v, NULL);
	s = cJSON_PrintUnformatted(obj);
	assert_string_equal(s, "{\"id\":9007199254740993,\"account_id\":2,"
	    "\"date\":\"2026-11-23\",\"health_score\":55}");
	cJSON_free(s);
	cJSON_Delete(obj);
	obj = backup_row_json(t, v, "health_history");
	s = cJSON_PrintUnformatted(obj);
	assert_memory_equal(s, "{\"table\":\"health_history\",\"id\":", 31);
	cJSON_free(s);
	cJSON_Delete(obj);
}

/* Money is units with the cents exact; null stays null. */
static void
test_money_round_trip(void **state)
{
	static const int64_t cents[] = { 0, 1, 5, 10, 99, 100, 123456789,
	    -500025, -1, INT64_C(100000000000000), INT64_C(-99999999999999) };
	const struct dbx_table	*t = table("ctas");
	struct dbx_value	 v[14], back[14];
	cJSON			*obj;
	char			*err = NULL;
	size_t			 i;
	int			 k;

	(void)state;
	for (i = 0; i < sizeof cents / sizeof cents[0]; i++) {
		memset(v, 0, sizeof v);
		for (k = 0; k < t->ncols; k++)
			v[k].null = t->cols[k].nullable;
		v[0].i = 1;
		v[1].i = 1;
		v[2].s = "risk";
		v[3].s = "At-Risk CTA";
		v[4].s = "Account Triage";
		v[5].s = "closed_lost";
		v[8].s = "2026-11-23T10:00:00Z";
		v[9].s = "tam";
		v[13].null = 0;
		v[13].i = cents[i];
		obj = backup_row_json(t, v, NULL);
		/* Through text, as a file would carry it. */
		{
			char	*s = cJSON_PrintUnformatted(obj);
			cJSON	*again = cJSON_Parse(s);

			cJSON_free(s);
			cJSON_Delete(obj);
			obj = again;
		}
		assert_int_equal(backup_row_parse(t, obj, NULL, back, &err), 0);
		assert_false(back[13].null);
		assert_int_equal(back[13].i, cents[i]);
		assert_true(back[12].null);
		assert_string_equal(back[3].s, "At-Risk CTA");
		cJSON_Delete(obj);
	}
}

/* Parses text as a settings or health_history row; returns the error. */
static char *
parse_error(const char *key, const char *json)
{
	const struct dbx_table	*t = table(key);
	struct dbx_value	 v[24];
	cJSON			*obj = cJSON_Parse(json);
	char			*err = NULL;

	assert_non_null(obj);
	assert_int_equal(backup_row_parse(t, obj, "table", v, &err), -1);
	cJSON_Delete(obj);
	assert_non_null(err);
	return err;
}

static void
test_parse_refuses(void **state)
{
	static const struct {
		const char	*table;
		const char	*json;
		const char	*want;
	} cases[] = {
		{ "settings", "{\"key\":\"a\"}", "key 'value' is missing" },
		{ "settings", "{\"key\":\"a\",\"value\":\"b\",\"x\":1}",
		    "unknown key 'x' in a row of 'settings'" },
		{ "settings", "{\"key\":\"a\",\"key\":\"b\",\"value\":\"c\"}",
		    "key 'key' appears twice" },
		{ "settings", "{\"key\":1,\"value\":\"b\"}", "'key' is not text" },
		{ "settings", "{\"key\":null,\"value\":\"b\"}",
		    "'key' cannot be null" },
		{ "settings", "[1]", "a row of 'settings' is not an object" },
		{ "health_history", "{\"id\":1,\"account_id\":1,"
		    "\"date\":\"2026-02-29\",\"health_score\":5}",
		    "'date' is not a date (YYYY-MM-DD)" },
		{ "ctas", "{\"net_arr_change\":1234567.891}",
		    "'net_arr_change' is not an amount with at most two "
		    "decimals" },
		{ "ctas", "{\"net_arr_change\":-99999999999.999}",
		    "'net_arr_change' is not an amount with at most two "
		    "decimals" },
		{ "health_history", "{\"id\":1e300,\"account_id\":1,"
		    "\"date\":\"2026-02-28\",\"health_score\":5}",
		    "'id' is not a whole number" },
		{ "health_history", "{\"id\":1,\"account_id\":\"1\","
		    "\"date\":\"2026-02-28\",\"health_score\":5}",
		    "'account_id' is not a number" },
		{ "import_runs", "{\"id\":1,\"at\":\"2026-11-23T25:00:00Z\","
		    "\"source\":\"x\",\"rows_read\":1,\"inserted\":1,"
		    "\"updated\":0,\"unchanged\":0,\"rejected\":0}",
		    "'at' is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)" },
	};
	size_t	 i;
	char	*err;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err = parse_error(cases[i].table, cases[i].json);
		assert_string_equal(err, cases[i].want);
		free(err);
	}
}

/* The escape \u0000 in a string, and nothing that only looks like it. */
static void
test_json_has_nul(void **state)
{
	static const struct {
		const char	*json;
		int		 want;
	} cases[] = {
		{ "{\"name\":\"Ac\\u0000me\"}", 1 },
		{ "{\"name\":\"\\u0000\"}", 1 },
		{ "{\"name\":\"Acme\"}", 0 },
		/* an escaped backslash, then the text u0000 */
		{ "{\"name\":\"\\\\u0000\"}", 0 },
		{ "{\"name\":\"\\\\\\u0000\"}", 1 },
		{ "{\"name\":\"\\u00000\"}", 1 },
		{ "{\"name\":\"\\u0001\"}", 0 },
		/* cut short: no room for the four digits */
		{ "\"\\u000", 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(backup_json_nul(cases[i].json,
		    strlen(cases[i].json)) != NULL, cases[i].want);
	/* Only the bytes given count; the escape's place is returned. */
	assert_null(backup_json_nul("\"x\\u0000\"", 3));
	assert_int_equal(backup_json_nul("\"x\\u0000\"", 9) - "\"x\\u0000\"",
	    2);
}

/* The error of a row of table key checked as the command line would. */
static char *
check_error(const char *key, const char *json, size_t text_max)
{
	const struct dbx_table	*t = table(key);
	struct dbx_value	 v[24];
	cJSON			*obj = cJSON_Parse(json);
	char			*err = NULL;

	assert_non_null(obj);
	assert_int_equal(backup_row_parse(t, obj, NULL, v, &err), 0);
	if (backup_row_check(t, v, text_max, &err) == 0)
		err = NULL;
	else
		assert_non_null(err);
	cJSON_Delete(obj);
	return err;
}

#define ACCOUNT(sfid, acv, cur, health) "{\"id\":1,\"sfid\":" sfid "," \
	"\"name\":\"Acme\",\"tam\":null,\"sal\":null,\"sa\":null," \
	"\"rsd\":null,\"tam_manager\":null,\"acv\":" acv "," \
	"\"currency\":\"" cur "\",\"renewal_date\":null,\"health_score\":" \
	health ",\"sentiment\":null,\"requires_triage\":false," \
	"\"lifecycle_stage\":null,\"upsell\":false,\"region\":null," \
	"\"segment\":null,\"objectives\":null,\"licenses\":null," \
	"\"active_users\":null,\"archived\":false,\"created_at\":" \
	"\"2026-11-23T10:00:00Z\",\"updated_at\":\"2026-11-23T10:00:00Z\"}"

static void
test_row_check(void **state)
{
	static const struct {
		const char	*json;
		const char	*want_start;	/* NULL: accepted */
	} cases[] = {
		{ ACCOUNT("\"001000000000012AAA\"", "100.5", "USD", "80"),
		    NULL },
		{ ACCOUNT("null", "null", "EUR", "null"), NULL },
		{ ACCOUNT("\"001000000000012AAB\"", "1", "USD", "1"),
		    "'sfid': " },
		{ ACCOUNT("\"001000000000012\"", "1", "USD", "1"),
		    "'sfid': '001000000000012' is not as tam stores it "
		    "('001000000000012AAA')" },
		{ ACCOUNT("null", "-1e13", "USD", "1"), "'acv': " },
		{ ACCOUNT("null", "-0.01", "USD", "1"), "'acv': " },
		{ ACCOUNT("null", "1", "usd", "1"),
		    "'currency': 'usd' is not as tam stores it ('USD')" },
		{ ACCOUNT("null", "1", "U$D", "1"), "'currency': " },
		{ ACCOUNT("null", "1", "USD", "101"), "'health_score': " },
	};
	char	*err;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err = check_error("accounts", cases[i].json, 65536);
		if (cases[i].want_start == NULL)
			assert_null(err);
		else {
			assert_non_null(err);
			assert_memory_equal(err, cases[i].want_start,
			    strlen(cases[i].want_start));
		}
		free(err);
	}
	err = check_error("settings", "{\"key\":\"a\",\"value\":\"12345\"}",
	    4);
	assert_string_equal(err, "'value' is 5 bytes long; tam stores at "
	    "most 4");
	free(err);
	err = check_error("settings", "{\"key\":\"a\",\"value\":\"1234\"}",
	    4);
	assert_null(err);
}

static void
test_tables_in_restore_order(void **state)
{
	static const char *const order[] = { "accounts", "ctas", "tasks",
	    "timeline", "health_history", "import_runs", "settings",
	    "task_revisions", "database_uid" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		assert_string_equal(dbx_tables[i].key, order[i]);
	assert_null(dbx_tables[i].key);
	assert_null(backup_table("widgets"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_json),
		cmocka_unit_test(test_money_round_trip),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_json_has_nul),
		cmocka_unit_test(test_row_check),
		cmocka_unit_test(test_tables_in_restore_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
