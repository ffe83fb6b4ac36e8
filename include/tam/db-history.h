/*
 * db-history.h: an account's history as series of numbers, oldest
 * first, for the pictures of `account show` and `tam review`.  Like
 * db.h, functions return 0 and -1 with *err set to an allocated message
 * the caller frees.
 */
#ifndef TAM_DB_HISTORY_H
#define TAM_DB_HISTORY_H

#include <stdint.h>

#include "tam/db.h"

/* A series, oldest value first; v is allocated (NULL when n == 0). */
struct series {
	int	*v;
	int	 n;
};

/*
 * Fills s with the health scores of the account recorded on or after
 * since (DATE_NONE: all), the last `last` of them (0: all), by date.
 */
int	 db_history_health(struct tam_db *, int64_t account_id, int since,
	    int last, struct series *s, char **err);

/*
 * Fills s with the sentiments (account.h SENT_*; SENT_NONE for a post
 * that cleared it) of the account's sentiment and risk_update posts at
 * or after since ("YYYY-MM-DD...", NULL: all), the last `last` of them
 * (0: all), oldest first: the changes `tam review` lists.
 */
int	 db_history_sentiment(struct tam_db *, int64_t account_id,
	    const char *since, int last, struct series *s, char **err);

/* Frees the values of s and empties it. */
void	 series_free(struct series *);

#endif
