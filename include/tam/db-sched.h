/*
 * db-sched.h: the set-based queries of sync and the morning due list.
 * Each walks its rows with a callback; the structs passed are borrowed
 * for the call (copy what you keep).  Returns 0, the callback's non-zero
 * value that stopped the walk, or -1 with *err (allocated).
 */
#ifndef TAM_DB_SCHED_H
#define TAM_DB_SCHED_H

#include <stdint.h>

struct tam_db;

/* An account as the due list and sync show it. */
struct due_account {
	int64_t		 id;
	const char	*name;
	const char	*sfid;
	const char	*tam;
	const char	*sal;
	const char	*sa;
	const char	*rsd;
	const char	*tam_manager;
	int		 upsell;
	int		 has_acv;
	int64_t		 acv_cents;
	const char	*currency;	/* of the ACV: "USD", "EUR"... */
	int		 renewal_date;	/* DATE_NONE */
	const char	*sentiment;	/* NULL: not set */
	int		 requires_triage;
};

/* An open task and its account. */
struct due_task {
	int64_t			 id;
	int64_t			 cta_id;	/* 0: none */
	const char		*kind;
	const char		*title;
	int			 due;
	struct due_account	 a;
};

/* A CTA found by sync (id, account). */
struct due_cta {
	int64_t		 id;
	const char	*title;
	const char	*since;		/* db_sched_update_missing; or NULL */
	struct due_account a;
};

typedef int (*due_account_fn)(void *, const struct due_account *);

/*
 * Accounts that are not archived, whose renewal date is in [from, to]
 * and that have neither a renewal CTA for that date (other than a
 * cancelled one) nor any open renewal CTA: the windows sync must open.
 * tam: the folded name of a TAM (account_tam_resolve), NULL for every
 * TAM, as in every query below that takes one.
 */
int	 db_sched_unplanned(struct tam_db *, const char *tam, int from,
	    int to, due_account_fn, void *, char **err);
/*
 * For plan.c: whether account id is archived and whether it has a
 * renewal CTA for renewal date r that is not cancelled.  0, 1 when the
 * account does not exist, -1.
 */
int	 db_sched_renewal_state(struct tam_db *, int64_t id, int r,
	    int *archived, int *planned, char **err);
/*
 * The account's open renewal CTA: 0 with *id and *renewal_date set, 1
 * when it has none, -1.
 */
int	 db_sched_open_renewal(struct tam_db *, int64_t account_id,
	    int64_t *id, int *renewal_date, char **err);
/*
 * At-risk accounts (red, or yellow with requires_triage), not archived,
 * with no open risk CTA.
 */
int	 db_sched_risk_missing(struct tam_db *, const char *tam,
	    due_account_fn, void *, char **err);
/* Open renewal CTAs none of whose tasks is open any more. */
int	 db_sched_complete(struct tam_db *, const char *tam,
	    int (*)(void *, const struct due_cta *), void *, char **err);
/*
 * Open risk CTAs of accounts not archived without an open risk_update
 * task (closed by hand before tam kept the cadence going, or lost): since
 * is the timestamp of the CTA's last Risk Update post, else its opening.
 */
int	 db_sched_update_missing(struct tam_db *, const char *tam,
	    int (*)(void *, const struct due_cta *), void *, char **err);
/*
 * Sets *complete to 1 when CTA id is an open renewal CTA with no open
 * task left, else 0.  Returns 0 or -1.
 */
int	 db_sched_is_complete(struct tam_db *, int64_t id, int *complete,
	    char **err);
/*
 * Lets the page cache of this connection grow to 64 MB, so that a
 * transaction writing tens of thousands of rows (the first sync of a
 * large database) is not spilled to the WAL and read back page by page.
 */
int	 db_sched_bulk(struct tam_db *, char **err);
/*
 * Gives the CTAs and open tasks that lack it their account's folded TAM
 * (sql/0007-tam-pages.sql): rows another program inserted, which one
 * TAM's statements see from then on.  tam's own INSERTs carry it; the
 * whole book's sync calls this.  Returns 0 or -1.
 */
int	 db_sched_tam_copies(struct tam_db *, char **err);

/*
 * Open tasks of accounts not archived due on or before until (DATE_NONE:
 * all), in no particular order: the caller sorts them (its order needs
 * the strategic bar, and a sort in C is cheaper than SQLite's sorter on
 * rows this wide).
 */
int	 db_due_tasks(struct tam_db *, const char *tam, int until,
	    int (*)(void *, const struct due_task *), void *, char **err);
/* Accounts not archived whose renewal date is before today. */
int	 db_due_renewal_passed(struct tam_db *, const char *tam, int today,
	    due_account_fn, void *, char **err);
/* Accounts with an open risk CTA that are no longer at risk. */
int	 db_due_recovered(struct tam_db *, const char *tam,
	    int (*)(void *, const struct due_cta *), void *, char **err);
/*
 * Accounts renewing in [today, last] (their window is open) with no
 * sentiment or risk_update post since the timestamp cutoff, and either
 * an older such post or none at all and added before cutoff.
 */
int	 db_due_stale(struct tam_db *, const char *tam, int today, int last,
	    const char *cutoff, due_account_fn, void *, char **err);
/* The number of accounts not archived renewing in [today, before]. */
int	 db_due_count_renewing(struct tam_db *, const char *tam, int today,
	    int before, int64_t *n, char **err);

#endif
