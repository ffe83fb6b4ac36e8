/* risk.c: the at-risk playbook as a transition table; Risk Type/Reason. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/account.h"
#include "tam/risk.h"
#include "tam/tam.h"

/* Sets of states and events, as bit masks, for the rules below. */
#define S(x)		(1u << (x))
#define S_ANY		(S(RS_UNSET) | S(RS_GREEN) | S(RS_YELLOW) | \
			    S(RS_TRIAGE) | S(RS_RED))
#define S_AT_RISK	(S(RS_TRIAGE) | S(RS_RED))
#define S_CALM		(S(RS_UNSET) | S(RS_GREEN) | S(RS_YELLOW))
#define C(x)		(1u << (x))
#define C_CONCLUDED	(C(RC_WON) | C(RC_LOST))
#define C_RENEWAL_DONE	(C(RC_RENEWAL_CLOSED) | C(RC_RENEWAL_CANCELLED))
#define E(x)		(1u << (x))
#define E_CALM		(E(RE_SET_GREEN) | E(RE_SET_YELLOW))
#define E_AT_RISK	(E(RE_SET_TRIAGE) | E(RE_SET_RED))
#define E_AT_RISK_CTA	(E(RE_SET_TRIAGE_CTA) | E(RE_SET_RED_CTA))
#define E_UPDATES	(E(RE_UPDATE_TITLE) | E(RE_UPDATE_RISK))
#define E_CLOSES	(E(RE_CLOSE_WON) | E(RE_CLOSE_WON_LOSS) | \
			    E(RE_CLOSE_CHURN) | E(RE_CLOSE_DOWNGRADE) | \
			    E(RE_CLOSE_CONTRACTION))

#define TO_SAME		(-1)	/* the state stays as it was */
#define TO_TARGET	(-2)	/* the sentiment the event names */

/*
 * What an event is, whatever the state: its name, the sentiment it sets,
 * and the command-line rules that make it a usage error (exit 2) before
 * any state is looked at.
 */
struct event_def {
	const char	*name;
	int		 target;	/* RS_* set by the event, or -1 */
	const char	*no_note;	/* non-NULL: --note is required */
	const char	*usage;		/* non-NULL: never valid */
	const char	*outcome;	/* a conclusion: its name */
};

#define NOTE_RISK	"--note is required with red and yellow --triage: " \
			    "give the context of the risk"
#define NOTE_REASONS	"--note REASONS is required: the win or loss " \
			    "reasons of the conclusion"
#define NO_CTA_CALM	"--cta opens the At-Risk CTA and goes only with " \
			    "red or yellow --triage"

static const struct event_def events[RE_NEVENTS] = {
	[RE_SET_GREEN] =	{ "sentiment green", RS_GREEN, NULL, NULL,
				    NULL },
	[RE_SET_YELLOW] =	{ "sentiment yellow", RS_YELLOW, NULL, NULL,
				    NULL },
	[RE_SET_TRIAGE] =	{ "sentiment yellow --triage", RS_TRIAGE,
				    NOTE_RISK, NULL, NULL },
	[RE_SET_RED] =		{ "sentiment red", RS_RED, NOTE_RISK, NULL,
				    NULL },
	[RE_SET_GREEN_CTA] =	{ "sentiment green --cta", RS_GREEN, NULL,
				    NO_CTA_CALM, NULL },
	[RE_SET_YELLOW_CTA] =	{ "sentiment yellow --cta", RS_YELLOW, NULL,
				    NO_CTA_CALM, NULL },
	[RE_SET_TRIAGE_CTA] =	{ "sentiment yellow --triage --cta",
				    RS_TRIAGE, NOTE_RISK, NULL, NULL },
	[RE_SET_RED_CTA] =	{ "sentiment red --cta", RS_RED, NOTE_RISK,
				    NULL, NULL },
	[RE_OPEN_CTA] =		{ "cta open", -1, NULL, NULL, NULL },
	[RE_RISK_UPDATE] =	{ "risk-update", -1, "--note is required: "
				    "it is the text of the Risk Update", NULL,
				    NULL },
	[RE_UPDATE_TITLE] =	{ "cta update --title", -1, NULL, NULL, NULL },
	[RE_UPDATE_RISK] =	{ "cta update --risk-type/--risk-reason", -1,
				    NULL, NULL, NULL },
	[RE_CLOSE_WON] =	{ "cta close --won", -1, NOTE_REASONS, NULL,
				    "Closed-Won" },
	[RE_CLOSE_WON_LOSS] =	{ "cta close --won --net-arr -N", -1,
				    NOTE_REASONS, NULL, NULL },
	[RE_CLOSE_CHURN] =	{ "cta close --lost churn", -1, NOTE_REASONS,
				    NULL, "Closed-Lost (churn)" },
	[RE_CLOSE_DOWNGRADE] =	{ "cta close --lost downgrade", -1,
				    NOTE_REASONS, NULL, "Closed-Lost (downgrade)" },
	[RE_CLOSE_CONTRACTION] = { "cta close --lost contraction", -1,
				    NOTE_REASONS, NULL,
				    "Closed-Lost (contraction)" },
};

