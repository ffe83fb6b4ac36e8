/*
 * risk-apply.h: carrying out the at-risk playbook (risk.h) on the
 * database: where an account or CTA stands, the refusal messages, and
 * the actions of an allowed step, inside the command's transaction.
 */
#ifndef TAM_RISK_APPLY_H
#define TAM_RISK_APPLY_H

#include <stdint.h>

#include "tam/account.h"
#include "tam/risk.h"
#include "tam/tam.h"

/* An account and the CTA an event is about, as loaded. */
struct risk_subject {
	struct account	 acct;
	int		 by_cta;	/* named by CTA id (cta update/close) */
	int64_t		 cta_id;	/* 0: none */
	enum risk_cta	 cta;
	char		*cta_kind;	/* owned; NULL without a CTA */
	char		*cta_status;	/* owned */
};

/* The values the user gave with the event; NULL when not given. */
struct risk_args {
	const char	*note;
	const char	*title;
	const char	*risk_type;	/* handbook spelling (risk_type_parse) */
	const char	*risk_reason;
	int64_t		 net_arr_cents;	/* cta close: 0 unless --net-arr */
};

void	 risk_subject_init(struct risk_subject *);
void	 risk_subject_release(struct risk_subject *);

/*
 * Loads the account named by spec (account_resolve) and its open risk
 * CTA, if any.  TAM_OK, or an exit code with the error in ctx.
 */
int	 risk_subject_account(struct tam_ctx *, const char *spec,
	    struct risk_subject *);
/* Loads CTA id (either kind) and its account.  TAM_OK or an error. */
int	 risk_subject_cta(struct tam_ctx *, int64_t id, struct risk_subject *);

/*
 * Asks the playbook about event ev for the subject.  TAM_OK with *r
 * filled when it is allowed; otherwise the exit code (TAM_USAGE or
 * TAM_FAIL) with a message in ctx that names the subject and says what
 * is allowed.
 */
int	 risk_decide(struct tam_ctx *, const struct risk_subject *,
	    enum risk_event ev, int has_note, struct risk_result *r);

/*
 * Carries out the actions of an allowed step r, in the order of the RA_*
 * bits, and reports them on stderr (tam_info).  Returns TAM_OK, or
 * TAM_FAIL with the error in ctx (the dispatcher then rolls back).
 */
int	 risk_apply(struct tam_ctx *, struct risk_subject *,
	    const struct risk_result *r, const struct risk_args *);

/*
 * The whole of a playbook command once its words are checked: loads the
 * subject (the account named by spec, or CTA id), decides ev
 * (risk_decide) and applies it (risk_apply).  TAM_OK or an exit code
 * with the error in ctx.
 */
int	 risk_run_account(struct tam_ctx *, const char *spec,
	    enum risk_event ev, int has_note, const struct risk_args *);
int	 risk_run_cta(struct tam_ctx *, int64_t id, enum risk_event ev,
	    int has_note, const struct risk_args *);

#endif
