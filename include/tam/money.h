/* money.h: amounts as integer cents with an optional ISO currency code. */
#ifndef TAM_MONEY_H
#define TAM_MONEY_H

#include <stdint.h>

struct money {
	int64_t	cents;
	char	currency[4];	/* "" when the input named none */
};

/*
 * Parses 250000, 250000.50, $250,000, USD 250,000.00, EUR 1,234.50,
 * -5000, -$5,000, 250000 USD.  Thousands separators must group by three.
 * Returns 0 and fills *out, or -1.
 */
int	 money_parse(const char *, struct money *out);
/*
 * Formats cents for people: "$250,000", "$1,234.50", "-$5,000"; a
 * currency other than USD is written as "EUR 1,234.50".  buf: 48 bytes.
 */
void	 money_format(int64_t cents, const char *currency, char buf[48]);
/* Formats cents as a plain decimal in currency units: "250000.5". */
void	 money_plain(int64_t cents, char buf[32]);

#endif
