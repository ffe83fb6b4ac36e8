/*
 * fuzz-id.c: libFuzzer harness for the ID parsers: Salesforce IDs
 * (sfid_normalize) and the numeric ids of tasks and CTAs (cmd_parse_id).
 * Beyond "no crash, no UB": a normalized ID is 18 characters, normalizes
 * to itself, and its 15-character prefix and an all-lowercase copy name
 * the same record; a numeric id is positive and reads back as written.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/sfid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_sfid(const char *s)
{
	char	id[19], again[19], part[19];
	size_t	i;

	if (sfid_normalize(s, id) != 0) {
		if (strlen(s) == 15 && sfid_looks_like(s))
			abort();	/* every 15-character ID is valid */
		return;
	}
	if (strlen(id) != 18 || !sfid_looks_like(id))
		abort();
	if (sfid_normalize(id, again) != 0 || strcmp(id, again) != 0)
		abort();
	memcpy(part, id, 15);
	part[15] = '\0';
	if (sfid_normalize(part, again) != 0 || strcmp(id, again) != 0)
		abort();
	for (i = 0; i < 18; i++)
		part[i] = (char)tolower((unsigned char)id[i]);
	part[18] = '\0';
	if (sfid_normalize(part, again) != 0 || strcmp(id, again) != 0)
		abort();
}

static void
check_numeric(const char *s)
{
	char	buf[32];
	int64_t	v;

	if (cmd_parse_id(s, &v) != 0)
		return;
	snprintf(buf, sizeof buf, "%" PRId64, v);
	if (v <= 0 || strcmp(buf, s) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_sfid(s);
	check_numeric(s);
	free(s);
	return 0;
}
