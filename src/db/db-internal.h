/* db-internal.h: what the files of src/db/ share; nothing above sees it. */
#ifndef TAM_DB_INTERNAL_H
#define TAM_DB_INTERNAL_H

#include <stdint.h>

#include "tam/account.h"
#include "tam/db.h"

struct dbstmt;
struct engine;
struct import_stage;

struct migration {
	int		 version;
	const char	*name;
	const char	*sql;
};

/* Generated at build time from sql/NNNN-*.sql (see Makefile). */
extern const struct migration	tam_migrations[];
extern const int		tam_nmigrations;
/* The same versions for PostgreSQL, from sql/pg/NNNN-*.sql. */
extern const struct migration	tam_pg_migrations[];
extern const int		tam_pg_nmigrations;

/*
 * The rows of one TAM: a search of account_by_tam (sql/0005-one-tam.sql).
 * A query with a TAM filter has two statements, one with TAM_FILTER and
 * one with ANY_TAM ("TRUE", which the planner drops) in its place: an
 * "(:tam IS NULL OR ...)" would keep SQLite from using the index.  The
 * account table is "a"; the folded TAM name binds :tam_fold
 * (dbi_tam_stmt picks the statement and binds it).
 */
#define TAM_FILTER	"a.tam_fold = :tam_fold"
#define ANY_TAM		"TRUE"

/*
 * The id of a new row of table: one past the largest, which is what
 * SQLite gives a rowid by itself, written out so that a server gives
 * the same ids for the same commands (a sequence would not: it never
 * gives back what a rolled-back command took).  Writers take turns
 * (db_begin), so no two compute it at once.  The view table_ids
 * (sql/0005-ids.sql) sees every row, also where the login does not.
 */
#define NEXT_ID(table) \
	"(SELECT coalesce(max(id), 0) + 1 FROM " table "_ids), "

/*
 * The folded TAM a new CTA or task copies from its account (param: the
 * account's id), so that one TAM's work lies together in cta_by_tam and
 * task_by_tam (sql/0007-tam-pages.sql; a trigger follows a move).
 */
#define ACCOUNT_TAM_FOLD(param) \
	"(SELECT a.tam_fold FROM account a WHERE a.id = " param ")"

/*
 * The LIMIT of all the rows: SQLite reads -1 so, PostgreSQL refuses a
 * negative LIMIT.
 */
#define DBI_NO_LIMIT	INT64_MAX

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
void	dbi_read_account(struct dbstmt *, int i, struct account *a);
/* Points t at the row's columns from i on. */
void	dbi_read_task(struct dbstmt *, int i, struct task *t);

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

/*
 * The engines: what src/db/ needs of a database, with one implementation
 * on SQLite (engine-sqlite.c) and one on PostgreSQL (engine-pg.c).  Only
 * those two files include an engine's header; the rest of src/db/ is
 * the same SQL and C for both.
 */
enum dbt { DBT_NULL, DBT_INT, DBT_TEXT };

/* dbi_step: a row is current, or the statement has run to its end. */
#define DB_DONE	0
#define DB_ROW	1

/* A prepared statement; each engine's own extends this head. */
struct dbstmt {
	const struct engine	*eng;
	struct tam_db		*db;
	const char		*sql;	/* as tam wrote it */
};

