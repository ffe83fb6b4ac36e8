/* post.c: the timeline posts tam writes itself, built in one place. */
#include <inttypes.h>
#include <stdlib.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/post.h"

/* The builder of every post: *id, when not NULL, gets the new post's. */
static int
post_write(struct tam_db *db, int64_t account_id, const char *type,
    const char *author, int sentiment, int triage, const char *at,
    const char *body, int64_t *id, char **err)
{
	struct post	 p = { 0 };

	p.account_id = account_id;
	p.at = at;
	p.type = type;
	p.author = author;
	p.sentiment = sentiment;
	p.requires_triage = triage;
	p.body = body;
	if (db_post_add(db, &p, err) != 0)
		return -1;
	if (id != NULL)
		*id = p.id;
	return 0;
}

int
post_add(struct tam_db *db, int64_t account_id, const char *type,
    const char *author, int sentiment, int triage, const char *at,
    const char *body, char **err)
{
	return post_write(db, account_id, type, author, sentiment, triage,
	    at, body, NULL, err);
}

int
post_note(struct tam_db *db, const struct account *a, const char *author,
    const char *at, const char *body, int64_t *id, char **err)
{
	return post_write(db, a->id, "note", author, a->sentiment,
	    a->requires_triage, at, body, id, err);
}

int
post_event(struct tam_db *db, int64_t id, const char *type,
    const char *author, const char *body, const char *now, char **err)
{
	struct account	 a;
	int		 rc;

	account_init(&a);
	if ((rc = db_account_get(db, id, &a, err)) != 0) {
		if (rc > 0)
			*err = xasprintf("no account with id %" PRId64, id);
		account_release(&a);
		return -1;
	}
	rc = post_add(db, id, type, author, a.sentiment, a.requires_triage,
	    now, body, err);
	account_release(&a);
	return rc;
}

int
post_sentiment(struct tam_db *db, const struct account *a,
    const char *author, const char *at, char **err)
{
	char	*body;
	int	 rc;

	body = xasprintf("Sentiment set to %s%s", sentiment_name(a->sentiment)
	    ? sentiment_name(a->sentiment) : "(not set)",
	    a->requires_triage ? " (requires triage)" : "");
	rc = post_add(db, a->id, "sentiment", author, a->sentiment,
	    a->requires_triage, at, body, err);
	free(body);
	return rc;
}

int
post_renewal_date(struct tam_db *db, const struct account *old,
    const struct account *a, const char *author, const char *at, char **err)
{
	char	 from[11] = "none", to[11] = "none", *body;
	int	 rc;

	if (old->renewal_date != DATE_NONE)
		date_format(old->renewal_date, from);
	if (a->renewal_date != DATE_NONE)
		date_format(a->renewal_date, to);
	body = xasprintf("Renewal date changed from %s to %s", from, to);
	rc = post_add(db, a->id, "renewal_date", author, a->sentiment,
	    a->requires_triage, at, body, err);
	free(body);
	return rc;
}
