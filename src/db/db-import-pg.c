/*
 * db-import-pg.c: tam import on a server, a batch of rows at a time.
 * Row by row, each statement of an import row is a round trip to the
 * server; a 100,000-row export took minutes.  Here the rows of a batch
 * find their accounts in memory, read in one query, and what they write
 * goes to the server with COPY at the end of the batch.
 *
 * While a stage is open (db->stage), the functions an import row calls
 * answer from it and write to it, so that the import's own code, and
 * account_create and account_save under it, run as they run on SQLite:
 *
 *   db_account_get, db_account_by_sfid, db_import_by_sfid,
 *   db_account_by_name (exact), db_import_unlinked: from the batch's
 *   accounts, which always hold what a query would see at this row;
 *   db_account_insert, db_account_update, db_post_add, db_health_add:
 *   kept in the batch, with the ids NEXT_ID would give (writers take
 *   turns: no one else adds a row meanwhile);
 *   db_sched_renewal_state: the archived flag of a kept account.
 *
 * The renewal re-plan (plan.c) still runs its own statements on the
 * server: its CTAs and tasks are tables the stage does not keep, and
 * the accounts they hang off are on the server already (an import
 * saves an account it found there, once).
 *
 * Accounts a batch will look up are read before its first row: those
 * with the batch's Salesforce IDs and folded names (db_import_stage_want,
 * db_import_stage_fetch, db_import_stage_next).  A key the batch did not announce is read when
 * it is first looked up.  Either way an account the batch changed
 * answers as changed: the server's copy of it is not looked at again.
 * The end of a batch makes the COPY text of what it wrote and forgets
 * the batch: new accounts go with COPY into account, changed ones with
 * COPY into a temporary table applied by one INSERT ... ON CONFLICT (id)
 * DO UPDATE, then the timeline posts and health rows with COPY.  Where
 * the login's row-level security policies bind (team mode), COPY may not
 * write the tables: every kind goes through its temporary table and an
 * INSERT, which the policies check.  Memory is that of a batch or two,
 * whatever the size of the file.
 *
 * The server's work is most of an import's time, so it runs beside the
 * client's: while a batch runs its rows, a worker thread sends what the
 * batch before wrote and then reads the accounts the next batch names,
 * and the import parses the batch after.  Those reads come before the
 * writes of the batch that is running, so the accounts a batch wrote
 * stay in the stage through the next batch and answer for the server's.
 * Every statement waits for the worker first (dbi_stage_idle, called by
 * dbi_stmt): the connection is one.
 *
 * Into a database that had no account when the import began, every
 * account on the server is one the import sent: a key it never sent
 * (a Bloom filter of them says so) is looked up by nobody.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/db-import.h"
#include "tam/text.h"
#include "db-internal.h"

/*
 * The columns of account that a COPY writes, in DBI_ACCOUNT_COLS order,
 * then the copies: the folded name and TAM, the time of the last
 * sentiment post this import staged for the account (struct entry).
 */
#define STAGE_COLS \
	"id, sfid, name, tam, sal, sa, rsd, tam_manager, acv_cents, " \
	"currency, renewal_date, health_score, sentiment, requires_triage, " \
	"lifecycle_stage, upsell, region, segment, objectives, licenses, " \
	"active_users, archived, created_at, updated_at, name_fold, tam_fold, " \
	"sentiment_posted_at"

/* --- text in COPY's format ------------------------------------------- */

struct sbuf {
	char	*p;
	size_t	 n, cap;
};