struct risk_rule {
	unsigned		 sents;		/* S() mask of from.sent */
	unsigned		 ctas;		/* C() mask of from.cta */
	unsigned		 events;	/* E() mask */
	enum risk_verdict	 verdict;
	int			 to_sent;	/* RS_*, TO_SAME or TO_TARGET */
	int			 to_cta;	/* RC_* or TO_SAME */
	unsigned		 actions;
	const char		*stage;
	const char		*why;
};

#define OK	RV_OK
#define NO	RV_REFUSED
#define SAME	TO_SAME

/*
 * The playbook of the handbook's "At-Risk Process".  The rules do not
 * overlap (test-risk.c checks it), so their order does not matter, and a
 * (state, event) pair no rule names is refused: the playbook allows only
 * what is written here.
 */
static const struct risk_rule rules[] = {
	/*
	 * Log Timeline: Risk Update.  Any sentiment can be set at any time.
	 * While the At-Risk CTA is open the post is its monthly Risk
	 * Update, and the CTA stays open when the account recovers: "keep
	 * the CTA open until fully resolved".
	 */
	{ S_ANY, C(RC_NONE), E_CALM | E_AT_RISK, OK, TO_TARGET, SAME,
	    RA_SET_SENTIMENT | RA_POST, NULL, NULL },
	{ S_ANY, C(RC_OPEN), E_CALM, OK, TO_TARGET, SAME,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL,
	    "At-Risk CTA {cta} stays open until it is concluded with "
	    "'tam cta close {cta} --won|--lost ... --note REASONS'" },
	{ S_ANY, C(RC_OPEN), E_AT_RISK | E_AT_RISK_CTA, OK, TO_TARGET, SAME,
	    RA_SET_SENTIMENT | RA_POST | RA_NEXT_UPDATE, NULL, NULL },

	/* Create CTA, immediate (the overnight one is sync's). */
	{ S_ANY, C(RC_NONE), E_AT_RISK_CTA, OK, TO_TARGET, RC_OPEN,
	    RA_SET_SENTIMENT | RA_POST | RA_OPEN_CTA, NULL, NULL },
	{ S_AT_RISK, C(RC_NONE), E(RE_OPEN_CTA), OK, SAME, RC_OPEN,
	    RA_OPEN_CTA, NULL, NULL },
	{ S_CALM, C(RC_NONE), E(RE_OPEN_CTA), NO, SAME, SAME, 0, NULL,
	    "is not at risk: the At-Risk CTA follows a red or yellow "
	    "--triage sentiment; set it and open the CTA in one step with "
	    "'tam sentiment {account} red --note TEXT --cta'" },
	{ S_ANY, C(RC_OPEN), E(RE_OPEN_CTA), NO, SAME, SAME, 0, NULL,
	    "already has an open At-Risk CTA, {cta} (one per account): "
	    "change it with 'tam cta update {cta}' or conclude it with "
	    "'tam cta close {cta}'" },

	/* Monthly Timeline Update: Risk Update. */
	{ S_ANY, C(RC_OPEN), E(RE_RISK_UPDATE), OK, SAME, SAME,
	    RA_POST | RA_NEXT_UPDATE, NULL, NULL },
	{ S_AT_RISK, C(RC_NONE), E(RE_RISK_UPDATE), NO, SAME, SAME, 0, NULL,
	    "has no open At-Risk CTA for a Risk Update to belong to: open "
	    "it with 'tam cta open {account}' (or log the sentiment with "
	    "'tam sentiment {account} ... --cta')" },
	{ S_CALM, C(RC_NONE), E(RE_RISK_UPDATE), NO, SAME, SAME, 0, NULL,
	    "is not at risk and has no open At-Risk CTA: log the sentiment "
	    "with 'tam sentiment {account}' or a note with 'tam note "
	    "{account}'" },

	/* Update CTA: Risk Type and Risk Reason, or the title. */
	{ S_ANY, C(RC_OPEN) | C(RC_RENEWAL_OPEN), E(RE_UPDATE_TITLE), OK,
	    SAME, SAME, RA_SET_TITLE, NULL, NULL },
	{ S_ANY, C(RC_OPEN), E(RE_UPDATE_RISK), OK, SAME, SAME, RA_SET_RISK,
	    NULL, NULL },
	{ S_ANY, C(RC_RENEWAL_OPEN), E(RE_UPDATE_RISK), NO, SAME, SAME, 0,
	    NULL, "is a renewal CTA: Risk Type and Risk Reason belong to "
	    "the At-Risk CTA; only --title can change here" },

	/*
	 * At-Risk Conclusion.  Won back: Risk Update as green, Adopting,
	 * Closed-Won, only with a flat or positive net ARR.  Lost: a final
	 * Risk Update, Will Churn or Adopting, Closed-Lost.
	 */
	{ S_ANY, C(RC_OPEN), E(RE_CLOSE_WON), OK, RS_GREEN, RC_WON,
	    RA_SET_SENTIMENT | RA_SET_STAGE | RA_POST | RA_CLOSE_CTA,
	    "Adopting", NULL },
	{ S_ANY, C(RC_OPEN), E(RE_CLOSE_WON_LOSS), NO, SAME, SAME, 0, NULL,
	    "cannot be closed won with a negative net ARR: a contraction is "
	    "closed-lost; use --lost contraction (or --lost downgrade)" },
	{ S_ANY, C(RC_OPEN), E(RE_CLOSE_CHURN), OK, SAME, RC_LOST,
	    RA_SET_STAGE | RA_POST | RA_CLOSE_CTA, "Will Churn", NULL },
	{ S_ANY, C(RC_OPEN), E(RE_CLOSE_DOWNGRADE) | E(RE_CLOSE_CONTRACTION),
	    OK, SAME, RC_LOST, RA_SET_STAGE | RA_POST | RA_CLOSE_CTA,
	    "Adopting", NULL },

	/* What is concluded stays concluded. */
	{ S_ANY, C_CONCLUDED, E_UPDATES, NO, SAME, SAME, 0, NULL,
	    "is closed ({status}) and does not change; if the account is at "
	    "risk again, open a new one with 'tam cta open {account}'" },
	{ S_ANY, C_CONCLUDED, E_CLOSES, NO, SAME, SAME, 0, NULL,
	    "is already closed ({status}); if the account is at risk again, "
	    "open a new one with 'tam cta open {account}'" },
	{ S_ANY, C(RC_RENEWAL_OPEN), E_CLOSES, NO, SAME, SAME, 0, NULL,
	    "is a renewal CTA: it closes itself when all its tasks are done "
	    "or skipped ('tam done', 'tam skip'); --won and --lost conclude "
	    "an At-Risk CTA" },
	{ S_ANY, C_RENEWAL_DONE, E_UPDATES | E_CLOSES, NO, SAME, SAME, 0,
	    NULL, "is a renewal CTA that is {status} and does not change; "
	    "sync opens the next renewal's CTA when its window opens" },
};

