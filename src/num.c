/* num.c: whole numbers written by people, one parser for all (pure). */
#include <stdint.h>

#include "tam/num.h"

int
parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	int64_t	v = 0;
	int	d;

	if (*s == '\0')
		return -1;
	/* By hand, not strtoll: no sign, no spaces, no locale, no errno. */
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		d = *s - '0';
		if (v > (INT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
