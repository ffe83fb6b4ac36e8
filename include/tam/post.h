/*
 * post.h: the posts tam itself writes on an account's timeline (a
 * sentiment set, a renewal date moved, a task done, a CTA cancelled).
 * The timeline is never edited: these only append.
 */
#ifndef TAM_POST_H
#define TAM_POST_H

#include <stdint.h>

struct account;
struct tam_db;

/*
 * Appends one post: body on account_id's timeline as type, by author,
 * at the timestamp at, recording sentiment and triage as they stand.
 * Returns 0, or -1 with *err set to an allocated message.
 */
int	 post_add(struct tam_db *, int64_t account_id, const char *type,
	    const char *author, int sentiment, int triage, const char *at,
	    const char *body, char **err);
/*
 * Posts body on account id's timeline as type, by author, at now, with
 * the account's sentiment as it stands (every post records it, for the
 * history).  Returns 0, or -1 with *err (also when there is no such
 * account).
 */
int	 post_event(struct tam_db *, int64_t id, const char *type,
	    const char *author, const char *body, const char *now,
	    char **err);
/*
 * Posts the note body, written by author at at, on a's timeline, with
 * a's sentiment as it stands; *id gets the note's.  0, or -1 with *err.
 */
int	 post_note(struct tam_db *, const struct account *a,
	    const char *author, const char *at, const char *body,
	    int64_t *id, char **err);
/* Posts "Sentiment set to ..." for a's sentiment.  0, or -1 with *err. */
int	 post_sentiment(struct tam_db *, const struct account *a,
	    const char *author, const char *at, char **err);
/*
 * Posts "Renewal date changed from OLD to NEW" for a, whose date was
 * old's.  0, or -1 with *err.
 */
int	 post_renewal_date(struct tam_db *, const struct account *old,
	    const struct account *a, const char *author, const char *at,
	    char **err);

#endif
