/*
 * account-store.c: the account store: resolving what a person calls an
 * account or a TAM, loading, creating and saving accounts with the rows
 * a change brings (health history, timeline posts, the re-plan).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/account.h"
#include "tam/account-store.h"
#include "tam/clock.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/num.h"
#include "tam/plan.h"
#include "tam/post.h"
#include "tam/settings.h"
#include "tam/sfid.h"
#include "tam/text.h"

static int	tam_name_resolve(struct tam_db *, const char *, char **,
		    char **);

/* Lists the candidates of an ambiguous name on stderr. */
static void
list_candidates(struct tam_db *db, const int64_t *ids, int n)
{
	struct account	a;
	char		*err = NULL;
	int		i;

	account_init(&a);
	for (i = 0; i < n; i++) {
		if (db_account_get(db, ids[i], &a, &err) != 0) {
			free(err);
			err = NULL;
			continue;
		}
		tam_warn("  %4" PRId64 "  %s%s%s", a.id, a.name,
		    a.sfid ? "  " : "", a.sfid ? a.sfid : "");
	}
	account_release(&a);
}

/* Looks name up exactly, then as a prefix; 0 with *id, else TAM_FAIL. */
static int
resolve_by_name(struct tam_db *db, const char *spec, int64_t *id,
    char **err)
{
	int64_t	*ids = NULL;
	int	 n = 0, prefix, rc;

	for (prefix = 0; prefix <= 1; prefix++) {
		if (db_account_by_name(db, spec, prefix, 20, &ids, &n,
		    err) != 0)
			return TAM_FAIL;
		if (n >= 1)
			break;
	}
	/* Accounts of the very same name: more of it cannot tell them apart. */
	if (n == 1) {
		*id = ids[0];
		free(ids);
		return TAM_OK;
	}
	if (n == 0)
		rc = tam_err(err, TAM_FAIL, "no account matches '%s'; see "
		    "'tam account list'", spec);
	else {
		rc = tam_err(err, TAM_FAIL, "'%s' names %s%d accounts; give "
		    "%sthe id or the Salesforce ID", spec,
		    n == 20 ? "at least " : "", n,
		    prefix ? "more of the name, " : "");
		/*
		 * The error line goes before the candidates: printed now,
		 * and handed on empty, for nothing to print it again.
		 */
		tam_warn("%s", *err);
		list_candidates(db, ids, n);
		free(*err);
		*err = xstrdup("");
	}
	free(ids);
	return rc;
}

int
account_resolve(struct tam_db *db, const char *spec, int64_t *id,
    char **err)
{
	struct account	 a;
	char		 sfid[19];
	int64_t		 n;
	int		 rc;

	if (*spec == '\0')
		return tam_err(err, TAM_USAGE, "the account name is empty");
	/* Digits shorter than a Salesforce ID: an id, if there is one. */
	if (strlen(spec) < 15 && parse_int(spec, 0, INT64_MAX, &n) == 0) {
		account_init(&a);
		rc = db_account_get(db, n, &a, err);
		account_release(&a);
		if (rc < 0)
			return TAM_FAIL;
		if (rc == 0) {
			*id = n;
			return TAM_OK;
		}
	}
	if (sfid_normalize(spec, sfid) == 0) {
		rc = db_account_by_sfid(db, sfid, id, err);
		if (rc < 0)
			return TAM_FAIL;
		if (rc == 0)
			return TAM_OK;
	}
	return resolve_by_name(db, spec, id, err);
}

/* Up to ten names joined with ", " (then "..."), for one error line. */
struct name_list {
	char	*text;
	int	 n;
};

#define NAME_LIST_MAX 10

static void
name_list_add(struct name_list *l, const char *name)
{
	char	*t;

	if (l->n < NAME_LIST_MAX)
		t = xasprintf("%s%s%s", l->text ? l->text : "",
		    l->text ? ", " : "", name);
	else if (l->n == NAME_LIST_MAX)
		t = xasprintf("%s, ...", l->text);
	else
		t = NULL;
	if (t != NULL) {
		free(l->text);
		l->text = t;
	}
	l->n++;
}

int
account_tam_resolve(struct tam_db *db, const char *spec, char **fold,
    char **err)
{
	char	*me = NULL;
	int	 rc;

	*fold = NULL;
	/* "all": the whole book, whoever "me" is; a TAM's is their own. */
	if (spec != NULL && strcasecmp(spec, "all") == 0) {
		if (db_login_role(db) == DB_ROLE_TAM)
			return tam_err(err, TAM_FAIL, "--tam all: login '%s' "
			    "sees the book of %s only; the whole book is a "
			    "manager's", db_login(db), db_login_tam(db));
		return TAM_OK;
	}
	if (spec == NULL || strcasecmp(spec, "me") == 0) {
		if (settings_me(db, &me, err) < 0)
			return TAM_FAIL;
		if (me == NULL && spec != NULL)
			return tam_err(err, TAM_FAIL, "--tam me: who you are "
			    "is not set: tam config set me \"YOUR NAME\" (or "
			    "TAM_ME=NAME), or give the TAM's name");
		if (me == NULL)		/* the default, and no "me" */
			return TAM_OK;
		/* Resolved now, as typed: the TAM may be new to the book. */
		rc = tam_name_resolve(db, me, fold, err);
		free(me);
		return rc;
	}
	return tam_name_resolve(db, spec, fold, err);
}

