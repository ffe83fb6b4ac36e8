/* db-internal.h: what the files of src/db/ share; nothing above sees it. */
#ifndef TAM_DB_INTERNAL_H
#define TAM_DB_INTERNAL_H

#include <stdint.h>

#include <sqlite3.h>

#include "tam/account.h"
#include "tam/db.h"

struct migration {
	int		 version;
	const char	*name;
	const char	*sql;
};

/* Generated at build time from sql/NNNN-*.sql (see Makefile). */
extern const struct migration	tam_migrations[];
extern const int		tam_nmigrations;

/*
 * The rows of one TAM: a search of account_by_tam (sql/0003-fold.sql).
 * A query with a TAM filter has two statements, one with TAM_FILTER and
 * one with ANY_TAM ("1", which the planner drops) in its place: an
 * "(:tam IS NULL OR ...)" would keep SQLite from using the index.  The
 * account table is "a"; the folded TAM name binds :tam_fold.
 */
#define TAM_FILTER	"a.tam_fold = :tam_fold"
#define ANY_TAM		"1"
#define TAM_STMT(tam, any, one)	((tam) != NULL ? (one) : (any))

/*
 * The columns of an account ("a") that dbi_read_account decodes into a
 * struct account from column i on (db-account.c); and those of a task
 * ("t", its account "a") for dbi_read_task (db-work.c), borrowed until
 * the next step.
 */
#define DBI_ACCOUNT_COLS \
	"a.id, a.sfid, a.name, a.tam, a.sal, a.sa, a.rsd, a.tam_manager, " \
	"a.acv_cents, a.currency, a.renewal_date, a.health_score, " \
	"a.sentiment, a.requires_triage, a.lifecycle_stage, a.upsell, " \
	"a.region, a.segment, a.objectives, a.licenses, a.active_users, " \
	"a.archived, a.created_at, a.updated_at"
#define DBI_NACCOUNT_COLS	24
#define DBI_TASK_COLS \
	"t.id, t.account_id, a.name, t.cta_id, t.kind, t.title, t.due, " \
	"t.status, t.done_at, t.note, t.created_at"
#define DBI_NTASK_COLS		11

/* Releases what a held and fills it with the copies of the row's. */
void	dbi_read_account(sqlite3_stmt *, int i, struct account *a);
/* Points t at the row's columns from i on. */
void	dbi_read_task(sqlite3_stmt *, int i, struct task *t);

/*
 * A row of sqlite_schema as the migrations up to version leave it, for
 * every version: generated at build time by tests/embed-schema.c, which
 * replays sql/ in memory.  db_open refuses a file whose schema is not
 * exactly the rows of its version; nothing tam executes is ever read
 * back from a file.
 */
struct schema_object {
	int		 version;
	const char	*type;
	const char	*name;
	const char	*tbl_name;
	const char	*sql;		/* NULL for an automatic index */
};

extern const struct schema_object	tam_schema[];
extern const int			tam_nschema;

struct stmt_slot {
	const char	*sql;	/* identity: the address of the literal */
	sqlite3_stmt	*st;
};

struct tam_db {
	sqlite3			*h;
	char			*path;
	struct stmt_slot	*slots;
	int			 nslots;
	int			 busy;	/* the last failure was a lock */
	int			 wal_after; /* WAL again after the commit */
};

/*
 * The CREATE statement of tam's own object of this type and name in the
 * current schema (from tam_schema, never from the file), or NULL.
 */
const char	*dbi_schema_sql(const char *type, const char *name);

/*
 * The prepared statement for sql, prepared once per connection and
 * reused: it comes back reset with its bindings cleared.  sql must be a
 * string literal (its address is the cache key).  NULL with *err.
 */
sqlite3_stmt	*dbi_stmt(struct tam_db *, const char *sql, char **err);
/*
 * Registers the SQL function fold(x) (text_fold) on the connection, for
 * the migration that fills the folded columns (sql/0003-fold.sql).
 */
