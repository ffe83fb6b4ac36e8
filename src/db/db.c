/*
 * db.c: what both engines share: choosing one, the statement cache, and
 * the helpers that step, bind and read for the rest of src/db/.  The
 * engines are engine-sqlite.c and engine-pg.c (db-internal.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "db-internal.h"

/*
 * Two tam processes at once wait for each other up to this long.  The
 * environment variable TAM_BUSY_TIMEOUT (milliseconds, 1 to 600000) sets
 * another wait: the tests of a database locked past the timeout use it so
 * as not to wait ten seconds.
 */
#define BUSY_TIMEOUT_MS 10000
#define BUSY_TIMEOUT_MAX 600000

int
db_schema_version(void)
{
	return tam_migrations[tam_nmigrations - 1].version;
}

int
dbi_fail(struct tam_db *db, char **err)
{
	return db->eng->fail(db, err);
}

int
dbi_exec(struct tam_db *db, const char *sql, char **err)
{
	if (db->stage != NULL && dbi_stage_idle(db, err) != 0)
		return -1;
	return db->eng->exec(db, sql, err);
}

int
dbi_is_pg(const struct tam_db *db)
{
	return db->eng == &engine_pg;
}

struct dbstmt *
dbi_stmt(struct tam_db *db, const char *sql, char **err)
{
	int		 i;
	struct dbstmt	*st;

	/* An import's worker may be sending on the connection. */
	if (db->stage != NULL && dbi_stage_idle(db, err) != 0)
		return NULL;
	for (i = 0; i < db->nslots; i++) {
		if (db->slots[i].sql == sql) {
			st = db->slots[i].st;
			st->eng->reset(st);
			st->eng->clear(st);
			return st;
		}
	}
	if (db->eng->prepare(db, sql, &st, err) != 0)
		return NULL;
	db->slots = xreallocarray(db->slots, (size_t)db->nslots + 1,
	    sizeof *db->slots);
	db->slots[db->nslots].sql = sql;
	db->slots[db->nslots].st = st;
	db->nslots++;
	return st;
}

/*
 * One step: DB_ROW, DB_DONE, or -1 with *err.  A statement that did not
 * prepare (NULL) fails here with the *err dbi_stmt gave it.
 */
static int
step(struct tam_db *db, struct dbstmt *st, char **err)
{
	int	rc;

	if (st == NULL)
		return -1;
	if ((rc = st->eng->step(st)) < 0)
		db->eng->fail(db, err);
	return rc;
}

static void
reset(struct dbstmt *st)
{
	if (st != NULL)
		st->eng->reset(st);
}

int
dbi_done(struct tam_db *db, struct dbstmt *st, char **err)
{
	int	rc = step(db, st, err);

	reset(st);
	return rc < 0 ? -1 : 0;
}

int
dbi_insert(struct tam_db *db, struct dbstmt *st, int64_t *id, char **err)
{
	int	rc;

	/* tam's INSERTs say "RETURNING id": both engines answer it. */
	if ((rc = step(db, st, err)) == DB_ROW)
		*id = st->eng->col_int(st, 0);
	reset(st);
	if (rc == DB_DONE) {
		*err = xstrdup("internal error: an INSERT returned no id");
		return -1;
	}
	return rc < 0 ? -1 : 0;
}

int
dbi_changes(struct tam_db *db, struct dbstmt *st, int *n, char **err)
{
	int	rc = step(db, st, err);

	if (rc >= 0)
		*n = (int)st->eng->changes(st);
	reset(st);
	return rc < 0 ? -1 : 0;
}

int
dbi_done_one(struct tam_db *db, struct dbstmt *st, char **err)
{
	int	n;

	if (dbi_changes(db, st, &n, err) != 0)
		return -1;
	return n == 1 ? 0 : 1;
}

int
dbi_first(struct tam_db *db, struct dbstmt *st, char **err)
{
	int	rc = step(db, st, err);

	if (rc == DB_ROW)
		return 0;
	reset(st);
	return rc == DB_DONE ? 1 : -1;
}

int
dbi_one(struct tam_db *db, struct dbstmt *st, dbi_row_fn fn, void *arg,
    char **err)
{
	int	rc;

	if ((rc = dbi_first(db, st, err)) != 0)
		return rc;
	rc = fn(arg, st);
	reset(st);
	return rc;
}

