/*
 * db-import.h: the storage side of tam import (SQL in src/db/db-import.c).
 * Same conventions as db.h: 0 on success, -1 with *err allocated.
 */
#ifndef TAM_DB_IMPORT_H
#define TAM_DB_IMPORT_H

#include <stdint.h>

struct account;
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
 * The account whose Salesforce ID is sfid, read into a (as
 * db_account_get does): 0, or 1 when there is none.  A row of an import
 * is found and read in one query.
 */
int	 db_import_by_sfid(struct tam_db *, const char *sfid, struct account *a,
	    char **err);
/*
 * The id of the account whose Salesforce ID is sfid, and the hash of the
 * import row that last set it (0: none, or changed since by anything
 * else): 0, or 1 when there is none.  A row of a re-import whose hash
 * is the stored one changes nothing, and costs this one query.
 */
int	 db_import_hash_by_sfid(struct tam_db *, const char *sfid,
	    int64_t *id, int64_t *hash, char **err);
/* Stores the hash of the row an unchanged account was found equal to. */
int	 db_import_hash_set(struct tam_db *, int64_t id, int64_t hash,
	    char **err);
/*
 * Inserts a new account of a load into a database that had no accounts
 * (a->id is set): the account alone, its sentiment post to come from
 * db_import_side_rows, its time already the account's last sentiment post
 * (sql/0009-sentiment-posted.sql) when it has a sentiment.
 */
int	 db_import_account_insert(struct tam_db *, struct account *a,
	    const char *now, char **err);
/*
 * After a load into a database that had no accounts, whose rows wrote
 * the accounts alone (db_import_account_insert): the sentiment post of each
 * account with a sentiment and the health row (day today) of each with
 * a score, as account_create writes them, author as given.  Set-based:
 * two statements for the whole file instead of two a row.
 */
int	 db_import_side_rows(struct tam_db *, const char *author, int today,
	    char **err);
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
 * For a large import into a database with no accounts, called first in
 * the command's transaction: puts the file on the rollback journal until
 * the commit (db_commit makes it WAL again).  WAL writes every page
 * twice, once to the log and once back into the file; the rollback
 * journal keeps only the pages the file had, a few for an empty one, and
 * the new pages go straight to their place.  A crash leaves a hot
 * journal that the next open plays back, cutting the file to its old
 * size.  Readers see the database as it was until the commit, as with
 * WAL, but once the import writes into the file they wait for its end
 * (the busy timeout).  1: switched; 0: still WAL (another connection has
 * the file open), in a new transaction either way; -1 on error.
 */
int	 db_import_bulk_journal(struct tam_db *, char **err);
/*
 * Sizes the page cache for a bulk import (kib of memory).  A bigger
 * cache keeps the index pages of a large import in memory.
 */
/*
 * Marks the transaction as an import's: on a server, a writer kept
 * waiting by it is told that an import is running.  (On SQLite the
 * write transaction says enough.)
 */
int	 db_import_lock(struct tam_db *, char **err);
int	 db_import_cache(struct tam_db *, int kib, char **err);

/*
 * On a server an import goes a batch of rows at a time (the SQL is in
 * src/db/db-import-pg.c).  db_import_stage_begin, after the dry run's
 * mark: 1 on a server, where the rows are now staged; 0 on SQLite, which
 * writes each row as it comes and needs none of the rest; -1 with *err.
 *
 * The accounts a batch names are read while the batch before runs.  For
 * each batch, once it is read: db_import_stage_next waits for the reads
 * of the batch before (the one whose rows run next) and takes them in;
 * db_import_stage_want names the Salesforce ID (NULL: none) and the name
 * (NULL: not looked up) of each row of the new batch, and
 * db_import_stage_fetch starts, in the background, the writes of the
 * batch that ran last and then the reads of the new one's accounts.
 * The rows of the batch before then run as on SQLite, the store's
 * functions (db.h) answering from the stage and writing to it (any other
 * statement waits for the background); db_import_stage_flush makes the
 * text of what they wrote, sent by the next fetch.  After the last batch,
 * db_import_stage_finish sends what is left and waits.
 * db_import_stage_end closes the stage (waiting for the background,
 * dropping what was not sent); it may be called when none is open.
 */
int	 db_import_stage_begin(struct tam_db *, char **err);
void	 db_import_stage_want(struct tam_db *, const char *sfid,
	    const char *name);
int	 db_import_stage_next(struct tam_db *, char **err);
int	 db_import_stage_fetch(struct tam_db *, char **err);
int	 db_import_stage_flush(struct tam_db *, char **err);
int	 db_import_stage_finish(struct tam_db *, char **err);
void	 db_import_stage_end(struct tam_db *);

/*
 * Indexes a large import may drop for its duration and re-create at the
 * end (db_import_park).  The bits name them; struct db_parked keeps the
 * CREATE INDEX statement of each one dropped (NULL: in place).
 */
#define DB_PARK_NAME	0x1u	/* account (name): lookups by name */
#define DB_PARK_RENEWAL	0x2u	/* account (renewal_date), by TAM too */
#define DB_PARK_TAM	0x4u	/* account (tam), its at-risk part */
#define DB_PARK_ALL	(DB_PARK_NAME | DB_PARK_RENEWAL | DB_PARK_TAM)
#define DB_PARK_MAX	5

struct db_parked {
	char	*sql[DB_PARK_MAX];
};

/*
 * Drops the indexes in which that are not dropped yet, inside the
 * command's transaction, keeping their definitions (as sqlite_schema
 * has them) in p.  A rollback brings them back with everything else.
 */
int	 db_import_park(struct tam_db *, struct db_parked *p, unsigned which,
	    char **err);
/* Re-creates the indexes in which that p holds dropped. */
int	 db_import_unpark(struct tam_db *, struct db_parked *p,
	    unsigned which, char **err);
/* Whether any index in which is dropped. */
int	 db_import_parked(const struct db_parked *p, unsigned which);
/* Frees p's statements (after a failure; the rollback restores them). */
void	 db_import_parked_release(struct db_parked *p);

#endif
