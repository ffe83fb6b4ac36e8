/* db-account.c: SQL of accounts, the timeline and the health history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/db-import.h"
#include "tam/text.h"
#include "db-internal.h"

static const char *
sentiment_text(int s)
{
	return sentiment_name(s);
}

int
dbi_col_sentiment(struct dbstmt *st, int i)
{
	const char	*s = dbi_col_text(st, i);
	int		 triage;

	return s == NULL ? SENT_NONE : sentiment_parse(s, &triage);
}

void
dbi_read_account(struct dbstmt *st, int i, struct account *a)
{
	const char	*cur;

	account_release(a);
	a->id = dbi_col_i64(st, i);
	a->sfid = dbi_col_dup(st, i + 1);
	a->name = dbi_col_dup(st, i + 2);
	a->tam = dbi_col_dup(st, i + 3);
	a->sal = dbi_col_dup(st, i + 4);
	a->sa = dbi_col_dup(st, i + 5);
	a->rsd = dbi_col_dup(st, i + 6);
	a->tam_manager = dbi_col_dup(st, i + 7);
	a->has_acv = !dbi_col_null(st, i + 8);
	a->acv_cents = dbi_col_i64(st, i + 8);
	cur = dbi_col_text(st, i + 9);
	snprintf(a->currency, sizeof a->currency, "%s", cur ? cur : "USD");
	a->renewal_date = dbi_col_date(st, i + 10);
	a->health_score = (int)dbi_col_int(st, i + 11, -1);
	a->sentiment = dbi_col_sentiment(st, i + 12);
	a->requires_triage = dbi_col_i32(st, i + 13);
	a->lifecycle_stage = dbi_col_dup(st, i + 14);
	a->upsell = dbi_col_i32(st, i + 15);
	a->region = dbi_col_dup(st, i + 16);
	a->segment = dbi_col_dup(st, i + 17);
	a->objectives = dbi_col_dup(st, i + 18);
	a->licenses = dbi_col_int(st, i + 19, -1);
	a->active_users = dbi_col_int(st, i + 20, -1);
	a->archived = dbi_col_i32(st, i + 21);
	a->created_at = dbi_col_dup(st, i + 22);
	a->updated_at = dbi_col_dup(st, i + 23);
}

static int
row_account(void *arg, struct dbstmt *st)
{
	dbi_read_account(st, 0, arg);
	return 0;
}

/* The parameters bind_account sets, in the order of enum account_param. */
static const char *const account_params[] = {
	":sfid", ":name", ":tam", ":sal", ":sa", ":rsd", ":tam_manager",
	":acv", ":currency", ":renewal", ":health", ":sentiment", ":triage",
	":stage", ":upsell", ":region", ":segment", ":objectives",
	":licenses", ":active", ":archived", ":now", ":name_fold",
	":tam_fold", ":import_hash"
};

enum account_param {
	AP_SFID, AP_NAME, AP_TAM, AP_SAL, AP_SA, AP_RSD, AP_TAM_MANAGER,
	AP_ACV, AP_CURRENCY, AP_RENEWAL, AP_HEALTH, AP_SENTIMENT, AP_TRIAGE,
	AP_STAGE, AP_UPSELL, AP_REGION, AP_SEGMENT, AP_OBJECTIVES,
	AP_LICENSES, AP_ACTIVE, AP_ARCHIVED, AP_NOW, AP_NAME_FOLD,
	AP_TAM_FOLD, AP_IMPORT_HASH, AP_COUNT
};

/*
 * Parameter numbers of one statement, looked up once: an import binds
 * a million rows, and finding 22 names for each one showed in its
 * profile.  The numbers depend only on the SQL text, so one table per
 * statement literal serves every connection.
 */
struct account_ix {
	int	ready;
	int	ix[AP_COUNT];
};

static const int *
account_ix(struct dbstmt *st, struct account_ix *p)
{
	int	i;

	/* A statement that did not prepare binds nothing: no numbers yet. */
	if (st != NULL && !p->ready) {
		for (i = 0; i < AP_COUNT; i++)
			p->ix[i] = dbi_param(st, account_params[i]);
		p->ready = 1;
	}
	return p->ix;
}

