/* test-risk.c: the at-risk playbook, every state x every event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/account.h"
#include "tam/risk.h"

/*
 * The whole playbook, written out.  One row per state (sentiment, CTA),
 * one cell per event, in the order of enum risk_event:
 *
 *   G  sentiment green           Gc Yc Tc Rc  the same with --cta
 *   Y  sentiment yellow          Op cta open  Up risk-update
 *   T  sentiment yellow --triage Ti cta update --title
 *   R  sentiment red             Rk cta update --risk-type/--risk-reason
 *   W  cta close --won           WL cta close --won with net ARR < 0
 *   Ch Dg Ct  cta close --lost churn / downgrade / contraction
 *
 * A cell is the state after an allowed event (sentiment U G Y T R, then
 * the CTA: - none, O open, W closed_won, L closed_lost, o renewal open),
 * or x (refused by a rule of the playbook, exit 1), . (no rule: refused
 * as no step of the playbook) or u (a usage error whatever the state).
 */
static const struct grid_row {
	enum risk_sent	 sent;
	enum risk_cta	 cta;
	const char	*cells;
} grid[] = {
	{ RS_UNSET,  RC_NONE,
	    "G- Y- T- R- u  u  TO RO x  x  .  .  .  .  .  .  ." },
	{ RS_GREEN,  RC_NONE,
	    "G- Y- T- R- u  u  TO RO x  x  .  .  .  .  .  .  ." },
	{ RS_YELLOW, RC_NONE,
	    "G- Y- T- R- u  u  TO RO x  x  .  .  .  .  .  .  ." },
	{ RS_TRIAGE, RC_NONE,
	    "G- Y- T- R- u  u  TO RO TO x  .  .  .  .  .  .  ." },
	{ RS_RED,    RC_NONE,
	    "G- Y- T- R- u  u  TO RO RO x  .  .  .  .  .  .  ." },
	{ RS_UNSET,  RC_OPEN,
	    "GO YO TO RO u  u  TO RO x  UO UO UO GW x  UL UL UL" },
	{ RS_GREEN,  RC_OPEN,
	    "GO YO TO RO u  u  TO RO x  GO GO GO GW x  GL GL GL" },
	{ RS_YELLOW, RC_OPEN,
	    "GO YO TO RO u  u  TO RO x  YO YO YO GW x  YL YL YL" },
	{ RS_TRIAGE, RC_OPEN,
	    "GO YO TO RO u  u  TO RO x  TO TO TO GW x  TL TL TL" },
	{ RS_RED,    RC_OPEN,
	    "GO YO TO RO u  u  TO RO x  RO RO RO GW x  RL RL RL" },
	{ RS_UNSET,  RC_WON,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_GREEN,  RC_WON,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_YELLOW, RC_WON,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_TRIAGE, RC_WON,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_RED,    RC_WON,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_UNSET,  RC_LOST,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_GREEN,  RC_LOST,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_YELLOW, RC_LOST,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_TRIAGE, RC_LOST,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_RED,    RC_LOST,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_UNSET,  RC_RENEWAL_OPEN,
	    ".  .  .  .  u  u  .  .  .  .  Uo x  x  x  x  x  x" },
	{ RS_GREEN,  RC_RENEWAL_OPEN,
	    ".  .  .  .  u  u  .  .  .  .  Go x  x  x  x  x  x" },
	{ RS_YELLOW, RC_RENEWAL_OPEN,
	    ".  .  .  .  u  u  .  .  .  .  Yo x  x  x  x  x  x" },
	{ RS_TRIAGE, RC_RENEWAL_OPEN,
	    ".  .  .  .  u  u  .  .  .  .  To x  x  x  x  x  x" },
	{ RS_RED,    RC_RENEWAL_OPEN,
	    ".  .  .  .  u  u  .  .  .  .  Ro x  x  x  x  x  x" },
	{ RS_UNSET,  RC_RENEWAL_CLOSED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_GREEN,  RC_RENEWAL_CLOSED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_YELLOW, RC_RENEWAL_CLOSED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_TRIAGE, RC_RENEWAL_CLOSED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_RED,    RC_RENEWAL_CLOSED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_UNSET,  RC_RENEWAL_CANCELLED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_GREEN,  RC_RENEWAL_CANCELLED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_YELLOW, RC_RENEWAL_CANCELLED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_TRIAGE, RC_RENEWAL_CANCELLED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
	{ RS_RED,    RC_RENEWAL_CANCELLED,
	    ".  .  .  .  u  u  .  .  .  .  x  x  x  x  x  x  x" },
};

static enum risk_sent
sent_letter(char c)
{
	const char	*letters = "UGYTR";

	assert_non_null(strchr(letters, c));
	return (enum risk_sent)(strchr(letters, c) - letters);
}

static enum risk_cta
cta_letter(char c)
{
	const char	*letters = "-OWLock";

	assert_non_null(strchr(letters, c));
	return (enum risk_cta)(strchr(letters, c) - letters);
}

static void
check_cell(const struct grid_row *row, enum risk_event ev, const char *cell)
{
	struct risk_state	 from = { row->sent, row->cta };
	struct risk_result	 r;
	enum risk_verdict	 v;
	int			 rules;

	v = risk_step(&from, ev, 1, &r);
	rules = risk_rule_count(&from, ev);
	/* No two rules may name the same pair: order must not matter. */
	assert_true(rules <= 1);
	switch (cell[0]) {
	case 'u':
		assert_int_equal(v, RV_USAGE);
		assert_non_null(r.why);
		break;
	case 'x':
	case '.':
		if (v != RV_REFUSED)
			fail_msg("%s/%s + %s: expected refused, got %d",
			    risk_sent_name(row->sent), risk_cta_name(row->cta),
			    risk_event_name(ev), v);
		assert_int_equal(rules, cell[0] == 'x' ? 1 : 0);
		assert_non_null(r.why);
		assert_int_equal(r.actions, 0);
		/* A refused step leaves the state as it was. */
		assert_int_equal(r.to.sent, row->sent);
		assert_int_equal(r.to.cta, row->cta);
		break;
	default:
		if (v != RV_OK)
			fail_msg("%s/%s + %s: expected allowed, got %d (%s)",
			    risk_sent_name(row->sent), risk_cta_name(row->cta),
			    risk_event_name(ev), v, r.why ? r.why : "");
		assert_int_equal(rules, 1);
		assert_int_not_equal(r.actions, 0);
		assert_int_equal(r.to.sent, sent_letter(cell[0]));
		assert_int_equal(r.to.cta, cta_letter(cell[1]));
		break;
	}
}

static void
test_every_state_every_event(void **state)
{
	size_t		 i, seen[RS_NSENT][RC_NCTA];
	const char	*p;
	int		 ev;

	(void)state;
	memset(seen, 0, sizeof seen);
	assert_int_equal(sizeof grid / sizeof grid[0], RS_NSENT * RC_NCTA);
	for (i = 0; i < sizeof grid / sizeof grid[0]; i++) {
		seen[grid[i].sent][grid[i].cta]++;
		p = grid[i].cells;
		for (ev = 0; ev < RE_NEVENTS; ev++) {
			while (*p == ' ')
				p++;
			assert_true(*p != '\0');
			check_cell(&grid[i], (enum risk_event)ev, p);
			while (*p != ' ' && *p != '\0')
				p++;
		}
		assert_string_equal(p, "");
	}
	for (i = 0; i < RS_NSENT * RC_NCTA; i++)
		assert_int_equal(seen[i / RC_NCTA][i % RC_NCTA], 1);
}

/* The actions of the allowed steps, in the handbook's words. */
static const struct action_case {
	enum risk_sent	 sent;
	enum risk_cta	 cta;
	enum risk_event	 ev;
	unsigned	 actions;
	const char	*stage;
	const char	*outcome;
	int		 hint;		/* a hint for the user comes back */
} action_cases[] = {
	/* Log Timeline: Risk Update, no CTA yet: the post alone. */
	{ RS_GREEN, RC_NONE, RE_SET_RED,
	    RA_SET_SENTIMENT | RA_POST, NULL, NULL, 0 },
	{ RS_UNSET, RC_NONE, RE_SET_GREEN,
	    RA_SET_SENTIMENT | RA_POST, NULL, NULL, 0 },
	/* Create CTA, immediate. */
	{ RS_GREEN, RC_NONE, RE_SET_RED_CTA,
	    RA_SET_SENTIMENT | RA_POST | RA_OPEN_CTA, NULL, NULL, 0 },
	{ RS_YELLOW, RC_NONE, RE_SET_TRIAGE_CTA,
	    RA_SET_SENTIMENT | RA_POST | RA_OPEN_CTA, NULL, NULL, 0 },
	{ RS_RED, RC_NONE, RE_OPEN_CTA, RA_OPEN_CTA, NULL, NULL, 0 },
	/* With the CTA open, every post is its Risk Update. */
	{ RS_RED, RC_OPEN, RE_SET_RED,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL, NULL, 0 },
	{ RS_RED, RC_OPEN, RE_SET_RED_CTA,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL, NULL, 0 },
	{ RS_RED, RC_OPEN, RE_RISK_UPDATE,
	    RA_POST | RA_NEXT_UPDATE, NULL, NULL, 0 },
	/* Recovering keeps the CTA open, and says so. */
	{ RS_RED, RC_OPEN, RE_SET_GREEN,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL, NULL, 1 },
	{ RS_TRIAGE, RC_OPEN, RE_SET_YELLOW,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL, NULL, 1 },
	/* Update CTA. */
	{ RS_RED, RC_OPEN, RE_UPDATE_RISK, RA_SET_RISK, NULL, NULL, 0 },
	{ RS_RED, RC_OPEN, RE_UPDATE_TITLE, RA_SET_TITLE, NULL, NULL, 0 },
	{ RS_GREEN, RC_RENEWAL_OPEN, RE_UPDATE_TITLE, RA_SET_TITLE, NULL,
	    NULL, 0 },
	/* At-Risk Conclusion. */
	{ RS_RED, RC_OPEN, RE_CLOSE_WON,
	    RA_SET_SENTIMENT | RA_SET_STAGE | RA_POST | RA_CLOSE_CTA,
	    "Adopting", "Closed-Won", 0 },
	{ RS_RED, RC_OPEN, RE_CLOSE_CHURN,
	    RA_SET_STAGE | RA_POST | RA_CLOSE_CTA, "Will Churn",
	    "Closed-Lost (churn)", 0 },
	{ RS_TRIAGE, RC_OPEN, RE_CLOSE_DOWNGRADE,
	    RA_SET_STAGE | RA_POST | RA_CLOSE_CTA, "Adopting",
	    "Closed-Lost (downgrade)", 0 },
	{ RS_GREEN, RC_OPEN, RE_CLOSE_CONTRACTION,
	    RA_SET_STAGE | RA_POST | RA_CLOSE_CTA, "Adopting",
	    "Closed-Lost (contraction)", 0 },
};

static void
test_actions(void **state)
{
	const struct action_case	*c;
	struct risk_state		 from;
	struct risk_result		 r;
	size_t				 i;

	(void)state;
	for (i = 0; i < sizeof action_cases / sizeof action_cases[0]; i++) {
		c = &action_cases[i];
		from.sent = c->sent;
		from.cta = c->cta;
		assert_int_equal(risk_step(&from, c->ev, 1, &r), RV_OK);
		assert_int_equal(r.actions, c->actions);
		if (c->stage == NULL)
			assert_null(r.stage);
		else
			assert_string_equal(r.stage, c->stage);
		if (c->outcome == NULL)
			assert_null(r.outcome);
		else
			assert_string_equal(r.outcome, c->outcome);
		assert_int_equal(r.why != NULL, c->hint);
	}
}

/* A conclusion without a CTA-closing status in the schema is a bug. */
static void
test_closed_statuses(void **state)
{
	(void)state;
	assert_string_equal(risk_cta_status(RC_WON), "closed_won");
	assert_string_equal(risk_cta_status(RC_LOST), "closed_lost");
	assert_null(risk_cta_status(RC_NONE));
}

static void
test_notes_required(void **state)
{
	static const struct {
		enum risk_event	ev;
		int		needs;
	} cases[] = {
		{ RE_SET_GREEN, 0 }, { RE_SET_YELLOW, 0 },
		{ RE_SET_TRIAGE, 1 }, { RE_SET_RED, 1 },
		{ RE_SET_TRIAGE_CTA, 1 }, { RE_SET_RED_CTA, 1 },
		{ RE_OPEN_CTA, 0 }, { RE_RISK_UPDATE, 1 },
		{ RE_UPDATE_TITLE, 0 }, { RE_UPDATE_RISK, 0 },
		{ RE_CLOSE_WON, 1 }, { RE_CLOSE_WON_LOSS, 1 },
		{ RE_CLOSE_CHURN, 1 }, { RE_CLOSE_DOWNGRADE, 1 },
		{ RE_CLOSE_CONTRACTION, 1 },
	};
	struct risk_state	 from = { RS_RED, RC_OPEN };
	struct risk_result	 r;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(risk_usage(cases[i].ev, 0) != NULL,
		    cases[i].needs);
		assert_null(risk_usage(cases[i].ev, 1));
		if (cases[i].needs) {
			assert_int_equal(risk_step(&from, cases[i].ev, 0, &r),
			    RV_USAGE);
			assert_non_null(strstr(r.why, "--note"));
			assert_int_equal(r.actions, 0);
		}
	}
	/* --cta with a calm sentiment: usage, with or without a note. */
	assert_non_null(risk_usage(RE_SET_GREEN_CTA, 1));
	assert_non_null(risk_usage(RE_SET_YELLOW_CTA, 0));
}

