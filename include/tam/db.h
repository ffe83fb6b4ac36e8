/*
 * db.h: the storage layer.  Every SQL statement of tam lives in src/db/;
 * everything above it speaks in structs and ids.  Functions return 0 on
 * success (1 where "not found" is a normal answer) and -1 with *err set
 * to an allocated message the caller frees.
 */
#ifndef TAM_DB_H
#define TAM_DB_H

#include <stdint.h>

struct account;		/* account.h: the record, which needs no database */
struct tam_db;

/* --- the database -------------------------------------------------- */

/*
 * Is path a PostgreSQL server's (a libpq URI "postgresql://..." or
 * "postgres://...", or "service=NAME" of pg_service.conf)?  Anything
 * else is the path of an SQLite file.
 */
int	 db_is_server(const char *path);
/*
 * A server's connection string as it may be shown: the password of a
 * URI or of "password=..." taken out.  Allocated.
 */
char	*db_display_name(const char *path);
/*
 * Who the connected login is on a server's team (sql/pg/0005-team.sql):
 * what they may read and change is the server's to enforce; tam follows
 * it in its defaults.  DB_ROLE_FILE for SQLite: the file is the user's.
 */
enum db_role {
	DB_ROLE_FILE,
	DB_ROLE_OWNER,		/* the database's owner (or a superuser) */
	DB_ROLE_ADMIN,
	DB_ROLE_MANAGER,
	DB_ROLE_TAM
};
enum db_role db_login_role(const struct tam_db *);
/* The login's name (NULL on SQLite), and a TAM login's TAM name. */
const char *db_login(const struct tam_db *);
const char *db_login_tam(const struct tam_db *);

/* Is this build able to reach a server (built with libpq)? */
int	 db_server_support(void);

/*
 * On a server (db_is_server): connects (libpq's environment and
 * ~/.pgpass apply; connect_timeout defaults to 10 s), and creates tam's
 * schema "tam" in the database when it has none, or migrates it.
 *
 * Otherwise opens (creating if missing, with its folders 0700 and the file 0600)
 * and migrates the database at path.  A path is a file name: no URI, no
 * ":memory:".  A new database appears at path complete or not at all,
 * and path is never removed, so tam processes racing to create it all
 * end up on the same file.  Refused untouched: what is not a regular
 * file, an empty file of another user or that others may write, a file
 * that is not a tam database, comes from a newer tam, or whose schema is
 * not the one tam made (altered by another program).  A lock met while
 * opening is waited for up to the busy timeout.  *warn (allocated, or
 * NULL; always NULL on failure) is a warning to print: the database is
 * open to other users.
 */
int	 db_open(const char *path, struct tam_db **out, char **warn,
	    char **err);
void	 db_close(struct tam_db *);
/* The database as messages name it: a path, or a URI without password. */
const char *db_name(const struct tam_db *);
/* Read-only and quiet, for completion: NULL unless a tam database. */
struct tam_db *db_open_readonly(const char *path);
/* The version of the SQLite library in use. */
const char *db_sqlite_version(void);
/* The schema version this binary writes. */
int	 db_schema_version(void);
/*
 * BEGIN IMMEDIATE (write) or BEGIN (read); on a server, a REPEATABLE
 * READ transaction (READ ONLY for read).
 */
int	 db_begin(struct tam_db *, int write, char **err);
int	 db_commit(struct tam_db *, char **err);
void	 db_rollback(struct tam_db *);
/*
 * Was the last failure one that the same transaction, run again from
 * its start, may not meet (a server's serialization failure or
 * deadlock)?  The dispatcher then rolls back and runs the command again.
 */
int	 db_retry(const struct tam_db *);

/* --- accounts --------------------------------------------------------- */

/* Loads account id into a (initialised by the caller). 0, 1 none, -1. */
int	 db_account_get(struct tam_db *, int64_t id, struct account *a,
	    char **err);
/* The id of the account with this 18-character sfid. 0, 1 none, -1. */
int	 db_account_by_sfid(struct tam_db *, const char *sfid, int64_t *id,
	    char **err);
/*
 * Ids of accounts whose name equals (exact) or starts with (prefix)
 * name, compared folded (text.h), at most max of them.  *ids is
 * allocated.
 */
int	 db_account_by_name(struct tam_db *, const char *name, int prefix,
	    int max, int64_t **ids, int *n, char **err);
/* Inserts a (a->id is set); now is the created/updated timestamp. */
int	 db_account_insert(struct tam_db *, struct account *a,
	    const char *now, char **err);
/* Writes every field of a over the row a->id. */
int	 db_account_update(struct tam_db *, const struct account *a,
	    const char *now, char **err);
/* Deletes the account and every row that belongs to it. */
int	 db_account_delete(struct tam_db *, int64_t id, char **err);

struct account_filter {
	const char	*tam;		/* folded TAM name; NULL: any */
	int		 sentiment;	/* SENT_NONE: any */
	int		 triage;	/* only requires_triage */
	int		 renewing_before; /* DATE_NONE: any; else today..this */
	int		 today;
	int64_t		 strategic_over; /* -1: any; else acv > this */
	int		 archived;	/* 0: active ones, 1: archived ones */
};

/*
 * Calls fn for each account matching f, sorted by renewal date (none
 * last) then name.  The account passed is borrowed for the call.  A
 * non-zero return from fn stops the walk and is returned.
 */