static int
row_int(void *arg, struct dbstmt *st)
{
	*(int64_t *)arg = dbi_col_i64(st, 0);
	return 0;
}

static int
row_dup(void *arg, struct dbstmt *st)
{
	*(char **)arg = dbi_col_dup(st, 0);
	return 0;
}

int
dbi_one_int(struct tam_db *db, struct dbstmt *st, int64_t *v, char **err)
{
	return dbi_one(db, st, row_int, v, err);
}

int
dbi_one_dup(struct tam_db *db, struct dbstmt *st, char **v, char **err)
{
	return dbi_one(db, st, row_dup, v, err);
}

int
dbi_once_dup(struct tam_db *db, const char *sql, char **v, char **err)
{
	struct dbstmt	*st;
	int		 rc;

	*v = NULL;
	if (db->stage != NULL && dbi_stage_idle(db, err) != 0)
		return -1;
	if (db->eng->prepare(db, sql, &st, err) != 0)
		return -1;
	rc = dbi_one(db, st, row_dup, v, err);
	st->eng->finalize(st);
	if (rc == 1)
		*err = xasprintf("internal error: no row from \"%s\"", sql);
	return rc == 0 ? 0 : -1;
}

int
dbi_each(struct tam_db *db, struct dbstmt *st, dbi_row_fn fn, void *arg,
    char **err)
{
	int	rc, stop = 0;

	while ((rc = step(db, st, err)) == DB_ROW)
		if ((stop = fn(arg, st)) != 0)
			break;
	if (rc < 0)
		stop = -1;
	reset(st);
	return stop;
}

int
dbi_next(struct tam_db *db, struct dbstmt *st, char **err)
{
	int	rc = step(db, st, err);

	if (rc != DB_ROW)
		reset(st);
	return rc;
}

int
dbi_stop(struct dbstmt *st, int rc)
{
	reset(st);
	return rc;
}

struct dbstmt *
dbi_stmt_id(struct tam_db *db, const char *sql, int64_t id, char **err)
{
	struct dbstmt	*st;

	if ((st = dbi_stmt(db, sql, err)) != NULL)
		dbi_int(st, ":id", id);
	return st;
}

int
dbi_done_one_id(struct tam_db *db, const char *sql, int64_t id, char **err)
{
	struct dbstmt	*st;

	if ((st = dbi_stmt_id(db, sql, id, err)) == NULL)
		return -1;
	return dbi_done_one(db, st, err);
}

struct dbstmt *
dbi_tam_stmt(struct tam_db *db, const char *tam, const char *any,
    const char *one, char **err)
{
	struct dbstmt	*st;

	if ((st = dbi_stmt(db, tam != NULL ? one : any, err)) != NULL)
		dbi_tam(st, tam);
	return st;
}

int
dbi_param(struct dbstmt *st, const char *name)
{
	int	i = st->eng->param(st, name);

#ifndef NDEBUG
	/*
	 * A name the SQL lacks would bind nothing and leave the value
	 * NULL without a word: a mistake of tam's, caught where it is
	 * made (Fossil's paramIdx does the same).
	 */
	if (i == 0) {
		fprintf(stderr, "tam: internal error: no parameter %s in "
		    "\"%s\"\n", name, st->sql);
		abort();
	}
#endif
	return i;
}

void
dbi_text_at(struct dbstmt *st, int i, const char *v)
{
	if (st == NULL)
		return;
	if (v == NULL)
		st->eng->bind_null(st, i, DBT_TEXT);
	else
		st->eng->bind_text(st, i, v);
}

void
dbi_int_at(struct dbstmt *st, int i, int64_t v)
{
	if (st != NULL)
		st->eng->bind_int(st, i, v);
}

/* A NULL of no type: the statement's context gives it one. */
void
dbi_null_at(struct dbstmt *st, int i)
{
	if (st != NULL)
		st->eng->bind_null(st, i, DBT_NULL);
}

void
dbi_opt_int_at(struct dbstmt *st, int i, int has, int64_t v)
{
	if (st == NULL)
		return;
	if (has)
		st->eng->bind_int(st, i, v);
	else
		st->eng->bind_null(st, i, DBT_INT);
}