/*
 * Binds the folded form of s (NULL for NULL): every statement that
 * writes a name or a TAM writes its folded copy beside it.  SQLite takes
 * the allocation over (and frees it, even when the bind fails).
 */
static void
bind_fold_at(struct dbstmt *st, int i, const char *s)
{
	char	*f = text_fold(s);

	dbi_text_at(st, i, f);
	free(f);
}

static void
bind_account(struct dbstmt *st, const int *ix, const struct account *a,
    const char *now)
{
	dbi_text_at(st, ix[AP_SFID], a->sfid);
	dbi_text_at(st, ix[AP_NAME], a->name);
	dbi_text_at(st, ix[AP_TAM], a->tam);
	dbi_text_at(st, ix[AP_SAL], a->sal);
	dbi_text_at(st, ix[AP_SA], a->sa);
	dbi_text_at(st, ix[AP_RSD], a->rsd);
	dbi_text_at(st, ix[AP_TAM_MANAGER], a->tam_manager);
	dbi_opt_int_at(st, ix[AP_ACV], a->has_acv, a->acv_cents);
	dbi_text_at(st, ix[AP_CURRENCY], a->currency[0] ? a->currency : "USD");
	dbi_date_at(st, ix[AP_RENEWAL], a->renewal_date);
	dbi_opt_int_at(st, ix[AP_HEALTH], a->health_score >= 0,
	    a->health_score);
	dbi_text_at(st, ix[AP_SENTIMENT], sentiment_text(a->sentiment));
	dbi_int_at(st, ix[AP_TRIAGE], a->requires_triage);
	dbi_text_at(st, ix[AP_STAGE], a->lifecycle_stage);
	dbi_int_at(st, ix[AP_UPSELL], a->upsell);
	dbi_text_at(st, ix[AP_REGION], a->region);
	dbi_text_at(st, ix[AP_SEGMENT], a->segment);
	dbi_text_at(st, ix[AP_OBJECTIVES], a->objectives);
	dbi_opt_int_at(st, ix[AP_LICENSES], a->licenses >= 0, a->licenses);
	dbi_opt_int_at(st, ix[AP_ACTIVE], a->active_users >= 0,
	    a->active_users);
	dbi_int_at(st, ix[AP_ARCHIVED], a->archived);
	dbi_text_at(st, ix[AP_NOW], now);
	bind_fold_at(st, ix[AP_NAME_FOLD], a->name);
	bind_fold_at(st, ix[AP_TAM_FOLD], a->tam);
	/* Any write but an import's clears it (sql/0008-import-hash.sql). */
	dbi_opt_int_at(st, ix[AP_IMPORT_HASH], a->import_hash != 0,
	    a->import_hash);
}

int
db_account_get(struct tam_db *db, int64_t id, struct account *a, char **err)
{
	static const char sql[] =
	    "SELECT " DBI_ACCOUNT_COLS " FROM account a WHERE a.id = :id";
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_get(db, id, a, err);
	st = dbi_stmt_id(db, sql, id, err);
	return dbi_one(db, st, row_account, a, err);
}

int
db_account_by_sfid(struct tam_db *db, const char *sfid, int64_t *id,
    char **err)
{
	static const char sql[] = "SELECT id FROM account WHERE sfid = :sfid";
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_by_sfid(db, sfid, NULL, id, err);
	st = dbi_stmt(db, sql, err);
	dbi_text(st, ":sfid", sfid);
	return dbi_one_int(db, st, id, err);
}

struct ids {
	int64_t	*v;
	int	 n;
};

static int
row_id(void *arg, struct dbstmt *st)
{
	struct ids	*ids = arg;

	ids->v = xreallocarray(ids->v, (size_t)ids->n + 1, sizeof *ids->v);
	ids->v[ids->n++] = dbi_col_i64(st, 0);
	return 0;
}

