/* money.c: parsing and formatting of amounts in integer cents (pure). */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "tam/money.h"

/* Ten trillion units: far above any ACV, far below int64 overflow. */
#define MONEY_MAX_CENTS INT64_C(1000000000000000)

static const char *
skip_space(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* Reads a three-letter ISO 4217 code into cur; returns chars read or 0. */
static int
read_code(const char *s, char cur[4])
{
	int	i;

	for (i = 0; i < 3; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	if (isalpha((unsigned char)s[3]))
		return 0;
	for (i = 0; i < 3; i++)
		cur[i] = (char)toupper((unsigned char)s[i]);
	cur[3] = '\0';
	return 3;
}

/* Reads a currency symbol; returns bytes read or 0. */
static int
read_symbol(const char *s, char cur[4])
{
	if (s[0] == '$')
		return 1;
	if (strncmp(s, "\xe2\x82\xac", 3) == 0) {	/* € */
		memcpy(cur, "EUR", 4);
		return 3;
	}
	if (strncmp(s, "\xc2\xa3", 2) == 0) {		/* £ */
		memcpy(cur, "GBP", 4);
		return 2;
	}
	return 0;
}

/*
 * Reads digits with optional thousands commas (groups of exactly three)
 * and up to two decimals.  Returns the new position or NULL.
 */
static const char *
read_number(const char *s, int64_t *cents)
{
	int64_t	 units = 0;
	int	 ndig = 0, group = -1, frac = 0, nfrac = 0;

	if (!isdigit((unsigned char)*s))
		return NULL;
	for (; isdigit((unsigned char)*s) || *s == ','; s++) {
		if (*s == ',') {
			if (ndig == 0 || (group >= 0 && group != 3) ||
			    (group < 0 && ndig > 3))
				return NULL;
			group = 0;
			continue;
		}
		if (group >= 0)
			group++;
		ndig++;
		units = units * 10 + (*s - '0');
		if (units > MONEY_MAX_CENTS / 100)
			return NULL;
	}
	if (group >= 0 && group != 3)
		return NULL;
	if (*s == '.') {
		s++;
		for (; isdigit((unsigned char)*s); s++) {
			if (++nfrac > 2)
				return NULL;
			frac = frac * 10 + (*s - '0');
		}
		if (nfrac == 0)
			return NULL;
		if (nfrac == 1)
			frac *= 10;
	}
	*cents = units * 100 + frac;
	return s;
}

int
money_parse(const char *s, struct money *out)
{
	char	cur[4] = "";
	int	neg = 0, n;
	int64_t	cents;

	s = skip_space(s);
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if ((n = read_code(s, cur)) > 0)
		s = skip_space(s + n);
	s += read_symbol(s, cur);
	if (!neg && *s == '-') {
		neg = 1;
		s++;
	}
	if ((s = read_number(s, &cents)) == NULL)
		return -1;
	s = skip_space(s);
	if (*s != '\0') {
		if (cur[0] != '\0' || (n = read_code(s, cur)) == 0)
			return -1;
		s = skip_space(s + n);
		if (*s != '\0')
			return -1;
	}
	out->cents = neg ? -cents : cents;
	memcpy(out->currency, cur, sizeof cur);
	return 0;
}

/* Writes |units| with thousands commas. */
static void
group_units(int64_t units, char *buf, size_t size)
{
	char	digits[32];
	size_t	len, i, j = 0;

	snprintf(digits, sizeof digits, "%" PRId64, units);
	len = strlen(digits);
	for (i = 0; i < len && j + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
}

void
money_format(int64_t cents, const char *currency, char buf[48])
{
	char		 grouped[40];
	int		 neg = cents < 0;
	uint64_t	 abs = neg ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	int64_t		 units = (int64_t)(abs / 100);
	int		 frac = (int)(abs % 100);
	const char	*sign = neg ? "-" : "";

	group_units(units, grouped, sizeof grouped);
	if (currency == NULL || *currency == '\0' ||
	    strcmp(currency, "USD") == 0) {
		if (frac)
			snprintf(buf, 48, "%s$%s.%02d", sign, grouped, frac);
		else
			snprintf(buf, 48, "%s$%s", sign, grouped);
	} else {
		if (frac)
			snprintf(buf, 48, "%s%s %s.%02d", sign, currency,
			    grouped, frac);
		else
			snprintf(buf, 48, "%s%s %s", sign, currency, grouped);
	}
}

void
money_plain(int64_t cents, char buf[32])
{
	int		 neg = cents < 0;
	uint64_t	 abs = neg ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	unsigned	 frac = (unsigned)(abs % 100);

	if (frac == 0)
		snprintf(buf, 32, "%s%" PRIu64, neg ? "-" : "", abs / 100);
	else if (frac % 10 == 0)
		snprintf(buf, 32, "%s%" PRIu64 ".%u", neg ? "-" : "",
		    abs / 100, frac / 10);
	else
		snprintf(buf, 32, "%s%" PRIu64 ".%02u", neg ? "-" : "",
		    abs / 100, frac);
}