struct engine {
	const char	*name;
	/* Prepares sql (tam's text: :name and ?N parameters). */
	int		(*prepare)(struct tam_db *, const char *sql,
			    struct dbstmt **, char **err);
	void		(*finalize)(struct dbstmt *);
	/* Ends a run; the bindings stay. */
	void		(*reset)(struct dbstmt *);
	void		(*clear)(struct dbstmt *);
	/* The number of :name, 0 when the statement has none. */
	int		(*param)(struct dbstmt *, const char *name);
	/* type: what the NULL stands for, so the server can type it. */
	void		(*bind_null)(struct dbstmt *, int, enum dbt type);
	void		(*bind_int)(struct dbstmt *, int, int64_t);
	void		(*bind_text)(struct dbstmt *, int, const char *);
	/* DB_ROW, DB_DONE, or -1 (the engine's error is kept for fail). */
	int		(*step)(struct dbstmt *);
	int		(*ncols)(struct dbstmt *);
	enum dbt	(*col_type)(struct dbstmt *, int);
	int64_t		(*col_int)(struct dbstmt *, int);
	const char	*(*col_text)(struct dbstmt *, int);
	/* The rows the last run changed. */
	int64_t		(*changes)(struct dbstmt *);
	/* Sets *err (and db->busy) from the last failure; returns -1. */
	int		(*fail)(struct tam_db *, char **err);
	/* Runs SQL of tam's own that returns no rows. */
	int		(*exec)(struct tam_db *, const char *sql, char **err);
	int		(*begin)(struct tam_db *, int write, char **err);
	int		(*commit)(struct tam_db *, char **err);
	void		(*rollback)(struct tam_db *);
	void		(*close)(struct tam_db *);
	/*
	 * Runs sql, tam's own COPY ... FROM STDIN, with data (len bytes,
	 * COPY's text format) as its input; *rows: the rows it took.  The
	 * server only: NULL on SQLite.
	 */
	int		(*copy_in)(struct tam_db *, const char *sql,
			    const char *data, size_t len, int64_t *rows,
			    char **err);
};

extern const struct engine	engine_sqlite;
extern const struct engine	engine_pg;

/* Opens a database of either engine (the engines' db_open halves). */
int	lite_open(const char *path, struct tam_db **, char **warn,
	    char **err);
int	pg_open(const char *conninfo, struct tam_db **, char **err);
/* Read-only, for completion: NULL when it is not a tam database. */
struct tam_db *lite_open_readonly(const char *path);
struct tam_db *pg_open_readonly(const char *conninfo);

struct stmt_slot {
	const char	*sql;	/* identity: the address of the literal */
	struct dbstmt	*st;
};

struct tam_db {
	const struct engine	*eng;
	char			*path;	/* for messages; a URI without password */
	struct stmt_slot	*slots;
	int			 nslots;
	int			 busy;	/* the last failure was a lock */
	int			 retry;	/* ... one a new try may not meet */
	struct sqlite3		*h;	/* SQLite's connection */
	int			 wal_after; /* WAL again after the commit */
	struct pg_conn		*pg;	/* PostgreSQL's connection */
	int			 pg_nstmt;  /* statements prepared on it */
	char			*pg_error;  /* the last failure's message */
	char			 pg_state[6]; /* and its SQLSTATE */
	char			*login;	/* a server's: who is connected */
	enum db_role		 role;	/* ... and as what */
	char			*login_tam; /* ... a TAM login's TAM name */
	struct import_stage	*stage;	/* an import's batch (db-import-pg.c) */
};

/*
 * An import's batch on a server (db-import-pg.c): while db->stage is
 * set, the functions an import row calls answer from it and write to it
 * (they call these first).  The lookups return 0 (found), 1 (none) or
 * -1 with *err; dbi_stage_by_fold sets *ids (allocated) and *n as
 * db_account_by_name does, only the accounts without an ID when
 * unlinked.  dbi_stage_archived: 1 with *archived when the batch holds
 * the account, else 0.
 */
int	dbi_stage_get(struct tam_db *, int64_t id, struct account *,
	    char **err);
int	dbi_stage_by_sfid(struct tam_db *, const char *sfid, struct account *,
	    int64_t *id, char **err);
int	dbi_stage_by_fold(struct tam_db *, const char *fold, int unlinked,
	    int max, int64_t **ids, int *n, char **err);
int	dbi_stage_archived(struct tam_db *, int64_t id, int *archived);
int	dbi_stage_insert(struct tam_db *, struct account *, const char *now,
	    char **err);
int	dbi_stage_update(struct tam_db *, const struct account *,
	    const char *now, char **err);
int	dbi_stage_post(struct tam_db *, struct post *, char **err);
int	dbi_stage_health(struct tam_db *, int64_t account_id, int date,
	    int score, char **err);
