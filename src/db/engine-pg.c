/*
 * engine-pg.c: the PostgreSQL engine, through libpq.  tam's statements
 * are the same text as on SQLite: their :name and ?N parameters become
 * $n here, once per statement, and each is prepared on the server the
 * first time it runs, with the types its first binding gives.  Results
 * come in text form and whole (the largest is a page of a report), so a
 * walk may run other statements while it reads.
 *
 * The schema lives in the database's schema "tam" (sql/pg/), whose
 * comment carries its version: one query at connect time tells whether
 * there is anything to create or migrate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db-internal.h"

#ifdef HAVE_LIBPQ

#include <dlfcn.h>
#include <libpq-fe.h>

/*
 * libpq is opened when a server is first named (pq_load), not linked: a
 * tam on a file never loads it, nor the thirty libraries it brings
 * (OpenSSL, Kerberos, LDAP, ...), which took `tam --version` from 1.4 to
 * 13.3 million instructions, most of them the dynamic loader's.  The
 * calls below keep libpq's names; each is a pointer set by pq_load.
 */
#define PQ_FUNCS(X) \
	X(PQclear) \
	X(PQcmdStatus) \
	X(PQcmdTuples) \
	X(PQconnectdbParams) \
	X(PQconninfoFree) \
	X(PQconninfoParse) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQexecPrepared) \
	X(PQfinish) \
	X(PQftype) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetvalue) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQprepare) \
	X(PQputCopyData) \
	X(PQputCopyEnd) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQsetNoticeProcessor) \
	X(PQstatus) \
	X(PQtransactionStatus)
#define PQ_POINTER(f)	static __typeof__(f) *pq_##f;
PQ_FUNCS(PQ_POINTER)
#undef PQ_POINTER
#define PQclear	pq_PQclear
#define PQcmdStatus	pq_PQcmdStatus
#define PQcmdTuples	pq_PQcmdTuples
#define PQconnectdbParams	pq_PQconnectdbParams
#define PQconninfoFree	pq_PQconninfoFree
#define PQconninfoParse	pq_PQconninfoParse
#define PQerrorMessage	pq_PQerrorMessage
#define PQexec	pq_PQexec
#define PQexecParams	pq_PQexecParams
#define PQexecPrepared	pq_PQexecPrepared
#define PQfinish	pq_PQfinish
#define PQftype	pq_PQftype
#define PQgetResult	pq_PQgetResult
#define PQgetisnull	pq_PQgetisnull
#define PQgetvalue	pq_PQgetvalue
#define PQnfields	pq_PQnfields
#define PQntuples	pq_PQntuples
#define PQprepare	pq_PQprepare
#define PQputCopyData	pq_PQputCopyData
#define PQputCopyEnd	pq_PQputCopyEnd
#define PQresultErrorField	pq_PQresultErrorField
#define PQresultStatus	pq_PQresultStatus
#define PQsetNoticeProcessor	pq_PQsetNoticeProcessor
#define PQstatus	pq_PQstatus
#define PQtransactionStatus	pq_PQtransactionStatus

/* Built-in type oids (pg_type.h), which libpq does not export. */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_TEXT	25
#define OID_NUMERIC	1700

/* pg_advisory_xact_lock keys: 'tam' and what is locked (0x74616d0N). */
#define LOCK_MIGRATE	"1952541953"
#define LOCK_IMPORT	"1952541954"
#define LOCK_WRITER	"1952541955"

/* A morning run never hangs on a server that does not answer. */
#define CONNECT_TIMEOUT	"10"

#define SCHEMA_COMMENT	"tam schema "

struct pg_stmt {
	struct dbstmt	 head;
	char		*text;		/* with $n */
	int		 nparams;
	char		**names;	/* ":name" of $n+1; NULL for ?N */
	char		 name[16];	/* on the server, once prepared */
	Oid		*types;
	char		**values;
	PGresult	*res;
	int		 row;
	int64_t		 changes;
};

#define PGS(s)	((struct pg_stmt *)(void *)(s))

static int	pg_exec(struct tam_db *, const char *, char **);

