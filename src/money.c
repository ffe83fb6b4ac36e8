/* money.c: parsing and formatting of amounts in integer cents (pure). */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/money.h"
#include "tam/tam.h"

/* Ten trillion units: far above any ACV, far below int64 overflow. */
#define MONEY_MAX_CENTS INT64_C(1000000000000000)

/*
 * ISO 4217 list one (active codes, funds and metals included) as SIX
 * published it on 2025-05-12: the iso-codes package's list with ANG,
 * CUC, HRK, SLL and ZWL withdrawn and XAD, XCG and ZWG added.  The number
 * is the minor unit (decimals), -1 where ISO says N.A.  Sorted by code
 * for bsearch; test-money.c checks the order.
 */
static const struct currency {
	char	code[4];
	int	minor;
} currencies[] = {
	{ "AED",  2 }, { "AFN",  2 }, { "ALL",  2 }, { "AMD",  2 },
	{ "AOA",  2 }, { "ARS",  2 }, { "AUD",  2 }, { "AWG",  2 },
	{ "AZN",  2 }, { "BAM",  2 }, { "BBD",  2 }, { "BDT",  2 },
	{ "BGN",  2 }, { "BHD",  3 }, { "BIF",  0 }, { "BMD",  2 },
	{ "BND",  2 }, { "BOB",  2 }, { "BOV",  2 }, { "BRL",  2 },
	{ "BSD",  2 }, { "BTN",  2 }, { "BWP",  2 }, { "BYN",  2 },
	{ "BZD",  2 }, { "CAD",  2 }, { "CDF",  2 }, { "CHE",  2 },
	{ "CHF",  2 }, { "CHW",  2 }, { "CLF",  4 }, { "CLP",  0 },
	{ "CNY",  2 }, { "COP",  2 }, { "COU",  2 }, { "CRC",  2 },
	{ "CUP",  2 }, { "CVE",  2 }, { "CZK",  2 }, { "DJF",  0 },
	{ "DKK",  2 }, { "DOP",  2 }, { "DZD",  2 }, { "EGP",  2 },
	{ "ERN",  2 }, { "ETB",  2 }, { "EUR",  2 }, { "FJD",  2 },
	{ "FKP",  2 }, { "GBP",  2 }, { "GEL",  2 }, { "GHS",  2 },
	{ "GIP",  2 }, { "GMD",  2 }, { "GNF",  0 }, { "GTQ",  2 },
	{ "GYD",  2 }, { "HKD",  2 }, { "HNL",  2 }, { "HTG",  2 },
	{ "HUF",  2 }, { "IDR",  2 }, { "ILS",  2 }, { "INR",  2 },
	{ "IQD",  3 }, { "IRR",  2 }, { "ISK",  0 }, { "JMD",  2 },
	{ "JOD",  3 }, { "JPY",  0 }, { "KES",  2 }, { "KGS",  2 },
	{ "KHR",  2 }, { "KMF",  0 }, { "KPW",  2 }, { "KRW",  0 },
	{ "KWD",  3 }, { "KYD",  2 }, { "KZT",  2 }, { "LAK",  2 },
	{ "LBP",  2 }, { "LKR",  2 }, { "LRD",  2 }, { "LSL",  2 },
	{ "LYD",  3 }, { "MAD",  2 }, { "MDL",  2 }, { "MGA",  2 },
	{ "MKD",  2 }, { "MMK",  2 }, { "MNT",  2 }, { "MOP",  2 },
	{ "MRU",  2 }, { "MUR",  2 }, { "MVR",  2 }, { "MWK",  2 },
	{ "MXN",  2 }, { "MXV",  2 }, { "MYR",  2 }, { "MZN",  2 },
	{ "NAD",  2 }, { "NGN",  2 }, { "NIO",  2 }, { "NOK",  2 },
	{ "NPR",  2 }, { "NZD",  2 }, { "OMR",  3 }, { "PAB",  2 },
	{ "PEN",  2 }, { "PGK",  2 }, { "PHP",  2 }, { "PKR",  2 },
	{ "PLN",  2 }, { "PYG",  0 }, { "QAR",  2 }, { "RON",  2 },
	{ "RSD",  2 }, { "RUB",  2 }, { "RWF",  0 }, { "SAR",  2 },
	{ "SBD",  2 }, { "SCR",  2 }, { "SDG",  2 }, { "SEK",  2 },
	{ "SGD",  2 }, { "SHP",  2 }, { "SLE",  2 }, { "SOS",  2 },
	{ "SRD",  2 }, { "SSP",  2 }, { "STN",  2 }, { "SVC",  2 },
	{ "SYP",  2 }, { "SZL",  2 }, { "THB",  2 }, { "TJS",  2 },
	{ "TMT",  2 }, { "TND",  3 }, { "TOP",  2 }, { "TRY",  2 },
	{ "TTD",  2 }, { "TWD",  2 }, { "TZS",  2 }, { "UAH",  2 },
	{ "UGX",  0 }, { "USD",  2 }, { "USN",  2 }, { "UYI",  0 },
	{ "UYU",  2 }, { "UYW",  4 }, { "UZS",  2 }, { "VED",  2 },
	{ "VES",  2 }, { "VND",  0 }, { "VUV",  0 }, { "WST",  2 },
	{ "XAD",  2 }, { "XAF",  0 }, { "XAG", -1 }, { "XAU", -1 },
	{ "XBA", -1 }, { "XBB", -1 }, { "XBC", -1 }, { "XBD", -1 },
	{ "XCD",  2 }, { "XCG",  2 }, { "XDR", -1 }, { "XOF",  0 },
	{ "XPD", -1 }, { "XPF",  0 }, { "XPT", -1 }, { "XSU", -1 },
	{ "XTS", -1 }, { "XUA", -1 }, { "XXX", -1 }, { "YER",  2 },
	{ "ZAR",  2 }, { "ZMW",  2 }, { "ZWG",  2 },
};
#define NCURRENCIES nitems(currencies)