/*
 * Waits for the stage's worker, which sends a batch on the connection
 * in the background (0, or its failure); at once in the worker itself.
 * Every statement calls it first (dbi_stmt, dbi_exec, dbi_once_dup).
 */
int	dbi_stage_idle(struct tam_db *, char **err);

/*
 * The CREATE statement of tam's own object of this type and name in the
 * current schema (from tam_schema, never from the file), or NULL.
 */
const char	*dbi_schema_sql(const char *type, const char *name);

/*
 * The prepared statement for sql, prepared once per connection and
 * reused: it comes back reset with its bindings cleared.  sql must be a
 * string literal (its address is the cache key).  NULL with *err: the
 * binders and readers below take that NULL as it is (they bind nothing,
 * and the step that runs it returns -1 with that *err), so a function
 * checks once, at the step, and not after each call.
 */
struct dbstmt	*dbi_stmt(struct tam_db *, const char *sql, char **err);
/* Sets *err from the connection's last error; returns -1. */
int		 dbi_fail(struct tam_db *, char **err);
/* Runs SQL of tam's own that returns no rows: 0 or -1 with *err. */
int		 dbi_exec(struct tam_db *, const char *sql, char **err);
/* TAM_BUSY_TIMEOUT, or the default: how long to wait for a lock, ms. */
int		 dbi_busy_timeout(void);
/*
 * On a server: waits, up to the busy timeout, for the lock that lets
 * one import run at a time (held to the end of the transaction).
 */
int		 dbi_pg_import_lock(struct tam_db *, char **err);
/* Is this the PostgreSQL engine?  For the few things only one has. */
int		 dbi_is_pg(const struct tam_db *);
/*
 * Reading rows: the one place that steps and resets a statement, so
 * that another engine could stand behind these few functions.  Each
 * leaves st reset (dbi_first with a row excepted); a step that fails
 * sets *err and returns -1.
 */
/* Steps a statement that returns no row; 0 or -1 with *err. */
int		 dbi_done(struct tam_db *, struct dbstmt *, char **err);
/* dbi_done, then the new row's id into *id: 0 or -1 with *err. */
int		 dbi_insert(struct tam_db *, struct dbstmt *, int64_t *id,
		     char **err);
/* dbi_done, then the number of rows it changed into *n. */
int		 dbi_changes(struct tam_db *, struct dbstmt *, int *n,
		     char **err);
/*
 * dbi_done for a statement meant to change one row: 0 when it did, 1
 * when it changed none (the row is gone or not in the state it needs).
 */
int		 dbi_done_one(struct tam_db *, struct dbstmt *, char **err);
/*
 * Reads the current row of st: its strings are borrowed until the next
 * step.  0 to go on; non-zero stops a walk and is what it returns.
 */
typedef int	(*dbi_row_fn)(void *arg, struct dbstmt *st);
/*
 * Steps st to its first row: 0 leaves that row current (its strings
 * valid until st's next use, which resets it), 1 when there is none.
 */
int		 dbi_first(struct tam_db *, struct dbstmt *, char **err);
/* Hands the first row to fn and resets: fn's value, 1 without a row. */
int		 dbi_one(struct tam_db *, struct dbstmt *, dbi_row_fn, void *,
		     char **err);
/* The first column of the first row: an integer, an allocated copy. */
int		 dbi_one_int(struct tam_db *, struct dbstmt *, int64_t *,
		     char **err);
int		 dbi_one_dup(struct tam_db *, struct dbstmt *, char **,
		     char **err);
/*
 * The first column of the one row of sql, prepared for this once and
 * not kept: 0, or -1 with *err (no row is an error too).
 */
int		 dbi_once_dup(struct tam_db *, const char *sql, char **,
		     char **err);
/*
 * Hands each row to fn until it returns non-zero: 0 at the end, else
 * fn's value; a failed step wins over it.
 */
int		 dbi_each(struct tam_db *, struct dbstmt *, dbi_row_fn, void *,
		     char **err);
