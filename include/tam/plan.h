/* plan.h: planning renewal work when an account's renewal date changes. */
#ifndef TAM_PLAN_H
#define TAM_PLAN_H

#include <stdint.h>

#include "tam/tam.h"

/*
 * Called (inside the command's transaction) after the renewal date of an
 * account changed from old_date to new_date (either may be DATE_NONE):
 * cancels the open renewal CTA planned for another date, and its open
 * tasks, with a timeline post; done tasks stay as they were.  The new
 * date's window is then planned as sync would.  0, or -1 with *err.
 */
int	 plan_renewal_changed(struct tam_ctx *, int64_t account_id,
	    int old_date, int new_date, char **err);

#endif
