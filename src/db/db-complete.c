/*
 * db-complete.c: the reads of tam __complete.  Completion runs on every
 * Tab, so each search walks an index (account_by_name, account_by_tam,
 * the rowids) from the prefix on and stops at a LIMIT; the connection is
 * opened read-only, so a Tab can never make or change a database.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tam/db-complete.h"
#include "tam/tam.h"
#include "tam/text.h"
#include "db-internal.h"

struct tam_db *
db_complete_open(const char *path)
{
	return db_open_readonly(path);
}

/* The walk of one search: what to hand each row to. */
struct walk {
	db_complete_fn	 fn;
	void		*arg;
	int		 ids;	/* column 0 is an id, 1 and 2 say what it is */
	int		 n;	/* rows handed so far */
};

static int
walk_row(void *arg, struct dbstmt *st)
{
	struct walk	*w = arg;
	char		*desc;

	w->n++;
	if (!w->ids) {
		w->fn(w->arg, dbi_col_text(st, 0), NULL);
		return 0;
	}
	desc = xasprintf("%s, %s", dbi_col_text(st, 1), dbi_col_text(st, 2));
	w->fn(w->arg, dbi_col_text(st, 0), desc);
	free(desc);
	return 0;
}

/*
 * The ids written with these digits first: each range [p, p+1), [p0,
 * p9], [p00, p99]... is a rowid range, so a search is a few seeks.
 */
static int
complete_ids(struct tam_db *db, const char *sql, const char *prefix,
    int limit, struct walk *w)
{
	struct dbstmt	*st;
	char		*err = NULL;
	int64_t		 lo, span;
	int		 i, n;

	for (i = 0; prefix[i] != '\0'; i++)
		if (prefix[i] < '0' || prefix[i] > '9' || i >= 15)
			return 0;
	if (prefix[0] == '0')
		return 0;
	if ((st = dbi_stmt(db, sql, &err)) == NULL)
		goto fail;
	if (prefix[0] == '\0') {
		dbi_int(st, ":lo", 1);
		dbi_int(st, ":hi", INT64_MAX);
		dbi_int(st, ":limit", limit);
		return dbi_each(db, st, walk_row, w, &err) == 0 ? 0 :
		    (free(err), -1);
	}
	lo = strtoll(prefix, NULL, 10);
	for (span = 1, n = 0; n < 19 - i && w->n < limit; n++) {
		dbi_int(st, ":lo", lo);
		dbi_int(st, ":hi", lo + span - 1);
		dbi_int(st, ":limit", limit - w->n);
		if (dbi_each(db, st, walk_row, w, &err) != 0)
			goto fail;
		if (lo > INT64_MAX / 10 - 9)
			break;
		lo *= 10;
		span *= 10;
	}
	return 0;
fail:
	free(err);
	return -1;
}

/* Account names from lo up to hi, in order of their folded names. */
static int
complete_accounts(struct tam_db *db, const char *lo, const char *hi,
    int limit, struct walk *w, char **err)
{
	struct dbstmt	*st;

	st = dbi_stmt(db, "SELECT a.name FROM account a WHERE "
	    "a.name_fold >= :lo AND a.name_fold < :hi AND "
	    "a.archived = 0 ORDER BY a.name_fold LIMIT :limit", err);
	if (st == NULL)
		return -1;
	dbi_text(st, ":lo", lo);
	dbi_text(st, ":hi", hi);
	dbi_int(st, ":limit", limit);
	return dbi_each(db, st, walk_row, w, err) != 0 ? -1 : 0;
}

/*
 * The TAMs from lo up to hi: few names over many rows, so each is one
 * seek past the last (a skip scan of account_by_tam), not a walk of the
 * rows.  One bound below each: with two, SQLite seeks by one and filters
 * by the other, which walks every row from the prefix on.
 */
static int
complete_tams(struct tam_db *db, const char *lo, const char *hi, int limit,
    db_complete_fn fn, void *arg, char **err)
{
	struct dbstmt	*st;
	char		*name, *after = NULL;
	int		 rc = 0;

	while (limit-- > 0) {
		if (after == NULL)
			st = dbi_stmt(db, "SELECT a.tam, a.tam_fold FROM "
			    "account a WHERE a.tam_fold >= :lo AND "
			    "a.tam_fold < :hi ORDER BY a.tam_fold LIMIT 1",
			    err);
		else
			st = dbi_stmt(db, "SELECT a.tam, a.tam_fold FROM "
			    "account a WHERE a.tam_fold > :lo AND "
			    "a.tam_fold < :hi ORDER BY a.tam_fold LIMIT 1",
			    err);
		if (st == NULL) {
			rc = -1;
			break;
		}
		dbi_text(st, ":lo", after != NULL ? after : lo);
		dbi_text(st, ":hi", hi);
		if ((rc = dbi_first(db, st, err)) != 0) {
			rc = rc == 1 ? 0 : -1;
			break;
		}
		/* The TAM of the row: its name and folded name, copied. */
		free(after);
		name = dbi_col_dup(st, 0);
		after = dbi_col_dup(st, 1);
		dbi_stop(st, 0);
		if (name != NULL && *name != '\0')
			fn(arg, name, NULL);
		free(name);
		if (after == NULL)
			break;
	}
	free(after);
	return rc;
}

int
db_complete(struct tam_db *db, enum db_complete_what what,
    const char *prefix, int limit, db_complete_fn fn, void *arg)
{
	struct walk	 w = { fn, arg, 0, 0 };
	char		*lo, *hi, *err = NULL;
	int		 rc;

	/* The open tasks or CTAs, with their kind and account. */
#define IDS(T) \
	    "SELECT x.id, x.kind, a.name FROM " T " x JOIN account a " \
	    "ON a.id = x.account_id WHERE x.id BETWEEN :lo AND :hi " \
	    "AND x.status || '' = 'open' ORDER BY x.id LIMIT :limit"
	static const char tasks[] = IDS("task"), ctas[] = IDS("cta");
#undef IDS

	if (what == DBC_TASK || what == DBC_CTA) {
		w.ids = 1;
		return complete_ids(db, what == DBC_TASK ? tasks : ctas,
		    prefix, limit, &w);
	}
	if ((lo = text_fold(prefix)) == NULL)
		return 0;
	/* No prefix: below the last code point, which no name begins with. */
	hi = *lo != '\0' ? text_fold_next(lo) : xstrdup(TEXT_FOLD_TOP);
	if (what == DBC_ACCOUNT)
		rc = complete_accounts(db, lo, hi, limit, &w, &err);
	else
		rc = complete_tams(db, lo, hi, limit, fn, arg, &err);
	free(err);
	free(lo);
	free(hi);
	return rc;
}