#define NRULES nitems(rules)

/* The answer for a pair no rule names: nothing happens. */
#define NOT_A_STEP	"is not in a state where the at-risk playbook " \
			    "has this step"

int
risk_rule_count(const struct risk_state *from, enum risk_event ev)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < NRULES; i++)
		if ((rules[i].sents & S(from->sent)) &&
		    (rules[i].ctas & C(from->cta)) &&
		    (rules[i].events & E(ev)))
			n++;
	return n;
}

static const struct risk_rule *
find_rule(const struct risk_state *from, enum risk_event ev)
{
	size_t	i;

	for (i = 0; i < NRULES; i++)
		if ((rules[i].sents & S(from->sent)) &&
		    (rules[i].ctas & C(from->cta)) &&
		    (rules[i].events & E(ev)))
			return &rules[i];
	return NULL;
}

const char *
risk_usage(enum risk_event ev, int has_note)
{
	const struct event_def	*d;

	if ((unsigned)ev >= RE_NEVENTS)
		return NOT_A_STEP;
	d = &events[ev];
	if (d->usage != NULL)
		return d->usage;
	if (d->no_note != NULL && !has_note)
		return d->no_note;
	return NULL;
}

enum risk_verdict
risk_step(const struct risk_state *from, enum risk_event ev, int has_note,
    struct risk_result *out)
{
	const struct event_def	*d;
	const struct risk_rule	*r;