int
db_account_by_name(struct tam_db *db, const char *name, int prefix, int max,
    int64_t **ids, int *n, char **err)
{
	/* = and the range both search account_by_name (name_fold). */
	static const char exact[] =
	    "SELECT id FROM account WHERE name_fold = :fold ORDER BY id "
	    "LIMIT :max";
	static const char starts[] =
	    "SELECT id FROM account WHERE name_fold >= :fold AND "
	    "name_fold < :next ORDER BY name_fold, id LIMIT :max";
	struct dbstmt	*st;
	struct ids	 found = { NULL, 0 };
	char		*fold, *next = NULL;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if (db->stage != NULL && !prefix) {
		fold = text_fold(name);
		rc = dbi_stage_by_fold(db, fold, 0, max, ids, n, err);
		free(fold);
		return rc;
	}
	/* No import looks a name up by its start. */
	if (db->stage != NULL) {
		*err = xstrdup("internal error: a prefix lookup in an import");
		return -1;
	}
	st = dbi_stmt(db, prefix ? starts : exact, err);
	fold = text_fold(name);
	dbi_text(st, ":fold", fold);
	if (prefix && *fold != '\0') {
		next = text_fold_next(fold);
		dbi_text(st, ":next", next);
	}
	free(fold);
	free(next);
	dbi_int(st, ":max", max);
	if (dbi_each(db, st, row_id, &found, err) != 0) {
		free(found.v);
		return -1;
	}
	*ids = found.v;
	*n = found.n;
	return 0;
}

/*
 * posted: the account's sentiment_posted_at (sql/0009-sentiment-posted.sql),
 * NULL for none yet.
 */
static int
account_insert(struct tam_db *db, struct account *a, const char *now,
    const char *posted, char **err)
{
	static const char sql[] =
	    "INSERT INTO account (id, sfid, name, tam, sal, sa, rsd, "
	    "tam_manager, acv_cents, currency, renewal_date, health_score, "
	    "sentiment, requires_triage, lifecycle_stage, upsell, region, "
	    "segment, objectives, licenses, active_users, archived, "
	    "created_at, updated_at, name_fold, tam_fold, import_hash, "
	    "sentiment_posted_at) "
	    "VALUES (" NEXT_ID("account") ":sfid, :name, :tam, "
	    ":sal, :sa, :rsd, :tam_manager, :acv, :currency, :renewal, "
	    ":health, :sentiment, :triage, :stage, :upsell, :region, "
	    ":segment, :objectives, :licenses, :active, :archived, :now, "
	    ":now, :name_fold, :tam_fold, :import_hash, :posted) RETURNING id";
	static struct account_ix ix;
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_insert(db, a, now, err);
	st = dbi_stmt(db, sql, err);
	bind_account(st, account_ix(st, &ix), a, now);
	/*
	 * Its sentiment post, when one is to follow, moves it (the
	 * timeline's trigger); an import into an empty book writes the
	 * posts at the end (db_import_side_rows), their time here.
	 */
	dbi_text(st, ":posted", posted);
	return dbi_insert(db, st, &a->id, err);
}

int
db_account_insert(struct tam_db *db, struct account *a, const char *now,
    char **err)
{
	return account_insert(db, a, now, NULL, err);
}

int
db_import_account_insert(struct tam_db *db, struct account *a,
    const char *now, char **err)
{
	return account_insert(db, a, now,
	    a->sentiment != SENT_NONE ? now : NULL, err);
}

int
db_account_update(struct tam_db *db, const struct account *a, const char *now,
    char **err)
{
	static const char sql[] =
	    "UPDATE account SET sfid = :sfid, name = :name, tam = :tam, "
	    "sal = :sal, sa = :sa, rsd = :rsd, tam_manager = :tam_manager, "
	    "acv_cents = :acv, currency = :currency, renewal_date = :renewal, "
	    "health_score = :health, sentiment = :sentiment, "
	    "requires_triage = :triage, lifecycle_stage = :stage, "
	    "upsell = :upsell, region = :region, segment = :segment, "
	    "objectives = :objectives, licenses = :licenses, "
	    "active_users = :active, archived = :archived, updated_at = :now, "
	    "name_fold = :name_fold, tam_fold = :tam_fold, "
	    "import_hash = :import_hash WHERE id = :id";
	static struct account_ix ix;
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_update(db, a, now, err);
	st = dbi_stmt(db, sql, err);
	bind_account(st, account_ix(st, &ix), a, now);
	dbi_int(st, ":id", a->id);
	return dbi_done(db, st, err);
}