static void
test_sentiment_event(void **state)
{
	static const struct {
		int		sent, triage, cta, rc;
		enum risk_event	ev;
	} cases[] = {
		{ SENT_GREEN,	0, 0, 0,  RE_SET_GREEN },
		{ SENT_YELLOW,	0, 0, 0,  RE_SET_YELLOW },
		{ SENT_YELLOW,	1, 0, 0,  RE_SET_TRIAGE },
		{ SENT_RED,	0, 0, 0,  RE_SET_RED },
		{ SENT_GREEN,	0, 1, 0,  RE_SET_GREEN_CTA },
		{ SENT_YELLOW,	0, 1, 0,  RE_SET_YELLOW_CTA },
		{ SENT_YELLOW,	1, 1, 0,  RE_SET_TRIAGE_CTA },
		{ SENT_RED,	0, 1, 0,  RE_SET_RED_CTA },
		{ SENT_RED,	1, 0, -1, RE_SET_RED },
		{ SENT_GREEN,	1, 1, -1, RE_SET_GREEN },
		{ SENT_NONE,	0, 0, -1, RE_SET_GREEN },
	};
	enum risk_event	 ev;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ev = RE_NEVENTS;
		assert_int_equal(risk_sentiment_event(cases[i].sent,
		    cases[i].triage, cases[i].cta, &ev), cases[i].rc);
		if (cases[i].rc == 0)
			assert_int_equal(ev, cases[i].ev);
		else
			assert_int_equal(ev, RE_NEVENTS);
	}
}

