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

struct settings;

/*
 * What carrying out the playbook takes: the book and its settings, the
 * day, who acts, the command (misuse messages name it), and where each
 * line of what was done goes (tam_info_done_take, say).
 */
struct risk_env {
	struct tam_db		*db;
	const struct settings	*settings;
	int			 today;
	const char		*user;		/* the author of the posts */
	const char		*cmd;		/* "sentiment", "cta close" */
	tam_said_fn		 said;
	void			*said_arg;
	/* Set by risk_decide when the command line got the step wrong. */
	int			 misuse;
};

/*
 * The functions below return TAM_OK, or the exit code with the message
 * in *err (allocated) for the command to hand on: TAM_USAGE when the
 * step is one the command line got wrong (risk_decide; misuse says so,
 * for the usage to follow the message) or the account name is empty,
 * TAM_FAIL otherwise.
 */

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
 * CTA, if any.
 */
int	 risk_subject_account(const struct risk_env *, const char *spec,
	    struct risk_subject *, char **err);
/* Loads CTA id (either kind) and its account. */
int	 risk_subject_cta(const struct risk_env *, int64_t id,
	    struct risk_subject *, char **err);

/*
 * Asks the playbook about event ev for the subject.  TAM_OK with *r
 * filled when it is allowed; otherwise TAM_USAGE (a misuse) or TAM_FAIL
 * with a message that names the subject and says what is allowed.
 */
int	 risk_decide(struct risk_env *, const struct risk_subject *,
	    enum risk_event ev, int has_note, struct risk_result *r,
	    char **err);

/*
 * Carries out the actions of an allowed step r, in the order of the RA_*
 * bits, and tells each through the env's said.  TAM_OK, or TAM_FAIL
 * (the dispatcher then rolls back).
 */
int	 risk_apply(const struct risk_env *, struct risk_subject *,
	    const struct risk_result *r, const struct risk_args *,
	    char **err);

/*
 * The whole of a playbook command once its words are checked: loads the
 * subject (the account named by spec, or CTA id), decides ev
 * (risk_decide) and applies it (risk_apply).
 */
int	 risk_run_account(struct risk_env *, const char *spec,
	    enum risk_event ev, int has_note, const struct risk_args *,
	    char **err);
int	 risk_run_cta(struct risk_env *, int64_t id, enum risk_event ev,
	    int has_note, const struct risk_args *, char **err);

#endif
