/*
 * db-import.h: the storage side of tam import (SQL in src/db/db-import.c).
 * Same conventions as db.h: 0 on success, -1 with *err allocated.
 */
#ifndef TAM_DB_IMPORT_H
#define TAM_DB_IMPORT_H

#include <stdint.h>

struct tam_db;

/* One run of tam import, as the import_run table keeps it. */
struct import_run {
	const char	*at;		/* timestamp */
	const char	*source;	/* the file name, or "stdin" */
	int64_t		 rows;
	int64_t		 inserted;
	int64_t		 updated;
	int64_t		 unchanged;
	int64_t		 rejected;
};

/* Records a finished run. */
int	 db_import_run_add(struct tam_db *, const struct import_run *,
	    char **err);
/*
 * Marks the point a dry run goes back to (a savepoint inside the
 * command's transaction) and, with db_import_undo, undoes everything
 * written since, so the dispatcher commits nothing.
 */
int	 db_import_mark(struct tam_db *, char **err);
int	 db_import_undo(struct tam_db *, char **err);
/*
 * Ids of the accounts named name (exact, any case) that have no
 * Salesforce ID, at most 2 of them: the accounts a row with a new ID
 * may adopt.  *n is 0, 1 or 2.
 */
int	 db_import_unlinked(struct tam_db *, const char *name, int64_t ids[2],
	    int *n, char **err);
/* The number of accounts without a Salesforce ID. */
int	 db_import_count_unlinked(struct tam_db *, int64_t *n, char **err);
/*
 * Sizes the page cache for a bulk import (kib of memory).  A bigger
 * cache keeps the index pages of a large import in memory.
 */
int	 db_import_cache(struct tam_db *, int kib, char **err);

#endif