/* Keeps the failure of res (or of the connection) for pg_fail. */
static void
keep_error(struct tam_db *db, const PGresult *res)
{
	const char	*msg = NULL, *state = NULL;

	free(db->pg_error);
	if (res != NULL) {
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	}
	if (msg == NULL)
		msg = PQerrorMessage(db->pg);
	db->pg_error = xstrdup(msg != NULL ? msg : "unknown error");
	db->pg_error[strcspn(db->pg_error, "\n")] = '\0';
	snprintf(db->pg_state, sizeof db->pg_state, "%s",
	    state != NULL ? state : "");
}

static int
pg_fail(struct tam_db *db, char **err)
{
	const char	*s = db->pg_state;

	db->busy = db->retry = 0;
	if (PQstatus(db->pg) == CONNECTION_BAD) {
		*err = xasprintf("lost the connection to database '%s' (%s); "
		    "nothing was changed: try again", db->path, db->pg_error);
		return -1;
	}
	/* Serialization failure, deadlock: the same work again may pass. */
	if (strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0) {
		db->busy = db->retry = 1;
		*err = xasprintf("database '%s' is busy: other tam commands "
		    "kept changing the same rows; try again", db->path);
	} else if (strcmp(s, "55P03") == 0 || strcmp(s, "57014") == 0) {
		db->busy = 1;
		*err = xasprintf("database '%s' is busy: another tam kept it "
		    "locked too long; try again", db->path);
	} else if (strcmp(s, "25006") == 0) {
		*err = xasprintf("cannot write database '%s': the server is "
		    "read-only (a standby?); connect to the primary, e.g. "
		    "with target_session_attrs=read-write", db->path);
	} else if (strcmp(s, "53100") == 0) {
		*err = xasprintf("cannot write database '%s': the server's "
		    "disk is full; nothing was changed", db->path);
	} else if (strncmp(s, "08", 2) == 0 || strncmp(s, "57P", 3) == 0) {
		*err = xasprintf("lost the connection to database '%s' (%s); "
		    "nothing was changed: try again", db->path, db->pg_error);
	} else
		*err = xasprintf("database: %s", db->pg_error);
	return -1;
}

/* Adds name to the statement's parameters, or finds it: its number. */
static int
param_number(struct pg_stmt *ps, const char *name, size_t len)
{
	int	i;

	for (i = 0; i < ps->nparams; i++)
		if (ps->names[i] != NULL && strlen(ps->names[i]) == len &&
		    strncmp(ps->names[i], name, len) == 0)
			return i + 1;
	ps->names = xreallocarray(ps->names, (size_t)ps->nparams + 1,
	    sizeof *ps->names);
	ps->names[ps->nparams] = xasprintf("%.*s", (int)len, name);
	return ++ps->nparams;
}

static void
grow_params(struct pg_stmt *ps, int n)
{
	while (ps->nparams < n) {
		ps->names = xreallocarray(ps->names, (size_t)ps->nparams + 1,
		    sizeof *ps->names);
		ps->names[ps->nparams++] = NULL;
	}
}

/*
 * The length of SQLite's planner hint "INDEXED BY name " at sql, or 0:
 * PostgreSQL has no such clause and plans the join for itself.
 */
static size_t
indexed_by(const char *sql)
{
	static const char kw[] = "INDEXED BY ";
	size_t	 j;

	if (strncmp(sql, kw, sizeof kw - 1) != 0)
		return 0;
	for (j = sizeof kw - 1; sql[j] == '_' ||
	    (sql[j] >= 'a' && sql[j] <= 'z') || (sql[j] >= '0' &&
	    sql[j] <= '9'); j++)
		;
	while (sql[j] == ' ')
		j++;
	return j;
}

/*
 * tam's SQL with :name and ?N as PostgreSQL's $n, and without
 * "INDEXED BY" (indexed_by).  Literals, quoted names and comments are
 * copied as they are; "::" is a cast.
 */