void
dbi_date_at(struct dbstmt *st, int i, int d)
{
	char	buf[11];

	if (st == NULL)
		return;
	if (d == DATE_NONE) {
		st->eng->bind_null(st, i, DBT_TEXT);
		return;
	}
	date_format(d, buf);
	dbi_text_at(st, i, buf);
}

void
dbi_text(struct dbstmt *st, const char *name, const char *v)
{
	if (st != NULL)
		dbi_text_at(st, dbi_param(st, name), v);
}

void
dbi_int(struct dbstmt *st, const char *name, int64_t v)
{
	if (st != NULL)
		st->eng->bind_int(st, dbi_param(st, name), v);
}

void
dbi_opt_int(struct dbstmt *st, const char *name, int has, int64_t v)
{
	if (st != NULL)
		dbi_opt_int_at(st, dbi_param(st, name), has, v);
}

void
dbi_date(struct dbstmt *st, const char *name, int d)
{
	if (st != NULL)
		dbi_date_at(st, dbi_param(st, name), d);
}

void
dbi_tam(struct dbstmt *st, const char *tam)
{
	int	i;

	if (st == NULL)
		return;
	if (tam != NULL)
		dbi_text(st, ":tam_fold", tam);
	/* "(:tam_fold IS NULL OR ...)": a server must know it is text. */
	else if ((i = st->eng->param(st, ":tam_fold")) != 0)
		dbi_text_at(st, i, NULL);
}

char *
dbi_col_dup(struct dbstmt *st, int i)
{
	const char	*s = st->eng->col_text(st, i);

	return s == NULL ? NULL : xstrdup(s);
}

const char *
dbi_col_text(struct dbstmt *st, int i)
{
	return st->eng->col_text(st, i);
}

int
dbi_col_date(struct dbstmt *st, int i)
{
	const char	*s = dbi_col_text(st, i);
	int		 d;

	if (s == NULL || date_parse_iso(s, &d) != 0)
		return DATE_NONE;
	return d;
}

int64_t
dbi_col_int(struct dbstmt *st, int i, int64_t if_null)
{
	if (st->eng->col_type(st, i) == DBT_NULL)
		return if_null;
	return st->eng->col_int(st, i);
}

int64_t
dbi_col_i64(struct dbstmt *st, int i)
{
	return st->eng->col_int(st, i);
}

int
dbi_col_i32(struct dbstmt *st, int i)
{
	return (int)st->eng->col_int(st, i);
}

int
dbi_col_null(struct dbstmt *st, int i)
{
	return st->eng->col_type(st, i) == DBT_NULL;
}

enum dbt
dbi_col_type(struct dbstmt *st, int i)
{
	return st->eng->col_type(st, i);
}

int
dbi_ncols(struct dbstmt *st)
{
	return st->eng->ncols(st);
}

int
dbi_busy_timeout(void)
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


int
db_is_server(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0 ||
	    strncmp(path, "service=", 8) == 0;
}

/*
 * Removes "password=..." (a keyword, or a URI's query parameter) from s,
 * up to the next separator.
 */
static void
drop_password_keyword(char *s, char sep)
{
	char	*p = s, *end;

	while ((p = strstr(p, "password=")) != NULL) {
		if (p != s && p[-1] != sep && p[-1] != '?' && p[-1] != ' ') {
			p++;
			continue;
		}
		end = p + strlen("password=");
		if (*end == '\'') {
			for (end++; *end != '\0' && *end != '\''; end++)
				if (*end == '\\' && end[1] != '\0')
					end++;
			if (*end == '\'')
				end++;
		} else
			end += strcspn(end, sep == '&' ? "&#" : " ");
		if (*end == sep)
			end++;
		else if (p != s && (p[-1] == sep || p[-1] == ' '))
			p--;	/* the last one: its separator goes */
		memmove(p, end, strlen(end) + 1);
	}
}