static void
sbuf_room(struct sbuf *b, size_t more)
{
	if (b->n + more <= b->cap)
		return;
	while (b->n + more > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64 * 1024;
	b->p = xrealloc(b->p, b->cap);
}

static void
sbuf_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

static void
put(struct sbuf *b, const char *s, size_t n)
{
	sbuf_room(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
put_c(struct sbuf *b, char c)
{
	sbuf_room(b, 1);
	b->p[b->n++] = c;
}

/*
 * A text column: backslash, and the tab, newline and carriage return
 * that would end a column or a row, as COPY's text format escapes them;
 * \N is NULL.
 */
static void
put_text(struct sbuf *b, const char *s)
{
	size_t	 len;
	char	*o;

	if (s == NULL) {
		put(b, "\\N", 2);
		return;
	}
	len = strlen(s);
	sbuf_room(b, len * 2);
	o = b->p + b->n;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			*o++ = '\\';
			*o++ = '\\';
			break;
		case '\t':
			*o++ = '\\';
			*o++ = 't';
			break;
		case '\n':
			*o++ = '\\';
			*o++ = 'n';
			break;
		case '\r':
			*o++ = '\\';
			*o++ = 'r';
			break;
		default:
			*o++ = *s;
		}
	}
	b->n = (size_t)(o - b->p);
}

static void
put_int(struct sbuf *b, int64_t v)
{
	char		 buf[24], *p = buf + sizeof buf;
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	put(b, p, (size_t)(buf + sizeof buf - p));
}

static void
put_opt_int(struct sbuf *b, int has, int64_t v)
{
	if (has)
		put_int(b, v);
	else
		put(b, "\\N", 2);
}

static void
put_date(struct sbuf *b, int d)
{
	char	buf[11];

	if (d == DATE_NONE) {
		put(b, "\\N", 2);
		return;
	}
	date_format(d, buf);
	put(b, buf, strlen(buf));
}

/* One element of a text[] literal: "..." with " and \ escaped. */
static void
put_array_elem(struct sbuf *b, const char *s)
{
	put_c(b, b->n == 0 ? '{' : ',');
	put_c(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			put_c(b, '\\');
		put_c(b, *s);
	}
	put_c(b, '"');
}

/* The literal: "{" then the elements, then "}", as a C string. */
static const char *
array_end(struct sbuf *b)
{
	if (b->n == 0)
		put_c(b, '{');
	put(b, "}", 2);
	return b->p;
}

/* --- maps -------------------------------------------------------------- */

/*
 * Open addressing over strings the map borrows (the accounts' own, or
 * for the sets of keys its own copies).  A removed key leaves a
 * tombstone; a map lives for one batch, so they never pile up.
 */
struct smap_slot {
	const char	*key;	/* NULL: empty; tomb: removed */
	void		*val;
	uint64_t	 hash;	/* of key: most misses compare no text */
};

struct smap {
	struct smap_slot	*v;
	size_t			 cap, used;	/* used counts tombstones */
};

static const char	tomb[] = "";

static uint64_t
hash_str(const char *s)
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct smap_slot *
smap_slot(const struct smap *m, const char *key, uint64_t h)
{
	size_t	i;

	if (m->cap == 0)
		return NULL;
	for (i = h & (m->cap - 1); m->v[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->v[i].hash == h && m->v[i].key != tomb &&
		    strcmp(m->v[i].key, key) == 0)
			return &m->v[i];
	return NULL;
}

static void *
smap_get(const struct smap *m, const char *key)
{
	struct smap_slot	*s = smap_slot(m, key, hash_str(key));

	return s != NULL ? s->val : NULL;
}

/* Files key in an empty slot (it is not in m). */
static void
smap_add(struct smap *m, const char *key, uint64_t h, void *val)
{
	size_t	i;

	for (i = h & (m->cap - 1); m->v[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		;
	m->v[i].key = key;
	m->v[i].val = val;
	m->v[i].hash = h;
	m->used++;
}

static void
smap_grow(struct smap *m)
{
	struct smap	old = *m;
	size_t		i;

	m->cap = old.cap ? old.cap * 2 : 1024;
	m->v = xcalloc(m->cap, sizeof *m->v);
	m->used = 0;
	for (i = 0; i < old.cap; i++)
		if (old.v[i].key != NULL && old.v[i].key != tomb)
			smap_add(m, old.v[i].key, old.v[i].hash,
			    old.v[i].val);
	free(old.v);
}

static void
smap_put(struct smap *m, const char *key, void *val)
{
	struct smap_slot	*s;
	uint64_t		 h = hash_str(key);

	if ((s = smap_slot(m, key, h)) != NULL) {
		s->key = key;
		s->val = val;
		return;
	}
	if ((m->used + 1) * 2 > m->cap)
		smap_grow(m);
	smap_add(m, key, h, val);
}

static void
smap_del(struct smap *m, const char *key)
{
	struct smap_slot	*s = smap_slot(m, key, hash_str(key));

	if (s != NULL) {
		s->key = tomb;
		s->val = NULL;
	}
}

/*
 * Empties m, keeping its room for the next batch; with own, the keys
 * are the map's and are freed.
 */
static void
smap_clear(struct smap *m, int own)
{
	size_t	i;

	if (own)
		for (i = 0; i < m->cap; i++)
			if (m->v[i].key != NULL && m->v[i].key != tomb)
				free((char *)m->v[i].key);
	if (m->cap > 0)
		memset(m->v, 0, m->cap * sizeof *m->v);
	m->used = 0;
}

static void
smap_free(struct smap *m, int own)
{
	smap_clear(m, own);
	free(m->v);
	m->v = NULL;
	m->cap = 0;
}

/* --- the batch's accounts ---------------------------------------------- */

enum entry_state {
	E_CLEAN,	/* as on the server (or as the writes sent make it) */
	E_NEW,		/* not on the server yet */
	E_CHANGED,	/* on the server with other values */
	E_KEPT		/* kept by db_import_stage_flush: not freed */
};

struct entry {
	struct account		 a;	/* as a query would read it now */
	char			*fold;	/* the name_fold of a.name */
	char			*db_sfid; /* the ID the server holds now */
	enum entry_state	 state;
	int			 touched; /* written by this batch */
	struct entry		*next;	/* the next of the same fold */
	/*
	 * The at of the newest sentiment or Risk Update post staged for
	 * the account, NULL for none: written with the account, so that
	 * the timeline's trigger (sql/pg/0009-sentiment-posted.sql) finds
	 * it up to date instead of writing each account a second time.
	 */
	char			*posted;
};

/* What the worker sends, then reads; its outcome. */
struct job {
	struct sbuf	 fresh, changed, posts, health;	/* COPY text */
	struct sbuf	 want_sfid, want_fold;	/* text[] literals */
	struct entry	**got;		/* the accounts read, not filed */
	size_t		 ngot, capgot;
	int		 rc;
	char		*err;
};

/* Bits of the Bloom filter of the keys sent (a power of two). */
#define BLOOM_BITS	(16u * 1024 * 1024)
#define BLOOM_K		4

struct import_stage {
	int64_t		 last_account, last_post, last_health;
	int		 direct;	/* COPY may write the tables */
	unsigned	 have_temp;	/* temps[] made, a bit each */
	unsigned char	*sent;		/* Bloom filter; NULL: not in use */
	struct job	 job[2];	/* one being sent, one being made */
	int		 pending;	/* the job made, not sent; -1 */
	int		 running;	/* the job being sent; -1 */
	pthread_t	 worker;
	struct entry	**e;		/* the batch's accounts */
	size_t		 ne, cape;
	struct entry	**by_id;	/* open addressing on a.id */
	size_t		 cap_id;
	struct smap	 by_sfid;	/* a.sfid -> entry */
	struct smap	 by_db_sfid;	/* db_sfid -> entry */
	struct smap	 by_fold;	/* fold -> the first entry */
	struct smap	 known_sfid;	/* keys read from the server */
	struct smap	 known_fold;
	struct smap	 ahead_sfid;	/* ... for the next batch */
	struct smap	 ahead_fold;
	struct sbuf	 want_sfid, want_fold;	/* text[] literals */
	struct sbuf	 posts, health;	/* COPY rows of this batch */
};

static struct entry *
by_id(const struct import_stage *s, int64_t id)
{
	size_t	i;

	if (s->cap_id == 0)
		return NULL;
	for (i = (size_t)id * 11400714819323198485ULL & (s->cap_id - 1);
	    s->by_id[i] != NULL; i = (i + 1) & (s->cap_id - 1))
		if (s->by_id[i]->a.id == id)
			return s->by_id[i];
	return NULL;
}

static void
by_id_put(struct import_stage *s, struct entry *e)
{
	struct entry	**old = s->by_id;
	size_t		  oldcap = s->cap_id, i;

	if ((s->ne + 1) * 2 > s->cap_id) {
		s->cap_id = oldcap ? oldcap * 2 : 1024;
		s->by_id = xcalloc(s->cap_id, sizeof *s->by_id);
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				by_id_put(s, old[i]);
		free(old);
	}
	for (i = (size_t)e->a.id * 11400714819323198485ULL &
	    (s->cap_id - 1); s->by_id[i] != NULL; i = (i + 1) &
	    (s->cap_id - 1))
		;
	s->by_id[i] = e;
}

/* Enters e's ID and folded name in the maps. */
static void
keys_add(struct import_stage *s, struct entry *e)
{
	if (e->a.sfid != NULL)
		smap_put(&s->by_sfid, e->a.sfid, e);
	e->next = smap_get(&s->by_fold, e->fold);
	smap_put(&s->by_fold, e->fold, e);
}

/* Takes e's ID and folded name out of the maps, before they change. */
static void
keys_drop(struct import_stage *s, struct entry *e)
{
	struct entry	**pp, *head;

	if (e->a.sfid != NULL && smap_get(&s->by_sfid, e->a.sfid) == e)
		smap_del(&s->by_sfid, e->a.sfid);
	head = smap_get(&s->by_fold, e->fold);
	for (pp = &head; *pp != NULL; pp = &(*pp)->next)
		if (*pp == e) {
			*pp = e->next;
			break;
		}
	/* The map's key is a string of the entry at its head: re-keyed. */
	smap_del(&s->by_fold, e->fold);
	if (head != NULL)
		smap_put(&s->by_fold, head->fold, head);
	e->next = NULL;
}

static void
set_db_sfid(struct import_stage *s, struct entry *e)
{
	if (e->db_sfid != NULL) {
		if (smap_get(&s->by_db_sfid, e->db_sfid) == e)
			smap_del(&s->by_db_sfid, e->db_sfid);
		free(e->db_sfid);
	}
	e->db_sfid = e->a.sfid != NULL ? xstrdup(e->a.sfid) : NULL;
	if (e->db_sfid != NULL)
		smap_put(&s->by_db_sfid, e->db_sfid, e);
}

static struct entry *
entry_new(struct import_stage *s)
{
	struct entry	*e = xcalloc(1, sizeof *e);

	account_init(&e->a);
	s->e = xarray_room(s->e, s->ne, &s->cape, sizeof *s->e);
	s->e[s->ne] = e;
	return e;
}

/* Files e (its a.id and fold set), the last of s->e. */
static void
entry_file(struct import_stage *s, struct entry *e)
{
	by_id_put(s, e);
	s->ne++;
	keys_add(s, e);
}

/* The account of a row of fetch, as the server has it; not filed. */
static struct entry *
entry_read(struct dbstmt *st)
{
	struct entry	*e = xcalloc(1, sizeof *e);

	account_init(&e->a);
	dbi_read_account(st, 0, &e->a);
	e->fold = dbi_col_dup(st, DBI_NACCOUNT_COLS);
	if (e->fold == NULL)
		e->fold = text_fold(e->a.name);
	e->state = E_CLEAN;
	return e;
}

static void
entry_free(struct entry *e)
{
	account_release(&e->a);
	free(e->fold);
	free(e->db_sfid);
	free(e->posted);
	free(e);
}

/*
 * Files an account read from the server, unless the batch has it: what
 * the batch holds is as new as the row or newer (written by it, or by
 * the batch before while the row was read).
 */
static void
entry_take(struct import_stage *s, struct entry *e)
{
	if (by_id(s, e->a.id) != NULL) {
		entry_free(e);
		return;
	}
	s->e = xarray_room(s->e, s->ne, &s->cape, sizeof *s->e);
	s->e[s->ne] = e;
	entry_file(s, e);
	set_db_sfid(s, e);
}

/* A row of fetch, read now. */
static int
row_entry(void *arg, struct dbstmt *st)
{
	struct import_stage	*s = arg;

	if (by_id(s, dbi_col_i64(st, 0)) == NULL)
		entry_take(s, entry_read(st));
	return 0;
}

/* A row of fetch, read by the worker ahead of its batch. */
static int
row_got(void *arg, struct dbstmt *st)
{
	struct job	*j = arg;

	j->got = xarray_room(j->got, j->ngot, &j->capgot, sizeof *j->got);
	j->got[j->ngot++] = entry_read(st);
	return 0;
}

static void
entries_clear(struct import_stage *s)
{
	size_t	i;

	for (i = 0; i < s->ne; i++)
		if (s->e[i]->state != E_KEPT)
			entry_free(s->e[i]);
	s->ne = 0;
	if (s->cap_id > 0)
		memset(s->by_id, 0, s->cap_id * sizeof *s->by_id);
	smap_clear(&s->by_sfid, 0);
	smap_clear(&s->by_db_sfid, 0);
	smap_clear(&s->by_fold, 0);
	smap_clear(&s->known_sfid, 1);
	smap_clear(&s->known_fold, 1);
}

/* --- reading accounts -------------------------------------------------- */

/*
 * Reads the accounts with an ID, or a folded name, of the text[] literal
 * keys: one search of the index for each key.  The subquery is LATERAL
 * and fenced (OFFSET 0) so that it stays a loop over the keys: as a
 * join, the planner may hash the whole account table for a batch's few
 * thousand keys (ten times slower at 100,000 accounts, and growing),
 * and "= ANY" may compare each row with every key.
 */
static int
fetch(struct tam_db *db, int by_fold, const char *keys, dbi_row_fn fn,
    void *arg, char **err)
{
	static const char sfids[] =
	    "SELECT a.* FROM unnest(CAST(:keys AS text[])) AS k (v), "
	    "LATERAL (SELECT " DBI_ACCOUNT_COLS ", a.name_fold "
	    "FROM account a WHERE a.sfid = k.v OFFSET 0) AS a";
	static const char folds[] =
	    "SELECT a.* FROM unnest(CAST(:keys AS text[])) AS k (v), "
	    "LATERAL (SELECT " DBI_ACCOUNT_COLS ", a.name_fold "
	    "FROM account a WHERE a.name_fold = k.v OFFSET 0) AS a";
	struct dbstmt	*st;

	if ((st = dbi_stmt(db, by_fold ? folds : sfids, err)) == NULL)
		return -1;
	dbi_text(st, ":keys", keys);
	return dbi_each(db, st, fn, arg, err) < 0 ? -1 : 0;
}

/* The filter's bits for key of kind (0: an ID, 1: a folded name). */
static void
bloom_bits(int kind, const char *key, uint32_t bit[BLOOM_K])
{
	uint64_t	h = hash_str(key) ^ (kind ? 0x9e3779b97f4a7c15ULL : 0);
	uint64_t	h2;
	int		i;

	/* splitmix64's finalizer: FNV's low bits alone cluster. */
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	h ^= h >> 31;
	h2 = (h >> 32) | 1;
	for (i = 0; i < BLOOM_K; i++)
		bit[i] = (uint32_t)((h + (uint64_t)i * h2) & (BLOOM_BITS - 1));
}

static void
bloom_add(struct import_stage *s, int kind, const char *key)
{
	uint32_t	bit[BLOOM_K];
	int		i;

	if (s->sent == NULL || key == NULL)
		return;
	bloom_bits(kind, key, bit);
	for (i = 0; i < BLOOM_K; i++)
		s->sent[bit[i] >> 3] |= (unsigned char)(1u << (bit[i] & 7));
}

/* Whether the server may have an account with this key. */
static int
bloom_may(const struct import_stage *s, int kind, const char *key)
{
	uint32_t	bit[BLOOM_K];
	int		i;

	if (s->sent == NULL)
		return 1;
	bloom_bits(kind, key, bit);
	for (i = 0; i < BLOOM_K; i++)
		if (!(s->sent[bit[i] >> 3] & (1u << (bit[i] & 7))))
			return 0;
	return 1;
}

/* Adds key to set (a copy); 1 if it was there. */
static int
known_add(struct smap *set, const char *key)
{
	if (smap_get(set, key) != NULL)
		return 1;
	smap_put(set, xstrdup(key), (void *)set);
	return 0;
}

void
db_import_stage_want(struct tam_db *db, const char *sfid, const char *name)
{
	struct import_stage	*s = db->stage;
	char			*fold;

	if (s == NULL)
		return;
	if (sfid != NULL && !known_add(&s->ahead_sfid, sfid) &&
	    bloom_may(s, 0, sfid))
		put_array_elem(&s->want_sfid, sfid);
	if (name != NULL) {
		fold = text_fold(name);
		if (!known_add(&s->ahead_fold, fold) && bloom_may(s, 1, fold))
			put_array_elem(&s->want_fold, fold);
		free(fold);
	}
}

/* Makes sure the server's accounts with this key are in the batch. */
static int
key_known(struct tam_db *db, int by_fold, const char *key, char **err)
{
	struct import_stage	*s = db->stage;
	struct sbuf		 b = { 0 };
	int			 rc;

	if (known_add(by_fold ? &s->known_fold : &s->known_sfid, key) ||
	    !bloom_may(s, by_fold, key))
		return 0;
	put_array_elem(&b, key);
	rc = fetch(db, by_fold, array_end(&b), row_entry, s, err);
	sbuf_free(&b);
	return rc;
}

/* The batch's account id, read from the server if need be, or NULL. */
static int
entry_get(struct tam_db *db, int64_t id, struct entry **out, char **err)
{
	static const char sql[] =
	    "SELECT " DBI_ACCOUNT_COLS ", a.name_fold FROM account a "
	    "WHERE a.id = :id";
	struct import_stage	*s = db->stage;
	struct dbstmt		*st;

	if ((*out = by_id(s, id)) != NULL)
		return 0;
	if ((st = dbi_stmt(db, sql, err)) == NULL)
		return -1;
	dbi_int(st, ":id", id);
	if (dbi_each(db, st, row_entry, s, err) < 0)
		return -1;
	*out = by_id(s, id);
	return 0;
}

int
dbi_stage_get(struct tam_db *db, int64_t id, struct account *a, char **err)
{
	struct entry	*e;

	if (entry_get(db, id, &e, err) != 0)
		return -1;
	if (e == NULL)
		return 1;
	account_release(a);
	account_copy(a, &e->a);
	return 0;
}

int
dbi_stage_by_sfid(struct tam_db *db, const char *sfid, struct account *a,
    int64_t *id, char **err)
{
	struct entry	*e;

	if (key_known(db, 0, sfid, err) != 0)
		return -1;
	if ((e = smap_get(&db->stage->by_sfid, sfid)) == NULL)
		return 1;
	if (a != NULL) {
		account_release(a);
		account_copy(a, &e->a);
	}
	if (id != NULL)
		*id = e->a.id;
	return 0;
}

static int
cmp_id(const void *pa, const void *pb)
{
	int64_t	a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

int
dbi_stage_by_fold(struct tam_db *db, const char *fold, int unlinked,
    int max, int64_t **ids, int *n, char **err)
{
	struct entry	*e;
	int64_t		*v = NULL;
	size_t		 nv = 0, cap = 0;

	*ids = NULL;
	*n = 0;
	if (key_known(db, 1, fold, err) != 0)
		return -1;
	for (e = smap_get(&db->stage->by_fold, fold); e != NULL; e = e->next) {
		if (unlinked && e->a.sfid != NULL)
			continue;
		v = xarray_room(v, nv, &cap, sizeof *v);
		v[nv++] = e->a.id;
	}
	/* ORDER BY id LIMIT max, as the query. */
	if (nv > 1)
		qsort(v, nv, sizeof *v, cmp_id);
	*ids = v;
	*n = (int)(nv < (size_t)max ? nv : (size_t)max);
	return 0;
}

int
dbi_stage_archived(struct tam_db *db, int64_t id, int *archived)
{
	/* Called after a statement of its caller: no worker runs. */
	struct entry	*e = by_id(db->stage, id);

	if (e == NULL)
		return 0;
	*archived = e->a.archived;
	return 1;
}

/* --- writing ----------------------------------------------------------- */

static int
copy(struct tam_db *db, const char *sql, struct sbuf *b, char **err)
{
	int64_t	rows = 0;

	if (b->n == 0)
		return 0;
	if (db->eng->copy_in == NULL) {
		*err = xstrdup("internal error: COPY without a server");
		return -1;
	}
	return db->eng->copy_in(db, sql, b->p, b->n, &rows, err);
}

/* One row of STAGE_COLS. */
static void
put_account(struct sbuf *b, const struct entry *e)
{
	const struct account	*a = &e->a;
	char			*tam_fold = text_fold(a->tam);

	put_int(b, a->id);
	put_c(b, '\t');
	put_text(b, a->sfid);
	put_c(b, '\t');
	put_text(b, a->name);
	put_c(b, '\t');
	put_text(b, a->tam);
	put_c(b, '\t');
	put_text(b, a->sal);
	put_c(b, '\t');
	put_text(b, a->sa);
	put_c(b, '\t');
	put_text(b, a->rsd);
	put_c(b, '\t');
	put_text(b, a->tam_manager);
	put_c(b, '\t');
	put_opt_int(b, a->has_acv, a->acv_cents);
	put_c(b, '\t');
	put_text(b, a->currency);
	put_c(b, '\t');
	put_date(b, a->renewal_date);
	put_c(b, '\t');
	put_opt_int(b, a->health_score >= 0, a->health_score);
	put_c(b, '\t');
	put_text(b, sentiment_name(a->sentiment));
	put_c(b, '\t');
	put_int(b, a->requires_triage);
	put_c(b, '\t');
	put_text(b, a->lifecycle_stage);
	put_c(b, '\t');
	put_int(b, a->upsell);
	put_c(b, '\t');
	put_text(b, a->region);
	put_c(b, '\t');
	put_text(b, a->segment);
	put_c(b, '\t');
	put_text(b, a->objectives);
	put_c(b, '\t');
	put_opt_int(b, a->licenses >= 0, a->licenses);
	put_c(b, '\t');
	put_opt_int(b, a->active_users >= 0, a->active_users);
	put_c(b, '\t');
	put_int(b, a->archived);
	put_c(b, '\t');
	put_text(b, a->created_at);
	put_c(b, '\t');
	put_text(b, a->updated_at);
	put_c(b, '\t');
	put_text(b, e->fold);
	put_c(b, '\t');
	put_text(b, tam_fold);
	put_c(b, '\t');
	put_text(b, e->posted);
	put_c(b, '\n');
	free(tam_fold);
}
#define POST_COLS \
	"id, account_id, at, type, author, sentiment, requires_triage, body"
#define HEALTH_COLS	"id, account_id, date, health_score"

/*
 * What a batch sends, and how.  COPY writes straight into the table
 * where it may (direct); the server refuses COPY FROM into a table whose
 * rows the login's policies restrict (row-level security, team mode:
 * the owner's role included), so there the rows go with COPY into a
 * temporary table of the same columns and from it with one INSERT,
 * which the policies check.  Changed accounts always take that way, to
 * their INSERT ... ON CONFLICT (id) DO UPDATE.
 */
enum kind { K_FRESH, K_CHANGED, K_POSTS, K_HEALTH, K_COUNT };

static const struct {
	int		 temp;		/* of the temporary tables below */
	const char	*copy;		/* straight into the table */
	const char	*copy_temp;	/* into the temporary table */
	const char	*apply;		/* from it into the table, and empty it */
} kinds[K_COUNT] = {
	[K_FRESH] = { 0, "COPY account (" STAGE_COLS ") FROM STDIN",
	    "COPY pg_temp.import_account (" STAGE_COLS ") FROM STDIN",
	    "INSERT INTO account (" STAGE_COLS ") SELECT " STAGE_COLS
	    " FROM pg_temp.import_account; "
	    "TRUNCATE pg_temp.import_account" },
	/* created_at stays: an UPDATE of the row would not write it. */
	[K_CHANGED] = { 0, NULL,
	    "COPY pg_temp.import_account (" STAGE_COLS ") FROM STDIN",
	    "INSERT INTO account (" STAGE_COLS ") SELECT " STAGE_COLS
	    " FROM pg_temp.import_account ON CONFLICT (id) DO UPDATE SET "
	    "sfid = excluded.sfid, name = excluded.name, tam = excluded.tam, "
	    "sal = excluded.sal, sa = excluded.sa, rsd = excluded.rsd, "
	    "tam_manager = excluded.tam_manager, "
	    "acv_cents = excluded.acv_cents, currency = excluded.currency, "
	    "renewal_date = excluded.renewal_date, "
	    "health_score = excluded.health_score, "
	    "sentiment = excluded.sentiment, "
	    "requires_triage = excluded.requires_triage, "
	    "lifecycle_stage = excluded.lifecycle_stage, "
	    "upsell = excluded.upsell, region = excluded.region, "
	    "segment = excluded.segment, objectives = excluded.objectives, "
	    "licenses = excluded.licenses, "
	    "active_users = excluded.active_users, "
	    "archived = excluded.archived, updated_at = excluded.updated_at, "
	    "name_fold = excluded.name_fold, tam_fold = excluded.tam_fold, "
	    "sentiment_posted_at = greatest(account.sentiment_posted_at, "
	    "excluded.sentiment_posted_at); "
	    "TRUNCATE pg_temp.import_account" },
	[K_POSTS] = { 1, "COPY timeline (" POST_COLS ") FROM STDIN",
	    "COPY pg_temp.import_timeline (" POST_COLS ") FROM STDIN",
	    "INSERT INTO timeline (" POST_COLS ") SELECT " POST_COLS
	    " FROM pg_temp.import_timeline; "
	    "TRUNCATE pg_temp.import_timeline" },
	[K_HEALTH] = { 2, "COPY health_history (" HEALTH_COLS ") FROM STDIN",
	    "COPY pg_temp.import_health (" HEALTH_COLS ") FROM STDIN",
	    "INSERT INTO health_history (" HEALTH_COLS ") SELECT "
	    HEALTH_COLS " FROM pg_temp.import_health; "
	    "TRUNCATE pg_temp.import_health" },
};

/*
 * The temporary tables: the columns of theirs, none of the constraints
 * (checked where the rows go).  Gone at the commit, and with a rollback
 * (a dry run's savepoint too) with everything else.  Emptied by TRUNCATE
 * after each batch, not DELETE: no vacuum reaches a temporary table, and
 * each batch would scan the dead rows of all before it; made in this
 * transaction, the table is truncated in place.
 */
static const char *const temps[] = {
	"CREATE TEMPORARY TABLE import_account "
	    "(LIKE account INCLUDING DEFAULTS) ON COMMIT DROP",
	"CREATE TEMPORARY TABLE import_timeline "
	    "(LIKE timeline INCLUDING DEFAULTS) ON COMMIT DROP",
	"CREATE TEMPORARY TABLE import_health "
	    "(LIKE health_history INCLUDING DEFAULTS) ON COMMIT DROP",
};

/* Sends the rows of b (COPY text) of kind k; b is emptied. */
static int
send_kind(struct tam_db *db, enum kind k, struct sbuf *b, char **err)
{
	struct import_stage	*s = db->stage;
	int			 t = kinds[k].temp, rc;

	if (b->n == 0)
		return 0;
	if (s->direct && kinds[k].copy != NULL)
		rc = copy(db, kinds[k].copy, b, err);
	else if (!(s->have_temp & (1u << t)) &&
	    dbi_exec(db, temps[t], err) != 0)
		rc = -1;
	else {
		s->have_temp |= 1u << t;
		rc = copy(db, kinds[k].copy_temp, b, err) != 0 ||
		    dbi_exec(db, kinds[k].apply, err) != 0 ? -1 : 0;
	}
	b->n = 0;
	return rc;
}

/* Swaps the contents of two buffers: the text moves, no copy. */
static void
sbuf_swap(struct sbuf *a, struct sbuf *b)
{
	struct sbuf	t = *a;

	*a = *b;
	*b = t;
}

/*
 * Moves what the batch wrote into j as COPY text (j's buffers empty):
 * the accounts are then as the server will have them.
 */
static void
take_writes(struct import_stage *s, struct job *j)
{
	struct entry	*e;
	size_t		 i;

	for (i = 0; i < s->ne; i++) {
		e = s->e[i];
		if (e->state == E_CLEAN)
			continue;
		put_account(e->state == E_NEW ? &j->fresh : &j->changed, e);
		bloom_add(s, 0, e->a.sfid);
		bloom_add(s, 1, e->fold);
		e->state = E_CLEAN;
		set_db_sfid(s, e);
	}
	sbuf_swap(&s->posts, &j->posts);
	sbuf_swap(&s->health, &j->health);
}

/*
 * Sends j's COPY text: new accounts first, as the posts and the health
 * rows refer to them.  The buffers are emptied, kept for the next.
 */
static int
send_writes(struct tam_db *db, struct job *j, char **err)
{
	int	rc;

	rc = send_kind(db, K_FRESH, &j->fresh, err) != 0 ||
	    send_kind(db, K_CHANGED, &j->changed, err) != 0 ||
	    send_kind(db, K_POSTS, &j->posts, err) != 0 ||
	    send_kind(db, K_HEALTH, &j->health, err) != 0 ? -1 : 0;
	j->fresh.n = j->changed.n = j->posts.n = j->health.n = 0;
	return rc;
}

static int	stage_wait(struct tam_db *, char **);

/* Sends what the batch wrote so far, now, after what the worker sends. */
static int
write_out(struct tam_db *db, char **err)
{
	struct job	j;
	int		rc;

	if (stage_wait(db, err) != 0)
		return -1;
	memset(&j, 0, sizeof j);
	take_writes(db->stage, &j);
	rc = send_writes(db, &j, err);
	/* Its buffers back to the batch, for the rows after. */
	sbuf_swap(&db->stage->posts, &j.posts);
	sbuf_swap(&db->stage->health, &j.health);
	sbuf_free(&j.fresh);
	sbuf_free(&j.changed);
	sbuf_free(&j.posts);
	sbuf_free(&j.health);
	return rc;
}

/* The worker's job: the writes of a batch, then the next one's reads. */
static int
run_job(struct tam_db *db, struct job *j, char **err)
{
	int	rc;

	rc = send_writes(db, j, err);
	if (rc == 0 && j->want_sfid.n > 0)
		rc = fetch(db, 0, array_end(&j->want_sfid), row_got, j, err);
	if (rc == 0 && j->want_fold.n > 0)
		rc = fetch(db, 1, array_end(&j->want_fold), row_got, j, err);
	j->want_sfid.n = j->want_fold.n = 0;
	return rc;
}

static void *
worker_main(void *arg)
{
	struct tam_db	*db = arg;
	struct job	*j = &db->stage->job[db->stage->running];

	j->rc = run_job(db, j, &j->err);
	return NULL;
}

/* Sends the job made, in the background; without a thread, here. */
static int
stage_start(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;
	struct job		*j;

	if (s->pending < 0)
		return 0;
	j = &s->job[s->pending];
	s->pending = -1;
	if (j->fresh.n == 0 && j->changed.n == 0 && j->posts.n == 0 &&
	    j->health.n == 0 && j->want_sfid.n == 0 && j->want_fold.n == 0)
		return 0;
	j->rc = 0;
	j->err = NULL;
	s->running = (int)(j - s->job);
	if (pthread_create(&s->worker, NULL, worker_main, db) == 0)
		return 0;
	s->running = -1;
	return run_job(db, j, err);
}

/* Waits for the worker: its failure, if it failed, is the caller's. */
static int
stage_wait(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;
	struct job		*j;

	if (s->running < 0)
		return 0;
	pthread_join(s->worker, NULL);
	j = &s->job[s->running];
	s->running = -1;
	if (j->rc == 0)
		return 0;
	*err = j->err;
	j->err = NULL;
	return -1;
}

int
dbi_stage_idle(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;

	/* The worker's own statements go on. */
	if (s->running < 0 || pthread_equal(pthread_self(), s->worker))
		return 0;
	return stage_wait(db, err);
}

/*
 * An account of the batch is to have sfid: if the server's row of
 * another still has it (the other gave it up in this batch), the
 * batch goes out first, as one statement would otherwise meet the
 * unique index with both rows.
 */
static int
sfid_free(struct tam_db *db, const struct entry *e, const char *sfid,
    char **err)
{
	struct entry	*holder;

	if (sfid == NULL ||
	    (holder = smap_get(&db->stage->by_db_sfid, sfid)) == NULL ||
	    holder == e)
		return 0;
	return write_out(db, err);
}

/* What a query would read back of a row written from a. */
static void
settle(struct entry *e, const struct account *a, const char *now,
    const char *created)
{
	account_copy(&e->a, a);
	if (e->a.currency[0] == '\0')
		memcpy(e->a.currency, "USD", 4);
	if (!e->a.has_acv)
		e->a.acv_cents = 0;
	if (e->a.health_score < 0)
		e->a.health_score = -1;
	if (e->a.licenses < 0)
		e->a.licenses = -1;
	if (e->a.active_users < 0)
		e->a.active_users = -1;
	if (sentiment_name(e->a.sentiment) == NULL)
		e->a.sentiment = SENT_NONE;
	free(e->a.created_at);
	free(e->a.updated_at);
	e->a.created_at = xstrdup(created != NULL ? created : now);
	e->a.updated_at = xstrdup(now);
	e->fold = text_fold(e->a.name);
}

int
dbi_stage_insert(struct tam_db *db, struct account *a, const char *now,
    char **err)
{
	struct import_stage	*s = db->stage;
	struct entry		*e;

	if (sfid_free(db, NULL, a->sfid, err) != 0)
		return -1;
	e = entry_new(s);
	settle(e, a, now, now);
	e->a.id = a->id = ++s->last_account;
	e->state = E_NEW;
	e->touched = 1;
	entry_file(s, e);
	return 0;
}

int
dbi_stage_update(struct tam_db *db, const struct account *a,
    const char *now, char **err)
{
	struct import_stage	*s = db->stage;
	struct entry		*e;
	char			*created;

	if (entry_get(db, a->id, &e, err) != 0)
		return -1;
	/* UPDATE ... WHERE id = :id of no row. */
	if (e == NULL)
		return 0;
	if (sfid_free(db, e, a->sfid, err) != 0)
		return -1;
	keys_drop(s, e);
	created = e->a.created_at;
	e->a.created_at = NULL;
	account_release(&e->a);
	free(e->fold);
	settle(e, a, now, created);
	free(created);
	e->a.id = a->id;
	if (e->state == E_CLEAN)
		e->state = E_CHANGED;
	e->touched = 1;
	keys_add(s, e);
	return 0;
}

int
dbi_stage_post(struct tam_db *db, struct post *p, char **err)
{
	struct sbuf	*b = &db->stage->posts;
	struct entry	*e;

	(void)err;
	if ((strcmp(p->type, "sentiment") == 0 ||
	    strcmp(p->type, "risk_update") == 0) &&
	    (e = by_id(db->stage, p->account_id)) != NULL &&
	    (e->posted == NULL || strcmp(e->posted, p->at) < 0)) {
		free(e->posted);
		e->posted = xstrdup(p->at);
	}
	p->id = ++db->stage->last_post;
	put_int(b, p->id);
	put_c(b, '\t');
	put_int(b, p->account_id);
	put_c(b, '\t');
	put_text(b, p->at);
	put_c(b, '\t');
	put_text(b, p->type);
	put_c(b, '\t');
	put_text(b, p->author);
	put_c(b, '\t');
	put_text(b, sentiment_name(p->sentiment));
	put_c(b, '\t');
	put_int(b, p->requires_triage);
	put_c(b, '\t');
	put_text(b, p->body);
	put_c(b, '\n');
	return 0;
}

int
dbi_stage_health(struct tam_db *db, int64_t account_id, int date, int score,
    char **err)
{
	struct sbuf	*b = &db->stage->health;

	(void)err;
	put_int(b, ++db->stage->last_health);
	put_c(b, '\t');
	put_int(b, account_id);
	put_c(b, '\t');
	put_date(b, date);
	put_c(b, '\t');
	put_int(b, score);
	put_c(b, '\n');
	return 0;
}

/* --- the stage --------------------------------------------------------- */

static int
row_last_ids(void *arg, struct dbstmt *st)
{
	struct import_stage	*s = arg;

	s->last_account = dbi_col_i64(st, 0);
	s->last_post = dbi_col_i64(st, 1);
	s->last_health = dbi_col_i64(st, 2);
	s->direct = dbi_col_i32(st, 3);
	return 0;
}

int
db_import_stage_begin(struct tam_db *db, char **err)
{
	/*
	 * NEXT_ID of each table the stage writes (through the views that
	 * see every row), and whether COPY may write them: not where this
	 * login's policies apply.
	 */
	static const char sql[] =
	    "SELECT (SELECT coalesce(max(id), 0) FROM account_ids), "
	    "(SELECT coalesce(max(id), 0) FROM timeline_ids), "
	    "(SELECT coalesce(max(id), 0) FROM health_history_ids), "
	    "NOT (row_security_active('account') OR "
	    "row_security_active('timeline') OR "
	    "row_security_active('health_history'))";
	struct import_stage	*s;
	struct dbstmt		*st;

	if (!dbi_is_pg(db))
		return 0;
	s = xcalloc(1, sizeof *s);
	s->pending = s->running = -1;
	if ((st = dbi_stmt(db, sql, err)) == NULL ||
	    dbi_one(db, st, row_last_ids, s, err) != 0) {
		free(s);
		return -1;
	}
	/* No account yet: every one the server will have, the import sent. */
	if (s->last_account == 0)
		s->sent = xcalloc(BLOOM_BITS / 8, 1);
	db->stage = s;
	return 1;
}

/* Files the accounts the worker read: theirs are now the known keys. */
static void
take_reads(struct import_stage *s)
{
	struct smap	 t;
	struct job	*j;
	size_t		 i, k;

	for (k = 0; k < 2; k++) {
		j = &s->job[k];
		for (i = 0; i < j->ngot; i++)
			entry_take(s, j->got[i]);
		j->ngot = 0;
	}
	smap_clear(&s->known_sfid, 1);
	smap_clear(&s->known_fold, 1);
	t = s->known_sfid;
	s->known_sfid = s->ahead_sfid;
	s->ahead_sfid = t;
	t = s->known_fold;
	s->known_fold = s->ahead_fold;
	s->ahead_fold = t;
}

int
db_import_stage_next(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;

	if (s == NULL)
		return 0;
	if (stage_wait(db, err) != 0)
		return -1;
	take_reads(s);
	return 0;
}

int
db_import_stage_fetch(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;
	struct job		*j;

	if (s == NULL)
		return 0;
	if (stage_wait(db, err) != 0)
		return -1;
	/* With the writes made last, or alone. */
	if (s->pending < 0)
		s->pending = 0;
	j = &s->job[s->pending];
	sbuf_swap(&j->want_sfid, &s->want_sfid);
	sbuf_swap(&j->want_fold, &s->want_fold);
	return stage_start(db, err);
}

/*
 * The end of a batch: its writes made into the job not being sent, the
 * accounts it wrote kept for the next batch (whose reads came before
 * these writes: the batch's accounts answer for the server's), all
 * others forgotten.
 */
int
db_import_stage_flush(struct tam_db *db, char **err)
{
	struct import_stage	*s = db->stage;
	struct entry		*e, **keep;
	size_t			 i, nkeep = 0;

	(void)err;
	if (s == NULL)
		return 0;
	s->pending = s->running == 0 ? 1 : 0;
	keep = xcalloc(s->ne + 1, sizeof *keep);
	for (i = 0; i < s->ne; i++)
		if (s->e[i]->touched)
			keep[nkeep++] = s->e[i];
	take_writes(s, &s->job[s->pending]);
	for (i = 0; i < nkeep; i++)
		keep[i]->state = E_KEPT;
	entries_clear(s);
	for (i = 0; i < nkeep; i++) {
		e = keep[i];
		e->state = E_CLEAN;
		e->touched = 0;
		s->e = xarray_room(s->e, s->ne, &s->cape, sizeof *s->e);
		s->e[s->ne] = e;
		e->next = NULL;
		entry_file(s, e);
		if (e->db_sfid != NULL)
			smap_put(&s->by_db_sfid, e->db_sfid, e);
	}
	free(keep);
	return 0;
}

int
db_import_stage_finish(struct tam_db *db, char **err)
{
	if (db->stage == NULL)
		return 0;
	if (stage_wait(db, err) != 0 || stage_start(db, err) != 0)
		return -1;
	return stage_wait(db, err);
}

void
db_import_stage_end(struct tam_db *db)
{
	struct import_stage	*s = db->stage;
	char			*err = NULL;
	size_t			 k;
	int			 i;

	if (s == NULL)
		return;
	/* The worker's failure was the import's, or it does not matter. */
	if (stage_wait(db, &err) != 0)
		free(err);
	entries_clear(s);
	free(s->e);
	free(s->by_id);
	free(s->sent);
	smap_free(&s->by_sfid, 0);
	smap_free(&s->by_db_sfid, 0);
	smap_free(&s->by_fold, 0);
	smap_free(&s->known_sfid, 1);
	smap_free(&s->known_fold, 1);
	smap_free(&s->ahead_sfid, 1);
	smap_free(&s->ahead_fold, 1);
	for (i = 0; i < 2; i++) {
		for (k = 0; k < s->job[i].ngot; k++)
			entry_free(s->job[i].got[k]);
		free(s->job[i].got);
		sbuf_free(&s->job[i].want_sfid);
		sbuf_free(&s->job[i].want_fold);
		free(s->job[i].err);
		sbuf_free(&s->job[i].fresh);
		sbuf_free(&s->job[i].changed);
		sbuf_free(&s->job[i].posts);
		sbuf_free(&s->job[i].health);
	}
	sbuf_free(&s->want_sfid);
	sbuf_free(&s->want_fold);
	sbuf_free(&s->posts);
	sbuf_free(&s->health);
	free(s);
	db->stage = NULL;
}
