/*
 * risk.h: the at-risk playbook (SPEC §7) as a pure state machine, and
 * the Risk Type / Risk Reason enumerations.  No I/O, no SQLite: the
 * commands describe where an account and a CTA stand, ask risk_step()
 * what an event does, and carry out the actions it answers with (see
 * risk-apply.h).
 */
#ifndef TAM_RISK_H
#define TAM_RISK_H

#include <stdint.h>

/* Where the account's TAM sentiment stands. */
enum risk_sent {
	RS_UNSET,
	RS_GREEN,
	RS_YELLOW,
	RS_TRIAGE,		/* yellow with Requires Triage */
	RS_RED,
	RS_NSENT
};

/*
 * Where the CTA an event is about stands.  For the account's events
 * (sentiment, cta open, risk-update) it is the account's open risk CTA:
 * RC_NONE or RC_OPEN.  For a CTA's events (cta update, cta close) it is
 * the CTA named, of either kind.
 */
enum risk_cta {
	RC_NONE,		/* no CTA */
	RC_OPEN,		/* risk CTA, open */
	RC_WON,			/* risk CTA, closed_won */
	RC_LOST,		/* risk CTA, closed_lost */
	RC_RENEWAL_OPEN,	/* renewal CTA, open */
	RC_RENEWAL_CLOSED,	/* renewal CTA, closed (its work is done) */
	RC_RENEWAL_CANCELLED,	/* renewal CTA, cancelled (date changed) */
	RC_NCTA
};

enum risk_event {
	RE_SET_GREEN,		/* tam sentiment A green */
	RE_SET_YELLOW,		/* tam sentiment A yellow */
	RE_SET_TRIAGE,		/* tam sentiment A yellow --triage */
	RE_SET_RED,		/* tam sentiment A red */
	RE_SET_GREEN_CTA,	/* ... with --cta */
	RE_SET_YELLOW_CTA,
	RE_SET_TRIAGE_CTA,
	RE_SET_RED_CTA,
	RE_OPEN_CTA,		/* tam cta open A */
	RE_RISK_UPDATE,		/* tam risk-update A */
	RE_UPDATE_TITLE,	/* tam cta update ID --title */
	RE_UPDATE_RISK,		/* tam cta update ID --risk-type/--risk-reason */
	RE_CLOSE_WON,		/* tam cta close ID --won (net ARR >= 0) */
	RE_CLOSE_WON_LOSS,	/* tam cta close ID --won --net-arr < 0 */
	RE_CLOSE_CHURN,		/* tam cta close ID --lost churn */
	RE_CLOSE_DOWNGRADE,	/* tam cta close ID --lost downgrade */
	RE_CLOSE_CONTRACTION,	/* tam cta close ID --lost contraction */
	RE_NEVENTS
};

struct risk_state {
	enum risk_sent	sent;
	enum risk_cta	cta;
};

enum risk_verdict {
	RV_OK,			/* allowed: carry out the actions */
	RV_REFUSED,		/* well formed but not allowed: exit 1 */
	RV_USAGE		/* the command line is wrong: exit 2 */
};

/* What an allowed event does, in the order risk_apply() does it. */
#define RA_SET_SENTIMENT 0x01	/* account sentiment := to.sent */
#define RA_SET_STAGE	 0x02	/* lifecycle stage := stage */
#define RA_POST		 0x04	/* a risk_update post (sentiment after) */
#define RA_OPEN_CTA	 0x08	/* open the At-Risk CTA (opened_by tam) */
#define RA_NEXT_UPDATE	 0x10	/* the post is the CTA's Risk Update */
#define RA_SET_TITLE	 0x20	/* the CTA's title */
#define RA_SET_RISK	 0x40	/* risk type/reason; both set: task done */
#define RA_CLOSE_CTA	 0x80	/* close the CTA as to.cta, tasks with it */

struct risk_result {
	enum risk_verdict	 verdict;
	struct risk_state	 to;	 /* the state after (== from if refused) */
	unsigned		 actions; /* RA_* when allowed, else 0 */
	const char		*stage;	 /* with RA_SET_STAGE */
	const char		*outcome; /* with RA_CLOSE_CTA: "Closed-Won"... */
	/*
	 * Refused: why, and what is allowed instead, to follow the subject
	 * ("account 'Acme'", "CTA 4") in the message.  Allowed: NULL or a
	 * hint for the user.  Static text.
	 */
	const char		*why;
};

/* "unset", "green", "yellow", "yellow+triage", "red". */
const char	*risk_sent_name(enum risk_sent);
/* "none", "open", "closed_won", ... (the renewal ones say "renewal"). */
const char	*risk_cta_name(enum risk_cta);
/* "sentiment green", "cta close --won", ... for messages and tests. */
const char	*risk_event_name(enum risk_event);

/* The state of a sentiment as stored (SENT_* of account.h, triage). */
enum risk_sent	 risk_sent_of(int sentiment, int triage);
/* The SENT_* and triage flag of a state (RS_UNSET: SENT_NONE). */
void		 risk_sent_split(enum risk_sent, int *sentiment, int *triage);
/* 1 for the at-risk states, red and yellow+triage. */
int		 risk_sent_at_risk(enum risk_sent);
/*
 * The CTA state of a stored CTA (kind "risk"/"renewal", status as in
 * the schema).  Returns 0, or -1 for a pair that cannot exist.
 */
int		 risk_cta_of(const char *kind, const char *status,
		    enum risk_cta *out);
/* The status to store for a closed CTA state ("closed_won"...). */
const char	*risk_cta_status(enum risk_cta);

/*
 * The event of `tam sentiment`: sentiment is SENT_GREEN/YELLOW/RED,
 * triage and cta the flags.  Returns 0, or -1 when --triage goes with
 * something other than yellow (a usage error).
 */
int		 risk_sentiment_event(int sentiment, int triage, int cta,
		    enum risk_event *out);

/*
 * The usage error of event ev whatever the state (--note missing, --cta
 * with a calm sentiment): a static message, or NULL when the command
 * line is good.  risk_step() answers RV_USAGE with the same message.
 */
const char	*risk_usage(enum risk_event ev, int has_note);

/*
 * The playbook's answer to event ev in state from, has_note saying
 * whether --note was given.  Every (state, event) pair has exactly one
 * answer; anything the playbook does not allow is refused.  Fills *out
 * and returns its verdict.
 */
enum risk_verdict risk_step(const struct risk_state *from,
		    enum risk_event ev, int has_note, struct risk_result *out);

/*
 * The number of rules of the table that name (from, ev): 0 or 1, never
 * more (the rules do not overlap; test-risk.c checks every pair).
 */
int		 risk_rule_count(const struct risk_state *from,
		    enum risk_event ev);

/*
 * A message of risk_step() with its placeholders filled in: {account}
 * (the account id), {cta} (the CTA id) and {status}.  Allocated; the
 * caller frees.
 */
char		*risk_message(const char *why, int64_t account_id,
		    int64_t cta_id, const char *status);

/*
 * Risk Type and Risk Reason.  Parsing takes the handbook spelling in any
 * case or its kebab-case form ("customer-churn", "product-value-gaps")
 * and returns the handbook spelling (static), or NULL.
 */
const char	*risk_type_parse(const char *);
const char	*risk_reason_parse(const char *);
/*
 * The valid values for a message: "'Customer Churn' (customer-churn),
 * ...".  Allocated; the caller frees.
 */
char		*risk_type_choices(void);
char		*risk_reason_choices(void);

#endif