static void
translate(struct pg_stmt *ps, const char *sql)
{
	size_t		 n = strlen(sql), i, j, o = 0;
	char		*t = xmalloc(n * 2 + 1);
	char		 q;
	int		 k;

	for (i = 0; i < n;) {
		if (sql[i] == '\'' || sql[i] == '"') {
			q = sql[i];
			t[o++] = sql[i++];
			while (i < n && sql[i] != q)
				t[o++] = sql[i++];
			if (i < n)
				t[o++] = sql[i++];
		} else if (sql[i] == '-' && sql[i + 1] == '-') {
			while (i < n && sql[i] != '\n')
				t[o++] = sql[i++];
		} else if ((i == 0 || sql[i - 1] == ' ') &&
		    (j = indexed_by(sql + i)) != 0) {
			i += j;
		} else if (sql[i] == ':' && sql[i + 1] == ':') {
			t[o++] = sql[i++];
			t[o++] = sql[i++];
		} else if (sql[i] == ':' && (sql[i + 1] == '_' ||
		    (sql[i + 1] >= 'a' && sql[i + 1] <= 'z') ||
		    (sql[i + 1] >= 'A' && sql[i + 1] <= 'Z'))) {
			for (j = i + 1; j < n && (sql[j] == '_' ||
			    (sql[j] >= 'a' && sql[j] <= 'z') ||
			    (sql[j] >= 'A' && sql[j] <= 'Z') ||
			    (sql[j] >= '0' && sql[j] <= '9')); j++)
				;
			k = param_number(ps, sql + i, j - i);
			o += (size_t)sprintf(t + o, "$%d", k);
			i = j;
		} else if (sql[i] == '?') {
			for (j = i + 1, k = 0; j < n && sql[j] >= '0' &&
			    sql[j] <= '9'; j++)
				k = k * 10 + (sql[j] - '0');
			if (j == i + 1)
				k = ps->nparams + 1;
			grow_params(ps, k);
			o += (size_t)sprintf(t + o, "$%d", k);
			i = j;
		} else
			t[o++] = sql[i++];
	}
	t[o] = '\0';
	ps->text = t;
}

static int
pg_prepare(struct tam_db *db, const char *sql, struct dbstmt **out,
    char **err)
{
	struct pg_stmt	*ps;

	(void)err;
	ps = xcalloc(1, sizeof *ps);
	ps->head.eng = &engine_pg;
	ps->head.db = db;
	ps->head.sql = sql;
	ps->row = -1;
	translate(ps, sql);
	if (ps->nparams > 0) {
		ps->types = xcalloc((size_t)ps->nparams, sizeof *ps->types);
		ps->values = xcalloc((size_t)ps->nparams, sizeof *ps->values);
	}
	*out = &ps->head;
	return 0;
}

static void
pg_reset(struct dbstmt *s)
{
	struct pg_stmt	*ps = PGS(s);

	PQclear(ps->res);
	ps->res = NULL;
	ps->row = -1;
}

static void
pg_clear(struct dbstmt *s)
{
	struct pg_stmt	*ps = PGS(s);
	int		 i;

	for (i = 0; i < ps->nparams; i++) {
		free(ps->values[i]);
		ps->values[i] = NULL;
	}
}

static void
pg_finalize(struct dbstmt *s)
{
	struct pg_stmt	*ps = PGS(s);
	int		 i;

	pg_reset(s);
	pg_clear(s);
	for (i = 0; i < ps->nparams; i++)
		free(ps->names[i]);
	free(ps->names);
	free(ps->types);
	free(ps->values);
	free(ps->text);
	free(ps);
}

static int
pg_param(struct dbstmt *s, const char *name)
{
	struct pg_stmt	*ps = PGS(s);
	int		 i;

	for (i = 0; i < ps->nparams; i++)
		if (ps->names[i] != NULL && strcmp(ps->names[i], name) == 0)
			return i + 1;
	return 0;
}

/* The type a parameter is prepared with: its first binding's. */
static void
set_type(struct pg_stmt *ps, int i, Oid type)
{
	if (i >= 1 && i <= ps->nparams && ps->types[i - 1] == 0)
		ps->types[i - 1] = type;
}

