/* test-sched.c: the renewal playbook's dates and attendees, table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/date.h"
#include "tam/sched.h"
#include "tam/settings.h"

static struct settings
defaults(void)
{
	struct settings	s;

	memset(&s, 0, sizeof s);
	s.window_months = 6;
	s.review1_months = 5;
	s.review2_months = 3;
	s.contact_days = 60;
	s.strategic_cents = 25000000;
	s.sa_always = 1;
	s.skip_weekends = 1;
	return s;
}

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

/*
 * One renewal date planned on one day: the due dates of Review 1, the
 * three contact tasks (question, plan, sentiment) and Review 2.
 */
struct plan_case {
	const char	*renewal;
	const char	*created;
	int		 skip_weekends;
	const char	*review1;
	const char	*contact;
	const char	*review2;
};

static const struct plan_case plan_cases[] = {
	/* 2027-02-28 (R - 5 months) is a Sunday: the Friday before. */
	{ "2027-07-31", "2026-11-23", 1,
	    "2027-02-26", "2027-04-01", "2027-04-30" },
	/* Without the weekend rule the Sunday stands. */
	{ "2027-07-31", "2026-11-23", 0,
	    "2027-02-28", "2027-04-01", "2027-04-30" },
	/* Leap year: W = 2028-02-29, W + 60 = Saturday 2028-04-29. */
	{ "2028-08-31", "2026-11-23", 1,
	    "2028-03-31", "2028-04-28", "2028-05-31" },
	/* Leap day as R - 5 months (a Tuesday). */
	{ "2028-07-31", "2026-11-23", 1,
	    "2028-02-29", "2028-03-31", "2028-04-28" },
	/* R - 6 months clamps 2027-02-29 to 2027-02-28. */
	{ "2027-08-29", "2026-11-23", 1,
	    "2027-03-29", "2027-04-29", "2027-05-28" },
	/* 2024-03-31 is a Sunday; W = 2024-02-29. */
	{ "2024-08-31", "2024-01-01", 1,
	    "2024-03-29", "2024-04-29", "2024-05-31" },
	/* Late start: all past, due the day planned, a Saturday too. */
	{ "2027-07-31", "2027-05-01", 1,
	    "2027-05-01", "2027-05-01", "2027-05-01" },
	/* Late start for part of the work only. */
	{ "2027-03-15", "2026-11-23", 1,
	    "2026-11-23", "2026-11-23", "2026-12-15" },
	/* Renewal today: everything today. */
	{ "2026-11-23", "2026-11-23", 1,
	    "2026-11-23", "2026-11-23", "2026-11-23" },
};

static void
test_plan_dates(void **state)
{
	struct settings		s = defaults();
	struct sched_task	t[SCHED_NTASKS];
	const struct plan_case	*c;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof plan_cases / sizeof plan_cases[0]; i++) {
		c = &plan_cases[i];
		s.skip_weekends = c->skip_weekends;
		assert_int_equal(sched_renewal_plan(D(c->renewal),
		    D(c->created), &s, t), SCHED_NTASKS);
		assert_string_equal(t[0].kind, "renewal_review_1");
		assert_date(t[0].due, c->review1);
		assert_string_equal(t[1].kind, "renewal_question");
		assert_date(t[1].due, c->contact);
		assert_string_equal(t[2].kind, "renewal_plan");
		assert_date(t[2].due, c->contact);
		assert_string_equal(t[3].kind, "sentiment_update");
		assert_date(t[3].due, c->contact);
		assert_string_equal(t[4].kind, "renewal_review_2");
		assert_date(t[4].due, c->review2);
	}
}

static void
test_plan_titles(void **state)
{
	struct settings		s = defaults();
	struct sched_task	t[SCHED_NTASKS];

	(void)state;
	assert_int_equal(sched_renewal_plan(D("2027-07-31"), D("2026-11-23"),
	    &s, t), SCHED_NTASKS);
	assert_string_equal(t[0].title, "Renewal Review 1 (internal sync)");
	assert_string_equal(t[1].title, "Ask the renewal question");
	assert_string_equal(t[2].title,
	    "Renewal plan: action items into cadence and QBRs");
	assert_string_equal(t[3].title, "Update TAM Sentiment");
	assert_string_equal(t[4].title, "Renewal Review 2 (internal sync)");
}

