/* date.h: calendar dates as day numbers, periods and the renewal date rules. */
#ifndef TAM_DATE_H
#define TAM_DATE_H

/*
 * A date is an int: days since 1970-01-01 (proleptic Gregorian).  0 is a
 * valid date, so "no date" is DATE_NONE.
 */
#define DATE_NONE (-2147483647 - 1)

/*
 * The first and last dates tam stores and prints, 1900-01-01 and
 * 9999-12-31: four-digit years, so that text dates sort as dates.
 */
#define DATE_MIN (-25567)
#define DATE_MAX 2932896

/* A PERIOD: N days, weeks or calendar months. */
struct period {
	int	n;
	char	unit;	/* 'd', 'w' or 'm' */
};

int	 date_from_ymd(int y, int m, int d);
void	 date_to_ymd(int, int *y, int *m, int *d);
/* Returns 1 if y-m-d is a real calendar date. */
int	 date_valid_ymd(int y, int m, int d);
/* Returns 1 if the date lies in DATE_MIN..DATE_MAX. */
int	 date_in_range(int);
int	 date_days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int	 date_weekday(int);
/* Writes "YYYY-MM-DD" into buf (11 bytes). */
void	 date_format(int, char buf[11]);
/*
 * Writes v, 0 to 99, as two digits at p ("07"), no NUL: the fields of
 * date_format() and of the clock's timestamps.
 */
void	 date_digits2(char p[2], int v);
/*
 * Parses strict "YYYY-MM-DD" (exactly that, a real date).  Returns 0 and
 * sets *out, or -1.
 */
int	 date_parse_iso(const char *, int *out);
/*
 * Parses a DATE argument: YYYY-MM-DD, M/D/YYYY, today, tomorrow,
 * yesterday, a weekday name (the next one after today), eow (this week's
 * Friday), eom, eoq (the last day of this month, quarter), +N or -N days,
 * weeks, months or years ("+2w", "-1y").  Words in any case.  Returns 0,
 * or -1 (not a date, or one outside DATE_MIN..DATE_MAX).
 */
int	 date_parse_arg(const char *, int today, int *out);
/* Those forms in words, for an error: "YYYY-MM-DD, M/D/YYYY, today, ...". */
extern const char date_arg_forms[];
/* Adds n calendar months, clamping to the month's last day (n may be < 0). */
int	 date_add_months(int, int n);
/* Adds a period (months clamp). */
int	 date_add_period(int, const struct period *);
/* Subtracts a period (months clamp). */
int	 date_sub_period(int, const struct period *);
/* Parses "N", "Nd", "Nw", "Nm" (N > 0 ... up to 100000). 0 or -1. */
int	 period_parse(const char *, struct period *);
/* Writes the canonical form ("7d", "1m") into buf (16 bytes). */
void	 period_format(const struct period *, char buf[16]);
/*
 * The due-date rules of SPEC §6, steps 2 and 3: a weekend moves to the
 * Friday before (if skip_weekends), then a date before created becomes
 * created.  Returns DATE_NONE when the due date falls outside
 * DATE_MIN..DATE_MAX: it cannot be stored, and the caller says so
 * (never a year written as 0000).
 */
int	 date_due_rule(int due, int created, int skip_weekends);
/* The first weekday (Mon-Fri) of the month of the given date. */
int	 date_first_weekday_of_month(int);

#endif