	memset(out, 0, sizeof *out);
	out->to = *from;
	out->verdict = RV_REFUSED;
	out->why = NOT_A_STEP;
	if ((unsigned)ev >= RE_NEVENTS || (unsigned)from->sent >= RS_NSENT ||
	    (unsigned)from->cta >= RC_NCTA)
		return out->verdict;
	d = &events[ev];
	if ((out->why = risk_usage(ev, has_note)) != NULL) {
		out->verdict = RV_USAGE;
		return out->verdict;
	}
	out->why = NOT_A_STEP;
	if ((r = find_rule(from, ev)) == NULL)
		return out->verdict;
	out->verdict = r->verdict;
	out->why = r->why;
	if (r->verdict != RV_OK)
		return out->verdict;
	if (r->to_sent == TO_TARGET)
		out->to.sent = (enum risk_sent)d->target;
	else if (r->to_sent != TO_SAME)
		out->to.sent = (enum risk_sent)r->to_sent;
	if (r->to_cta != TO_SAME)
		out->to.cta = (enum risk_cta)r->to_cta;
	out->actions = r->actions;
	out->stage = r->stage;
	out->outcome = d->outcome;
	return out->verdict;
}

static const char *const placeholders[] = { "{account}", "{cta}",
    "{status}" };
#define NPLACEHOLDERS 3

/* Writes why with values for the placeholders into out (if not NULL);
 * returns the length. */
static size_t
expand(const char *why, const char *const *values, char *out)
{
	size_t	len = 0, i, n, skip;

	while (*why != '\0') {
		for (i = 0; i < NPLACEHOLDERS; i++)
			if (strncmp(why, placeholders[i],
			    strlen(placeholders[i])) == 0)
				break;
		n = i < NPLACEHOLDERS ? strlen(values[i]) : 1;
		skip = i < NPLACEHOLDERS ? strlen(placeholders[i]) : 1;
		if (out != NULL)
			memcpy(out + len, i < NPLACEHOLDERS ? values[i] : why,
			    n);
		len += n;
		why += skip;
	}
	if (out != NULL)
		out[len] = '\0';
	return len;
}

char *
risk_message(const char *why, int64_t account_id, int64_t cta_id,
    const char *status)
{
	char		 account[32], cta[32], *out;
	const char	*values[NPLACEHOLDERS];

	snprintf(account, sizeof account, "%lld", (long long)account_id);
	snprintf(cta, sizeof cta, "%lld", (long long)cta_id);
	values[0] = account;
	values[1] = cta;
	values[2] = status != NULL ? status : "";
	out = xmalloc(expand(why, values, NULL) + 1);
	expand(why, values, out);
	return out;
}

/* --- states ------------------------------------------------------------ */

const char *
risk_sent_name(enum risk_sent s)
{
	static const char *const names[RS_NSENT] = {
		"unset", "green", "yellow", "yellow+triage", "red"
	};

	return (unsigned)s < RS_NSENT ? names[s] : "?";
}

static const struct {
	const char	*kind;
	const char	*status;
} cta_states[RC_NCTA] = {
	[RC_NONE] =		{ NULL,		NULL },
	[RC_OPEN] =		{ "risk",	"open" },
	[RC_WON] =		{ "risk",	"closed_won" },
	[RC_LOST] =		{ "risk",	"closed_lost" },
	[RC_RENEWAL_OPEN] =	{ "renewal",	"open" },
	[RC_RENEWAL_CLOSED] =	{ "renewal",	"closed" },
	[RC_RENEWAL_CANCELLED] = { "renewal",	"cancelled" },
};

const char *
risk_cta_name(enum risk_cta c)
{
	static const char *const names[RC_NCTA] = {
		"none", "open", "closed_won", "closed_lost", "renewal open",
		"renewal closed", "renewal cancelled"
	};

	return (unsigned)c < RC_NCTA ? names[c] : "?";
}