char *
db_display_name(const char *path)
{
	char	*s = xstrdup(path), *auth, *at, *colon, *q;
	size_t	 n;

	if (!db_is_server(path))
		return s;
	if (strncmp(s, "service=", 8) == 0 || strstr(s, "://") == NULL) {
		drop_password_keyword(s, ' ');
		return s;
	}
	/* scheme://[user[:password]@]host...[/db][?query] */
	auth = strstr(s, "://") + 3;
	n = strcspn(auth, "/?#");
	for (at = NULL, q = auth; q < auth + n; q++)
		if (*q == '@')
			at = q;
	if (at != NULL && (colon = memchr(auth, ':', (size_t)(at - auth))) !=
	    NULL)
		memmove(colon, at, strlen(at) + 1);
	if ((q = strchr(s, '?')) != NULL) {
		drop_password_keyword(q + 1, '&');
		n = strlen(s);
		if (s[n - 1] == '?')
			s[n - 1] = '\0';
	}
	return s;
}

int
db_open(const char *path, struct tam_db **out, char **warn, char **err)
{
	*out = NULL;
	*warn = NULL;
	if (db_is_server(path))
		return pg_open(path, out, err);
	return lite_open(path, out, warn, err);
}

struct tam_db *
db_open_readonly(const char *path)
{
	if (path != NULL && db_is_server(path))
		return pg_open_readonly(path);
	return lite_open_readonly(path);
}

const char *
db_name(const struct tam_db *db)
{
	return db->path;
}

void
db_close(struct tam_db *db)
{
	int	i;

	if (db == NULL)
		return;
	for (i = 0; i < db->nslots; i++)
		db->slots[i].st->eng->finalize(db->slots[i].st);
	free(db->slots);
	if (db->eng != NULL)
		db->eng->close(db);
	free(db->login);
	free(db->login_tam);
	free(db->path);
	free(db);
}

int
db_begin(struct tam_db *db, int write, char **err)
{
	return db->eng->begin(db, write, err);
}

int
db_commit(struct tam_db *db, char **err)
{
	return db->eng->commit(db, err);
}

void
db_rollback(struct tam_db *db)
{
	db->eng->rollback(db);
}

enum db_role
db_login_role(const struct tam_db *db)
{
	return db->role;
}

const char *
db_login(const struct tam_db *db)
{
	return db->login;
}

const char *
db_login_tam(const struct tam_db *db)
{
	return db->login_tam;
}

int
db_retry(const struct tam_db *db)
{
	return db->retry;
}

/* The size of the member each kind of column writes. */
static const size_t dbi_kind_size[] = {
	[DBI_I64] = sizeof (int64_t),
	[DBI_ID] = sizeof (int64_t),
	[DBI_I32] = sizeof (int),
	[DBI_TEXT] = sizeof (const char *),
	[DBI_DATE] = sizeof (int),
	[DBI_SENTIMENT] = sizeof (int),
	[DBI_DAY] = sizeof (int),
	[DBI_SET] = sizeof (int),
};

void
dbi_read_cols(struct dbstmt *st, int i, void *row,
    const struct dbi_col *cols, size_t ncols)
{
	char	*base = row;
	size_t	 k;

	for (k = 0; k < ncols; k++, i++) {
		void	*m = base + cols[k].off;

#ifndef NDEBUG
		/* A table of tam's own that would write past its member. */
		if (cols[k].size != dbi_kind_size[cols[k].kind]) {
			fprintf(stderr, "tam: internal error: column %zu of "
			    "\"%s\" is read into a member of another size\n",
			    k, st->sql);
			abort();
		}
#endif
		switch (cols[k].kind) {
		case DBI_I64:
			*(int64_t *)m = dbi_col_i64(st, i);
			break;
		case DBI_ID:
			*(int64_t *)m = dbi_col_int(st, i, 0);
			break;
		case DBI_I32:
			*(int *)m = dbi_col_i32(st, i);
			break;
		case DBI_TEXT:
			*(const char **)m = dbi_col_text(st, i);
			break;
		case DBI_DATE:
			*(int *)m = dbi_col_date(st, i);
			break;
		case DBI_SENTIMENT:
			*(int *)m = dbi_col_sentiment(st, i);
			break;
		case DBI_DAY:
			*(int *)m = clock_stamp_day(dbi_col_text(st, i));
			break;
		case DBI_SET:
			/* The next entry reads this column again. */
			*(int *)m = !dbi_col_null(st, i--);
			break;
		}
	}
}
