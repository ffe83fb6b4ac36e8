/*
 * db-ics.h: the queries behind `tam ics`.  Like db.h, functions return 0
 * (or the non-zero value a callback stopped with) and -1 with *err set to
 * an allocated message the caller frees.
 */
#ifndef TAM_DB_ICS_H
#define TAM_DB_ICS_H

#include <stdint.h>

#include "tam/account.h"
#include "tam/db.h"

/*
 * The database's random identifier (32 hex digits), made when it was
 * created: *uid is allocated, the caller frees it.
 */
int	 db_database_uid(struct tam_db *, char **uid, char **err);

/*
 * Calls fn for the tasks of the calendar: of accounts that are not
 * archived, of the TAM tam (folded; NULL: any), due on or before
 * until, that are open, or closed (done, skipped, cancelled) on or after
 * the day closed_since; by due date, then id.  revision counts the
 * changes of the task's due date, status, title and note (its SEQUENCE).
 * The task's strings are borrowed; the account holds the people, ACV,
 * upsell and renewal date (other fields unset) and is borrowed too.
 */
int	 db_ics_tasks(struct tam_db *, const char *tam, int until,
	    int closed_since, int (*fn)(void *, const struct task *,
	    const struct account *, int64_t revision), void *arg,
	    char **err);

#endif
