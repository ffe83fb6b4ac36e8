/*
 * db-complete.h: the reads behind shell completion (tam __complete):
 * a read-only connection that never creates, migrates or writes, and
 * the few indexed prefix searches the completion asks for.
 */
#ifndef TAM_DB_COMPLETE_H
#define TAM_DB_COMPLETE_H

#include "tam/db.h"

/* What is being completed. */
enum db_complete_what {
	DBC_ACCOUNT,		/* the names of active accounts */
	DBC_TAM,		/* the TAMs' names */
	DBC_TASK,		/* the ids of open tasks */
	DBC_CTA			/* the ids of open CTAs */
};

/*
 * Opens the database at path read-only for completion, or returns NULL
 * (no file, not a regular file, not SQLite, not tam's schema): nothing
 * is ever created or changed, and nothing is said.
 */
struct tam_db	*db_complete_open(const char *path);
/*
 * Hands fn each value of what that starts with prefix (folded, for the
 * names; the digits, for the ids), at most limit of them, in order; desc
 * says what an id is ("renewal_review_1, Acme"), NULL for a name.
 * Returns 0, or -1 when a read failed.
 */
typedef void	(*db_complete_fn)(void *arg, const char *value,
		    const char *desc);
int		 db_complete(struct tam_db *, enum db_complete_what,
		    const char *prefix, int limit, db_complete_fn, void *arg);

#endif