static void
test_sentiment_states(void **state)
{
	int	s, sent, triage;

	(void)state;
	assert_int_equal(risk_sent_of(SENT_NONE, 0), RS_UNSET);
	assert_int_equal(risk_sent_of(SENT_YELLOW, 1), RS_TRIAGE);
	assert_int_equal(risk_sent_of(SENT_YELLOW, 0), RS_YELLOW);
	assert_int_equal(risk_sent_of(SENT_RED, 0), RS_RED);
	for (s = 0; s < RS_NSENT; s++) {
		risk_sent_split((enum risk_sent)s, &sent, &triage);
		assert_int_equal(risk_sent_of(sent, triage), s);
		assert_int_equal(risk_sent_at_risk((enum risk_sent)s),
		    sentiment_at_risk(sent, triage));
	}
	assert_true(risk_sent_at_risk(RS_RED));
	assert_true(risk_sent_at_risk(RS_TRIAGE));
	assert_false(risk_sent_at_risk(RS_YELLOW));
}

static void
test_cta_of(void **state)
{
	static const struct {
		const char	*kind, *status;
		int		 rc;
		enum risk_cta	 cta;
	} cases[] = {
		{ "risk",	"open",		0,  RC_OPEN },
		{ "risk",	"closed_won",	0,  RC_WON },
		{ "risk",	"closed_lost",	0,  RC_LOST },
		{ "renewal",	"open",		0,  RC_RENEWAL_OPEN },
		{ "renewal",	"closed",	0,  RC_RENEWAL_CLOSED },
		{ "renewal",	"cancelled",	0,  RC_RENEWAL_CANCELLED },
		{ "risk",	"closed",	-1, RC_NONE },
		{ "risk",	"cancelled",	-1, RC_NONE },
		{ "renewal",	"closed_won",	-1, RC_NONE },
		{ "other",	"open",		-1, RC_NONE },
	};
	enum risk_cta	 c;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = RC_NONE;
		assert_int_equal(risk_cta_of(cases[i].kind, cases[i].status,
		    &c), cases[i].rc);
		assert_int_equal(c, cases[i].cta);
	}
}