static int
currency_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct currency *)elem)->code);
}

static const struct currency *
currency_find(const char *code)
{
	if (code == NULL || strlen(code) != 3)
		return NULL;
	return bsearch(code, currencies, NCURRENCIES, sizeof currencies[0],
	    currency_cmp);
}

int
money_currency_known(const char *code)
{
	return currency_find(code) != NULL;
}

int
money_minor_units(const char *code)
{
	const struct currency	*c = currency_find(code);

	return c == NULL ? -2 : c->minor;
}

const char *
money_currency_at(size_t i)
{
	return i < NCURRENCIES ? currencies[i].code : NULL;
}

const char *
money_error_text(int e)
{
	switch (e) {
	case MONEY_UNKNOWN_CODE:
		return "is not an amount: its currency code is not an ISO "
		    "4217 code (like USD, EUR or GBP)";
	case MONEY_CLASH:
		return "is not an amount: its currency symbol and code name "
		    "different currencies";
	case MONEY_DECIMALS:
		return "is not an amount: its currency has no decimals";
	case MONEY_RANGE:
		return "is not an amount: it is too large";
	default:
		return "is not an amount";
	}
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/*
 * Three upper-case letters not followed by a letter: returns 3 with the
 * code in cur, -1 if they are not a currency of ISO 4217, 0 otherwise.
 */
static int
read_code(const char *s, char cur[4])
{
	int	i;

	for (i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	if (isalpha((unsigned char)s[3]))
		return 0;
	memcpy(cur, s, 3);
	cur[3] = '\0';
	return money_currency_known(cur) ? 3 : -1;
}

/* Reads a currency symbol into cur; returns bytes read or 0. */
static int
read_symbol(const char *s, char cur[4])
{
	static const struct { const char *sym, *code; } symbols[] = {
		{ "$", "USD" },
		{ "\xe2\x82\xac", "EUR" },	/* € */
		{ "\xc2\xa3", "GBP" },		/* £ */
		{ "\xc2\xa5", "JPY" },		/* ¥ */
	};
	size_t	i, n;

	for (i = 0; i < nitems(symbols); i++) {
		n = strlen(symbols[i].sym);
		if (strncmp(s, symbols[i].sym, n) == 0) {
			memcpy(cur, symbols[i].code, 4);
			return (int)n;
		}
	}
	return 0;
}

/*
 * Reads digits, either plain or grouped by thousands (1 to 3 digits,
 * not starting with 0 unless alone, then groups of exactly three), and
 * up to two decimals.  gsep groups, dsep begins the decimals: ',' and
 * '.', or the other way round in a decimal-comma locale.  Returns the
 * new position, with the amount in *cents and its decimals alone in
 * *fraction, or NULL with *e set.
 */
static const char *
read_number(const char *s, char gsep, char dsep, int64_t *cents,
    int *fraction, int *e)
{
	int64_t	 units = 0;
	int	 ndig = 0, group = -1, frac = 0, nfrac = 0;
	char	 first = *s;

	*e = MONEY_SYNTAX;
	if (!isdigit((unsigned char)*s))
		return NULL;
	for (; isdigit((unsigned char)*s) || *s == gsep; s++) {
		if (*s == gsep) {
			/* "0,123" and "1234,567" are no thousands groups. */
			if (group < 0 && (ndig > 3 || first == '0'))
				return NULL;
			if (group >= 0 && group != 3)
				return NULL;
			group = 0;
			continue;
		}
		if (group >= 0)
			group++;
		ndig++;
		units = units * 10 + (*s - '0');
		if (units > MONEY_MAX_CENTS / 100) {
			*e = MONEY_RANGE;
			return NULL;
		}
	}
	if (group >= 0 && group != 3)
		return NULL;
	if (*s == dsep) {
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
	*fraction = frac;
	return s;
}

/* A code or symbol seen: the first sets cur, a second must agree. */
static int
note_currency(char cur[4], const char *seen)
{
	if (cur[0] != '\0' && strcmp(cur, seen) != 0)
		return MONEY_CLASH;
	memcpy(cur, seen, 4);
	return MONEY_OK;
}

int
money_read(const char *s, struct money *out)
{
	return money_read_as(s, 0, out);
}

int
money_read_as(const char *s, unsigned flags, struct money *out)
{
	char		 cur[4] = "", got[4];
	char		 gsep = ',', dsep = '.';
	const char	*t;
	int		 neg = 0, n, e, frac, ncode = 0, nsym = 0;
	int64_t		 cents;

	s = skip_space(s);
	if (*s == '-') {
		neg = 1;
		s++;
	}
	/* Before the number: "USD ", a symbol, or both ("USD $5"). */
	if ((n = read_code(s, got)) != 0) {
		if (s[3] != ' ')
			return MONEY_SYNTAX;
		if (n < 0)
			return MONEY_UNKNOWN_CODE;
		ncode++;
		memcpy(cur, got, 4);
		s = skip_space(s + n);
	}
	if ((n = read_symbol(s, got)) > 0) {
		if ((e = note_currency(cur, got)) != MONEY_OK)
			return e;
		nsym++;
		s = skip_space(s + n);
	}
	if (!neg && *s == '-') {
		neg = 1;
		s++;
	}
	if (flags & MONEY_DECIMAL_COMMA) {
		gsep = '.';
		dsep = ',';
	}
	if ((s = read_number(s, gsep, dsep, &cents, &frac, &e)) == NULL)
		return e;
	/* After it: a symbol ("5 €", "5€") and a code (" EUR"). */
	t = skip_space(s);
	if (nsym == 0 && (n = read_symbol(t, got)) > 0) {
		if ((e = note_currency(cur, got)) != MONEY_OK)
			return e;
		s = t + n;
		t = skip_space(s);
	}
	if (ncode == 0 && t > s && (n = read_code(t, got)) != 0) {
		if (n < 0 && *skip_space(t + 3) == '\0')
			return MONEY_UNKNOWN_CODE;
		if (n < 0)
			return MONEY_SYNTAX;
		if ((e = note_currency(cur, got)) != MONEY_OK)
			return e;
		t = skip_space(t + n);
	}
	if (*t != '\0')
		return MONEY_SYNTAX;
	/* ¥1,000.50: no yen has cents, so a typo, not an amount. */
	if (cur[0] != '\0' && money_minor_units(cur) == 0 && frac != 0)
		return MONEY_DECIMALS;
	out->cents = neg ? -cents : cents;
	memcpy(out->currency, cur, sizeof cur);
	return MONEY_OK;
}

int
money_parse(const char *s, struct money *out)
{
	return money_read(s, out) == MONEY_OK ? 0 : -1;
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
