/* db.c: opening, migrating and transactions; the statement cache. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/date.h"
#include "db-internal.h"

/* 'TAM1': lets tam tell its own file from any other SQLite file. */
#define TAM_APPLICATION_ID 0x54414d31

/*
 * Two tam processes at once wait for each other up to this long.  The
 * environment variable TAM_BUSY_TIMEOUT (milliseconds, 1 to 600000) sets
 * another wait: the tests of a database locked past the timeout use it so
 * as not to wait ten seconds.
 */
#define BUSY_TIMEOUT_MS 10000
#define BUSY_TIMEOUT_MAX 600000

const char *
db_sqlite_version(void)
{
	return sqlite3_libversion();
}

int
db_schema_version(void)
{
	return tam_migrations[tam_nmigrations - 1].version;
}

int
dbi_fail(struct tam_db *db, char **err)
{
	int	code = sqlite3_extended_errcode(db->h) & 0xff, sys;

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

sqlite3_stmt *
dbi_stmt(struct tam_db *db, const char *sql, char **err)
{
	int		 i;
	sqlite3_stmt	*st;

	for (i = 0; i < db->nslots; i++) {
		if (db->slots[i].sql == sql) {
			st = db->slots[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK) {
		dbi_fail(db, err);
		return NULL;
	}
	db->slots = xreallocarray(db->slots, (size_t)db->nslots + 1,
	    sizeof *db->slots);
	db->slots[db->nslots].sql = sql;
	db->slots[db->nslots].st = st;
	db->nslots++;
	return st;
}

int
dbi_done(struct tam_db *db, sqlite3_stmt *st, char **err)
{
	int	rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		dbi_fail(db, err);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

void
dbi_text_at(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void
dbi_opt_int_at(sqlite3_stmt *st, int i, int has, int64_t v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

void
dbi_date_at(sqlite3_stmt *st, int i, int d)
{
	char	buf[11];

	if (d == DATE_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	date_format(d, buf);
	dbi_text_at(st, i, buf);
}

void
dbi_text(sqlite3_stmt *st, const char *name, const char *v)
{
	dbi_text_at(st, sqlite3_bind_parameter_index(st, name), v);
}

void
dbi_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, name), v);
}

void
dbi_opt_int(sqlite3_stmt *st, const char *name, int has, int64_t v)
{
	dbi_opt_int_at(st, sqlite3_bind_parameter_index(st, name), has, v);
}

void
dbi_date(sqlite3_stmt *st, const char *name, int d)
{
	dbi_date_at(st, sqlite3_bind_parameter_index(st, name), d);
}

char *
dbi_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return s == NULL ? NULL : xstrdup((const char *)s);
}

const char *
dbi_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
dbi_col_date(sqlite3_stmt *st, int i)
{
	const char	*s = dbi_col_text(st, i);
	int		 d;

	if (s == NULL || date_parse_iso(s, &d) != 0)
		return DATE_NONE;
	return d;
}

int64_t
dbi_col_int(sqlite3_stmt *st, int i, int64_t if_null)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return if_null;
	return sqlite3_column_int64(st, i);
}

static int
busy_timeout(void)
{
	const char	*s = getenv("TAM_BUSY_TIMEOUT");
	char		*end;
	long		 ms;

	if (s == NULL || *s == '\0')
		return BUSY_TIMEOUT_MS;
	ms = strtol(s, &end, 10);
	if (*end != '\0' || ms < 1 || ms > BUSY_TIMEOUT_MAX)
		return BUSY_TIMEOUT_MS;
	return (int)ms;
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

/* Creates an empty file with mode 0600 if none exists; *created = 1. */
static int
create_file(const char *path, int *created, char **err)
{
	int	fd;

	*created = 0;
	if (make_parents(path, err) != 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		close(fd);
		*created = 1;
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	*err = xasprintf("cannot create database '%s': %s", path,
	    strerror(errno));
	return -1;
}

static int
pragma_int(struct tam_db *db, const char *sql, int *out, char **err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return dbi_fail(db, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else if (rc != SQLITE_DONE) {
		dbi_fail(db, err);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static int
exec_sql(struct tam_db *db, const char *sql, char **err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dbi_fail(db, err);
	return 0;
}

/* Refuses a file that is SQLite but not tam's, or from a newer tam. */
static int
check_identity(struct tam_db *db, int *version, char **err)
{
	int	appid = 0, tables = 0;

	if (pragma_int(db, "PRAGMA application_id", &appid, err) != 0 ||
	    pragma_int(db, "PRAGMA user_version", version, err) != 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables,
	    err) != 0)
		return -1;
	if (appid != TAM_APPLICATION_ID && (appid != 0 || tables > 0)) {
		*err = xasprintf("'%s' is not a tam database; give another "
		    "file with --db", db->path);
		return -1;
	}
	if (*version > db_schema_version()) {
		*err = xasprintf("database '%s' was written by a newer tam "
		    "(schema %d, this tam knows up to %d); upgrade tam",
		    db->path, *version, db_schema_version());
		return -1;
	}
	return 0;
}

/* Applies the migrations past the file's version in one transaction. */
static int
migrate(struct tam_db *db, char **err)
{
	int	 version, i;
	char	 sql[96];

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
	if (check_identity(db, &version, err) != 0)
		goto fail;
	for (i = 0; i < tam_nmigrations; i++) {
		if (tam_migrations[i].version <= version)
			continue;
		if (exec_sql(db, tam_migrations[i].sql, err) != 0)
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
	    "PRAGMA user_version = %d", TAM_APPLICATION_ID,
	    db_schema_version());
	if (exec_sql(db, sql, err) != 0 || exec_sql(db, "COMMIT", err) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * No initial bulk allocation per page cache.  The CHECK (x IN (...))
 * constraints of the schema make SQLite build a small ephemeral table
 * for every row inserted, each with its own page cache; the default
 * 20-page bulk (87 KB) at the top of the heap made glibc grow and trim
 * the heap on every insert (sync of 25,000 renewal CTAs: 2 minutes, 5 s
 * without).  Must run before SQLite initialises, so it is done once
 * here, before the first open; later calls are harmless no-ops.
 */
static void
configure_sqlite(void)
{
	static int	done;

	if (done++)
		return;
	(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

int
db_open(const char *path, struct tam_db **out, int *created, char **err)
{
	struct tam_db	*db;
	char		*journal = NULL;
	int		 rc;

	*out = NULL;
	configure_sqlite();
	if (create_file(path, created, err) != 0)
		return -1;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK) {
		if (db->h != NULL)
			dbi_fail(db, err);
		else
			*err = xasprintf("cannot open database '%s'", path);
		goto fail;
	}
	sqlite3_busy_timeout(db->h, busy_timeout());
	if (exec_sql(db, "PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (*created) {
		if (exec_sql(db, "PRAGMA journal_mode = WAL", err) != 0)
			goto fail;
	} else if (sqlite3_db_readonly(db->h, "main") != 1) {
		/* Reading the journal mode also proves the file is SQLite. */
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st,
		    NULL) != SQLITE_OK) {
			dbi_fail(db, err);
			goto fail;
		}
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			journal = dbi_col_dup(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			dbi_fail(db, err);
			goto fail;
		}
	}
	/* FULL: a committed command survives a power cut, not just a crash. */
	if (exec_sql(db, "PRAGMA synchronous = FULL", err) != 0)
		goto fail;
	if (dbi_fold_register(db, err) != 0 || migrate(db, err) != 0)
		goto fail;
	if (journal != NULL && strcmp(journal, "wal") != 0)
		sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
	free(journal);
	*out = db;
	return 0;
fail:
	free(journal);
	db_close(db);
	if (*created)
		unlink(path);
	return -1;
}

void
db_close(struct tam_db *db)
{
	int	i;

	if (db == NULL)
		return;
	for (i = 0; i < db->nslots; i++)
		sqlite3_finalize(db->slots[i].st);
	free(db->slots);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

int
db_begin(struct tam_db *db, int write, char **err)
{
	return exec_sql(db, write ? "BEGIN IMMEDIATE" : "BEGIN", err);
}

int
db_commit(struct tam_db *db, char **err)
{
	return exec_sql(db, "COMMIT", err);
}

void
db_rollback(struct tam_db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}