static void
set_value(struct pg_stmt *ps, int i, char *v)
{
	if (i < 1 || i > ps->nparams) {
		free(v);
		return;
	}
	free(ps->values[i - 1]);
	ps->values[i - 1] = v;
}

static void
pg_bind_null(struct dbstmt *s, int i, enum dbt type)
{
	set_type(PGS(s), i, type == DBT_INT ? OID_INT8 :
	    type == DBT_TEXT ? OID_TEXT : 0);
	set_value(PGS(s), i, NULL);
}

static void
pg_bind_int(struct dbstmt *s, int i, int64_t v)
{
	set_type(PGS(s), i, OID_INT8);
	set_value(PGS(s), i, xasprintf("%lld", (long long)v));
}

static void
pg_bind_text(struct dbstmt *s, int i, const char *v)
{
	set_type(PGS(s), i, OID_TEXT);
	set_value(PGS(s), i, xstrdup(v));
}

static int
pg_step(struct dbstmt *s)
{
	struct pg_stmt	*ps = PGS(s);
	struct tam_db	*db = s->db;
	PGresult	*r;
	const char	*n;

	if (ps->res != NULL) {
		if (ps->row + 1 < PQntuples(ps->res)) {
			ps->row++;
			return DB_ROW;
		}
		return DB_DONE;
	}
	if (ps->name[0] == '\0') {
		snprintf(ps->name, sizeof ps->name, "tam%d", ++db->pg_nstmt);
		r = PQprepare(db->pg, ps->name, ps->text, ps->nparams,
		    ps->types);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			if (getenv("TAM_DEBUG_SQL") != NULL)
				fprintf(stderr, "prepare: %s\n", ps->text);
			keep_error(db, r);
			PQclear(r);
			ps->name[0] = '\0';
			return -1;
		}
		PQclear(r);
	}
	r = PQexecPrepared(db->pg, ps->name, ps->nparams,
	    (const char *const *)ps->values, NULL, NULL, 0);
	switch (PQresultStatus(r)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		break;
	default:
		keep_error(db, r);
		PQclear(r);
		return -1;
	}
	n = PQcmdTuples(r);
	ps->changes = *n != '\0' ? strtoll(n, NULL, 10) : 0;
	ps->res = r;
	if (PQntuples(r) > 0) {
		ps->row = 0;
		return DB_ROW;
	}
	return DB_DONE;
}

static int
pg_ncols(struct dbstmt *s)
{
	return PGS(s)->res != NULL ? PQnfields(PGS(s)->res) : 0;
}