static void
test_risk_type(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "Customer Churn",	"Customer Churn" },
		{ "customer churn",	"Customer Churn" },
		{ "customer-churn",	"Customer Churn" },
		{ "CUSTOMER-CHURN",	"Customer Churn" },
		{ "tier-downgrade",	"Tier Downgrade" },
		{ "Seat Churn",		"Seat Churn" },
		{ "customer-sentiment",	"Customer Sentiment" },
		{ "competitor",		"Competitor" },
		{ "stage-name",		"Stage Name" },
		{ "customer_churn",	NULL },
		{ "churn",		NULL },
		{ "Customer  Churn",	NULL },
		{ "",			NULL },
		{ "Lack of adoption",	NULL },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (cases[i].want == NULL)
			assert_null(risk_type_parse(cases[i].in));
		else
			assert_string_equal(risk_type_parse(cases[i].in),
			    cases[i].want);
}

static void
test_risk_reason(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "Lack of adoption",		"Lack of adoption" },
		{ "LACK OF ADOPTION",		"Lack of adoption" },
		{ "lack-of-adoption",		"Lack of adoption" },
		{ "Product Value / Gaps",	"Product Value / Gaps" },
		{ "product value / gaps",	"Product Value / Gaps" },
		{ "product-value-gaps",		"Product Value / Gaps" },
		{ "product-quality-availability",
		    "Product Quality / Availability" },
		{ "lack-of-engagement-sponsor",
		    "Lack of Engagement / Sponsor" },
		{ "Loss of Budget",		"Loss of Budget" },
		{ "corporate-decision",		"Corporate Decision" },
		{ "other",			"Other" },
		{ "product-value-/-gaps",	NULL },
		{ "product value gaps",		NULL },
		{ "budget",			NULL },
		{ "Customer Churn",		NULL },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (cases[i].want == NULL)
			assert_null(risk_reason_parse(cases[i].in));
		else
			assert_string_equal(risk_reason_parse(cases[i].in),
			    cases[i].want);
}

