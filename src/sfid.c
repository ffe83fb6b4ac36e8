/* sfid.c: Salesforce 15/18-character record IDs (pure). */
#include <ctype.h>
#include <string.h>

#include "tam/sfid.h"

static const char suffix_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

int
sfid_looks_like(const char *s)
{
	size_t	i, n = strlen(s);

	if (n != 15 && n != 18)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The suffix character of one 5-character chunk: a bit per uppercase. */
static char
chunk_suffix(const char *chunk)
{
	int	i, bits = 0;

	for (i = 0; i < 5; i++)
		if (chunk[i] >= 'A' && chunk[i] <= 'Z')
			bits |= 1 << i;
	return suffix_alphabet[bits];
}

/* Decodes a suffix character (either case) to its 5 bits, or -1. */
static int
suffix_bits(char c)
{
	const char	*p;

	c = (char)toupper((unsigned char)c);
	if ((p = strchr(suffix_alphabet, c)) == NULL || c == '\0')
		return -1;
	return (int)(p - suffix_alphabet);
}

int
sfid_normalize(const char *s, char out[19])
{
	size_t	n = strlen(s);
	int	i, j, bits;

	if (!sfid_looks_like(s))
		return -1;
	memcpy(out, s, 15);
	out[18] = '\0';
	if (n == 18) {
		/* The suffix says which letters are uppercase: restore case. */
		for (i = 0; i < 3; i++) {
			if ((bits = suffix_bits(s[15 + i])) < 0)
				return -1;
			for (j = 0; j < 5; j++) {
				char	*c = &out[i * 5 + j];

				if (!isalpha((unsigned char)*c))
					continue;
				*c = (bits & (1 << j)) ?
				    (char)toupper((unsigned char)*c) :
				    (char)tolower((unsigned char)*c);
			}
		}
	}
	for (i = 0; i < 3; i++)
		out[15 + i] = chunk_suffix(out + i * 5);
	if (n == 18) {
		/* A suffix bit set on a digit cannot come from Salesforce. */
		for (i = 0; i < 3; i++)
			if (out[15 + i] != toupper((unsigned char)s[15 + i]))
				return -1;
	}
	return 0;
}
