/*
 * sched.h: the renewal playbook as pure date arithmetic (SPEC §6): the
 * renewal window, the five tasks of a renewal date, default action-item
 * dates and the attendees of review meetings.  No I/O, no database.
 */
#ifndef TAM_SCHED_H
#define TAM_SCHED_H

#include "tam/settings.h"

#define SCHED_NTASKS		5
#define SCHED_MAX_ATTENDEES	5

#define RENEWAL_CTA_PLAYBOOK	"Renewal"

/* One task of the renewal playbook; kind and title are static strings. */
struct sched_task {
	const char	*kind;
	const char	*title;
	int		 due;
};

/* An action item of `tam action`: its name, task kind and default title. */
struct sched_action {
	const char	*name;
	const char	*kind;
	const char	*title;
};

/* The people a review meeting invites (borrowed strings, NULL: none). */
struct sched_people {
	const char	*tam;
	const char	*sal;
	const char	*sa;
	const char	*rsd;
	const char	*tam_manager;
	int		 upsell;
	int		 strategic;
};

/* W: the day the renewal window of renewal date r opens. */
int	 sched_window_opens(int r, const struct settings *);
/* 1 when the window of r is open on day (W <= day <= r). */
int	 sched_window_open(int r, int day, const struct settings *);
/*
 * The latest renewal date whose window is open on day: the windows open
 * on day are exactly those of r in [day, this].  (Not simply day + N
 * months: month ends clamp, so 2026-08-29..31 all open on 2026-02-28.)
 * At most DATE_MAX, the last date a renewal can have.
 */
int	 sched_window_last(int day, const struct settings *);
/*
 * Fills out with the five tasks of the renewal playbook for renewal
 * date r, planned on day created, due dates after the rules of SPEC §6
 * (month arithmetic clamped, weekend to the Friday before, never before
 * created).  Returns SCHED_NTASKS, or 0 when r has passed (r < created)
 * or is DATE_NONE: nothing is scheduled then; -1 when a due date would
 * fall after DATE_MAX (a contact.days longer than the window, on a
 * renewal date near 9999-12-31): an error to report, nothing planned.
 */
int	 sched_renewal_plan(int r, int created, const struct settings *,
	    struct sched_task out[SCHED_NTASKS]);
/*
 * The default due date of an action item created on day (day + 14,
 * date rules), or DATE_NONE when that is after DATE_MAX.
 */
int	 sched_action_due(int day, const struct settings *);
/* The action item called name ("architecture"...), or NULL. */
const struct sched_action *sched_action_find(const char *name);
/* 1 for the task kinds that are review meetings (they have attendees). */
int	 sched_kind_is_meeting(const char *kind);
/* 1 for a task kind tam knows (SPEC §3). */
int	 sched_kind_valid(const char *kind);
/* The task kinds, NULL-terminated (for messages). */
extern const char *const sched_kinds[];
/*
 * Writes the attendees of a review meeting into out as allocated
 * strings ("alice (TAM)", "(RSD: unassigned)"); the caller frees each.
 * Returns how many (at most SCHED_MAX_ATTENDEES).
 */
int	 sched_attendees(const struct sched_people *,
	    const struct settings *, char *out[SCHED_MAX_ATTENDEES]);

#endif
