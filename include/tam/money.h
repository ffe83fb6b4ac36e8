/* money.h: amounts as integer cents with an optional ISO currency code. */
#ifndef TAM_MONEY_H
#define TAM_MONEY_H

#include <stddef.h>
#include <stdint.h>

struct money {
	int64_t	cents;
	char	currency[4];	/* "" when the input named none */
};

/* Why a text is not an amount (money_read). */
enum money_error {
	MONEY_OK = 0,
	MONEY_SYNTAX,		/* not the grammar below */
	MONEY_UNKNOWN_CODE,	/* "100 XYZ": not an ISO 4217 code */
	MONEY_CLASH,		/* "$100 EUR": symbol and code disagree */
	MONEY_DECIMALS,		/* "¥1,000.50": the currency has no decimals */
	MONEY_RANGE		/* more than 10^13 units */
};

/*
 * Parses an AMOUNT, the one grammar of the command line, the import and
 * the restore: an optional '-', then digits, plain or grouped by
 * thousands with commas (250000, 250,000; not 1,00,000), and at most two
 * decimals (not 12.345).  Before or after the number, optionally a
 * symbol ($ USD, € EUR, £ GBP, ¥ JPY; "$5", "5 €") and an upper-case ISO
 * 4217 code separated by a space ("USD 250,000.00", "1,234.50 EUR");
 * the sign may also stand just before the digits ("$-5,000").  Both
 * name the currency and must agree.  A currency without minor units
 * (JPY, KRW...) takes no decimals but zeros.  Spaces around are ignored.
 * Returns MONEY_OK and fills *out (currency "" when none is named), or
 * the reason, leaving *out alone.
 */
int	 money_read(const char *, struct money *out);
/*
 * A flag of money_read_as(): '.' groups thousands and ',' begins the
 * decimals ("480.000,00 €", "1.234,50", "1,5"), as much of Europe writes.
 */
#define MONEY_DECIMAL_COMMA	0x1
/* money_read() in the way flags say (0: money_read() itself). */
int	 money_read_as(const char *, unsigned flags, struct money *out);
/* money_read() as 0, or -1 for any reason. */
int	 money_parse(const char *, struct money *out);
/*
 * The reason of a money_read() error as words to follow the quoted
 * text in a message: "is not an amount", "is not an amount: its
 * currency has no decimals"...  Static.
 */
const char *money_error_text(int);
/* Returns 1 if code is an active ISO 4217 currency code (upper case). */
int	 money_currency_known(const char *code);
/*
 * The number of decimals ISO 4217 gives the currency (2 for USD, 0 for
 * JPY, 3 for KWD), -1 where it says none apply (XAU, XDR), -2 for a code
 * that is not in the list.
 */
int	 money_minor_units(const char *code);
/* The i-th code of the list in sorted order, NULL past the end (tests). */
const char *money_currency_at(size_t i);
/*
 * Formats cents for people: "$250,000", "$1,234.50", "-$5,000"; a
 * currency other than USD is written with its code, "EUR 1,234.50".
 * currency NULL or "" is USD.  buf: 48 bytes.
 */
void	 money_format(int64_t cents, const char *currency, char buf[48]);
/* Formats cents as a plain decimal in currency units: "250000.5". */
void	 money_plain(int64_t cents, char buf[32]);

#endif
