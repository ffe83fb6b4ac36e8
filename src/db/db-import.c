/* db-import.c: SQL of tam import: runs, the dry-run savepoint, lookups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/db-import.h"
#include "tam/text.h"
#include "db-internal.h"

int
db_import_run_add(struct tam_db *db, const struct import_run *r, char **err)
{
	static const char sql[] =
	    "INSERT INTO import_run (id, at, source, rows_read, inserted, "
	    "updated, unchanged, rejected) VALUES (" NEXT_ID("import_run")
	    ":at, :source, :rows, "
	    ":inserted, :updated, :unchanged, :rejected)";
	struct dbstmt	*st;

	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	dbi_text(st, ":at", r->at);
	dbi_text(st, ":source", r->source);
	dbi_int(st, ":rows", r->rows);
	dbi_int(st, ":inserted", r->inserted);
	dbi_int(st, ":updated", r->updated);
	dbi_int(st, ":unchanged", r->unchanged);
	dbi_int(st, ":rejected", r->rejected);
	return dbi_done(db, st, err);
}

static int
exec_one(struct tam_db *db, const char *sql, char **err)
{
	return dbi_exec(db, sql, err);
}

int
db_import_lock(struct tam_db *db, char **err)
{
	return dbi_is_pg(db) ? dbi_pg_import_lock(db, err) : 0;
}

int
db_import_mark(struct tam_db *db, char **err)
{
	return exec_one(db, "SAVEPOINT tam_import", err);
}

int
db_import_undo(struct tam_db *db, char **err)
{
	if (exec_one(db, "ROLLBACK TO tam_import", err) != 0)
		return -1;
	return exec_one(db, "RELEASE tam_import", err);
}

static int
row_account(void *arg, struct dbstmt *st)
{
	dbi_read_account(st, 0, arg);
	return 0;
}

int
db_import_by_sfid(struct tam_db *db, const char *sfid, struct account *a,
    char **err)
{
	/* The account itself, not its id: one search of the sfid index. */
	static const char sql[] =
	    "SELECT " DBI_ACCOUNT_COLS " FROM account a WHERE a.sfid = :sfid";
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_by_sfid(db, sfid, a, NULL, err);
	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	dbi_text(st, ":sfid", sfid);
	return dbi_one(db, st, row_account, a, err);
}

struct unlinked {
	int64_t	*ids;
	int	*n;
};

/* Stops at the second: two unlinked accounts of a name are too many. */
static int
row_unlinked(void *arg, struct dbstmt *st)
{
	struct unlinked	*u = arg;

	if (dbi_col_i32(st, 1))
		u->ids[(*u->n)++] = dbi_col_i64(st, 0);
	return *u->n == 2;
}

int
db_import_unlinked(struct tam_db *db, const char *name, int64_t ids[2],
    int *n, char **err)
{
	/*
	 * Folded names compare (text.h).  "sfid IS NULL" is tested
	 * here, not in SQL: there SQLite would search the sfid index for
	 * NULL, every account without an ID, instead of account_by_name
	 * for the few of this name.
	 */
	static const char sql[] =
	    "SELECT id, sfid IS NULL FROM account WHERE name_fold = :fold "
	    "ORDER BY id";
	struct dbstmt	*st;
	struct unlinked	 u = { ids, n };
	char		*fold;
	int64_t		*found;
	int		 i, rc;

	*n = 0;
	if (db->stage != NULL) {
		fold = text_fold(name);
		rc = dbi_stage_by_fold(db, fold, 1, 2, &found, n, err);
		for (i = 0; rc == 0 && i < *n; i++)
			ids[i] = found[i];
		free(found);
		free(fold);
		return rc;
	}
	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	fold = text_fold(name);
	dbi_text(st, ":fold", fold);
	free(fold);
	return dbi_each(db, st, row_unlinked, &u, err) < 0 ? -1 : 0;
}

int
db_import_count_unlinked(struct tam_db *db, int64_t *n, char **err)
{
	static const char sql[] =
	    "SELECT count(*) FROM account WHERE sfid IS NULL";
	struct dbstmt	*st;

	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	/* count(*) always has its row. */
	return dbi_one_int(db, st, n, err) < 0 ? -1 : 0;
}

