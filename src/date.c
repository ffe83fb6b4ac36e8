/* date.c: day-number dates, periods and the due-date rules (pure). */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/date.h"

/* The earliest and latest years tam accepts; keeps arithmetic in range. */
#define YEAR_MIN 1900
#define YEAR_MAX 9999

/* Days from civil, after H. Hinnant's public-domain algorithm. */
int
date_from_ymd(int y, int m, int d)
{
	int		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int z, int *y, int *m, int *d)
{
	int	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

int
date_valid_ymd(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= date_days_in_month(y, m);
}

int
date_weekday(int z)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int	w = (z + 3) % 7;

	return w < 0 ? w + 7 : w;
}

void
date_format(int z, char buf[11])
{
	int	y, m, d;

	date_to_ymd(z, &y, &m, &d);
	/* By hand: y, m and d are in range, which snprintf cannot know. */
	y = y < 0 ? 0 : y % 10000;
	date_digits2(buf, y / 100);
	date_digits2(buf + 2, y % 100);
	buf[4] = '-';
	date_digits2(buf + 5, m);
	buf[7] = '-';
	date_digits2(buf + 8, d);
	buf[10] = '\0';
}

void
date_digits2(char p[2], int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

static int
digits(const char *s, int n)
{
	int	i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
date_parse_iso(const char *s, int *out)
{
	int	y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if ((y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0)
		return -1;
	if (!date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
date_in_range(int z)
{
	return z >= DATE_MIN && z <= DATE_MAX;
}

/* The forms date_parse_arg() reads, for the error that refuses one. */
const char date_arg_forms[] = "YYYY-MM-DD, M/D/YYYY, today, tomorrow, "
    "yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y";

static const char *const weekdays[] = { "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday" };

/* A weekday's name, in full or its first three letters: 0..6, or -1. */
static int
weekday_name(const char *s)
{
	size_t	len = strlen(s);
	int	i;

	if (len < 3)
		return -1;
	for (i = 0; i < 7; i++)
		if (strncasecmp(s, weekdays[i], len) == 0 &&
		    (len == 3 || len == strlen(weekdays[i])))
			return i;
	return -1;
}

/*
 * The words: a weekday is the next one strictly after today (as git and
 * taskwarrior read it: "friday" said on a Friday means a week on); the
 * ends are of the period today is in, so they may be today.  The week
 * ends on Friday: a TAM's week is a work week, and a Sunday due date is
 * one the playbook itself would move back to the Friday.
 */
static int
date_word(const char *s, int today, int *out)
{
	int	y, m, d, w;

	if (strcasecmp(s, "today") == 0)
		*out = today;
	else if (strcasecmp(s, "tomorrow") == 0)
		*out = today + 1;
	else if (strcasecmp(s, "yesterday") == 0)
		*out = today - 1;
	else if (strcasecmp(s, "eow") == 0) {
		w = date_weekday(today);
		*out = today + (w <= 4 ? 4 - w : 11 - w);
	} else if (strcasecmp(s, "eom") == 0 || strcasecmp(s, "eoq") == 0) {
		date_to_ymd(today, &y, &m, &d);
		if (tolower((unsigned char)s[2]) == 'q')
			m = (m - 1) / 3 * 3 + 3;
		*out = date_from_ymd(y, m, date_days_in_month(y, m));
	} else if ((w = weekday_name(s)) >= 0) {
		d = (w - date_weekday(today) + 7) % 7;
		*out = today + (d == 0 ? 7 : d);
	} else
		return -1;
	return date_in_range(*out) ? 0 : -1;
}

/* "+3w", "-2y": N (1..100000) and a unit, no unit is no date. */
static int
date_offset(const char *s, int today, int *out)
{
	struct period	p;
	char		buf[16];
	size_t		len = strlen(s + 1);
	int		years = 0;

	if (len < 2 || len >= sizeof buf || !isalpha((unsigned char)s[len]))
		return -1;
	memcpy(buf, s + 1, len + 1);
	/* A year is twelve months: 2028-02-29 +1y is 2029-02-28. */
	if (buf[len - 1] == 'y') {
		years = 1;
		buf[len - 1] = 'm';
	}
	if (period_parse(buf, &p) != 0 || (years && p.n > 100000 / 12))
		return -1;
	if (years)
		p.n *= 12;
	if (s[0] == '-')
		p.n = -p.n;
	*out = date_add_period(today, &p);
	/* +99992m is past 9999: it could not be stored, read back. */
	return date_in_range(*out) ? 0 : -1;
}

/*
 * M/D/YYYY, the US order the import reads with --date-format mdy: one or
 * two digits each, a four-digit year.  D/M is never read (3/4/2027 would
 * mean two dates), so 25/12/2027 is refused, not guessed.
 */
static int
date_us(const char *s, int *out)
{
	int	f[3] = { 0, 0, 0 }, n[3] = { 0, 0, 0 }, i = 0;

	for (; *s != '\0'; s++) {
		if (*s == '/') {
			if (n[i] == 0 || ++i > 2)
				return -1;
		} else if (isdigit((unsigned char)*s) && n[i] < 4) {
			f[i] = f[i] * 10 + (*s - '0');
			n[i]++;
		} else
			return -1;
	}
	if (i != 2 || n[0] > 2 || n[1] > 2 || n[2] != 4 ||
	    !date_valid_ymd(f[2], f[0], f[1]))
		return -1;
	*out = date_from_ymd(f[2], f[0], f[1]);
	return 0;
}

int
date_parse_arg(const char *s, int today, int *out)
{
	if (s[0] == '+' || s[0] == '-')
		return date_offset(s, today, out);
	if (isalpha((unsigned char)s[0]))
		return date_word(s, today, out);
	if (strchr(s, '/') != NULL)
		return date_us(s, out);
	return date_parse_iso(s, out);
}

int
date_add_months(int z, int n)
{
	int	y, m, d, total, dim;

	date_to_ymd(z, &y, &m, &d);
	total = y * 12 + (m - 1) + n;
	y = total >= 0 ? total / 12 : (total - 11) / 12;
	m = total - y * 12 + 1;
	dim = date_days_in_month(y, m);
	if (d > dim)
		d = dim;
	return date_from_ymd(y, m, d);
}

int
date_add_period(int z, const struct period *p)
{
	switch (p->unit) {
	case 'w':
		return z + 7 * p->n;
	case 'm':
		return date_add_months(z, p->n);
	default:
		return z + p->n;
	}
}

int
date_sub_period(int z, const struct period *p)
{
	struct period	neg = *p;

	neg.n = -p->n;
	return date_add_period(z, &neg);
}

int
period_parse(const char *s, struct period *out)
{
	long	 n;
	char	*end;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	n = strtol(s, &end, 10);
	if (n <= 0 || n > 100000)
		return -1;
	if (*end == '\0')
		out->unit = 'd';
	else if ((*end == 'd' || *end == 'w' || *end == 'm') && end[1] == '\0')
		out->unit = *end;
	else
		return -1;
	out->n = (int)n;
	return 0;
}

void
period_format(const struct period *p, char buf[16])
{
	snprintf(buf, 16, "%d%c", p->n, p->unit);
}

int
date_due_rule(int due, int created, int skip_weekends)
{
	int	w;

	if (skip_weekends) {
		w = date_weekday(due);
		if (w == 5)
			due -= 1;
		else if (w == 6)
			due -= 2;
	}
	if (due < created)
		due = created;
	return date_in_range(due) ? due : DATE_NONE;
}

int
date_first_weekday_of_month(int z)
{
	int	y, m, d, first;

	date_to_ymd(z, &y, &m, &d);
	first = date_from_ymd(y, m, 1);
	while (date_weekday(first) >= 5)
		first++;
	return first;
}