int		 dbi_fold_register(struct tam_db *, char **err);
/* Sets *err from the connection's last error; returns -1. */
int		 dbi_fail(struct tam_db *, char **err);
/*
 * Reading rows: the one place that steps and resets a statement, so
 * that another engine could stand behind these few functions.  Each
 * leaves st reset (dbi_first with a row excepted); a step that fails
 * sets *err and returns -1.
 */
/* Steps a statement that returns no row; 0 or -1 with *err. */
int		 dbi_done(struct tam_db *, sqlite3_stmt *, char **err);
/* dbi_done, then the new row's id into *id: 0 or -1 with *err. */
int		 dbi_insert(struct tam_db *, sqlite3_stmt *, int64_t *id,
		     char **err);
/* dbi_done, then the number of rows it changed into *n. */
int		 dbi_changes(struct tam_db *, sqlite3_stmt *, int *n,
		     char **err);
/*
 * dbi_done for a statement meant to change one row: 0 when it did, 1
 * when it changed none (the row is gone or not in the state it needs).
 */
int		 dbi_done_one(struct tam_db *, sqlite3_stmt *, char **err);
/*
 * Reads the current row of st: its strings are borrowed until the next
 * step.  0 to go on; non-zero stops a walk and is what it returns.
 */
typedef int	(*dbi_row_fn)(void *arg, sqlite3_stmt *st);
/*
 * Steps st to its first row: 0 leaves that row current (its strings
 * valid until st's next use, which resets it), 1 when there is none.
 */
int		 dbi_first(struct tam_db *, sqlite3_stmt *, char **err);
/*
 * Hands the first row to fn and leaves it current, as dbi_first: what
 * fn points at stays valid until st's next use.  fn's value, 1 without
 * a row.
 */
int		 dbi_keep(struct tam_db *, sqlite3_stmt *, dbi_row_fn, void *,
		     char **err);
/* Hands the first row to fn and resets: fn's value, 1 without a row. */
int		 dbi_one(struct tam_db *, sqlite3_stmt *, dbi_row_fn, void *,
		     char **err);
/* The first column of the first row: an integer, an allocated copy. */
int		 dbi_one_int(struct tam_db *, sqlite3_stmt *, int64_t *,
		     char **err);
int		 dbi_one_dup(struct tam_db *, sqlite3_stmt *, char **,
		     char **err);
/*
 * Hands each row to fn until it returns non-zero: 0 at the end, else
 * fn's value; a failed step wins over it.
 */
int		 dbi_each(struct tam_db *, sqlite3_stmt *, dbi_row_fn, void *,
		     char **err);

/*
 * The number of the parameter name in st.  Unless NDEBUG, a name st
 * lacks aborts: binding it would silently bind nothing.
 */
int	 dbi_param(sqlite3_stmt *, const char *name);

/* Named-parameter binders; NULL / DATE_NONE / has == 0 bind NULL. */
void	 dbi_text(sqlite3_stmt *, const char *name, const char *);
void	 dbi_int(sqlite3_stmt *, const char *name, int64_t);
void	 dbi_opt_int(sqlite3_stmt *, const char *name, int has, int64_t);
void	 dbi_date(sqlite3_stmt *, const char *name, int);
/* Binds :tam_fold of the TAM_FILTER statement; nothing when tam is NULL. */
void	 dbi_tam(sqlite3_stmt *, const char *tam);
/*
 * The same by parameter number, for statements run once per row of a
 * large import, whose numbers are looked up once (see bind_account).
 */
void	 dbi_text_at(sqlite3_stmt *, int, const char *);
void	 dbi_opt_int_at(sqlite3_stmt *, int, int has, int64_t);
void	 dbi_date_at(sqlite3_stmt *, int, int);
/* Column readers: an allocated copy (NULL for NULL), a date, an int. */
char	*dbi_col_dup(sqlite3_stmt *, int);
const char *dbi_col_text(sqlite3_stmt *, int);
int	 dbi_col_date(sqlite3_stmt *, int);
/* A sentiment column (db-account.c): SENT_NONE for NULL. */
int	 dbi_col_sentiment(sqlite3_stmt *, int);
int64_t	 dbi_col_int(sqlite3_stmt *, int, int64_t if_null);

#endif