/*
 * dbi_next steps st: DB_ROW with the next row current, else DB_DONE
 * (0) at the end or -1 on a failure, st reset either way.  dbi_stop
 * resets st left at a row and returns rc.  DBI_WALK is the loop.
 */
int		 dbi_next(struct tam_db *, struct dbstmt *, char **err);
int		 dbi_stop(struct dbstmt *, int rc);

/*
 * A row reader, read(st, i, &row), decodes the columns of st's current
 * row from column i on into one struct (its strings borrowed until the
 * next step, unless it copies them); a row of a join is read by the
 * readers of its tables, one after the other.  These two define, for a
 * struct type and its reader, the typed functions every query of that
 * struct shares, so that a caller's fn takes its own struct and needs
 * no adapter from a void *:
 *
 * DBI_WALK(name, type, read) defines
 *	static int name(struct tam_db *, struct dbstmt *st,
 *	    int (*fn)(void *, const type *), void *arg, char **err);
 * which hands each row of st to fn until fn returns non-zero: 0 at the
 * end, else fn's value, or -1 with *err for a failed step.
 *
 * DBI_FIRST(name, type, read) defines
 *	static int name(struct tam_db *, struct dbstmt *st, type *row,
 *	    char **err);
 * which reads the first row of st into row, as dbi_first leaves it
 * current: 0, 1 without a row, or -1 with *err.
 */
#define DBI_WALK(name, type, read)					\
static int								\
name(struct tam_db *db, struct dbstmt *st,				\
    int (*fn)(void *, const type *), void *arg, char **err)		\
{									\
	type	row;							\
	int	rc;							\
									\
	while ((rc = dbi_next(db, st, err)) == DB_ROW) {		\
		read(st, 0, &row);					\
		if ((rc = fn(arg, &row)) != 0)				\
			return dbi_stop(st, rc);			\
	}								\
	return rc;							\
}
#define DBI_FIRST(name, type, read)					\
static int								\
name(struct tam_db *db, struct dbstmt *st, type *row, char **err)	\
{									\
	int	rc;							\
									\
	if ((rc = dbi_first(db, st, err)) == 0)				\
		read(st, 0, row);					\
	return rc;							\
}
/*
 * The statement of sql with :id bound: the rows' own, or NULL with
 * *err.  dbi_done_one_id runs it as dbi_done_one does.
 */
struct dbstmt	*dbi_stmt_id(struct tam_db *, const char *sql, int64_t id,
		     char **err);
int		 dbi_done_one_id(struct tam_db *, const char *sql, int64_t id,
		     char **err);
/*
 * The statement one (its rows of the TAM whose folded name is tam,
 * :tam_fold bound) or, tam NULL, any (every TAM's): see TAM_FILTER.
 */
struct dbstmt	*dbi_tam_stmt(struct tam_db *, const char *tam,
		     const char *any, const char *one, char **err);

/*
 * The number of the parameter name in st.  Unless NDEBUG, a name st
 * lacks aborts: binding it would silently bind nothing.
 */
int	 dbi_param(struct dbstmt *, const char *name);

/* Named-parameter binders; NULL / DATE_NONE / has == 0 bind NULL. */
void	 dbi_text(struct dbstmt *, const char *name, const char *);
void	 dbi_int(struct dbstmt *, const char *name, int64_t);
void	 dbi_opt_int(struct dbstmt *, const char *name, int has, int64_t);
void	 dbi_date(struct dbstmt *, const char *name, int);
/* Binds :tam_fold of the TAM_FILTER statement; nothing when tam is NULL. */
void	 dbi_tam(struct dbstmt *, const char *tam);
/*
 * The same by parameter number, for statements run once per row of a
 * large import, whose numbers are looked up once (see bind_account).
 */
