/*
 * ics.h: an RFC 5545 (iCalendar) writer for `tam ics`.  Pure: it writes
 * to the FILE it is given and touches nothing else.  (Who attends a
 * review meeting is sched_attendees(), shared with `tam due`.)
 */
#ifndef TAM_ICS_H
#define TAM_ICS_H

#include <stdint.h>
#include <stdio.h>


/* The longest content line, in octets, before folding (RFC 5545 3.1). */
#define ICS_LINE_MAX	75

/*
 * Returns an allocated copy of text escaped as an iCalendar TEXT value:
 * backslash, semicolon and comma get a backslash, a line break (LF, CRLF
 * or CR) becomes "\n", and other control characters become spaces.
 */
char	*ics_escape(const char *text);

/*
 * Writes one content line with CRLF, folded so that no physical line is
 * longer than ICS_LINE_MAX octets; a continuation line starts with one
 * space.  A fold never splits a UTF-8 character.
 */
void	 ics_fold(FILE *, const char *line);

/* Where a task stands, as the calendar shows it. */
enum ics_status {
	ICS_OPEN,		/* VEVENT CONFIRMED, VTODO NEEDS-ACTION */
	ICS_DONE,		/* VEVENT CANCELLED, VTODO COMPLETED */
	ICS_CANCELLED		/* skipped or cancelled: CANCELLED */
};

/*
 * An all-day review meeting (VEVENT) or a task (VTODO).  A closed task
 * stays in the file a while with its new status, so that a calendar
 * that imported it open learns it is over (an entry that just vanishes
 * stays in the calendar as it was).
 */
struct ics_item {
	int		 todo;		/* 1: VTODO with DUE, 0: VEVENT */
	int64_t		 task_id;
	const char	*db_uid;	/* UID: "task-<id>.<db_uid>@tam" */
	int		 date;		/* DTSTART or DUE (a day number) */
	int		 stamp;		/* DTSTAMP: this day at 00:00 UTC */
	enum ics_status	 status;
	int64_t		 sequence;	/* SEQUENCE: grows with each change */
	const char	*modified;	/* LAST-MODIFIED, as stored:
					   "YYYY-MM-DDTHH:MM:SSZ";
					   NULL (or malformed): none */
	const char	*completed;	/* COMPLETED of a done VTODO, the same
					   form; NULL: none */
	const char	*summary;	/* plain text, escaped here */
	const char	*description;	/* plain text, NULL: none */
};

/* BEGIN:VCALENDAR and the calendar's properties. */
void	 ics_begin(FILE *);
/* One VEVENT or VTODO. */
void	 ics_item(FILE *, const struct ics_item *);
/* END:VCALENDAR. */
void	 ics_end(FILE *);

#endif
