/* account.h: the account record, its fields, naming and saving. */
#ifndef TAM_ACCOUNT_H
#define TAM_ACCOUNT_H

#include <stdint.h>

#include "tam/tam.h"

enum sentiment {
	SENT_NONE = 0,
	SENT_GREEN,
	SENT_YELLOW,
	SENT_RED
};

/* Fields that can be set from the command line or an import. */
enum account_field {
	AF_SFID,
	AF_NAME,
	AF_TAM,
	AF_SAL,
	AF_SA,
	AF_RSD,
	AF_TAM_MANAGER,
	AF_ACV,
	AF_CURRENCY,
	AF_RENEWAL_DATE,
	AF_HEALTH_SCORE,
	AF_SENTIMENT,
	AF_LIFECYCLE_STAGE,
	AF_UPSELL,
	AF_REGION,
	AF_SEGMENT,
	AF_OBJECTIVES,
	AF_LICENSES,
	AF_ACTIVE_USERS,
	AF_ARCHIVED,
	AF_COUNT
};

/* Bit of a field in a change mask. */
#define AF_BIT(f) (1u << (f))

/*
 * One account.  Strings are owned (account_release frees them); NULL is
 * "not set".  Integers use -1 (health, licenses, active users), has_acv
 * and DATE_NONE for "not set".
 */
struct account {
	int64_t	 id;
	char	*sfid;
	char	*name;
	char	*tam;
	char	*sal;
	char	*sa;
	char	*rsd;
	char	*tam_manager;
	int	 has_acv;
	int64_t	 acv_cents;
	char	 currency[4];
	int	 renewal_date;
	int	 health_score;
	int	 sentiment;
	int	 requires_triage;
	char	*lifecycle_stage;
	int	 upsell;
	char	*region;
	char	*segment;
	char	*objectives;
	int64_t	 licenses;
	int64_t	 active_users;
	int	 archived;
	char	*created_at;
	char	*updated_at;
};

struct field_def {
	enum account_field	 id;
	const char		*key;	/* JSON key */
	const char		*option;	/* long option, NULL: none */
};

void		 account_init(struct account *);
void		 account_release(struct account *);
/* Deep copy of src into dst (dst is overwritten, not released). */
void		 account_copy(struct account *dst, const struct account *src);
/* The definition of a field by JSON key or option name, or NULL. */
const struct field_def *account_field_by_name(const char *);
const struct field_def *account_field_def(enum account_field);
/* Mask of the fields that differ between a and b. */
unsigned	 account_diff(const struct account *a, const struct account *b);
/*
 * Sets field f of a from text as a person types it (an AMOUNT for acv,
 * a DATE for the renewal date...).  Returns 0, or -1 with *err set to an
 * allocated message naming the problem.
 */
int		 account_field_set(struct account *a, enum account_field f,
		    const char *value, int today, char **err);
/* Clears field f (back to "not set"). */
void		 account_field_clear(struct account *a, enum account_field f);
/*
 * The string member of a text field (the ID, the name...) inside *a,
 * owned by it; NULL for a field that is not text.
 */
char		**account_text_slot(struct account *, enum account_field);

const char	*sentiment_name(int);	/* "green"... or NULL */
/*
 * Parses green|yellow|red (any case) and the Salesforce spellings
 * "Yellow - Requires Triage", "Yellow (Requires Triage)".  Returns the
 * sentiment and sets *triage, or -1.
 */
int		 sentiment_parse(const char *, int *triage);
/* Returns 1 for red and yellow+triage. */
int		 sentiment_at_risk(int sentiment, int triage);

/* ACV strictly over the strategic threshold. */
int		 account_strategic(const struct account *, int64_t threshold);

/*
 * Resolves ACCOUNT as SPEC §2 says (id, Salesforce ID, exact name,
 * unique prefix).  Returns TAM_OK with *id set, or TAM_FAIL with the
 * error in ctx (candidates listed on stderr when ambiguous).
 */
int		 account_resolve(struct tam_ctx *, const char *spec, int64_t *id);
/*
 * Resolves --tam P as SPEC §2 "Naming a TAM" says: the TAM whose name
 * folds (text-fold.h) to what P folds to, else the one TAM whose name,
 * or one of its words, starts with P folded.  Returns TAM_OK with *fold
 * set to that TAM's folded name (allocated, the caller frees it: the
 * filters of db.h take it), or TAM_FAIL with the error in ctx naming
 * the TAMs of the book (none matches) or the candidates (several do).
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
 * Posts body on account id's timeline as type, by author, at now, with
 * the account's sentiment as it stands (every post records it, for the
 * history).  Returns 0, or -1 with *err.
 */
int		 account_post_event(struct tam_ctx *, int64_t id,
		    const char *type, const char *author, const char *body,
		    const char *now, char **err);

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
