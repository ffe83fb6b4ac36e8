/* settings.h: the tunable numbers of the playbooks (SPEC §8). */
#ifndef TAM_SETTINGS_H
#define TAM_SETTINGS_H

#include <stdint.h>

#include "tam/date.h"
#include "tam/tam.h"

struct settings {
	int		window_months;		/* window.months */
	int		review1_months;		/* review1.months_before */
	int		review2_months;		/* review2.months_before */
	int		contact_days;		/* contact.days */
	int64_t		strategic_cents;	/* strategic.acv */
	int		sa_always;		/* review.sa_always */
	int		skip_weekends;		/* schedule.skip_weekends */
	struct period	risk_every;		/* risk_update.every */
	int		stale_days;		/* sentiment.stale_days */
	struct period	horizon;		/* due.horizon */
};

struct setting_def {
	const char	*key;
	const char	*fallback;	/* the default, as text */
	/* "months", "days", "amount", "bool", "period", "text" */
	const char	*kind;
	const char	*help;
};

/* The table of settings, NULL-key terminated. */
extern const struct setting_def setting_defs[];

const struct setting_def *setting_find(const char *key);
/*
 * Checks value for key and returns its canonical text (allocated), or
 * NULL with *err.
 */
char	*setting_canonical(const struct setting_def *, const char *value,
	    char **err);
/*
 * The settings of the book db, each a default where it is not set or no
 * longer parses (allocated: the caller frees it).  NULL with *err on a
 * database error.  A command reads them once, through cmd_settings().
 */
struct settings *settings_load(struct tam_db *, char **err);
/*
 * Who "me" is (`--tam me`, the default TAM of due and ics): TAM_ME when
 * set and not empty, else the setting me.  0 with *me allocated, or NULL
 * when neither is set; -1 with *err.  The name is not checked here: it
 * is resolved as a --tam value where it is used.
 */
int	 settings_me(struct tam_db *, char **me, char **err);
/* Parses every setting from text into s (used by settings_load). */
int	 settings_apply(struct settings *, const char *key, const char *value);

#endif
