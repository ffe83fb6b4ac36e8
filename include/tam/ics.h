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

/* An all-day review meeting (VEVENT) or a task (VTODO). */
struct ics_item {
	int		 todo;		/* 1: VTODO with DUE, 0: VEVENT */
	int64_t		 task_id;	/* the UID is "task-<id>@tam" */
	int		 date;		/* DTSTART or DUE (a day number) */
	int		 stamp;		/* DTSTAMP: this day at 00:00 UTC */
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
