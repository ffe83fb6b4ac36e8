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

static int	tam_name_resolve(struct tam_ctx *, const char *, char **);

/* Lists the candidates of an ambiguous name on stderr. */
static void
list_candidates(struct tam_ctx *ctx, const int64_t *ids, int n)
{
	struct account	a;
	char		*err = NULL;
	int		i;

	account_init(&a);
	for (i = 0; i < n; i++) {
		if (db_account_get(ctx->db, ids[i], &a, &err) != 0) {
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
resolve_by_name(struct tam_ctx *ctx, const char *spec, int64_t *id)
{
	int64_t	*ids = NULL;
	int	 n = 0, prefix, rc;
	char	*err = NULL;

	for (prefix = 0; prefix <= 1; prefix++) {
		if (db_account_by_name(ctx->db, spec, prefix, 20, &ids, &n,
		    &err) != 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
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
		rc = cmd_fail(ctx, TAM_FAIL, "no account matches '%s'; see "
		    "'tam account list'", spec);
	else {
		rc = cmd_fail(ctx, TAM_FAIL, "'%s' names %s%d accounts; give "
		    "%sthe id or the Salesforce ID", spec,
		    n == 20 ? "at least " : "", n,
		    prefix ? "more of the name, " : "");
		/* The error line goes before the candidates: print it now. */
		tam_warn("%s", ctx->errmsg);
		list_candidates(ctx, ids, n);
		free(ctx->errmsg);
		ctx->errmsg = xstrdup("");
	}
	free(ids);
	return rc;
}

int
account_resolve(struct tam_ctx *ctx, const char *spec, int64_t *id)
{
	struct account	 a;
	char		*err = NULL, sfid[19];
	int64_t		 n;
	int		 rc;

	if (*spec == '\0')
		return cmd_fail(ctx, TAM_USAGE, "the account name is empty");
	/* Digits shorter than a Salesforce ID: an id, if there is one. */
	if (strlen(spec) < 15 && parse_int(spec, 0, INT64_MAX, &n) == 0) {
		account_init(&a);
		rc = db_account_get(ctx->db, n, &a, &err);
		account_release(&a);
		if (rc < 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
		if (rc == 0) {
			*id = n;
			return TAM_OK;
		}
	}
	if (sfid_normalize(spec, sfid) == 0) {
		rc = db_account_by_sfid(ctx->db, sfid, id, &err);
		if (rc < 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
		if (rc == 0)
			return TAM_OK;
	}
	return resolve_by_name(ctx, spec, id);
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
account_tam_resolve(struct tam_ctx *ctx, const char *spec, char **fold)
{
	char	*me = NULL, *err = NULL;
	int	 rc;

	*fold = NULL;
	/* "all": the whole book, whoever "me" is; a TAM's is their own. */
	if (spec != NULL && strcasecmp(spec, "all") == 0) {
		if (db_login_role(ctx->db) == DB_ROLE_TAM)
			return cmd_fail(ctx, TAM_FAIL, "--tam all: login '%s' "
			    "sees the book of %s only; the whole book is a "
			    "manager's", db_login(ctx->db),
			    db_login_tam(ctx->db));
		return TAM_OK;
	}
	if (spec == NULL || strcasecmp(spec, "me") == 0) {
		if (settings_me(ctx, &me, &err) < 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
		if (me == NULL && spec != NULL)
			return cmd_fail(ctx, TAM_FAIL, "--tam me: who you are "
			    "is not set: tam config set me \"YOUR NAME\" (or "
			    "TAM_ME=NAME), or give the TAM's name");
		if (me == NULL)		/* the default, and no "me" */
			return TAM_OK;
		/* Resolved now, as typed: the TAM may be new to the book. */
		rc = tam_name_resolve(ctx, me, fold);
		free(me);
		return rc;
	}
	return tam_name_resolve(ctx, spec, fold);
}

/* account_tam_resolve for a name (not "me", not "all"). */
static int
tam_name_resolve(struct tam_ctx *ctx, const char *spec, char **fold)
{
	struct name_list	 book = { NULL, 0 }, hits = { NULL, 0 };
	char			*p, *name = NULL, *f = NULL, *after;
	char			*hit = NULL, *err = NULL;
	int			 rc;

	*fold = NULL;
	if (*spec == '\0')
		return cmd_fail(ctx, TAM_USAGE, "--tam: the TAM's name is "
		    "empty");
	p = text_fold(spec);
	/* The exact name first: one index search. */
	if ((rc = db_tam_get(ctx->db, p, &name, &err)) <= 0) {
		free(name);
		if (rc < 0) {
			free(p);
			return cmd_fail_take(ctx, TAM_FAIL, err);
		}
		*fold = p;
		return TAM_OK;
	}
	/* Else every TAM of the book, for the prefixes and the message. */
	after = xstrdup("");
	while ((rc = db_tam_next(ctx->db, after, &f, &name, &err)) == 0) {
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
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
	else if (hits.n == 1) {
		*fold = hit;
		hit = NULL;
		rc = TAM_OK;
	} else if (hits.n > 1)
		rc = cmd_fail(ctx, TAM_FAIL, "'%s' names %d TAMs: %s; give "
		    "more of the name", spec, hits.n, hits.text);
	else if (book.n == 0)
		rc = cmd_fail(ctx, TAM_FAIL, "no TAM named '%s': no account "
		    "has a TAM yet (tam account set ACCOUNT --tam NAME)",
		    spec);
	else
		rc = cmd_fail(ctx, TAM_FAIL, "no TAM named '%s'; TAMs in this "
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
account_name_check(struct tam_ctx *ctx, const struct account *old,
    const struct account *a)
{
	struct account	 other;
	int64_t		*ids = NULL;
	char		*err = NULL;
	int		 n = 0, i, rc = TAM_OK;

	/* Only a new name or a lost Salesforce ID can make a clash. */
	if (old != NULL && same_name(old->name, a->name) &&
	    (old->sfid == NULL || a->sfid != NULL))
		return TAM_OK;
	if (db_account_by_name(ctx->db, a->name, 0, 20, &ids, &n, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	account_init(&other);
	for (i = 0; i < n && rc == TAM_OK; i++) {
		if (ids[i] == a->id)
			continue;
		if (db_account_get(ctx->db, ids[i], &other, &err) < 0) {
			rc = cmd_fail_take(ctx, TAM_FAIL, err);
			break;
		}
		if (a->sfid == NULL)
			rc = cmd_fail(ctx, TAM_FAIL, "account %" PRId64 " is "
			    "named '%s' already; choose another name, or give "
			    "both accounts their Salesforce IDs (--sfid)",
			    other.id, other.name);
		else if (other.sfid == NULL)
			rc = cmd_fail(ctx, TAM_FAIL, "account %" PRId64 " is "
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
account_load(struct tam_ctx *ctx, int64_t id, struct account *a)
{
	char	*err = NULL;
	int	 rc;

	rc = db_account_get(ctx->db, id, a, &err);
	if (rc < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (rc > 0)
		return cmd_fail(ctx, TAM_FAIL, "no account with id %" PRId64,
		    id);
	return TAM_OK;
}

int
account_find(struct tam_ctx *ctx, const char *spec, struct account *a)
{
	int64_t	id;
	int	rc;

	if ((rc = account_resolve(ctx, spec, &id)) != TAM_OK)
		return rc;
	return account_load(ctx, id, a);
}

int
account_create(struct tam_ctx *ctx, struct account *a, const char *author,
    char **err)
{
	char	now[21];

	tam_now(ctx, now);
	if (db_account_insert(ctx->db, a, now, err) != 0)
		return -1;
	if (a->health_score >= 0 && db_health_add(ctx->db, a->id, ctx->today,
	    a->health_score, err) != 0)
		return -1;
	if (a->sentiment != SENT_NONE &&
	    post_sentiment(ctx->db, a, author, now, err) != 0)
		return -1;
	return 0;
}

int
account_save(struct tam_ctx *ctx, const struct account *old,
    struct account *a, const char *author, char **err)
{
	return account_save_opts(ctx, old, a, author, 0, err);
}

/* The author of the posts a re-plan writes: who changed the date. */
static const char *
replan_author(const struct tam_ctx *ctx)
{
	if (ctx->cmd != NULL && strcmp(ctx->cmd, "import") == 0)
		return "import";
	return ctx->user;
}

int
account_save_opts(struct tam_ctx *ctx, const struct account *old,
    struct account *a, const char *author, int flags, char **err)
{
	const struct settings	*s;
	unsigned		 m = account_diff(old, a);
	char			 now[21];

	if (m == 0)
		return 0;
	tam_now(ctx, now);
	if (db_account_update(ctx->db, a, now, err) != 0)
		return -1;
	if ((m & AF_BIT(AF_HEALTH_SCORE)) && a->health_score >= 0 &&
	    db_health_add(ctx->db, a->id, ctx->today, a->health_score,
	    err) != 0)
		return -1;
	if ((m & AF_BIT(AF_SENTIMENT)) && !(flags & ACCOUNT_SAVE_NO_POST) &&
	    post_sentiment(ctx->db, a, author, now, err) != 0)
		return -1;
	if (m & AF_BIT(AF_RENEWAL_DATE)) {
		if (post_renewal_date(ctx->db, old, a, author, now, err) != 0)
			return -1;
		if ((s = settings_get(ctx, err)) == NULL ||
		    plan_renewal_changed(ctx->db, s, ctx->today,
		    replan_author(ctx), a->id, old->renewal_date,
		    a->renewal_date, err) != 0)
			return -1;
	}
	return (int)m;
}