const char *
risk_cta_status(enum risk_cta c)
{
	return (unsigned)c < RC_NCTA ? cta_states[c].status : NULL;
}

int
risk_cta_of(const char *kind, const char *status, enum risk_cta *out)
{
	int	i;

	for (i = RC_OPEN; i < RC_NCTA; i++)
		if (strcmp(cta_states[i].kind, kind) == 0 &&
		    strcmp(cta_states[i].status, status) == 0) {
			*out = (enum risk_cta)i;
			return 0;
		}
	return -1;
}

const char *
risk_event_name(enum risk_event ev)
{
	return (unsigned)ev < RE_NEVENTS ? events[ev].name : "?";
}

enum risk_sent
risk_sent_of(int sentiment, int triage)
{
	switch (sentiment) {
	case SENT_GREEN:	return RS_GREEN;
	case SENT_YELLOW:	return triage ? RS_TRIAGE : RS_YELLOW;
	case SENT_RED:		return RS_RED;
	default:		return RS_UNSET;
	}
}

void
risk_sent_split(enum risk_sent s, int *sentiment, int *triage)
{
	static const int sent[RS_NSENT] = { SENT_NONE, SENT_GREEN,
	    SENT_YELLOW, SENT_YELLOW, SENT_RED };

	*sentiment = (unsigned)s < RS_NSENT ? sent[s] : SENT_NONE;
	*triage = s == RS_TRIAGE;
}

int
risk_sent_at_risk(enum risk_sent s)
{
	return (S(s) & S_AT_RISK) != 0;
}

int
risk_sentiment_event(int sentiment, int triage, int cta, enum risk_event *out)
{
	enum risk_event	 plain, with_cta;

	switch (sentiment) {
	case SENT_GREEN:
		plain = RE_SET_GREEN;
		with_cta = RE_SET_GREEN_CTA;
		break;
	case SENT_YELLOW:
		plain = triage ? RE_SET_TRIAGE : RE_SET_YELLOW;
		with_cta = triage ? RE_SET_TRIAGE_CTA : RE_SET_YELLOW_CTA;
		break;
	case SENT_RED:
		plain = RE_SET_RED;
		with_cta = RE_SET_RED_CTA;
		break;
	default:
		return -1;
	}
	if (triage && sentiment != SENT_YELLOW)
		return -1;
	*out = cta ? with_cta : plain;
	return 0;
}

/* --- Risk Type and Risk Reason -------------------------------------------- */

struct choice {
	const char	*spelling;	/* the handbook's, stored and printed */
	const char	*kebab;
};

static const struct choice risk_types[] = {
	{ "Customer Churn",		"customer-churn" },
	{ "Tier Downgrade",		"tier-downgrade" },
	{ "Seat Churn",			"seat-churn" },
	{ "Customer Sentiment",		"customer-sentiment" },
	{ "Competitor",			"competitor" },
	{ "Stage Name",			"stage-name" },
	{ NULL,				NULL }
};

static const struct choice risk_reasons[] = {
	{ "Lack of adoption",			"lack-of-adoption" },
	{ "Product Value / Gaps",		"product-value-gaps" },
	{ "Product Quality / Availability",	"product-quality-availability" },
	{ "Lack of Engagement / Sponsor",	"lack-of-engagement-sponsor" },
	{ "Loss of Budget",			"loss-of-budget" },
	{ "Corporate Decision",			"corporate-decision" },
	{ "Other",				"other" },
	{ NULL,					NULL }
};

static const char *
choice_parse(const struct choice *c, const char *s)
{
	for (; c->spelling != NULL; c++)
		if (strcasecmp(s, c->spelling) == 0 ||
		    strcasecmp(s, c->kebab) == 0)
			return c->spelling;
	return NULL;
}

static char *
choice_list(const struct choice *c)
{
	char	*list = xstrdup(""), *next;

	for (; c->spelling != NULL; c++) {
		next = xasprintf("%s%s'%s' (%s)", list, *list ? ", " : "",
		    c->spelling, c->kebab);
		free(list);
		list = next;
	}
	return list;
}

const char *
risk_type_parse(const char *s)
{
	return choice_parse(risk_types, s);
}

const char *
risk_reason_parse(const char *s)
{
	return choice_parse(risk_reasons, s);
}

char *
risk_type_choices(void)
{
	return choice_list(risk_types);
}

char *
risk_reason_choices(void)
{
	return choice_list(risk_reasons);
}