static void
test_choices(void **state)
{
	char	*t, *r;

	(void)state;
	t = risk_type_choices();
	assert_string_equal(t, "'Customer Churn' (customer-churn), "
	    "'Tier Downgrade' (tier-downgrade), 'Seat Churn' (seat-churn), "
	    "'Customer Sentiment' (customer-sentiment), 'Competitor' "
	    "(competitor), 'Stage Name' (stage-name)");
	r = risk_reason_choices();
	assert_non_null(strstr(r, "'Lack of Engagement / Sponsor' "
	    "(lack-of-engagement-sponsor)"));
	assert_non_null(strstr(r, "'Other' (other)"));
	free(t);
	free(r);
}

static void
test_message(void **state)
{
	static const struct {
		const char	*why, *want;
	} cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "use 'tam cta close {cta}' on {account}",
		    "use 'tam cta close 42' on 7" },
		{ "is {status}; {status}", "is closed_won; closed_won" },
		{ "{cta}{cta}", "4242" },
		{ "{nope} {cta", "{nope} {cta" },
	};
	char	*m;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		m = risk_message(cases[i].why, 7, 42, "closed_won");
		assert_string_equal(m, cases[i].want);
		free(m);
	}
	m = risk_message("[{status}]", 1, 2, NULL);
	assert_string_equal(m, "[]");
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_state_every_event),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_closed_statuses),
		cmocka_unit_test(test_notes_required),
		cmocka_unit_test(test_sentiment_event),
		cmocka_unit_test(test_sentiment_states),
		cmocka_unit_test(test_cta_of),
		cmocka_unit_test(test_risk_type),
		cmocka_unit_test(test_risk_reason),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