int	 db_account_each(struct tam_db *, const struct account_filter *f,
	    int (*fn)(void *, const struct account *), void *arg, char **err);
/*
 * The TAMs of the book, by their folded names (text.h).  db_tam_get
 * sets *name to the name of a TAM whose folded name is fold: 0, 1 when
 * no account has that TAM, -1.  db_tam_next gives the TAM whose folded
 * name comes next after after ("" for the first): 0 with *fold and
 * *name, 1 past the last, -1.  The strings are the caller's to free.
 */
int	 db_tam_get(struct tam_db *, const char *fold, char **name,
	    char **err);
int	 db_tam_next(struct tam_db *, const char *after, char **fold,
	    char **name, char **err);
/* Number of accounts (for import and bench). */
int	 db_account_count(struct tam_db *, int64_t *n, char **err);

/* --- timeline --------------------------------------------------------- */

struct post {
	int64_t		 id;
	int64_t		 account_id;
	const char	*at;
	const char	*type;
	const char	*author;
	int		 sentiment;
	int		 requires_triage;
	const char	*body;
};

/* Appends a post (id is set).  The timeline is never edited. */
int	 db_post_add(struct tam_db *, struct post *, char **err);
/*
 * Calls fn for the account's posts, newest first, of type (NULL: all)
 * since the date "YYYY-MM-DD" (NULL: all), at most limit (0: all).
 * account_id 0 walks every account's posts (oldest first).
 */
int	 db_post_each(struct tam_db *, int64_t account_id, const char *type,
	    const char *since, int limit,
	    int (*fn)(void *, const struct post *), void *arg, char **err);

/* --- health history ---------------------------------------------------- */

int	 db_health_add(struct tam_db *, int64_t account_id, int date,
	    int score, char **err);
/* Calls fn(arg, date, score) for rows since date, oldest first. */
int	 db_health_each(struct tam_db *, int64_t account_id, int since,
	    int (*fn)(void *, int, int), void *arg, char **err);

/* --- CTAs and tasks ----------------------------------------------------- */

struct cta {
	int64_t		 id;
	int64_t		 account_id;
	const char	*account;	/* name, read only */
	const char	*kind;		/* "renewal" / "risk" */
	const char	*title;
	const char	*playbook;
	const char	*status;
	const char	*risk_type;
	const char	*risk_reason;
	const char	*opened_at;
	const char	*opened_by;
	int		 renewal_date;	/* DATE_NONE */
	const char	*closed_at;
	const char	*outcome_note;
	int		 has_net_arr;
	int64_t		 net_arr_cents;
	const char	*currency;	/* the account's, read only */
};

struct task {
	int64_t		 id;
	int64_t		 account_id;
	const char	*account;	/* name, read only */
	int64_t		 cta_id;	/* 0: none */
	const char	*kind;
	const char	*title;
	int		 due;
	const char	*status;
	const char	*done_at;
	const char	*note;
	const char	*created_at;
};

/* Inserts a CTA (id is set; status "open" when NULL). */
int	 db_cta_insert(struct tam_db *, struct cta *, char **err);
/* Inserts a task (id is set; status "open" when NULL). */
int	 db_task_insert(struct tam_db *, struct task *, char **err);
/*
 * Sets a task's status ("done", "skipped", "cancelled"), done_at and,
 * if note is not NULL, its note.  Only an open task changes: returns 0,
 * or 1 when the task is missing or not open.
 */
int	 db_task_close(struct tam_db *, int64_t id, const char *status,
	    const char *at, const char *note, char **err);
/* Loads one task/CTA; the strings live until the next call. 0, 1, -1. */
int	 db_task_get(struct tam_db *, int64_t id, struct task *, char **err);
int	 db_cta_get(struct tam_db *, int64_t id, struct cta *, char **err);

struct cta_filter {
	int64_t		 account_id;	/* 0: any */
	int		 open_only;
	const char	*kind;		/* NULL: any */
	const char	*tam;		/* folded TAM name; NULL: any */
};

struct task_filter {
	int64_t		 account_id;	/* 0: any */
	int64_t		 cta_id;	/* 0: any */
	int		 open_only;
	const char	*kind;		/* NULL: any */
	const char	*tam;		/* folded TAM name; NULL: any */
};

/* Walks CTAs (by id) and tasks (by due date, id); structs are borrowed. */
int	 db_cta_each(struct tam_db *, const struct cta_filter *,
	    int (*fn)(void *, const struct cta *), void *arg, char **err);
int	 db_task_each(struct tam_db *, const struct task_filter *,
	    int (*fn)(void *, const struct task *), void *arg, char **err);
/*
 * Closes a CTA: status, closed_at, outcome note and net ARR (has_net_arr
 * 0: left NULL), and cancels (or, with task_status, closes as that) its
 * open tasks.  Only an open CTA changes: 0, or 1 when not open.
 */
int	 db_cta_close(struct tam_db *, int64_t id, const char *status,
	    const char *at, const char *note, int has_net_arr,
	    int64_t net_arr_cents, const char *task_status, char **err);

/* --- settings ------------------------------------------------------------ */

/* The stored value of key (allocated), or 1 when unset. */
int	 db_setting_get(struct tam_db *, const char *key, char **value,
	    char **err);
int	 db_setting_set(struct tam_db *, const char *key, const char *value,
	    char **err);

#endif
