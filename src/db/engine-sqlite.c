/*
 * engine-sqlite.c: the SQLite engine.  Opening (a file is checked before
 * it is trusted), creating, migrating and transactions; statements and
 * rows for the rest of src/db/ (db-internal.h).
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "tam/date.h"
#include "tam/text.h"
#include "db-internal.h"

/* 'TAM1': lets tam tell its own file from any other SQLite file. */
#define TAM_APPLICATION_ID 0x54414d31

/* How long a lock is waited for: dbi_busy_timeout (db.c). */

struct lite_stmt {
	struct dbstmt	 head;
	sqlite3_stmt	*st;
	int		 returning;	/* "RETURNING id" answered here */
	int		 gave_id;	/* that row was stepped to */
};

/*
 * An INSERT's "RETURNING id" (written for both engines) makes SQLite
 * collect the row in a table of its own and run the statement with a
 * statement journal: at a million rows of an import that was a third of
 * its time.  The statement is prepared without it and the row is the
 * connection's last rowid, the id of a table whose id is its rowid.
 * For an INSERT of one row (tam's all are), not an upsert.
 */
static const char returning_id[] = " RETURNING id";

#define LITE(s)	(((struct lite_stmt *)(void *)(s))->st)

const char *
db_sqlite_version(void)
{
	return sqlite3_libversion();
}

static int
lite_fail(struct tam_db *db, char **err)
{
	int	code = sqlite3_extended_errcode(db->h) & 0xff, sys;

	db->busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
	/* The file is writable but its folder is not: no -wal, no -shm. */
	if (sqlite3_extended_errcode(db->h) == SQLITE_READONLY_DIRECTORY) {
		*err = xasprintf("cannot use database '%s': its folder is "
		    "read-only and tam must create '%s-wal' beside it (check "
		    "the folder's permissions)", db->path, db->path);
		return -1;
	}
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		*err = xasprintf("database '%s' is busy: another tam kept it "
		    "locked too long; try again", db->path);
		break;
	case SQLITE_READONLY:
		*err = xasprintf("cannot write database '%s': it is "
		    "read-only (check its permissions)", db->path);
		break;
	case SQLITE_FULL:
		*err = xasprintf("cannot write database '%s': the disk is "
		    "full; nothing was changed", db->path);
		break;
	case SQLITE_IOERR:
		/*
		 * SQLite says "disk I/O error"; a full disk (a -shm or -wal
		 * that cannot grow) deserves its own words.  The system
		 * errno is only a hint (a later call may have set it), so
		 * it is not printed.
		 */
		if ((sys = sqlite3_system_errno(db->h)) == ENOSPC ||
		    sys == EDQUOT)
			*err = xasprintf("cannot write database '%s': the disk "
			    "is full; nothing was changed", db->path);
		else
			*err = xasprintf("I/O error on database '%s': %s",
			    db->path, sqlite3_errmsg(db->h));
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		*err = xasprintf("database '%s' is corrupt or not a tam "
		    "database", db->path);
		break;
	default:
		*err = xasprintf("database: %s", sqlite3_errmsg(db->h));
		break;
	}
	return -1;
}


