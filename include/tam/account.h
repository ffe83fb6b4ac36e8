/*
 * account.h: the account record, its fields, parsing and comparing them.
 * Pure: no database, no I/O (the store is account-store.h).
 */
#ifndef TAM_ACCOUNT_H
#define TAM_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "tam/tam.h"	/* xmalloc */

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
	/*
	 * Written with the account only: the hash of the import row that
	 * sets it (csvin_row_hash), 0 for none.  Never read back.
	 */
	int64_t	 import_hash;
};

struct field_def {
	enum account_field	 id;
	const char		*key;	/* JSON key */
	const char		*option;	/* long option, NULL: none */
	/*
	 * Where the field lives in struct account: a string (text, one
	 * char * member, owned) or a value of one or two members copied
	 * as they are (acv is has_acv and acv_cents; the sentiment is it
	 * and requires_triage).
	 */
	int			 text;
	size_t			 off, size;
	size_t			 off2, size2;	/* 0: one member */
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
/*
 * Copies field f from src to dst (a text field as a copy of its own;
 * dst's old one is freed).
 */
void		 account_field_copy(struct account *dst,
		    const struct account *src, enum account_field f);
/* Clears field f (back to "not set"); the name is kept. */
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

#endif
