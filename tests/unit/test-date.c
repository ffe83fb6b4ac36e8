/* test-date.c: day numbers, parsing, month arithmetic and due rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tam/date.h"

static int
D(const char *s)
{
	int	d;

	assert_int_equal(date_parse_iso(s, &d), 0);
	return d;
}

static void
assert_date(int d, const char *want)
{
	char	buf[11];

	date_format(d, buf);
	assert_string_equal(buf, want);
}

static void
test_round_trip(void **state)
{
	static const char *const dates[] = { "1970-01-01", "2000-02-29",
	    "2024-02-29", "2026-11-23", "2027-12-31", "1999-12-31",
	    "9999-12-31", "1900-03-01" };
	size_t	i;

	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++)
		assert_date(D(dates[i]), dates[i]);
}

static void
test_parse_rejects(void **state)
{
	static const char *const bad[] = { "2026-02-30", "2027-02-29",
	    "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", "",
	    "2026-01-01x", "2026/01/01", "abcd-ef-gh", "1899-12-31",
	    "2100-02-29", " 2026-01-01" };
	size_t	i;
	int	d;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(date_parse_iso(bad[i], &d), -1);
	assert_int_equal(date_parse_iso("2000-02-29", &d), 0);
}

static void
test_parse_arg(void **state)
{
	int	today = D("2026-11-23"), d;

	(void)state;
	assert_int_equal(date_parse_arg("today", today, &d), 0);
	assert_date(d, "2026-11-23");
	assert_int_equal(date_parse_arg("+10d", today, &d), 0);
	assert_date(d, "2026-12-03");
	assert_int_equal(date_parse_arg("+2w", today, &d), 0);
	assert_date(d, "2026-12-07");
	assert_int_equal(date_parse_arg("+3m", today, &d), 0);
	assert_date(d, "2027-02-23");
	assert_int_equal(date_parse_arg("+3", today, &d), -1);
	assert_int_equal(date_parse_arg("+", today, &d), -1);
	assert_int_equal(date_parse_arg("+0d", today, &d), -1);
	assert_int_equal(date_parse_arg("-3d", today, &d), -1);
	assert_int_equal(date_parse_arg("tomorrow", today, &d), -1);
	/* Past 9999-12-31 (found by fuzz-date): refused, not truncated. */
	assert_int_equal(date_parse_arg("+99992m", today, &d), -1);
	assert_int_equal(date_parse_arg("+100000w", today, &d), 0);
}

static void
test_add_months_clamps(void **state)
{
	static const struct { const char *from; int n; const char *want; }
	    cases[] = {
		{ "2027-07-31", -5, "2027-02-28" },
		{ "2027-07-31", -3, "2027-04-30" },
		{ "2027-07-31", -6, "2027-01-31" },
		{ "2028-08-31", -6, "2028-02-29" },	/* leap year */
		{ "2025-01-31", 1, "2025-02-28" },
		{ "2024-01-31", 1, "2024-02-29" },
		{ "2026-03-15", -12, "2025-03-15" },
		{ "2026-01-15", -1, "2025-12-15" },
		{ "2026-12-31", 2, "2027-02-28" },
		{ "2026-05-31", 0, "2026-05-31" },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_date(date_add_months(D(cases[i].from), cases[i].n),
		    cases[i].want);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D("2026-11-23")), 0);	/* Monday */
	assert_int_equal(date_weekday(D("2027-02-28")), 6);	/* Sunday */
	assert_int_equal(date_weekday(D("2027-02-27")), 5);	/* Saturday */
	assert_int_equal(date_weekday(D("1970-01-01")), 3);	/* Thursday */
}

static void
test_due_rule(void **state)
{
	int	created = D("2026-11-23");

	(void)state;
	/* Sunday and Saturday move to the Friday before. */
	assert_date(date_due_rule(D("2027-02-28"), created, 1), "2027-02-26");
	assert_date(date_due_rule(D("2027-02-27"), created, 1), "2027-02-26");
	assert_date(date_due_rule(D("2027-02-28"), created, 0), "2027-02-28");
	assert_date(date_due_rule(D("2027-03-01"), created, 1), "2027-03-01");
	/* Late start: never due before the day the task is created. */
	assert_date(date_due_rule(D("2026-10-01"), created, 1), "2026-11-23");
	/* ... even when that day is a weekend. */
	assert_date(date_due_rule(D("2026-10-01"), D("2026-11-22"), 1),
	    "2026-11-22");
	/* A weekend move that lands before creation becomes creation. */
	assert_date(date_due_rule(D("2026-11-29"), D("2026-11-28"), 1),
	    "2026-11-28");
}

static void
test_period(void **state)
{
	struct period	p;
	char		buf[16];

	(void)state;
	assert_int_equal(period_parse("7", &p), 0);
	period_format(&p, buf);
	assert_string_equal(buf, "7d");
	assert_int_equal(period_parse("6m", &p), 0);
	assert_int_equal(p.n, 6);
	assert_int_equal(p.unit, 'm');
	assert_int_equal(period_parse("1w", &p), 0);
	assert_date(date_add_period(D("2026-11-23"), &p), "2026-11-30");
	assert_int_equal(period_parse("0d", &p), -1);
	assert_int_equal(period_parse("-1d", &p), -1);
	assert_int_equal(period_parse("1y", &p), -1);
	assert_int_equal(period_parse("m", &p), -1);
	assert_int_equal(period_parse("1dd", &p), -1);
	assert_int_equal(period_parse("", &p), -1);
	assert_int_equal(period_parse("99999999999", &p), -1);
}

static void
test_first_weekday(void **state)
{
	(void)state;
	assert_date(date_first_weekday_of_month(D("2026-11-23")),
	    "2026-11-02");	/* Nov 1 2026 is a Sunday */
	assert_date(date_first_weekday_of_month(D("2026-12-15")),
	    "2026-12-01");
	assert_date(date_first_weekday_of_month(D("2027-05-31")),
	    "2027-05-03");	/* May 1 2027 is a Saturday */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_arg),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_due_rule),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_first_weekday),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
