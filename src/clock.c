/*
 * clock.c: timestamps as real UTC instants, and today as the local date.
 *
 * The rule for --today (SPEC §2: "timestamps written while it is set
 * carry that date, with the current time of day"): take the current
 * local wall-clock time, put it on the --today date in local time, and
 * convert that to UTC.  A post at 17:01 in Los Angeles with --today
 * 2026-11-23 is stamped 2026-11-24T01:01:00Z: after one made at 16:59
 * the same day, never before it.  Without --today the stamp is simply
 * the current instant in UTC.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tam/clock.h"
#include "tam/date.h"
#include "tam/tam.h"

#define DAY_SECS	86400

int
clock_local_day(time_t t)
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return (int)(t / DAY_SECS);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* mktime() of day at h:m:s local time; fallback: that time in UTC. */
static time_t
local_on_day(int day, int h, int m, int s)
{
	struct tm	tm = { 0 };
	time_t		t;
	int		y, mo, d;

	date_to_ymd(day, &y, &mo, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = s;
	tm.tm_isdst = -1;	/* whichever applies on that date */
	if ((t = mktime(&tm)) == (time_t)-1)
		t = (time_t)day * DAY_SECS + h * 3600 + m * 60 + s;
	return t;
}

time_t
clock_instant(time_t now, int today)
{
	/*
	 * The last answer kept: mktime() stats /etc/localtime on every
	 * call, and an import asks once per row within the same second.
	 */
	static time_t	last_now = -1, last;
	static int	last_today;
	struct tm	tm;

	if (now == last_now && today == last_today)
		return last;
	last_now = now;
	last_today = today;
	/* The real instant whenever it is the right day: no round trip. */
	if (today == clock_local_day(now) || localtime_r(&now, &tm) == NULL)
		return last = now;
	return last = local_on_day(today, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

time_t
clock_day_start(int day)
{
	return local_on_day(day, 0, 0, 0);
}

void
clock_format_utc(time_t t, char buf[21])
{
	static const char	last[] = "9999-12-31T23:59:59Z";
	long long		day, secs;
	char			d[11];
	int			h, m, s, i;

	/* POSIX time has no leap seconds: a day is 86400 of them. */
	day = (long long)t / DAY_SECS;
	secs = (long long)t % DAY_SECS;
	if (secs < 0) {
		secs += DAY_SECS;
		day--;
	}
	if (day > date_from_ymd(9999, 12, 31)) {
		for (i = 0; i < 21; i++)
			buf[i] = last[i];
		return;
	}
	date_format((int)day, d);
	h = (int)(secs / 3600);
	m = (int)(secs / 60 % 60);
	s = (int)(secs % 60);
	for (i = 0; i < 10; i++)
		buf[i] = d[i];
	buf[10] = 'T';
	date_digits2(buf + 11, h);
	buf[13] = ':';
	date_digits2(buf + 14, m);
	buf[16] = ':';
	date_digits2(buf + 17, s);
	buf[19] = 'Z';
	buf[20] = '\0';
}

int
clock_stamp_day(const char *ts)
{
	char	d[11];
	int	day, i, v[3];

	if (ts == NULL || strlen(ts) != 20 || ts[10] != 'T' || ts[13] != ':' ||
	    ts[16] != ':' || ts[19] != 'Z')
		return DATE_NONE;
	memcpy(d, ts, 10);
	d[10] = '\0';
	if (date_parse_iso(d, &day) != 0)
		return DATE_NONE;
	for (i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)ts[11 + 3 * i]) ||
		    !isdigit((unsigned char)ts[12 + 3 * i]))
			return DATE_NONE;
		v[i] = (ts[11 + 3 * i] - '0') * 10 + ts[12 + 3 * i] - '0';
	}
	if (v[0] > 23 || v[1] > 59 || v[2] > 60)
		return DATE_NONE;
	return clock_local_day((time_t)day * DAY_SECS + v[0] * 3600 +
	    v[1] * 60 + v[2]);
}

const char *
clock_stamp_date(const char *ts, char buf[11])
{
	int	day;

	if (ts == NULL)
		return NULL;
	if ((day = clock_stamp_day(ts)) == DATE_NONE)
		snprintf(buf, 11, "%s", ts);
	else
		date_format(day, buf);
	return buf;
}

void
clock_now(int today, char buf[21])
{
	clock_format_utc(clock_instant(time(NULL), today), buf);
}

void
tam_now(const struct tam_ctx *ctx, char buf[21])
{
	clock_now(ctx->today, buf);
}
