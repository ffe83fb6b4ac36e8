/*
 * task.h: changing a task after the fact, as work really happens: tam
 * task set (another day, a better title, a note) and tam task reopen
 * (a done or skip made by mistake).  Inside the caller's transaction.
 */
#ifndef TAM_TASK_H
#define TAM_TASK_H

#include <stdint.h>

struct tam_db;

/*
 * Sets task id's due date (DATE_NONE: kept), title and note (NULL:
 * kept), with a note post by user at now on the account's timeline
 * saying what changed.  A closed task keeps its date: a new due date
 * for it is refused.  Returns 0 with *done the line that says what was
 * done (allocated: changed, or unchanged), 1 (refused, *err says why,
 * nothing written) or -1 with *err.
 */
int	 task_set(struct tam_db *, const char *user, const char *now,
	    int64_t id, int due, const char *title, const char *note,
	    char **done, char **err);

/* What task_reopen() did besides the task itself. */
struct task_reopened {
	int64_t	 cta_id;		/* the task's CTA, 0: none */
	int	 cta_reopened;		/* a closed renewal CTA opened again */
	int	 update_cancelled;	/* the next Risk Update cancelled */
};
/*
 * Opens a done or skipped task again, with a timeline post.  A renewal
 * CTA that had closed because it was complete opens again; a task of a
 * CTA that was won, lost or cancelled, or a cancelled task, is refused.
 * A risk_update task of an open risk CTA takes back its place: the next
 * Risk Update the playbook scheduled when it was closed is cancelled,
 * so the CTA keeps exactly one open.  The post is user's, at now.
 * Returns 0 with *r filled, 1 (refused, *err, nothing written) or -1
 * with *err.
 */
int	 task_reopen(struct tam_db *, const char *user, const char *now,
	    int64_t id, struct task_reopened *r, char **err);

#endif
