/*
 * test-date.c: day numbers, parsing, month arithmetic and due rules, and
 * the clock's timestamps (clock.h) in named time zones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tam/clock.h"
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
	assert_int_equal(date_parse_arg("-3d", today, &d), 0);
	assert_date(d, "2026-11-20");
	assert_int_equal(date_parse_arg("-", today, &d), -1);
	/* Past 9999-12-31 (found by fuzz-date): refused, not truncated. */
	assert_int_equal(date_parse_arg("+99992m", today, &d), -1);
	assert_int_equal(date_parse_arg("+100000w", today, &d), 0);
}

/* The words and forms people type (#15.4). */
static void
test_parse_arg_words(void **state)
{
	static const struct { const char *today, *arg, *want; } ok[] = {
		{ "2026-11-23", "tomorrow", "2026-11-24" },	/* a Monday */
		{ "2026-11-23", "Yesterday", "2026-11-22" },
		/* The next one strictly after today: Monday is in 7 days. */
		{ "2026-11-23", "monday", "2026-11-30" },
		{ "2026-11-23", "tue", "2026-11-24" },
		{ "2026-11-23", "SUNDAY", "2026-11-29" },
		{ "2026-11-29", "fri", "2026-12-04" },
		/* The week ends on its Friday, today when today is one. */
		{ "2026-11-23", "eow", "2026-11-27" },
		{ "2026-11-27", "eow", "2026-11-27" },
		{ "2026-11-28", "eow", "2026-12-04" },
		{ "2026-11-29", "eow", "2026-12-04" },
		{ "2026-11-23", "eom", "2026-11-30" },
		{ "2028-02-03", "eom", "2028-02-29" },
		{ "2026-11-23", "eoq", "2026-12-31" },
		{ "2026-01-01", "eoq", "2026-03-31" },
		{ "2026-06-30", "eoq", "2026-06-30" },
		{ "2026-11-23", "+1y", "2027-11-23" },
		{ "2028-02-29", "+1y", "2029-02-28" },
		{ "2026-11-23", "-2y", "2024-11-23" },
		{ "2026-11-23", "-1m", "2026-10-23" },
		{ "2026-11-23", "-2w", "2026-11-09" },
		{ "2026-11-23", "3/4/2027", "2027-03-04" },
		{ "2026-11-23", "12/31/2027", "2027-12-31" },
		{ "2026-11-23", "02/29/2028", "2028-02-29" },
	};
	static const char *const bad[] = { "2027-13-01", "13/1/2027",
	    "25/12/2027", "2/30/2027", "3/4/27", "3/4/02027", "/3/2027",
	    "3//2027", "3/4/2027/", "mond", "mo", "eod", "+1", "+1Y", "-0d",
	    "+8334y", "1/1/1899", "next", "+1yy", "tomorrow " };
	size_t	i;
	int	d;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		d = DATE_NONE;
		assert_int_equal(date_parse_arg(ok[i].arg, D(ok[i].today),
		    &d), 0);
		assert_date(d, ok[i].want);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(date_parse_arg(bad[i], D("2026-11-23"), &d),
		    -1);
	/* Before 1900 or after 9999: refused, not wrapped. */
	assert_int_equal(date_parse_arg("yesterday", D("1900-01-01"), &d), -1);
	assert_int_equal(date_parse_arg("eow", D("9999-12-31"), &d), 0);
	assert_int_equal(date_parse_arg("monday", D("9999-12-31"), &d), -1);
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

static void
test_range(void **state)
{
	int	d;

	(void)state;
	assert_int_equal(DATE_MIN, D("1900-01-01"));
	assert_int_equal(DATE_MAX, D("9999-12-31"));
	assert_int_equal(date_in_range(DATE_MAX), 1);
	assert_int_equal(date_in_range(DATE_MAX + 1), 0);
	assert_int_equal(date_in_range(DATE_MIN - 1), 0);
	/* Relative dates past 9999-12-31 are refused, not wrapped. */
	assert_int_equal(date_parse_arg("+6d", D("9999-12-25"), &d), 0);
	assert_date(d, "9999-12-31");
	assert_int_equal(date_parse_arg("+7d", D("9999-12-25"), &d), -1);
	assert_int_equal(date_parse_arg("+1w", D("9999-12-25"), &d), -1);
	assert_int_equal(date_parse_arg("+1m", D("9999-12-15"), &d), -1);
	assert_int_equal(date_parse_arg("+1m", D("9999-11-30"), &d), 0);
	assert_date(d, "9999-12-30");
}

static void
test_due_rule_range(void **state)
{
	(void)state;
	/* 9999-12-31 is a Friday: the last date a task can be due. */
	assert_date(date_due_rule(DATE_MAX, D("9999-12-01"), 1), "9999-12-31");
	/* 10000-01-03 (a Monday) cannot be written: no 0000-01-03. */
	assert_int_equal(date_due_rule(DATE_MAX + 3, D("9999-12-20"), 1),
	    DATE_NONE);
	assert_int_equal(date_due_rule(DATE_MAX + 14, D("9999-12-31"), 0),
	    DATE_NONE);
	/* 10000-01-01, a Saturday, moves back into range: it is fine. */
	assert_date(date_due_rule(DATE_MAX + 1, D("9999-12-01"), 1),
	    "9999-12-31");
}

/* Sets the process time zone (TZ is read by localtime_r and mktime). */
static void
zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* The instant of a UTC "YYYY-MM-DDTHH:MM:SSZ" written by hand. */
static time_t
utc(const char *day, int h, int m, int s)
{
	return (time_t)D(day) * 86400 + h * 3600 + m * 60 + s;
}

static void
assert_stamp(time_t t, const char *want)
{
	char	buf[21];

	clock_format_utc(t, buf);
	assert_string_equal(buf, want);
}

static void
test_clock_format(void **state)
{
	(void)state;
	assert_stamp(0, "1970-01-01T00:00:00Z");
	assert_stamp(utc("2026-11-23", 16, 1, 9), "2026-11-23T16:01:09Z");
	assert_stamp(utc("1900-01-01", 0, 0, 0) - 3600,
	    "1899-12-31T23:00:00Z");
	assert_stamp(utc("9999-12-31", 23, 59, 59), "9999-12-31T23:59:59Z");
	/* Past the last timestamp: the last one, never year 0000. */
	assert_stamp(utc("9999-12-31", 23, 59, 59) + 3600,
	    "9999-12-31T23:59:59Z");
}

static void
test_clock_zones(void **state)
{
	static const struct {
		const char	*tz;
		time_t		 now;		/* UTC instant of "now" */
		const char	*today;		/* --today, or NULL */
		const char	*want;
	} cases[] = {
		/* Los Angeles 16:59 and 17:01 on 11-23 (PST, UTC-8). */
		{ "America/Los_Angeles", 0, NULL, "2026-11-24T00:59:00Z" },
		{ "America/Los_Angeles", 1, NULL, "2026-11-24T01:01:00Z" },
		/* --today the same day: the real instant. */
		{ "America/Los_Angeles", 1, "2026-11-23",
		    "2026-11-24T01:01:00Z" },
		/* --today changes the date only: 17:01 on 11-20 there. */
		{ "America/Los_Angeles", 1, "2026-11-20",
		    "2026-11-21T01:01:00Z" },
		/* ... on a summer date, 17:01 PDT (UTC-7). */
		{ "America/Los_Angeles", 1, "2026-07-04",
		    "2026-07-05T00:01:00Z" },
		/* Tokyo 08:00 on 11-23 is 23:00 UTC the day before. */
		{ "Asia/Tokyo", 2, NULL, "2026-11-22T23:00:00Z" },
		{ "Asia/Tokyo", 2, "2026-11-23", "2026-11-22T23:00:00Z" },
		{ "Asia/Tokyo", 2, "2026-12-01", "2026-11-30T23:00:00Z" },
		{ "UTC", 1, "2027-01-10", "2027-01-10T01:01:00Z" },
	};
	time_t	nows[3];
	size_t	i;
	int	today;

	(void)state;
	nows[0] = utc("2026-11-24", 0, 59, 0);
	nows[1] = utc("2026-11-24", 1, 1, 0);
	nows[2] = utc("2026-11-22", 23, 0, 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zone(cases[i].tz);
		today = cases[i].today ? D(cases[i].today) :
		    clock_local_day(nows[cases[i].now]);
		assert_stamp(clock_instant(nows[cases[i].now], today),
		    cases[i].want);
	}
	/* "Today" is the local date, not the UTC one. */
	zone("America/Los_Angeles");
	assert_date(clock_local_day(nows[1]), "2026-11-23");
	zone("Asia/Tokyo");
	assert_date(clock_local_day(nows[2]), "2026-11-23");
	zone("UTC");
}

static void
test_clock_days(void **state)
{
	(void)state;
	zone("America/Los_Angeles");
	assert_stamp(clock_day_start(D("2026-11-24")),
	    "2026-11-24T08:00:00Z");
	assert_stamp(clock_day_start(D("2026-07-04")),
	    "2026-07-04T07:00:00Z");
	/* 01:01Z on 11-24 is still 11-23 in Los Angeles. */
	assert_date(clock_stamp_day("2026-11-24T01:01:00Z"), "2026-11-23");
	assert_date(clock_stamp_day("2026-11-24T08:00:00Z"), "2026-11-24");
	zone("Asia/Tokyo");
	assert_stamp(clock_day_start(D("2026-11-23")),
	    "2026-11-22T15:00:00Z");
	assert_date(clock_stamp_day("2026-11-22T23:00:00Z"), "2026-11-23");
	assert_int_equal(clock_stamp_day("2026-11-22"), DATE_NONE);
	assert_int_equal(clock_stamp_day("2026-11-22T25:00:00Z"), DATE_NONE);
	assert_int_equal(clock_stamp_day("2026-02-30T01:00:00Z"), DATE_NONE);
	assert_int_equal(clock_stamp_day(NULL), DATE_NONE);
	zone("UTC");
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
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_parse_arg_words),
		cmocka_unit_test(test_due_rule_range),
		cmocka_unit_test(test_clock_format),
		cmocka_unit_test(test_clock_zones),
		cmocka_unit_test(test_clock_days),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
