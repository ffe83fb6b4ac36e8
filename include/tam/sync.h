/* sync.h: the rules run as of today (SPEC §8), for `tam sync` and `tam due`. */
#ifndef TAM_SYNC_H
#define TAM_SYNC_H

#include <stdio.h>

struct sync_counts {
	int	renewal_opened;
	int	risk_opened;
	int	renewal_closed;
	int	risk_update_added;	/* repaired: a risk CTA had none */
};

struct settings;
struct tam_db;

/*
 * Applies every rule as of today inside the caller's transaction:
 * opens the renewal CTA (and its tasks) of every account whose window is
 * open and that has none for its renewal date; opens the At-Risk CTA of
 * every at-risk account without one; closes renewal CTAs whose tasks are
 * all done or skipped; gives an open risk CTA without an open Risk Update
 * task its next one.  tam, the folded name of a TAM (account_tam_resolve),
 * keeps every rule to that TAM's accounts; NULL: the whole book.  user
 * writes the posts of the CTAs it opens.  With dry_run nothing is
 * written.  One line per action goes to report (NULL: none).  Returns 0
 * with *counts filled, or -1 with *err.
 */
int	 sync_run(struct tam_db *, const struct settings *, int today,
	    const char *user, const char *tam, int dry_run, FILE *report,
	    struct sync_counts *counts, char **err);
/*
 * The summary of counts, the non-zero ones ("opened 2 renewal CTAs,
 * closed 1 renewal CTA"; "would open" with dry_run); allocated.
 */
char	*sync_summary(const struct sync_counts *, int dry_run);

#endif
