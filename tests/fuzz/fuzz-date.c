/*
 * fuzz-date.c: libFuzzer harness for the DATE and PERIOD parsers.  Beyond
 * "no crash, no UB", it checks what the rest of tam relies on: a strict
 * date reads back exactly as written, and every date a DATE argument
 * yields can be stored and read again (date_format then date_parse_iso).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 2026-11-23, the day the command-line tests live on. */
#define FUZZ_TODAY 20780

static void
check_storable(int d)
{
	char	buf[11];
	int	back;

	date_format(d, buf);
	if (date_parse_iso(buf, &back) != 0 || back != d)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s;
	char		 buf[16];
	int		 d;
	struct period	 p;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse_iso(s, &d) == 0) {
		date_format(d, buf);
		if (strcmp(buf, s) != 0)
			abort();
	}
	if (date_parse_arg(s, FUZZ_TODAY, &d) == 0)
		check_storable(d);
	if (period_parse(s, &p) == 0) {
		if (p.n <= 0)
			abort();
		period_format(&p, buf);
		check_storable(date_due_rule(date_sub_period(FUZZ_TODAY, &p),
		    FUZZ_TODAY - 400, 1));
	}
	free(s);
	return 0;
}
