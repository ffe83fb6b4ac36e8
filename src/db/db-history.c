/*
 * db-history.c: an account's health scores and sentiments as series,
 * oldest first, the last N of them (db-history.h).
 */
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/date.h"
#include "tam/db-history.h"
#include "db-internal.h"

/* Appends the first column's number (a sentiment name when text). */
static int
row_value(void *arg, struct dbstmt *st)
{
	struct series	*s = arg;
	const char	*t;
	int		 v, triage;

	if (dbi_col_type(st, 0) == DBT_INT)
		v = dbi_col_i32(st, 0);
	else if ((t = dbi_col_text(st, 0)) == NULL ||
	    (v = sentiment_parse(t, &triage)) < 0)
		v = SENT_NONE;
	s->v = xreallocarray(s->v, (size_t)s->n + 1, sizeof *s->v);
	s->v[s->n++] = v;
	return 0;
}

void
series_free(struct series *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/*
 * The series of sql: the newest `last` values of the account (all of
 * them for 0) since the day or instant since (NULL: all), oldest first.
 */
static int
walk(struct tam_db *db, const char *sql, int64_t account_id,
    const char *since, int last, struct series *s, char **err)
{
	struct dbstmt	*st = dbi_stmt(db, sql, err);

	dbi_int(st, ":account", account_id);
	dbi_text(st, ":since", since);
	dbi_int(st, ":limit", last > 0 ? last : DBI_NO_LIMIT);
	memset(s, 0, sizeof *s);
	if (dbi_each(db, st, row_value, s, err) != 0) {
		series_free(s);
		return -1;
	}
	return 0;
}

int
db_history_health(struct tam_db *db, int64_t account_id, int since,
    int last, struct series *s, char **err)
{
	/* The newest `last`, then turned back to oldest first. */
	static const char sql[] =
	    "SELECT health_score FROM (SELECT health_score, date, id "
	    "FROM health_history WHERE account_id = :account "
	    "AND (:since IS NULL OR date >= :since) "
	    "ORDER BY date DESC, id DESC LIMIT :limit) AS h ORDER BY date, id";
	char	day[11];

	if (since != DATE_NONE)
		date_format(since, day);
	return walk(db, sql, account_id, since != DATE_NONE ? day : NULL,
	    last, s, err);
}

int
db_history_sentiment(struct tam_db *db, int64_t account_id,
    const char *since, int last, struct series *s, char **err)
{
	static const char sql[] =
	    "SELECT sentiment FROM (SELECT sentiment, at, id FROM timeline "
	    "WHERE account_id = :account "
	    "AND type IN ('sentiment', 'risk_update') "
	    "AND (:since IS NULL OR at >= :since) "
	    "ORDER BY at DESC, id DESC LIMIT :limit) AS p ORDER BY at, id";

	return walk(db, sql, account_id, since, last, s, err);
}
