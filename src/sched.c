/* sched.c: the renewal playbook's dates and attendees (pure, SPEC §6). */
#include <stddef.h>
#include <string.h>

#include "tam/date.h"
#include "tam/sched.h"
#include "tam/text.h"

const char *const sched_kinds[] = {
	"renewal_review_1", "renewal_review_2", "renewal_question",
	"renewal_plan", "sentiment_update", "risk_cta_update", "risk_update",
	"action_architecture", "action_utilization", "action_roadmap",
	"custom", NULL
};

static const struct sched_action actions[] = {
	{ "architecture", "action_architecture",
	    "Architecture review with Professional Services" },
	{ "utilization", "action_utilization", "Product utilization review" },
	{ "roadmap", "action_roadmap", "Roadmap review" },
	{ "custom", "custom", NULL },
	{ NULL, NULL, NULL }
};

int
sched_window_opens(int r, const struct settings *s)
{
	return date_add_months(r, -s->window_months);
}

int
sched_window_open(int r, int day, const struct settings *s)
{
	if (r == DATE_NONE || r < day)
		return 0;
	return sched_window_opens(r, s) <= day;
}

int
sched_window_last(int day, const struct settings *s)
{
	int	r = date_add_months(day, s->window_months);

	/* No renewal date lies past DATE_MAX: a bound, not a due date. */
	if (r >= DATE_MAX)
		return DATE_MAX;
	/* Clamping maps several month-end dates to one opening day. */
	while (r < DATE_MAX && sched_window_opens(r + 1, s) <= day)
		r++;
	return r;
}

int
sched_renewal_plan(int r, int created, const struct settings *s,
    struct sched_task out[SCHED_NTASKS])
{
	int	w, contact, i;

	if (r == DATE_NONE || r < created)
		return 0;
	w = sched_window_opens(r, s);
	contact = w + s->contact_days;
	out[0].kind = "renewal_review_1";
	out[0].title = "Renewal Review 1 (internal sync)";
	out[0].due = date_add_months(r, -s->review1_months);
	out[1].kind = "renewal_question";
	out[1].title = "Ask the renewal question";
	out[1].due = contact;
	out[2].kind = "renewal_plan";
	out[2].title = "Renewal plan: action items into cadence and QBRs";
	out[2].due = contact;
	out[3].kind = "sentiment_update";
	out[3].title = "Update TAM Sentiment";
	out[3].due = contact;
	out[4].kind = "renewal_review_2";
	out[4].title = "Renewal Review 2 (internal sync)";
	out[4].due = date_add_months(r, -s->review2_months);
	for (i = 0; i < SCHED_NTASKS; i++)
		if ((out[i].due = date_due_rule(out[i].due, created,
		    s->skip_weekends)) == DATE_NONE)
			return -1;
	return SCHED_NTASKS;
}

int
sched_action_due(int day, const struct settings *s)
{
	return date_due_rule(day + 14, day, s->skip_weekends);
}

const struct sched_action *
sched_action_find(const char *name)
{
	return text_table_find(actions, sizeof *actions,
	    offsetof(struct sched_action, name), name);
}

int
sched_kind_is_meeting(const char *kind)
{
	return strcmp(kind, "renewal_review_1") == 0 ||
	    strcmp(kind, "renewal_review_2") == 0;
}

int
sched_kind_valid(const char *kind)
{
	const char *const	*k;

	for (k = sched_kinds; *k != NULL; k++)
		if (strcmp(*k, kind) == 0)
			return 1;
	return 0;
}

/* "name (ROLE)", or "(ROLE: unassigned)" so the TAM sees whom to find. */
static char *
attendee(const char *person, const char *role)
{
	if (person == NULL || *person == '\0')
		return xasprintf("(%s: unassigned)", role);
	return xasprintf("%s (%s)", person, role);
}

int
sched_attendees(const struct sched_people *p, const struct settings *s,
    char *out[SCHED_MAX_ATTENDEES])
{
	int	n = 0;

	out[n++] = attendee(p->tam, "TAM");
	out[n++] = attendee(p->sal, "SAL");
	/* The SA comes when there is one and an upsell or the setting. */
	if (p->sa != NULL && *p->sa != '\0' && (p->upsell || s->sa_always))
		out[n++] = attendee(p->sa, "SA");
	if (p->strategic) {
		out[n++] = attendee(p->rsd, "RSD");
		out[n++] = attendee(p->tam_manager, "TAM manager");
	}
	return n;
}