int
db_import_bulk_journal(struct tam_db *db, char **err)
{
	char		*mode = NULL;

	/*
	 * The command's transaction has written nothing yet: ending it and
	 * beginning another is the same transaction to everyone else, but
	 * for another writer that may come in between (the caller counts
	 * again).  The journal mode can only change between transactions,
	 * and out of WAL only with no other connection open on the file;
	 * when one is, the import simply stays on WAL.
	 */
	if (dbi_is_pg(db))
		return 0;	/* a server has no journal of ours to choose */
	if (db_commit(db, err) != 0)
		return -1;
	/* Not kept in the cache: the journal mode can change again. */
	if (dbi_once_dup(db, "PRAGMA journal_mode = DELETE", &mode,
	    err) == 0 && strcmp(mode, "delete") == 0)
		db->wal_after = 1;
	free(mode);
	free(*err);
	*err = NULL;
	/*
	 * The load writes accounts and then the rows that name them
	 * (db_import_side_rows), nothing else: no row to check a foreign
	 * key of, a lookup in account for each one that cannot fail.
	 * db_commit checks them again, with WAL.
	 */
	if (db->wal_after && exec_one(db, "PRAGMA foreign_keys = OFF",
	    err) != 0)
		return -1;
	if (db_begin(db, 1, err) != 0)
		return -1;
	return db->wal_after;
}

int
db_import_cache(struct tam_db *db, int kib, char **err)
{
	char	sql[64];

	if (dbi_is_pg(db))
		return 0;	/* the server's memory is the server's */
	/* An integer of ours, not user text: formatting it is safe. */
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	return exec_one(db, sql, err);
}

/*
 * The secondary indexes of account that no lookup of an import needs
 * (the name index only when rows are found by name).  Inserting a
 * million random keys into them costs far more than building them again
 * with one sort; see db_import_park.  Only the names live here: the
 * definitions are those the migrations made, as embedded at build time
 * (dbi_schema_sql), so sql/ stays the one place that defines them.  None
 * is read back from the file: its text could be anyone's SQL.
 */
static const struct {
	unsigned	 bit;
	const char	*name;
	const char	*drop;
} parkable[DB_PARK_MAX] = {
	{ DB_PARK_NAME, "account_by_name", "DROP INDEX account_by_name" },
	{ DB_PARK_RENEWAL, "account_by_renewal",
	    "DROP INDEX account_by_renewal" },
	{ DB_PARK_RENEWAL, "account_renewal_by_tam",
	    "DROP INDEX account_renewal_by_tam" },
	{ DB_PARK_TAM, "account_by_tam", "DROP INDEX account_by_tam" },
	{ DB_PARK_TAM, "account_at_risk_by_tam",
	    "DROP INDEX account_at_risk_by_tam" },
};

int
db_import_park(struct tam_db *db, struct db_parked *p, unsigned which,
    char **err)
{
	const char	*sql;
	int		 i;

	/* A server's indexes stay: its import is set-based (COPY). */
	if (dbi_is_pg(db))
		return 0;
	for (i = 0; i < DB_PARK_MAX; i++) {
		if (!(which & parkable[i].bit) || p->sql[i] != NULL)
			continue;
		/* Not in this schema: nothing to park. */
		if ((sql = dbi_schema_sql("index", parkable[i].name)) == NULL)
			continue;
		if (exec_one(db, parkable[i].drop, err) != 0)
			return -1;
		p->sql[i] = xstrdup(sql);
	}
	return 0;
}

int
db_import_unpark(struct tam_db *db, struct db_parked *p, unsigned which,
    char **err)
{
	int	i;

	for (i = 0; i < DB_PARK_MAX; i++) {
		if (!(which & parkable[i].bit) || p->sql[i] == NULL)
			continue;
		/* tam's own definition, as the migrations wrote it. */
		if (exec_one(db, p->sql[i], err) != 0)
			return -1;
		free(p->sql[i]);
		p->sql[i] = NULL;
	}
	return 0;
}