static void
test_plan_nothing_when_passed(void **state)
{
	struct settings		s = defaults();
	struct sched_task	t[SCHED_NTASKS];

	(void)state;
	assert_int_equal(sched_renewal_plan(D("2026-11-22"), D("2026-11-23"),
	    &s, t), 0);
	assert_int_equal(sched_renewal_plan(DATE_NONE, D("2026-11-23"), &s,
	    t), 0);
}

static void
test_plan_settings(void **state)
{
	struct settings		s = defaults();
	struct sched_task	t[SCHED_NTASKS];

	(void)state;
	/* window 4 months, reviews 4 and 2 months out, contact in 30 days */
	s.window_months = 4;
	s.review1_months = 4;
	s.review2_months = 2;
	s.contact_days = 30;
	assert_int_equal(sched_renewal_plan(D("2027-06-30"), D("2026-11-23"),
	    &s, t), SCHED_NTASKS);
	assert_date(t[0].due, "2027-02-26");	/* 02-28 is a Sunday */
	assert_date(t[1].due, "2027-03-30");	/* 2027-02-28 + 30 */
	assert_date(t[4].due, "2027-04-30");
}

struct window_case {
	const char	*renewal;
	const char	*day;
	int		 open;
};

static const struct window_case window_cases[] = {
	{ "2027-05-23", "2026-11-23", 1 },	/* opens today */
	{ "2027-05-24", "2026-11-23", 0 },	/* opens tomorrow */
	{ "2026-11-23", "2026-11-23", 1 },	/* renews today */
	{ "2026-11-22", "2026-11-23", 0 },	/* passed */
	{ "2026-08-31", "2026-02-28", 1 },	/* W clamps to 02-28 */
	{ "2026-09-01", "2026-02-28", 0 },
};

static void
test_window(void **state)
{
	struct settings		 s = defaults();
	const struct window_case *c;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof window_cases / sizeof window_cases[0]; i++) {
		c = &window_cases[i];
		assert_int_equal(sched_window_open(D(c->renewal), D(c->day),
		    &s), c->open);
	}
	assert_int_equal(sched_window_open(DATE_NONE, D("2026-11-23"), &s),
	    0);
	assert_date(sched_window_opens(D("2027-07-31"), &s), "2027-01-31");
	assert_date(sched_window_opens(D("2027-08-31"), &s), "2027-02-28");
}

static void
test_window_last(void **state)
{
	static const char *const cases[][2] = {
		{ "2026-11-23", "2027-05-23" },
		{ "2026-02-28", "2026-08-31" },	/* 08-29..31 open on 02-28 */
		{ "2026-08-31", "2027-02-28" },
		{ "2027-08-31", "2028-02-29" },
		{ "2028-02-29", "2028-08-31" },
		{ "2026-04-30", "2026-10-31" },
	};
	struct settings	s = defaults();
	size_t		i;
	int		last;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		last = sched_window_last(D(cases[i][0]), &s);
		assert_date(last, cases[i][1]);
		/* The bound is exact: the day after's window is not open. */
		assert_int_equal(sched_window_open(last, D(cases[i][0]), &s),
		    1);
		assert_int_equal(sched_window_open(last + 1, D(cases[i][0]),
		    &s), 0);
	}
}

static void
test_action_due(void **state)
{
	static const char *const cases[][2] = {
		{ "2026-11-23", "2026-12-07" },	/* Monday + 14 */
		{ "2026-11-20", "2026-12-04" },	/* Friday + 14 */
		{ "2026-11-21", "2026-12-04" },	/* Saturday + 14: Friday */
		{ "2026-11-22", "2026-12-04" },	/* Sunday + 14: Friday */
	};
	struct settings	s = defaults();
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_date(sched_action_due(D(cases[i][0]), &s),
		    cases[i][1]);
	s.skip_weekends = 0;
	assert_date(sched_action_due(D("2026-11-21"), &s), "2026-12-05");
}