static int
lite_prepare(struct tam_db *db, const char *sql, struct dbstmt **out,
    char **err)
{
	struct lite_stmt	*ls;
	sqlite3_stmt		*st;
	size_t			 n = strlen(sql), k = sizeof returning_id - 1;
	int			 returning;

	/* An upsert's row may be an UPDATE's: not the last rowid. */
	returning = strncmp(sql, "INSERT ", 7) == 0 && n > k &&
	    strcmp(sql + n - k, returning_id) == 0 &&
	    strstr(sql, " ON CONFLICT ") == NULL;
	if (sqlite3_prepare_v3(db->h, sql, returning ? (int)(n - k) : -1,
	    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		return lite_fail(db, err);
	ls = xcalloc(1, sizeof *ls);
	ls->returning = returning;
	ls->head.eng = &engine_sqlite;
	ls->head.db = db;
	ls->head.sql = sql;
	ls->st = st;
	*out = &ls->head;
	return 0;
}

static void
lite_finalize(struct dbstmt *s)
{
	sqlite3_finalize(LITE(s));
	free(s);
}

static void
lite_reset(struct dbstmt *s)
{
	((struct lite_stmt *)(void *)s)->gave_id = 0;
	sqlite3_reset(LITE(s));
}

static void
lite_clear(struct dbstmt *s)
{
	sqlite3_clear_bindings(LITE(s));
}

static int
lite_param(struct dbstmt *s, const char *name)
{
	return sqlite3_bind_parameter_index(LITE(s), name);
}

static void
lite_bind_null(struct dbstmt *s, int i, enum dbt type)
{
	(void)type;
	sqlite3_bind_null(LITE(s), i);
}

static void
lite_bind_int(struct dbstmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(LITE(s), i, v);
}

static void
lite_bind_text(struct dbstmt *s, int i, const char *v)
{
	sqlite3_bind_text(LITE(s), i, v, -1, SQLITE_TRANSIENT);
}

static int
lite_step(struct dbstmt *s)
{
	struct lite_stmt	*ls = (struct lite_stmt *)(void *)s;
	int			 rc;

	if (ls->gave_id)
		return DB_DONE;
	rc = sqlite3_step(ls->st);
	/* The row of "RETURNING id": one when the INSERT wrote one. */
	if (ls->returning && rc == SQLITE_DONE &&
	    sqlite3_changes(s->db->h) > 0) {
		ls->gave_id = 1;
		return DB_ROW;
	}
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	/*
	 * The error goes to lite_fail now: a reset may replace the
	 * connection's message with another.
	 */
	return -1;
}

static int
lite_ncols(struct dbstmt *s)
{
	if (((struct lite_stmt *)(void *)s)->returning)
		return 1;
	return sqlite3_column_count(LITE(s));
}

static enum dbt
lite_col_type(struct dbstmt *s, int i)
{
	if (((struct lite_stmt *)(void *)s)->gave_id)
		return i == 0 ? DBT_INT : DBT_NULL;
	switch (sqlite3_column_type(LITE(s), i)) {
	case SQLITE_NULL:
		return DBT_NULL;
	case SQLITE_INTEGER:
		return DBT_INT;
	default:
		/* A REAL or BLOB is no value of tam's: a wrong type. */
		return sqlite3_column_type(LITE(s), i) == SQLITE_TEXT ?
		    DBT_TEXT : (enum dbt)-1;
	}
}

static int64_t
lite_col_int(struct dbstmt *s, int i)
{
	if (((struct lite_stmt *)(void *)s)->gave_id)
		return i == 0 ? sqlite3_last_insert_rowid(s->db->h) : 0;
	return sqlite3_column_int64(LITE(s), i);
}

static const char *
lite_col_text(struct dbstmt *s, int i)
{
	if (((struct lite_stmt *)(void *)s)->gave_id)
		return NULL;
	return (const char *)sqlite3_column_text(LITE(s), i);
}

static int64_t
lite_changes(struct dbstmt *s)
{
	return sqlite3_changes(s->db->h);
}


static void
sql_fold(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	const unsigned char	*s;
	char			*f;

	(void)argc;
	if ((s = sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(c);
		return;
	}
	f = text_fold_n((const char *)s, (size_t)sqlite3_value_bytes(argv[0]));
	sqlite3_result_text(c, f, -1, free);
}

/*
 * Registers the SQL function fold(x) (text_fold) on the connection, for
 * the migration that fills the folded columns (sql/0003-fold.sql).
 */
static int
fold_register(struct tam_db *db, char **err)
{
	/* DIRECTONLY: no schema object may call it (see 0003-fold.sql). */
	if (sqlite3_create_function(db->h, "fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, sql_fold, NULL,
	    NULL) != SQLITE_OK)
		return lite_fail(db, err);
	return 0;
}

/* Creates the missing folders of path, mode 0700. */
static int
make_parents(const char *path, char **err)
{
	char	*dir = xstrdup(path), *p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*err = xasprintf("cannot create folder '%s': %s", dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Makes a new name in the folder of path lasting (best effort). */
static void
sync_folder(const char *path)
{
	char	*dir = xstrdup(path), *slash;
	int	 fd;

	if ((slash = strrchr(dir, '/')) == NULL)
		strcpy(dir, ".");
	else	/* "/x.db": the folder is "/" */
		slash[slash == dir] = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * The name SQLite is given for path.  URI filenames are off (see
 * configure_sqlite), so only ":memory:" means anything but a file to
 * SQLite; "./:memory:" is the file of that name.
 */
static const char *
sqlite_name(const char *path)
{
	return strcmp(path, ":memory:") == 0 ? "./:memory:" : path;
}

static int
pragma_int(struct tam_db *db, const char *sql, int *out, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return lite_fail(db, err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else
		lite_fail(db, err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int
exec_sql(struct tam_db *db, const char *sql, char **err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return lite_fail(db, err);
	return 0;
}

/*
 * What every connection is set to before it reads the file: a database
 * file is data, never code.  Defensive mode refuses what edits a schema
 * by hand (writable_schema) or corrupts a file on purpose; no ATTACH, so
 * no statement can reach another file; with trusted_schema off, the
 * views, triggers and indexes of a file may call only functions declared
 * harmless.
 *
 * Application functions (sqlite3_create_function) are registered here,
 * on every connection, and declared with care: one that a migration's
 * schema calls (an index on an expression, a generated column, a
 * trigger) must be a pure function of its arguments and flagged
 * SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, or SQLite refuses to use it
 * from the schema; any other one gets SQLITE_DIRECTONLY, so that only
 * tam's own statements can call it.  tests/embed-schema.c stands in for
 * them when it replays the migrations at build time.
 */
static int
configure_connection(struct tam_db *db, char **err)
{
	sqlite3_busy_timeout(db->h, dbi_busy_timeout());
	if (sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1,
	    NULL) != SQLITE_OK ||
	    sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0,
	    NULL) != SQLITE_OK ||
	    sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    NULL) != SQLITE_OK)
		return lite_fail(db, err);
	sqlite3_limit(db->h, SQLITE_LIMIT_ATTACHED, 0);
	/* fold(): the migration that backfills the folded names calls it. */
	if (fold_register(db, err) != 0)
		return -1;
	return exec_sql(db, "PRAGMA foreign_keys = ON", err);
}

const char *
dbi_schema_sql(const char *type, const char *name)
{
	int	i, v = db_schema_version();

	for (i = 0; i < tam_nschema; i++)
		if (tam_schema[i].version == v &&
		    strcmp(tam_schema[i].type, type) == 0 &&
		    strcmp(tam_schema[i].name, name) == 0)
			return tam_schema[i].sql;
	return NULL;
}

static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The statistics ANALYZE keeps: data for the planner, no code. */
static int
analyze_table(const char *type, const char *name, const char *sql)
{
	return sql != NULL && strcmp(type, "table") == 0 &&
	    strcmp(name, "sqlite_stat1") == 0 &&
	    strcmp(sql, "CREATE TABLE sqlite_stat1(tbl,idx,stat)") == 0;
}

struct schema_walk {
	int	 first, n;	/* the rows of tam_schema of the version */
	int	 matched;
	char	*seen;
	int	 ok;
};

/* Checks one row of sqlite_schema; stops at the first that is wrong. */
static int
row_schema(struct schema_walk *w, sqlite3_stmt *st)
{
	const struct schema_object *o;
	const char		*type, *name;
	int			 i;

	type = (const char *)sqlite3_column_text(st, 0);
	name = (const char *)sqlite3_column_text(st, 1);
	if (type == NULL || name == NULL) {
		w->ok = 0;
		return 1;
	}
	for (i = 0; i < w->n; i++)
		if (strcmp(tam_schema[w->first + i].name, name) == 0)
			break;
	if (i == w->n) {
		w->ok = analyze_table(type, name,
		    (const char *)sqlite3_column_text(st, 3));
		return !w->ok;
	}
	o = &tam_schema[w->first + i];
	if (w->seen[i] || strcmp(o->type, type) != 0 ||
	    !same_text(o->tbl_name,
	    (const char *)sqlite3_column_text(st, 2)) ||
	    !same_text(o->sql, (const char *)sqlite3_column_text(st, 3)))
		w->ok = 0;
	w->seen[i] = 1;
	w->matched++;
	return !w->ok;
}

/*
 * Whether the schema of the file is exactly the one tam's migrations
 * leave at version (tam_schema): every table, index, trigger and view,
 * by type, name, table and CREATE text, none missing and none more.
 * *ok is 0 for anything else; -1 only when the file cannot be read.
 */
static int
check_schema(struct tam_db *db, int version, int *ok, char **err)
{
	static const char	 q[] =
	    "SELECT type, name, tbl_name, sql FROM sqlite_schema";
	struct schema_walk	 w = { -1, 0, 0, NULL, 1 };
	sqlite3_stmt		*st;
	int			 i, rc;

	for (i = 0; i < tam_nschema; i++)
		if (tam_schema[i].version == version) {
			if (w.first == -1)
				w.first = i;
			w.n++;
		}
	if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
		return lite_fail(db, err);
	w.seen = xcalloc((size_t)w.n + 1, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row_schema(&w, st) != 0)
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		lite_fail(db, err);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	free(w.seen);
	if (rc < 0)
		return -1;
	*ok = w.ok && w.matched == w.n;
	return 0;
}

/*
 * Refuses a file that is SQLite but not tam's, one from a newer tam, and
 * one whose schema is not what tam made for its version: edited by hand
 * or by another program, it could make tam run SQL that is not tam's.
 * *version is 0 for a new, empty file.
 */
static int
check_identity(struct tam_db *db, int *version, char **err)
{
	int	appid = 0, ok = 0;

	if (pragma_int(db, "PRAGMA application_id", &appid, err) != 0 ||
	    pragma_int(db, "PRAGMA user_version", version, err) != 0)
		return -1;
	if (appid == TAM_APPLICATION_ID && *version > db_schema_version()) {
		*err = xasprintf("database '%s' was written by a newer tam "
		    "(schema %d, this tam knows up to %d); upgrade tam",
		    db->path, *version, db_schema_version());
		return -1;
	}
	if (appid != TAM_APPLICATION_ID)
		*version = 0;
	if (appid != TAM_APPLICATION_ID && appid != 0)
		ok = 0;
	else if (check_schema(db, *version, &ok, err) != 0)
		return -1;
	if (!ok && appid == TAM_APPLICATION_ID) {
		*err = xasprintf("'%s' is not a tam database, or altered by "
		    "another program; give another file with --db", db->path);
		return -1;
	}
	if (!ok) {
		*err = xasprintf("'%s' is not a tam database; give another "
		    "file with --db", db->path);
		return -1;
	}
	return 0;
}

/* Applies the migrations past version, inside the caller's transaction. */
static int
upgrade(struct tam_db *db, int version, char **err)
{
	char	sql[96];
	int	i;

	for (i = 0; i < tam_nmigrations; i++) {
		if (tam_migrations[i].version <= version)
			continue;
		if (exec_sql(db, tam_migrations[i].sql, err) != 0)
			return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
	    "PRAGMA user_version = %d", TAM_APPLICATION_ID,
	    db_schema_version());
	return exec_sql(db, sql, err);
}

/* Applies the migrations past the file's version in one transaction. */
static int
migrate(struct tam_db *db, char **err)
{
	int	 version;

	if (check_identity(db, &version, err) != 0)
		return -1;
	if (version == db_schema_version())
		return 0;
	if (sqlite3_db_readonly(db->h, "main") == 1) {
		*err = xasprintf("database '%s' needs an upgrade but is "
		    "read-only", db->path);
		return -1;
	}
	if (exec_sql(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	/* Another tam may have migrated while we waited for the lock. */
	if (check_identity(db, &version, err) != 0 ||
	    upgrade(db, version, err) != 0 ||
	    exec_sql(db, "COMMIT", err) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * Puts a new database at path that no other process can see half made:
 * the schema is built in a temporary file beside it (0600, WAL), and
 * link() gives it the name only if the name is still free.  When another
 * tam got there first, its file stays and ours goes: path itself is
 * never removed, so nothing another process wrote there can be lost.
 */
static int
create_database(const char *path, char **err)
{
	struct tam_db	 tmp;
	char		*name;
	int		 fd, rc = -1;

	if (make_parents(path, err) != 0)
		return -1;
	name = xasprintf("%s.new.XXXXXX", path);
	if ((fd = mkstemp(name)) == -1) {
		*err = xasprintf("cannot create database '%s': %s", path,
		    strerror(errno));
		free(name);
		return -1;
	}
	memset(&tmp, 0, sizeof tmp);
	tmp.eng = &engine_sqlite;
	tmp.path = xstrdup(path);
	if (sqlite3_open_v2(name, &tmp.h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK) {
		if (tmp.h != NULL)
			lite_fail(&tmp, err);
		else
			*err = xasprintf("cannot create database '%s'", path);
		goto out;
	}
	/* A file no one else sees needs no -journal until it is done. */
	if (configure_connection(&tmp, err) != 0 ||
	    exec_sql(&tmp, "PRAGMA journal_mode = MEMORY", err) != 0 ||
	    exec_sql(&tmp, "BEGIN IMMEDIATE", err) != 0 ||
	    upgrade(&tmp, 0, err) != 0 ||
	    exec_sql(&tmp, "COMMIT", err) != 0 ||
	    exec_sql(&tmp, "PRAGMA journal_mode = WAL", err) != 0)
		goto out;
	/* Closing checkpoints: all of it is in the file, no -wal left. */
	if (sqlite3_close(tmp.h) != SQLITE_OK) {
		lite_fail(&tmp, err);
		goto out;
	}
	tmp.h = NULL;
	if (fsync(fd) != 0 || (link(name, path) != 0 && errno != EEXIST)) {
		*err = xasprintf("cannot create database '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	sync_folder(path);
	rc = 0;
out:
	/* SQLite's locks go with any close of the file: it closes first. */
	sqlite3_close(tmp.h);
	close(fd);
	unlink(name);
	free(name);
	free(tmp.path);
	return rc;
}

/*
 * Looks at the file before SQLite does, which would put a -journal
 * beside /dev/null, adopt an empty file that others may write, or call a
 * damaged header read-only.  *warn is set for a database other users can
 * read.
 */
static int
check_file(const char *path, char **warn, char **err)
{
	static const char	 magic[16] = "SQLite format 3";
	struct stat		 st;
	unsigned char		 h[100];
	ssize_t			 n;
	int			 fd;

	if (stat(path, &st) != 0) {
		*err = xasprintf("cannot open database '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf("cannot use '%s' as a database: it is not a "
		    "regular file; give another path with --db", path);
		return -1;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*err = xasprintf("cannot open database '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0 && st.st_uid != geteuid()) {
		*err = xasprintf("will not make '%s' a database: it belongs "
		    "to another user; remove it or give another path with "
		    "--db", path);
		return -1;
	}
	if (n == 0 && (st.st_mode & 022) != 0) {
		*err = xasprintf("will not make '%s' a database: other users "
		    "may write it; chmod 600 '%s' first, or give another path "
		    "with --db", path, path);
		return -1;
	}
	if (n != 0 && (n != (ssize_t)sizeof h ||
	    memcmp(h, magic, sizeof magic) != 0 ||
	    h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2)) {
		*err = xasprintf("database '%s' is corrupt or not a tam "
		    "database", path);
		return -1;
	}
	if ((st.st_mode & 066) != 0)
		*warn = xasprintf("database '%s' is open to other users "
		    "(mode %03o); chmod 600 '%s' makes it private", path,
		    (unsigned)(st.st_mode & 0777), path);
	return 0;
}

/*
 * No initial bulk allocation per page cache.  The CHECK (x IN (...))
 * constraints of the schema make SQLite build a small ephemeral table
 * for every row inserted, each with its own page cache; the default
 * 20-page bulk (87 KB) at the top of the heap made glibc grow and trim
 * the heap on every insert (sync of 25,000 renewal CTAs: 2 minutes, 5 s
 * without).  No URI filenames: a path is a path, "file:x?mode=memory"
 * included.  No memory statistics: they take a global mutex on every
 * allocation and free, dozens a row of an import (9% of its time), and
 * tam never reads them.  Must run before SQLite initialises, so it is
 * done once here, before the first open; later calls are harmless
 * no-ops.
 */
static void
configure_sqlite(void)
{
	static int	done;

	if (done++)
		return;
	(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	(void)sqlite3_config(SQLITE_CONFIG_URI, 0);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* One try at db_open; 1 (with *err) when a lock was in the way. */
static int
open_once(const char *path, struct tam_db **out, char **warn, char **err)
{
	struct tam_db	*db;
	struct stat	 sb;
	char		*journal = NULL;
	int		 rc, busy;

	if (stat(path, &sb) != 0 && errno == ENOENT &&
	    create_database(path, err) != 0)
		return -1;
	if (check_file(path, warn, err) != 0)
		return -1;
	db = xcalloc(1, sizeof *db);
	db->eng = &engine_sqlite;
	db->path = xstrdup(path);
	/*
	 * No mutex on the connection: tam has one thread, and locking it
	 * around every call was some 3% of an import's time (perf).
	 */
	rc = sqlite3_open_v2(sqlite_name(path), &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (db->h != NULL)
			lite_fail(db, err);
		else
			*err = xasprintf("cannot open database '%s'", path);
		goto fail;
	}
	if (configure_connection(db, err) != 0)
		goto fail;
	if (sqlite3_db_readonly(db->h, "main") != 1) {
		/* Reading the journal mode also proves the file is SQLite. */
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st,
		    NULL) != SQLITE_OK) {
			lite_fail(db, err);
			goto fail;
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			journal = xstrdup(
			    (const char *)sqlite3_column_text(st, 0));
		else
			lite_fail(db, err);
		sqlite3_finalize(st);
		if (journal == NULL)
			goto fail;
	}
	/* FULL: a committed command survives a power cut, not just a crash. */
	if (exec_sql(db, "PRAGMA synchronous = FULL", err) != 0)
		goto fail;
	if (migrate(db, err) != 0)
		goto fail;
	/* An empty file that was there before is made WAL like a new one. */
	if (journal != NULL && strcmp(journal, "wal") != 0)
		sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
	free(journal);
	*out = db;
	return 0;
fail:
	busy = db->busy;
	free(journal);
	db_close(db);
	return busy ? 1 : -1;
}

static long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
lite_open(const char *path, struct tam_db **out, char **warn, char **err)
{
	struct timespec	 pause = { 0, 20 * 1000000 };
	long		 start = now_ms();
	int		 rc;

	configure_sqlite();
	/*
	 * A lock met while opening or migrating (another tam making the
	 * file WAL, recovering a -wal, migrating) is waited for like any
	 * other, up to the same timeout.
	 */
	while ((rc = open_once(path, out, warn, err)) == 1 &&
	    now_ms() - start < dbi_busy_timeout()) {
		free(*warn);
		*warn = NULL;
		free(*err);
		*err = NULL;
		nanosleep(&pause, NULL);
	}
	if (rc != 0) {
		/* The error says it all; a warning would only add noise. */
		free(*warn);
		*warn = NULL;
		return -1;
	}
	return 0;
}

static void
lite_close(struct tam_db *db)
{
	sqlite3_close(db->h);
	db->h = NULL;
}

static int
lite_begin(struct tam_db *db, int write, char **err)
{
	return exec_sql(db, write ? "BEGIN IMMEDIATE" : "BEGIN", err);
}

/*
 * A bulk load ran on the rollback journal (db_import_bulk_journal): WAL
 * again for the readers, after the commit or the rollback, and foreign
 * keys checked again.  Committed already, so a reader still in the way
 * only leaves it to the next open, which does the same.
 */
static void
wal_again(struct tam_db *db)
{
	if (db->wal_after) {
		db->wal_after = 0;
		sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
		sqlite3_exec(db->h, "PRAGMA foreign_keys = ON", NULL, NULL,
		    NULL);
	}
}

static int
lite_commit(struct tam_db *db, char **err)
{
	if (exec_sql(db, "COMMIT", err) != 0)
		return -1;
	wal_again(db);
	return 0;
}

static void
lite_rollback(struct tam_db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	wal_again(db);
}

/* Are the objects read those of tam's schema (not a look-alike file)? */
static int
schema_is_tams(struct tam_db *db, const char *const (*objects)[2], size_t n)
{
	sqlite3_stmt	*st;
	const char	*want, *have;
	size_t		 i;
	int		 ok = 1;

	if (sqlite3_prepare_v2(db->h, "SELECT sql FROM sqlite_schema "
	    "WHERE type = ?1 AND name = ?2", -1, &st, NULL) != SQLITE_OK)
		return 0;
	for (i = 0; ok && i < n; i++) {
		want = dbi_schema_sql(objects[i][0], objects[i][1]);
		sqlite3_bind_text(st, 1, objects[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, objects[i][1], -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_ROW &&
		    (have = (const char *)sqlite3_column_text(st, 0)) != NULL &&
		    want != NULL && strcmp(have, want) == 0;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ok;
}

/* tam's own objects that completion reads, as tam made them. */
static const char *const completion_objects[][2] = {
	{ "table", "account" }, { "table", "task" }, { "table", "cta" },
	{ "index", "account_by_name" }, { "index", "account_by_tam" }
};

struct tam_db *
lite_open_readonly(const char *path)
{
	struct tam_db	*db;
	struct stat	 sb;

	/* A file that is not there stays not there. */
	if (path == NULL || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return NULL;
	configure_sqlite();
	db = xcalloc(1, sizeof *db);
	db->eng = &engine_sqlite;
	db->path = xstrdup(path);
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		goto fail;
	/* A Tab must not hang on a writer: wait a moment, then give up. */
	sqlite3_busy_timeout(db->h, 100);
	if (!schema_is_tams(db, completion_objects,
	    sizeof completion_objects / sizeof *completion_objects))
		goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

const struct engine engine_sqlite = {
	.name = "SQLite",
	DBI_ENGINE_OPS(lite),
	.exec = exec_sql,
};
