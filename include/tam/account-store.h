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

/*
 * Resolves ACCOUNT as SPEC §2 says (id, Salesforce ID, exact name,
 * unique prefix).  Returns TAM_OK with *id set, or TAM_FAIL with the
 * error in ctx (candidates listed on stderr when ambiguous).
 */
int		 account_resolve(struct tam_ctx *, const char *spec,
		    int64_t *id);
/*
 * Resolves --tam P as SPEC §2 "Naming a TAM" says: the TAM whose name
 * folds (text.h) to what P folds to, else the one TAM whose name,
 * or one of its words, starts with P folded.  Returns TAM_OK with *fold
 * set to that TAM's folded name (allocated, the caller frees it: the
 * filters of db.h take it), or TAM_FAIL with the error in ctx naming
 * the TAMs of the book (none matches) or the candidates (several do).
 * Two words are not names: "all" gives *fold NULL (every TAM), "me" the
 * TAM settings_me() names (an error when none is set).  spec NULL, the
 * default of due and ics: "me" when set, else every TAM.
 */
int		 account_tam_resolve(struct tam_ctx *, const char *spec,
		    char **fold);
/*
 * Whether account a may carry its name (SPEC §2): no other account has
 * the same folded name, unless both have a Salesforce ID.  old is the
 * account as stored (NULL for a new one): a name or ID left as it was
 * is not checked again.  TAM_OK, or TAM_FAIL naming the other account.
 */
int		 account_name_check(struct tam_ctx *,
		    const struct account *old, const struct account *a);
/* Loads the account by id; TAM_OK or TAM_FAIL with the error in ctx. */
int		 account_load(struct tam_ctx *, int64_t id, struct account *);
/*
 * Resolves ACCOUNT (account_resolve) and loads it into a, as every
 * command on one account starts: TAM_OK, or the error in ctx.
 */
int		 account_find(struct tam_ctx *, const char *spec,
		    struct account *a);
/*
 * Inserts a new account and its side rows (health history, a sentiment
 * post).  author is the timeline author ("import" or the user).  Sets
 * a->id.  Returns 0 or -1 with *err.
 */
int		 account_create(struct tam_ctx *, struct account *a,
		    const char *author, char **err);
/*
 * Writes the changes from old to new: the row, a sentiment post, a
 * renewal_date post and re-plan, a health history row.  Writes nothing
 * when nothing changed.  Returns the change mask, or -1 with *err.
 */
int		 account_save(struct tam_ctx *, const struct account *old,
		    struct account *new, const char *author, char **err);
/*
 * account_save() with flags: ACCOUNT_SAVE_NO_POST leaves out the
 * `sentiment` post, for a caller that writes the sentiment change into
 * its own post (the `risk_update` of tam sentiment and tam cta close).
 */
#define ACCOUNT_SAVE_NO_POST	0x1
int		 account_save_opts(struct tam_ctx *, const struct account *old,
		    struct account *new, const char *author, int flags,
		    char **err);

#endif
