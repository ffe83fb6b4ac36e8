/*
 * account-store.h: the account store: naming an account or a TAM as a
 * person does, loading, creating and saving accounts (account.h has the
 * record itself).
 */
#ifndef TAM_ACCOUNT_STORE_H
#define TAM_ACCOUNT_STORE_H

#include <stdint.h>

#include "tam/account.h"
#include "tam/tam.h"

struct settings;

/*
 * The functions that name or load an account return TAM_OK, or TAM_FAIL
 * (TAM_USAGE for an empty name) with *err set, the message for the
 * command to hand on (cmd_fail_take); "" when it was printed already.
 */
/*
 * Resolves ACCOUNT as SPEC §2 says (id, Salesforce ID, exact name,
 * unique prefix) into *id.  A name that several accounts share or
 * begin with: the error and the candidates are printed on stderr, in
 * that order, and *err is "".
 */
int		 account_resolve(struct tam_db *, const char *spec,
		    int64_t *id, char **err);
/*
 * Resolves --tam P as SPEC §2 "Naming a TAM" says: the TAM whose name
 * folds (text.h) to what P folds to, else the one TAM whose name,
 * or one of its words, starts with P folded.  TAM_OK with *fold set to
 * that TAM's folded name (allocated, the caller frees it: the filters
 * of db.h take it); else the error names the TAMs of the book (none
 * matches) or the candidates (several do).  Two words are not names:
 * "all" gives *fold NULL (every TAM), "me" the TAM settings_me() names
 * (an error when none is set).  spec NULL, the default of due and ics:
 * "me" when set, else every TAM.
 */
int		 account_tam_resolve(struct tam_db *, const char *spec,
		    char **fold, char **err);
/*
 * Whether account a may carry its name (SPEC §2): no other account has
 * the same folded name, unless both have a Salesforce ID.  old is the
 * account as stored (NULL for a new one): a name or ID left as it was
 * is not checked again.  TAM_OK, or TAM_FAIL naming the other account.
 */
int		 account_name_check(struct tam_db *,
		    const struct account *old, const struct account *a,
		    char **err);
/* Loads the account by id. */
int		 account_load(struct tam_db *, int64_t id, struct account *,
		    char **err);
/*
 * Resolves ACCOUNT (account_resolve) and loads it into a, as every
 * command on one account starts.
 */
int		 account_find(struct tam_db *, const char *spec,
		    struct account *a, char **err);

/* What writing an account takes: the book, the day, who writes. */
struct account_writer {
	struct tam_db		*db;
	const struct settings	*settings;	/* the re-plan's */
	int			 today;
	/* Of the timeline posts, the re-plan's too: the user, or "import". */
	const char		*author;
};

/*
 * Inserts a new account and its side rows (health history, a sentiment
 * post), stamped now (clock_now).  Sets a->id.  Returns 0 or -1 with
 * *err.
 */
int		 account_create(const struct account_writer *,
		    struct account *a, char **err);
/*
 * Writes the changes from old to new: the row, a sentiment post, a
 * renewal_date post and re-plan, a health history row.  Writes nothing
 * when nothing changed.  Returns the change mask, or -1 with *err.
 * Flags: ACCOUNT_SAVE_NO_POST leaves out the `sentiment` post, for a
 * caller that writes the sentiment change into its own post (the
 * `risk_update` of tam sentiment and tam cta close).
 */
#define ACCOUNT_SAVE_NO_POST	0x1
int		 account_save(const struct account_writer *,
		    const struct account *old, struct account *new, int flags,
		    char **err);

#endif
