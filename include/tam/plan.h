/* plan.h: planning renewal work when an account's renewal date changes. */
#ifndef TAM_PLAN_H
#define TAM_PLAN_H

#include <stdint.h>

#include "tam/tam.h"

struct settings;
struct tam_db;

/*
 * Called (inside the command's transaction) after the renewal date of an
 * account changed from old_date to new_date (either may be DATE_NONE):
 * cancels the open renewal CTA planned for another date, and its open
 * tasks, with a timeline post; done tasks stay as they were.  The new
 * date's window is then planned as sync would.  author signs the post of
 * the cancelling ("import" or the user).  0, or -1 with *err.
 */
int	 plan_renewal_changed(struct tam_db *, const struct settings *,
	    int today, const char *author, int64_t account_id, int old_date,
	    int new_date, char **err);
/*
 * Opens the renewal CTA of renewal date r ("Renewal <r>", playbook
 * "Renewal") with the five tasks of the playbook planned today, as
 * opened_by ("sync" or "tam").  Returns 0 with *cta_id set, 1 when
 * nothing is scheduled (r has passed), -1 with *err.  The caller checks
 * that the window is open and no CTA exists for r.
 */
int	 plan_open_renewal(struct tam_db *, const struct settings *,
	    int today, int64_t account_id, int r, const char *opened_by,
	    int64_t *cta_id, char **err);
/*
 * After a task of CTA cta_id was done or skipped: closes the CTA
 * (status "closed") when it is an open renewal CTA with no open task
 * left.  Returns 1 when it closed it, 0 when not, -1 with *err.
 */
int	 plan_close_if_complete(struct tam_db *, int today, int64_t cta_id,
	    char **err);
/*
 * Closes the open tasks ids[0..n) as status ("done" or "skipped") with
 * note (may be NULL), by user at now, all or none: a task that does not
 * exist or is not open is an error (return 1 with *err, nothing
 * written).  Each renewal CTA left with no open task closes itself.
 * said gets one line per change.  Returns 0, 1 or -1 (database error)
 * with *err.
 */
int	 plan_close_tasks(struct tam_db *, int today, const char *user,
	    const char *now, const int64_t *ids, int n, const char *status,
	    const char *note, tam_said_fn said, void *arg, char **err);

#endif
