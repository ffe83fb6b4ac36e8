/*
 * fuzz-money.c: libFuzzer harness for AMOUNT parsing (money_parse).
 * Beyond "no crash, no UB": an amount that parses stays within the range
 * tam promises, names only a currency of the ISO 4217 list (with no
 * cents where it has no minor unit), and what tam writes for it
 * (money_plain for machine formats, money_format for people) reads back
 * as the same cents.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tam/money.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MONEY_LIMIT INT64_C(1000000000000099)

static void
check_reads_back(const char *text, const struct money *m, int same_code)
{
	struct money	back;

	if (money_parse(text, &back) != 0 || back.cents != m->cents)
		abort();
	if (same_code && m->currency[0] != '\0' &&
	    strcmp(m->currency, "USD") != 0 &&
	    strcmp(back.currency, m->currency) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s;
	char		 buf[48];
	struct money	 m;
	int		 e;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	e = money_read(s, &m);
	if ((e == MONEY_OK) != (money_parse(s, &m) == 0))
		abort();
	if (e == MONEY_OK) {
		if (m.cents > MONEY_LIMIT || m.cents < -MONEY_LIMIT)
			abort();
		/* A named currency is on the ISO 4217 list. */
		if (m.currency[0] != '\0' && !money_currency_known(m.currency))
			abort();
		/* The yen and the like never carry cents. */
		if (m.currency[0] != '\0' &&
		    money_minor_units(m.currency) == 0 && m.cents % 100 != 0)
			abort();
		money_plain(m.cents, buf);
		check_reads_back(buf, &m, 0);
		money_format(m.cents, m.currency, buf);
		check_reads_back(buf, &m, 1);
	}
	free(s);
	return 0;
}
