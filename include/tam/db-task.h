/*
 * db-task.h: the SQL of changing a task after the fact: tam task set
 * and tam task reopen (services in src/task.c).
 */
#ifndef TAM_DB_TASK_H
#define TAM_DB_TASK_H

#include <stdint.h>

struct tam_db;

/*
 * Sets task id's due date (DATE_NONE: kept), title and note (NULL:
 * kept).  0, 1 when there is no such task, -1 with *err.
 */
int	 db_task_set(struct tam_db *, int64_t id, int due, const char *title,
	    const char *note, char **err);
/*
 * Makes a done or skipped task open again (done_at cleared).  0, 1 when
 * it is not done or skipped, -1 with *err.
 */
int	 db_task_reopen(struct tam_db *, int64_t id, char **err);
/*
 * Makes a CTA that closed itself (status "closed") open again.  0, 1
 * when it is not "closed", -1 with *err.
 */
int	 db_cta_reopen(struct tam_db *, int64_t id, char **err);
/* Sets *n to the open CTAs of this kind the account has.  0 or -1. */
int	 db_cta_open_count(struct tam_db *, int64_t account_id,
	    const char *kind, int64_t *n, char **err);
/*
 * Cancels (at the timestamp at) the open risk_update tasks of CTA
 * cta_id other than task keep; *n says how many.  0 or -1 with *err.
 * In db-risk.c: db_task_close_kind's statement does it.
 */
int	 db_task_cancel_other_risk_updates(struct tam_db *, int64_t cta_id,
	    int64_t keep, const char *at, int *n, char **err);

#endif