void	 dbi_text_at(struct dbstmt *, int, const char *);
void	 dbi_int_at(struct dbstmt *, int, int64_t);
void	 dbi_null_at(struct dbstmt *, int);
void	 dbi_opt_int_at(struct dbstmt *, int, int has, int64_t);
void	 dbi_date_at(struct dbstmt *, int, int);
/* Column readers: an allocated copy (NULL for NULL), a date, an int. */
char	*dbi_col_dup(struct dbstmt *, int);
const char *dbi_col_text(struct dbstmt *, int);
int	 dbi_col_date(struct dbstmt *, int);
/* A sentiment column (db-account.c): SENT_NONE for NULL. */
int	 dbi_col_sentiment(struct dbstmt *, int);
int64_t	 dbi_col_int(struct dbstmt *, int, int64_t if_null);
/* The value of an integer column (0 for NULL), and whether it is NULL. */
int64_t	 dbi_col_i64(struct dbstmt *, int);
int	 dbi_col_i32(struct dbstmt *, int);
int	 dbi_col_null(struct dbstmt *, int);
enum dbt dbi_col_type(struct dbstmt *, int);
int	 dbi_ncols(struct dbstmt *);

/*
 * The members of struct engine that both engines name alike, p_prepare
 * and so on for prefix p (lite, pg); each engine's table adds its name,
 * its exec and what only it has.
 */
#define DBI_ENGINE_OPS(p)						\
	.prepare = p##_prepare,						\
	.finalize = p##_finalize,					\
	.reset = p##_reset,						\
	.clear = p##_clear,						\
	.param = p##_param,						\
	.bind_null = p##_bind_null,					\
	.bind_int = p##_bind_int,					\
	.bind_text = p##_bind_text,					\
	.step = p##_step,						\
	.ncols = p##_ncols,						\
	.col_type = p##_col_type,					\
	.col_int = p##_col_int,						\
	.col_text = p##_col_text,					\
	.changes = p##_changes,						\
	.fail = p##_fail,						\
	.begin = p##_begin,						\
	.commit = p##_commit,						\
	.rollback = p##_rollback,					\
	.close = p##_close

/*
 * A column table: the reader of a struct whose columns each go to one
 * member, by their kind, as the reader functions above would write them
 * one line a column (db.c; db-work.c reads CTAs and tasks so, db-sched.c
 * the accounts of due's rows, db-account.c posts).
 * dbi_read_cols decodes the current row of st from column i on, one
 * column an entry (DBI_SET reads the column that the entry after it
 * reads again), into the struct at row.  Its strings are borrowed until
 * the next step.  Unless NDEBUG, a member whose size is not its kind's
 * aborts, as a missing parameter does (dbi_param).
 */
enum dbi_kind {
	DBI_I64,	/* int64_t: dbi_col_i64 (0 for NULL) */
	DBI_ID,		/* int64_t: dbi_col_int, 0 for NULL */
	DBI_I32,	/* int: dbi_col_i32 */
	DBI_TEXT,	/* const char *: dbi_col_text */
	DBI_DATE,	/* int: dbi_col_date */
	DBI_SENTIMENT,	/* int: dbi_col_sentiment */
	DBI_DAY,	/* int: the day of a UTC instant (clock_stamp_day) */
	DBI_SET		/* int: whether the next entry's column is not NULL */
};
struct dbi_col {
	enum dbi_kind	 kind;
	size_t		 off;	/* offsetof the member */
	size_t		 size;	/* its size: checked against kind */
};
#define DBI_COL(kind, type, member) \
	{ kind, offsetof(type, member), sizeof ((type *)0)->member }
void	dbi_read_cols(struct dbstmt *, int i, void *row,
	    const struct dbi_col *, size_t ncols);

/*
 * Binds what an UPDATE that closes a task or a CTA writes: its status
 * (:status) and the timestamp of its closing (:at), db-work.c.
 */
void	dbi_bind_close(struct dbstmt *, const char *status, const char *at);
/*
 * Binds the Risk Type (:type) and Risk Reason (:reason) of an At-Risk
 * CTA, which a new one and an update write (db-work.c).
 */
void	dbi_bind_risk(struct dbstmt *, const char *type, const char *reason);

#endif