static enum dbt
pg_col_type(struct dbstmt *s, int i)
{
	struct pg_stmt	*ps = PGS(s);

	if (ps->res == NULL || ps->row < 0 ||
	    PQgetisnull(ps->res, ps->row, i))
		return DBT_NULL;
	switch (PQftype(ps->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_NUMERIC:
		return DBT_INT;
	default:
		return DBT_TEXT;
	}
}

static int64_t
pg_col_int(struct dbstmt *s, int i)
{
	struct pg_stmt	*ps = PGS(s);
	const char	*v;

	if (ps->res == NULL || ps->row < 0 ||
	    PQgetisnull(ps->res, ps->row, i))
		return 0;
	v = PQgetvalue(ps->res, ps->row, i);
	/* A comparison is a boolean here, an integer on SQLite. */
	if (PQftype(ps->res, i) == OID_BOOL)
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static const char *
pg_col_text(struct dbstmt *s, int i)
{
	struct pg_stmt	*ps = PGS(s);

	if (ps->res == NULL || ps->row < 0 ||
	    PQgetisnull(ps->res, ps->row, i))
		return NULL;
	return PQgetvalue(ps->res, ps->row, i);
}

static int64_t
pg_changes(struct dbstmt *s)
{
	return PGS(s)->changes;
}

/* Runs sql (one or more statements of tam's own, no parameters). */
static int
run(struct tam_db *db, const char *sql, PGresult **out)
{
	PGresult	*r = PQexec(db->pg, sql);

	switch (PQresultStatus(r)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
		if (out != NULL)
			*out = r;
		else
			PQclear(r);
		return 0;
	default:
		keep_error(db, r);
		PQclear(r);
		return -1;
	}
}

static int
pg_exec(struct tam_db *db, const char *sql, char **err)
{
	if (run(db, sql, NULL) != 0)
		return pg_fail(db, err);
	return 0;
}

/*
 * Writers take turns, as on SQLite (BEGIN IMMEDIATE): a command that
 * writes holds the writer lock from its start to its end, so no two
 * compute a new id or decide to open a CTA at once, and each statement
 * (READ COMMITTED) sees what the writers before it committed.  What
 * only reads has a snapshot for the whole command, and waits for no one.
 * The lock is waited for up to lock_timeout (the busy timeout); then
 * the message names an import that holds it.
 */
static int
pg_begin(struct tam_db *db, int write, char **err)
{
	PGresult	*r = NULL;
	int		 importing;

	if (!write)
		return pg_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ "
		    "READ ONLY", err);
	if (run(db, "BEGIN ISOLATION LEVEL READ COMMITTED; "
	    "SELECT pg_advisory_xact_lock(" LOCK_WRITER ")", NULL) == 0)
		return 0;
	if (strcmp(db->pg_state, "55P03") != 0)
		return pg_fail(db, err);
	(void)run(db, "ROLLBACK", NULL);
	importing = run(db, "SELECT 1 FROM pg_catalog.pg_locks WHERE "
	    "locktype = 'advisory' AND granted AND "
	    "objid = " LOCK_IMPORT " AND database = (SELECT oid FROM "
	    "pg_catalog.pg_database WHERE datname = current_database())",
	    &r) == 0 && PQntuples(r) > 0;
	if (r != NULL)
		PQclear(r);
	db->busy = 1;
	if (importing)
		*err = xasprintf("another import is running on database "
		    "'%s'; try again when it is done", db->path);
	else
		*err = xasprintf("database '%s' is busy: another tam kept it "
		    "locked too long; try again", db->path);
	return -1;
}

static int
pg_commit(struct tam_db *db, char **err)
{
	PGresult	*r;
	int		 ok;

	if (run(db, "COMMIT", &r) != 0)
		return pg_fail(db, err);
	/* A transaction that had failed answers COMMIT with ROLLBACK. */
	ok = strcmp(PQcmdStatus(r), "COMMIT") == 0;
	PQclear(r);
	if (!ok) {
		*err = xasprintf("database '%s': the transaction was rolled "
		    "back; nothing was changed", db->path);
		return -1;
	}
	return 0;
}

static void
pg_rollback(struct tam_db *db)
{
	if (PQstatus(db->pg) == CONNECTION_OK &&
	    PQtransactionStatus(db->pg) != PQTRANS_IDLE)
		(void)run(db, "ROLLBACK", NULL);
}

/* The most bytes one PQputCopyData takes (its length is an int). */
#define COPY_CHUNK	(1 << 20)

/*
 * COPY ... FROM STDIN: the whole of data in one statement, which the
 * server reads as it comes.  A failure of the server (a row it refuses)
 * comes back from PQgetResult after the end of the data.
 */
static int
pg_copy_in(struct tam_db *db, const char *sql, const char *data, size_t len,
    int64_t *rows, char **err)
{
	PGresult	*r;
	const char	*n;
	size_t		 off, k;
	int		 ok = 1;

	*rows = 0;
	r = PQexec(db->pg, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		keep_error(db, r);
		PQclear(r);
		return pg_fail(db, err);
	}
	PQclear(r);
	for (off = 0; off < len && ok; off += k) {
		k = len - off < COPY_CHUNK ? len - off : COPY_CHUNK;
		ok = PQputCopyData(db->pg, data + off, (int)k) == 1;
	}
	/* Ended either way: a COPY left open would hold the connection. */
	if (PQputCopyEnd(db->pg, ok ? NULL : "tam: the data was not sent") !=
	    1)
		ok = 0;
	if (!ok)
		keep_error(db, NULL);
	while ((r = PQgetResult(db->pg)) != NULL) {
		if (PQresultStatus(r) == PGRES_COMMAND_OK) {
			n = PQcmdTuples(r);
			*rows = *n != '\0' ? strtoll(n, NULL, 10) : 0;
		} else if (ok) {
			keep_error(db, r);
			ok = 0;
		}
		PQclear(r);
	}
	return ok ? 0 : pg_fail(db, err);
}

static void
pg_close(struct tam_db *db)
{
	PQfinish(db->pg);
	db->pg = NULL;
	free(db->pg_error);
	db->pg_error = NULL;
}

/* The server's notices (a NOTICE of CREATE ... IF NOT EXISTS) are not ours. */
static void
quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/*
 * The version of tam's schema in the database: 0 when there is no
 * schema "tam", -1 when there is one that is not tam's.
 */
static int
schema_version(struct tam_db *db, int *version, char **err)
{
	PGresult	*r;
	const char	*c;

	if (run(db, "SELECT pg_catalog.obj_description(n.oid, "
	    "'pg_namespace') FROM pg_catalog.pg_namespace n "
	    "WHERE n.nspname = 'tam'", &r) != 0)
		return pg_fail(db, err);
	if (PQntuples(r) == 0)
		*version = 0;
	else if ((c = PQgetvalue(r, 0, 0)) != NULL &&
	    strncmp(c, SCHEMA_COMMENT, strlen(SCHEMA_COMMENT)) == 0)
		*version = atoi(c + strlen(SCHEMA_COMMENT));
	else
		*version = -1;
	PQclear(r);
	return 0;
}

/*
 * Creates or migrates tam's schema, in one transaction, under a lock
 * that makes the first tams of a new database wait for each other.
 */
static int
migrate(struct tam_db *db, int version, char **err)
{
	char	sql[96];
	int	i;

	if (pg_exec(db, "BEGIN", err) != 0)
		return -1;
	if (pg_exec(db, "SELECT pg_advisory_xact_lock(" LOCK_MIGRATE ")",
	    err) != 0 ||
	    schema_version(db, &version, err) != 0)
		goto fail;
	if (version < 0 || version > db_schema_version())
		goto done;
	if (version == 0 && pg_exec(db, "CREATE SCHEMA tam", err) != 0)
		goto fail;
	for (i = 0; i < tam_pg_nmigrations; i++) {
		if (tam_pg_migrations[i].version <= version)
			continue;
		if (pg_exec(db, tam_pg_migrations[i].sql, err) != 0)
			goto fail;
	}
	/* An integer of ours (COMMENT takes no parameter): user_version. */
	snprintf(sql, sizeof sql, "COMMENT ON SCHEMA tam IS 'tam schema %d'",
	    db_schema_version());
	if (pg_exec(db, sql, err) != 0)
		goto fail;
done:
	return pg_commit(db, err);
fail:
	pg_rollback(db);
	return -1;
}

/*
 * The password of a connection string, to be kept out of every message
 * (libpq's own included): allocated, or NULL.
 */
static char *
password_of(const char *conninfo)
{
	PQconninfoOption	*o, *opts;
	char			*pw = NULL;

	if ((opts = PQconninfoParse(conninfo, NULL)) == NULL)
		return NULL;
	for (o = opts; o->keyword != NULL; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val != NULL &&
		    *o->val != '\0')
			pw = xstrdup(o->val);
	PQconninfoFree(opts);
	return pw;
}

/* libpq's message, one line, with any password in it masked. */
static char *
connect_message(PGconn *c, const char *pw)
{
	char	*m = xstrdup(c != NULL ? PQerrorMessage(c) : "out of memory");
	char	*p;
	size_t	 n;

	for (p = m; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = *p == '\n' && p[1] == '\0' ? '\0' : ' ';
	/* "failed: Connection refused  Is the server running...": one space. */
	for (p = m; (p = strstr(p, "  ")) != NULL;)
		memmove(p, p + 1, strlen(p));
	while ((n = strlen(m)) > 0 && m[n - 1] == ' ')
		m[n - 1] = '\0';
	if (pw != NULL && *pw != '\0')
		while ((p = strstr(m, pw)) != NULL)
			memset(p, '*', strlen(pw));
	return m;
}

/*
 * Opens libpq, once: TAM_LIBPQ names another file of it (a site whose
 * libpq lives elsewhere), else the soname of Debian's libpq5.
 */
static int
pq_load(char **err)
{
	static void	*h;
	const char	*lib;

	if (h != NULL)
		return 0;
	if ((lib = getenv("TAM_LIBPQ")) == NULL || *lib == '\0')
		lib = "libpq.so.5";
	if ((h = dlopen(lib, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*err = xasprintf("cannot load PostgreSQL's client library "
		    "(%s); install it (apt-get install libpq5) or name it with "
		    "TAM_LIBPQ", dlerror());
		return -1;
	}
#define PQ_RESOLVE(f) \
	if ((pq_##f = (__typeof__(pq_##f))dlsym(h, #f)) == NULL) \
		goto fail;
	PQ_FUNCS(PQ_RESOLVE)
#undef PQ_RESOLVE
	return 0;
fail:
	*err = xasprintf("'%s' is not a libpq tam can use (%s); unset "
	    "TAM_LIBPQ or name libpq.so.5", lib, dlerror());
	dlclose(h);
	h = NULL;
	return -1;
}

static int
connect_server(const char *conninfo, struct tam_db **out, char **err)
{
	const char	*kw[4], *val[4];
	struct tam_db	*db;
	PGconn		*c;
	char		*pw, *msg, ms[16];
	const char	*param[1] = { ms };
	PGresult	*r;
	int		 n = 0;

	*out = NULL;
	if (pq_load(err) != 0)
		return -1;
	/* Given ones win: the string's, then PGCONNECT_TIMEOUT. */
	if (getenv("PGCONNECT_TIMEOUT") == NULL) {
		kw[n] = "connect_timeout";
		val[n++] = CONNECT_TIMEOUT;
	}
	kw[n] = "fallback_application_name";
	val[n++] = "tam";
	kw[n] = "dbname";
	val[n++] = conninfo;
	kw[n] = NULL;
	val[n] = NULL;
	c = PQconnectdbParams(kw, val, 1);
	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		pw = password_of(conninfo);
		msg = connect_message(c, pw);
		free(pw);
		pw = db_display_name(conninfo);
		*err = xasprintf("cannot connect to database '%s': %s", pw,
		    msg);
		free(pw);
		free(msg);
		PQfinish(c);
		return -1;
	}
	PQsetNoticeProcessor(c, quiet, NULL);
	db = xcalloc(1, sizeof *db);
	db->eng = &engine_pg;
	db->pg = c;
	db->path = db_display_name(conninfo);
	/*
	 * The same text on both engines: ISO dates, UTC, UTF-8; tam's
	 * schema first.  A lock is waited for as long as on SQLite.
	 */
	if (pg_exec(db, "SET DateStyle = ISO; SET TimeZone = 'UTC'; "
	    "SET client_encoding = 'UTF8'; SET search_path = tam", err) != 0) {
		db_close(db);
		return -1;
	}
	snprintf(ms, sizeof ms, "%d", dbi_busy_timeout());
	/*
	 * The planner's default random_page_cost (4) is a spinning disk's:
	 * with it one TAM's tasks come from a scan of every task instead of
	 * a probe per account (11 ms against 2 on 100,000 accounts).  A
	 * site that has set its own keeps it.
	 */
	r = PQexecParams(c, "SELECT set_config('lock_timeout', $1, false), "
	    "CASE WHEN current_setting('random_page_cost') = '4' THEN "
	    "set_config('random_page_cost', '1.1', false) END", 1, NULL, param,
	    NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		keep_error(db, r);
		PQclear(r);
		pg_fail(db, err);
		db_close(db);
		return -1;
	}
	PQclear(r);
	*out = db;
	return 0;
}

/*
 * Who the login is on this database's team.  One not on it could read
 * nothing (the server sees to that): tam says so rather than show an
 * empty book.
 */
static int
who_is_connected(struct tam_db *db, char **err)
{
	static const struct {
		const char	*name;
		enum db_role	 role;
	} roles[] = {
		{ "owner", DB_ROLE_OWNER }, { "admin", DB_ROLE_ADMIN },
		{ "manager", DB_ROLE_MANAGER }, { "tam", DB_ROLE_TAM }
	};
	PGresult	*r;
	const char	*role;
	size_t		 i;

	if (run(db, "SELECT session_user, login_role(), login_tam_name()",
	    &r) != 0)
		return pg_fail(db, err);
	db->login = xstrdup(PQgetvalue(r, 0, 0));
	role = PQgetisnull(r, 0, 1) ? NULL : PQgetvalue(r, 0, 1);
	for (i = 0; role != NULL && i < sizeof roles / sizeof *roles; i++)
		if (strcmp(role, roles[i].name) == 0)
			db->role = roles[i].role;
	if (!PQgetisnull(r, 0, 2))
		db->login_tam = xstrdup(PQgetvalue(r, 0, 2));
	PQclear(r);
	if (db->role == DB_ROLE_FILE) {
		*err = xasprintf("login '%s' is not on this team; ask the "
		    "owner to run 'tam team add %s --tam NAME'", db->login,
		    db->login);
		return -1;
	}
	return 0;
}

int
pg_open(const char *conninfo, struct tam_db **out, char **err)
{
	struct tam_db	*db;
	int		 version;

	if (connect_server(conninfo, &db, err) != 0)
		return -1;
	if (schema_version(db, &version, err) != 0)
		goto fail;
	if (version >= 0 && version < db_schema_version() &&
	    (migrate(db, version, err) != 0 ||
	    schema_version(db, &version, err) != 0))
		goto fail;
	if (version < 0) {
		*err = xasprintf("database '%s' has a schema \"tam\" that is "
		    "not tam's; give another database with --db", db->path);
		goto fail;
	}
	if (version > db_schema_version()) {
		*err = xasprintf("database '%s' was written by a newer tam "
		    "(schema %d, this tam knows up to %d); upgrade tam",
		    db->path, version, db_schema_version());
		goto fail;
	}
	if (who_is_connected(db, err) != 0)
		goto fail;
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

struct tam_db *
pg_open_readonly(const char *conninfo)
{
	struct tam_db	*db;
	char		*err = NULL;
	int		 version;

	if (connect_server(conninfo, &db, &err) != 0) {
		free(err);
		return NULL;
	}
	if (schema_version(db, &version, &err) != 0 ||
	    version != db_schema_version() ||
	    pg_begin(db, 0, &err) != 0) {
		free(err);
		db_close(db);
		return NULL;
	}
	return db;
}

int
dbi_pg_import_lock(struct tam_db *db, char **err)
{
	/*
	 * Taken under the writer lock, so it is free: it only tells the
	 * writers that wait (pg_begin) that an import is what holds them.
	 */
	return pg_exec(db, "SELECT pg_advisory_xact_lock(" LOCK_IMPORT ")",
	    err);
}

int
db_server_support(void)
{
	return 1;
}

const struct engine engine_pg = {
	.name = "PostgreSQL",
	DBI_ENGINE_OPS(pg),
	.exec = pg_exec,
	.copy_in = pg_copy_in,
};

#else /* !HAVE_LIBPQ */

/*
 * A build without libpq: a server's URI is refused before anything is
 * opened (cmd.c asks db_server_support), and these are never reached.
 */
int
pg_open(const char *conninfo, struct tam_db **out, char **err)
{
	(void)conninfo;
	*out = NULL;
	*err = xstrdup("this tam was built without PostgreSQL support");
	return -1;
}

struct tam_db *
pg_open_readonly(const char *conninfo)
{
	(void)conninfo;
	return NULL;
}

int
dbi_pg_import_lock(struct tam_db *db, char **err)
{
	(void)db;
	*err = xstrdup("this tam was built without PostgreSQL support");
	return -1;
}

int
db_server_support(void)
{
	return 0;
}

/* Never in use: only a server's database has this engine. */
const struct engine engine_pg = { .name = "PostgreSQL" };

#endif /* HAVE_LIBPQ */