int
db_import_parked(const struct db_parked *p, unsigned which)
{
	int	i;

	for (i = 0; i < DB_PARK_MAX; i++)
		if ((which & parkable[i].bit) && p->sql[i] != NULL)
			return 1;
	return 0;
}

void
db_import_parked_release(struct db_parked *p)
{
	int	i;

	for (i = 0; i < DB_PARK_MAX; i++) {
		free(p->sql[i]);
		p->sql[i] = NULL;
	}
}

struct hash_row {
	int64_t	*id;
	int64_t	*hash;
};

static int
row_hash(void *arg, struct dbstmt *st)
{
	struct hash_row	*h = arg;

	*h->id = dbi_col_i64(st, 0);
	*h->hash = dbi_col_null(st, 1) ? 0 : dbi_col_i64(st, 1);
	return 0;
}

int
db_import_hash_by_sfid(struct tam_db *db, const char *sfid, int64_t *id,
    int64_t *hash, char **err)
{
	/* Two columns of the row the sfid index names: no account read. */
	static const char sql[] =
	    "SELECT id, import_hash FROM account WHERE sfid = :sfid";
	struct dbstmt	*st;
	struct hash_row	 h = { id, hash };

	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	dbi_text(st, ":sfid", sfid);
	return dbi_one(db, st, row_hash, &h, err);
}

int
db_import_hash_set(struct tam_db *db, int64_t id, int64_t hash, char **err)
{
	static const char sql[] =
	    "UPDATE account SET import_hash = :hash WHERE id = :id";
	struct dbstmt	*st;

	if ((st = dbi_stmt_id(db, sql, id, err)) == NULL)
		return -1;
	dbi_int(st, ":hash", hash);
	return dbi_done(db, st, err);
}

int
db_import_side_rows(struct tam_db *db, const char *author, int today,
    char **err)
{
	/*
	 * What account_create writes beside each new account, for all of
	 * them at once and the same to the byte: the sentiment post (at
	 * the account's creation, post_sentiment's text) and the health
	 * row of the day, in account order.  SQLite only (a server's
	 * import goes in batches with COPY): there a row without an id
	 * gets one past the largest rowid, the id NEXT_ID gives a row at a
	 * time, and no window numbers a million rows.
	 */
	static const char posts[] =
	    "INSERT INTO timeline (account_id, at, type, author, sentiment, "
	    "requires_triage, body) "
	    "SELECT a.id, a.created_at, 'sentiment', :author, a.sentiment, "
	    "a.requires_triage, 'Sentiment set to ' || a.sentiment || "
	    "CASE WHEN a.requires_triage = 1 THEN ' (requires triage)' "
	    "ELSE '' END FROM account a WHERE a.sentiment IS NOT NULL "
	    "ORDER BY a.id";
	static const char health[] =
	    "INSERT INTO health_history (account_id, date, health_score) "
	    "SELECT a.id, :date, a.health_score FROM account a "
	    "WHERE a.health_score IS NOT NULL ORDER BY a.id";
	/*
	 * The accounts carry their posts' time already
	 * (db_import_account_insert): the timeline's trigger would look
	 * each one up to find it so (a tenth of a load's time).  Dropped
	 * for the one statement and made again, as the migrations define
	 * it, in the same transaction.
	 */
	const char	*trigger = dbi_schema_sql("trigger",
	    "timeline_sentiment_posted");
	struct dbstmt	*st;

	if (dbi_is_pg(db) || trigger == NULL) {
		*err = xstrdup(trigger == NULL ? "internal error: no "
		    "timeline_sentiment_posted in the schema" : "internal "
		    "error: a server's import is batched");
		return -1;
	}
	if (exec_one(db, "DROP TRIGGER timeline_sentiment_posted", err) != 0 ||
	    (st = dbi_stmt(db, posts, err)) == NULL)
		return -1;
	dbi_text(st, ":author", author);
	if (dbi_done(db, st, err) != 0 || exec_one(db, trigger, err) != 0 ||
	    (st = dbi_stmt(db, health, err)) == NULL)
		return -1;
	dbi_date(st, ":date", today);
	return dbi_done(db, st, err);
}
