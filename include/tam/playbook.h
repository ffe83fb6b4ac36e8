/*
 * playbook.h: opening the At-Risk CTA and moving its monthly Risk Update,
 * shared by `tam sync` (opened_by "sync"), `tam cta open` and `tam
 * sentiment --cta` (opened_by "tam"), `tam risk-update` and `tam
 * sentiment`.  Everything runs inside the caller's transaction.  The
 * steps take what they touch: the database, the settings, today (the
 * day number whose time of day the timestamps get, clock.h) and the user
 * who signs the posts.
 */
#ifndef TAM_PLAYBOOK_H
#define TAM_PLAYBOOK_H

#include <stdint.h>

#include "tam/tam.h"

struct settings;
struct tam_db;

#define RISK_CTA_TITLE		"At-Risk CTA"
#define RISK_CTA_PLAYBOOK	"Account Triage"

/*
 * Opens the At-Risk CTA of an account (kind "risk", title "At-Risk CTA",
 * playbook "Account Triage") with its tasks: "Set Risk Type and Risk
 * Reason" (risk_cta_update) due today — already done when both risk_type
 * and risk_reason are given — and the first "Risk Update" (risk_update)
 * due one risk_update.every period after today (date rules of §6), and a
 * `cta` timeline post.  opened_by is "tam" or "sync"; risk_type,
 * risk_reason and note may be NULL (values already validated).
 * Returns 0 with *cta_id set; 1 when the account already has an open risk
 * CTA (*cta_id is then that one's id); -1 with *err.
 */
int	 playbook_open_risk_cta(struct tam_db *, const struct settings *,
	    int today, const char *user, int64_t account_id,
	    const char *opened_by, const char *risk_type,
	    const char *risk_reason, const char *note, int64_t *cta_id,
	    char **err);

/*
 * A Risk Update was posted on the account's timeline today: if the
 * account has an open risk CTA, its open risk_update task is marked done
 * and the next is created, due one period after today.  Returns 0 (also
 * when there is no open risk CTA), or -1 with *err.
 */
int	 playbook_risk_update_posted(struct tam_db *,
	    const struct settings *, int today, int64_t account_id,
	    char **err);

/*
 * The open risk CTA cta_id of account_id has no open risk_update task
 * (the caller has checked): adds one, due one risk_update.every period
 * after the day from (its last Risk Update, or today), never before
 * today.  Sets *due.  Returns 0, or -1 with *err (also when the date
 * would be after 9999-12-31).
 */
int	 playbook_risk_update_repair(struct tam_db *,
	    const struct settings *, int today, int64_t account_id,
	    int64_t cta_id, int from, int *due, char **err);

/*
 * Tasks ids were closed by hand (tam done, tam skip): every closed
 * risk_update task of a risk CTA that is still open is followed by the
 * next, due one period after today, so that an open risk CTA always has
 * exactly one open Risk Update; said gets a line for each.  Returns 0,
 * or -1 with *err.
 */
int	 playbook_tasks_closed(struct tam_db *, const struct settings *,
	    int today, const int64_t *ids, int n, tam_said_fn said, void *arg,
	    char **err);

#endif