static void
test_past_9999(void **state)
{
	struct settings		s = defaults();
	struct sched_task	plan[SCHED_NTASKS];

	(void)state;
	/* Day + 14 past 9999-12-31 is an error, never 0000-01-xx. */
	assert_date(sched_action_due(D("9999-12-17"), &s), "9999-12-31");
	assert_int_equal(sched_action_due(D("9999-12-20"), &s), DATE_NONE);
	/* The last renewal date plans fine with the defaults ... */
	assert_int_equal(sched_renewal_plan(DATE_MAX, D("9999-07-01"), &s,
	    plan), SCHED_NTASKS);
	assert_date(plan[1].due, "9999-08-27");	/* Sunday 08-29 */
	/* ... but not when contact.days reaches past it. */
	s.contact_days = 3650;
	assert_int_equal(sched_renewal_plan(DATE_MAX, D("9999-07-01"), &s,
	    plan), -1);
	/* The windows open late in 9999 end at 9999-12-31. */
	s = defaults();
	assert_int_equal(sched_window_last(D("9999-07-01"), &s), DATE_MAX);
	assert_int_equal(sched_window_last(D("9999-12-31"), &s), DATE_MAX);
	assert_date(sched_window_last(D("9999-06-29"), &s), "9999-12-29");
}

static void
test_actions_and_kinds(void **state)
{
	(void)state;
	assert_string_equal(sched_action_find("architecture")->kind,
	    "action_architecture");
	assert_string_equal(sched_action_find("roadmap")->title,
	    "Roadmap review");
	assert_null(sched_action_find("custom")->title);
	assert_null(sched_action_find("Architecture"));
	assert_int_equal(sched_kind_is_meeting("renewal_review_2"), 1);
	assert_int_equal(sched_kind_is_meeting("renewal_question"), 0);
	assert_int_equal(sched_kind_valid("risk_update"), 1);
	assert_int_equal(sched_kind_valid("monthly_review"), 0);
}

struct attendee_case {
	struct sched_people	 p;
	int			 sa_always;
	const char		*want;	/* joined with "; " */
};

static const struct attendee_case attendee_cases[] = {
	{ { "alice", "bob", "sam", NULL, NULL, 0, 0 }, 1,
	    "alice (TAM); bob (SAL); sam (SA)" },
	/* No upsell and sa_always off: no SA. */
	{ { "alice", "bob", "sam", NULL, NULL, 0, 0 }, 0,
	    "alice (TAM); bob (SAL)" },
	{ { "alice", "bob", "sam", NULL, NULL, 1, 0 }, 0,
	    "alice (TAM); bob (SAL); sam (SA)" },
	/* No SA named: none invited, not "unassigned". */
	{ { "alice", NULL, NULL, NULL, NULL, 1, 0 }, 1,
	    "alice (TAM); (SAL: unassigned)" },
	/* Strategic: RSD and TAM manager, unassigned ones shown. */
	{ { "alice", "bob", NULL, "rita", NULL, 0, 1 }, 1,
	    "alice (TAM); bob (SAL); rita (RSD); (TAM manager: unassigned)" },
	{ { NULL, "", NULL, NULL, "max", 0, 1 }, 1,
	    "(TAM: unassigned); (SAL: unassigned); (RSD: unassigned); "
	    "max (TAM manager)" },
};

static void
test_attendees(void **state)
{
	struct settings	 s = defaults();
	char		*out[SCHED_MAX_ATTENDEES], joined[256];
	size_t		 i;
	int		 n, k;

	(void)state;
	for (i = 0; i < sizeof attendee_cases / sizeof attendee_cases[0];
	    i++) {
		s.sa_always = attendee_cases[i].sa_always;
		n = sched_attendees(&attendee_cases[i].p, &s, out);
		joined[0] = '\0';
		for (k = 0; k < n; k++) {
			if (k > 0)
				strcat(joined, "; ");
			strcat(joined, out[k]);
			free(out[k]);
		}
		assert_string_equal(joined, attendee_cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_dates),
		cmocka_unit_test(test_plan_titles),
		cmocka_unit_test(test_plan_nothing_when_passed),
		cmocka_unit_test(test_plan_settings),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_window_last),
		cmocka_unit_test(test_action_due),
		cmocka_unit_test(test_past_9999),
		cmocka_unit_test(test_actions_and_kinds),
		cmocka_unit_test(test_attendees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