int
db_account_delete(struct tam_db *db, int64_t id, char **err)
{
	static const char sql[] = "DELETE FROM account WHERE id = :id";
	struct dbstmt	*st = dbi_stmt_id(db, sql, id, err);

	return dbi_done(db, st, err);
}

int
db_account_each(struct tam_db *db, const struct account_filter *f,
    int (*fn)(void *, const struct account *), void *arg, char **err)
{
	/* With a TAM, a search of account_by_tam (no OR around it). */
#define EACH_SQL(TAM) \
	    "SELECT " DBI_ACCOUNT_COLS " FROM account a " \
	    "WHERE archived = :archived " TAM \
	    "AND (:sentiment IS NULL OR sentiment = :sentiment) " \
	    "AND (:triage = 0 OR requires_triage = 1) " \
	    "AND (:before IS NULL OR (renewal_date >= :today AND " \
	    "renewal_date <= :before)) " \
	    "AND (:strategic IS NULL OR acv_cents > :strategic) " \
	    "ORDER BY renewal_date IS NULL, renewal_date, name, id"
	static const char any[] = EACH_SQL("");
	static const char one[] = EACH_SQL("AND tam_fold = :tam_fold ");
#undef EACH_SQL
	struct dbstmt	*st;
	struct account	 a;	/* reused: each row releases the last */
	int		 rc;

	st = dbi_tam_stmt(db, f->tam, any, one, err);
	dbi_int(st, ":archived", f->archived);
	dbi_text(st, ":sentiment", sentiment_text(f->sentiment));
	dbi_int(st, ":triage", f->triage);
	dbi_date(st, ":before", f->renewing_before);
	dbi_date(st, ":today", f->today);
	dbi_opt_int(st, ":strategic", f->strategic_over >= 0,
	    f->strategic_over);
	account_init(&a);
	while ((rc = dbi_next(db, st, err)) == DB_ROW) {
		dbi_read_account(st, 0, &a);
		if ((rc = fn(arg, &a)) != 0) {
			rc = dbi_stop(st, rc);
			break;
		}
	}
	account_release(&a);
	return rc;
}

int
db_account_count(struct tam_db *db, int64_t *n, char **err)
{
	static const char sql[] = "SELECT count(*) FROM account";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	/* count(*) always has its row. */
	return dbi_one_int(db, st, n, err) < 0 ? -1 : 0;
}

int
db_post_add(struct tam_db *db, struct post *p, char **err)
{
	static const char sql[] =
	    "INSERT INTO timeline (id, account_id, at, type, author, "
	    "sentiment, requires_triage, body) VALUES (" NEXT_ID("timeline")
	    ":account, :at, :type, :author, "
	    ":sentiment, :triage, :body) RETURNING id";
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_post(db, p, err);
	st = dbi_stmt(db, sql, err);
	dbi_int(st, ":account", p->account_id);
	dbi_text(st, ":at", p->at);
	dbi_text(st, ":type", p->type);
	dbi_text(st, ":author", p->author);
	dbi_text(st, ":sentiment", sentiment_text(p->sentiment));
	dbi_int(st, ":triage", p->requires_triage);
	dbi_text(st, ":body", p->body);
	return dbi_insert(db, st, &p->id, err);
}

#define POST(kind, member)	DBI_COL(kind, struct post, member)

/* A post's columns, as db_post_each selects them. */
static const struct dbi_col post_cols[] = {
	POST(DBI_I64, id),
	POST(DBI_I64, account_id),
	POST(DBI_TEXT, at),
	POST(DBI_TEXT, type),
	POST(DBI_TEXT, author),
	POST(DBI_SENTIMENT, sentiment),
	POST(DBI_I32, requires_triage),
	POST(DBI_TEXT, body),
};

static void
read_post(struct dbstmt *st, int i, struct post *p)
{
	dbi_read_cols(st, i, p, post_cols, nitems(post_cols));
}

DBI_WALK(walk_posts, struct post, read_post)