/* account_tam_resolve for a name (not "me", not "all"). */
static int
tam_name_resolve(struct tam_db *db, const char *spec, char **fold,
    char **err)
{
	struct name_list	 book = { NULL, 0 }, hits = { NULL, 0 };
	char			*p, *name = NULL, *f = NULL, *after;
	char			*hit = NULL;
	int			 rc;

	*fold = NULL;
	if (*spec == '\0')
		return tam_err(err, TAM_USAGE, "--tam: the TAM's name is "
		    "empty");
	p = text_fold(spec);
	/* The exact name first: one index search. */
	if ((rc = db_tam_get(db, p, &name, err)) <= 0) {
		free(name);
		if (rc < 0) {
			free(p);
			return TAM_FAIL;
		}
		*fold = p;
		return TAM_OK;
	}
	/* Else every TAM of the book, for the prefixes and the message. */
	after = xstrdup("");
	while ((rc = db_tam_next(db, after, &f, &name, err)) == 0) {
		name_list_add(&book, name);
		if (text_fold_starts_word(f, p)) {
			name_list_add(&hits, name);
			if (hit == NULL)
				hit = xstrdup(f);
		}
		free(after);
		after = f;
		free(name);
	}
	free(after);
	if (rc < 0)
		rc = TAM_FAIL;
	else if (hits.n == 1) {
		*fold = hit;
		hit = NULL;
		rc = TAM_OK;
	} else if (hits.n > 1)
		rc = tam_err(err, TAM_FAIL, "'%s' names %d TAMs: %s; give "
		    "more of the name", spec, hits.n, hits.text);
	else if (book.n == 0)
		rc = tam_err(err, TAM_FAIL, "no TAM named '%s': no account "
		    "has a TAM yet (tam account set ACCOUNT --tam NAME)",
		    spec);
	else
		rc = tam_err(err, TAM_FAIL, "no TAM named '%s'; TAMs in this "
		    "book: %s", spec, book.text);
	free(hit);
	free(book.text);
	free(hits.text);
	free(p);
	return rc;
}

/* Whether the folded names of a and b are the same. */
static int
same_name(const char *a, const char *b)
{
	char	*fa = text_fold(a), *fb = text_fold(b);
	int	 same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

int
account_name_check(struct tam_db *db, const struct account *old,
    const struct account *a, char **err)
{
	struct account	 other;
	int64_t		*ids = NULL;
	int		 n = 0, i, rc = TAM_OK;

	/* Only a new name or a lost Salesforce ID can make a clash. */
	if (old != NULL && same_name(old->name, a->name) &&
	    (old->sfid == NULL || a->sfid != NULL))
		return TAM_OK;
	if (db_account_by_name(db, a->name, 0, 20, &ids, &n, err) != 0)
		return TAM_FAIL;
	account_init(&other);
	for (i = 0; i < n && rc == TAM_OK; i++) {
		if (ids[i] == a->id)
			continue;
		if (db_account_get(db, ids[i], &other, err) < 0) {
			rc = TAM_FAIL;
			break;
		}
		if (a->sfid == NULL)
			rc = tam_err(err, TAM_FAIL, "account %" PRId64 " is "
			    "named '%s' already; choose another name, or give "
			    "both accounts their Salesforce IDs (--sfid)",
			    other.id, other.name);
		else if (other.sfid == NULL)
			rc = tam_err(err, TAM_FAIL, "account %" PRId64 " is "
			    "named '%s' already and has no Salesforce ID; set "
			    "it first (tam account set %" PRId64 " --sfid ID) "
			    "or choose another name", other.id, other.name,
			    other.id);
	}
	account_release(&other);
	free(ids);
	return rc;
}

int
account_load(struct tam_db *db, int64_t id, struct account *a, char **err)
{
	int	rc;

	if ((rc = db_account_get(db, id, a, err)) < 0)
		return TAM_FAIL;
	if (rc > 0)
		return tam_err(err, TAM_FAIL, "no account with id %" PRId64,
		    id);
	return TAM_OK;
}

int
account_find(struct tam_db *db, const char *spec, struct account *a,
    char **err)
{
	int64_t	id;
	int	rc;

	if ((rc = account_resolve(db, spec, &id, err)) != TAM_OK)
		return rc;
	return account_load(db, id, a, err);
}

int
account_create(const struct account_writer *w, struct account *a,
    char **err)
{
	char	now[21];

	clock_now(w->today, now);
	if (db_account_insert(w->db, a, now, err) != 0)
		return -1;
	if (a->health_score >= 0 && db_health_add(w->db, a->id, w->today,
	    a->health_score, err) != 0)
		return -1;
	if (a->sentiment != SENT_NONE &&
	    post_sentiment(w->db, a, w->author, now, err) != 0)
		return -1;
	return 0;
}

int
account_save(const struct account_writer *w, const struct account *old,
    struct account *a, int flags, char **err)
{
	unsigned	m = account_diff(old, a);
	char		now[21];

	if (m == 0)
		return 0;
	clock_now(w->today, now);
	if (db_account_update(w->db, a, now, err) != 0)
		return -1;
	if ((m & AF_BIT(AF_HEALTH_SCORE)) && a->health_score >= 0 &&
	    db_health_add(w->db, a->id, w->today, a->health_score, err) != 0)
		return -1;
	if ((m & AF_BIT(AF_SENTIMENT)) && !(flags & ACCOUNT_SAVE_NO_POST) &&
	    post_sentiment(w->db, a, w->author, now, err) != 0)
		return -1;
	/* The re-plan's posts are the author's too: who changed the date. */
	if ((m & AF_BIT(AF_RENEWAL_DATE)) &&
	    (post_renewal_date(w->db, old, a, w->author, now, err) != 0 ||
	    plan_renewal_changed(w->db, w->settings, w->today, w->author,
	    a->id, old->renewal_date, a->renewal_date, err) != 0))
		return -1;
	return (int)m;
}
