/*
 * clock.h: the instants tam writes in timestamps.  A timestamp is a real
 * UTC instant ("2026-11-23T16:01:00Z"); "today" is the local date (or
 * --today / TAM_TODAY).  The functions read the time zone of the process
 * (TZ, through localtime_r and mktime) and nothing else.
 */
#ifndef TAM_CLOCK_H
#define TAM_CLOCK_H

#include <time.h>

/* The local date of instant t, as a day number (date.h). */
int	 clock_local_day(time_t t);
/*
 * The instant tam records for now when it treats today as today: now
 * itself when today is now's local date; otherwise now's local
 * wall-clock time put on the date today, in local time, so that
 * --today changes the date part only (SPEC §2).  A wall-clock time that
 * does not exist on that date (in a daylight-saving gap) is read the way
 * mktime() reads it: moved forward by the gap.
 */
time_t	 clock_instant(time_t now, int today);
/* The instant local midnight begins day (the first instant of that day). */
time_t	 clock_day_start(int day);
/*
 * The local date of a timestamp "YYYY-MM-DDTHH:MM:SSZ" (as tam writes
 * them), or DATE_NONE when it is not one.
 */
int	 clock_stamp_day(const char *);
/*
 * The local date of timestamp ts as "YYYY-MM-DD" in buf, for people;
 * text that is no timestamp is cut to its first ten characters, NULL
 * stays NULL.  Returns buf or NULL.
 */
const char	*clock_stamp_date(const char *ts, char buf[11]);
/*
 * Writes instant t as "YYYY-MM-DDTHH:MM:SSZ" into buf (21 bytes).  An
 * instant past 9999-12-31T23:59:59Z is written as that, the last one a
 * timestamp can hold (only --today 9999-12-31 west of UTC gets there).
 */
void	 clock_format_utc(time_t t, char buf[21]);
/*
 * Writes the timestamp of now, as tam records it with today as today
 * (clock_instant), into buf (21 bytes).
 */
void	 clock_now(int today, char buf[21]);

#endif