int
db_post_each(struct tam_db *db, int64_t account_id, const char *type,
    const char *since, int limit, int (*fn)(void *, const struct post *),
    void *arg, char **err)
{
	static const char one[] =
	    "SELECT id, account_id, at, type, author, sentiment, "
	    "requires_triage, body FROM timeline WHERE account_id = :account "
	    "AND (:type IS NULL OR type = :type) "
	    "AND (:since IS NULL OR at >= :since) "
	    "ORDER BY at DESC, id DESC LIMIT :limit";
	static const char all[] =
	    "SELECT id, account_id, at, type, author, sentiment, "
	    "requires_triage, body FROM timeline "
	    "WHERE (:type IS NULL OR type = :type) "
	    "AND (:since IS NULL OR at >= :since) "
	    "ORDER BY id LIMIT :limit";
	struct dbstmt	*st = dbi_stmt(db, account_id ? one : all, err);


	if (account_id)
		dbi_int(st, ":account", account_id);
	dbi_text(st, ":type", type);
	dbi_text(st, ":since", since);
	dbi_int(st, ":limit", limit > 0 ? limit : DBI_NO_LIMIT);
	return walk_posts(db, st, fn, arg, err);
}

int
db_health_add(struct tam_db *db, int64_t account_id, int date, int score,
    char **err)
{
	static const char sql[] =
	    "INSERT INTO health_history (id, account_id, date, health_score) "
	    "VALUES (" NEXT_ID("health_history") ":account, :date, :score)";
	struct dbstmt	*st;

	if (db->stage != NULL)
		return dbi_stage_health(db, account_id, date, score, err);
	st = dbi_stmt(db, sql, err);
	dbi_int(st, ":account", account_id);
	dbi_date(st, ":date", date);
	dbi_int(st, ":score", score);
	return dbi_done(db, st, err);
}

int
db_health_each(struct tam_db *db, int64_t account_id, int since,
    int (*fn)(void *, int, int), void *arg, char **err)
{
	static const char sql[] =
	    "SELECT date, health_score FROM health_history "
	    "WHERE account_id = :account AND date >= :since "
	    "ORDER BY date, id";
	struct dbstmt	*st;
	int		 rc;

	st = dbi_stmt(db, sql, err);
	dbi_int(st, ":account", account_id);
	dbi_date(st, ":since", since);
	while ((rc = dbi_next(db, st, err)) == DB_ROW) {
		rc = fn(arg, dbi_col_date(st, 0), dbi_col_i32(st, 1));
		if (rc != 0)
			return dbi_stop(st, rc);
	}
	return rc;
}

int
db_setting_get(struct tam_db *db, const char *key, char **value, char **err)
{
	static const char sql[] = "SELECT value FROM setting WHERE key = :key";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_text(st, ":key", key);
	return dbi_one_dup(db, st, value, err);
}

int
db_setting_set(struct tam_db *db, const char *key, const char *value,
    char **err)
{
	static const char sql[] =
	    "INSERT INTO setting (key, value) VALUES (:key, :value) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_text(st, ":key", key);
	dbi_text(st, ":value", value);
	return dbi_done(db, st, err);
}

int
db_tam_get(struct tam_db *db, const char *fold, char **name, char **err)
{
	static const char sql[] =
	    "SELECT tam FROM account WHERE tam_fold = :fold ORDER BY id "
	    "LIMIT 1";
	struct dbstmt	*st;

	*name = NULL;
	st = dbi_stmt(db, sql, err);
	dbi_text(st, ":fold", fold);
	return dbi_one_dup(db, st, name, err);
}

int
db_tam_next(struct tam_db *db, const char *after, char **fold, char **name,
    char **err)
{
	/*
	 * One search of account_by_tam per TAM, not a walk of every account:
	 * a book has a few TAMs and many accounts.
	 */
	static const char sql[] =
	    "SELECT tam_fold, tam FROM account WHERE tam_fold > :after "
	    "ORDER BY tam_fold LIMIT 1";
	struct dbstmt	*st;
	int		 rc;

	*fold = *name = NULL;
	st = dbi_stmt(db, sql, err);
	dbi_text(st, ":after", after);
	if ((rc = dbi_first(db, st, err)) != 0)
		return rc;
	*fold = dbi_col_dup(st, 0);
	*name = dbi_col_dup(st, 1);
	return dbi_stop(st, 0);
}
