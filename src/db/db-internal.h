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
/* Steps a statement that returns no row; 0 or -1 with *err. */
int		 dbi_done(struct tam_db *, sqlite3_stmt *, char **err);

/* Named-parameter binders; NULL / DATE_NONE / has == 0 bind NULL. */
void	 dbi_text(sqlite3_stmt *, const char *name, const char *);
void	 dbi_int(sqlite3_stmt *, const char *name, int64_t);
void	 dbi_opt_int(sqlite3_stmt *, const char *name, int has, int64_t);
void	 dbi_date(sqlite3_stmt *, const char *name, int);
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
int64_t	 dbi_col_int(sqlite3_stmt *, int, int64_t if_null);

#endif
