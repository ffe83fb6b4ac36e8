/* sfid.c: Salesforce 15/18-character record IDs (pure). */
#include <ctype.h>
#include <stdio.h>
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
	if (c == '\0' || (p = strchr(suffix_alphabet, c)) == NULL)
		return -1;
	return (int)(p - suffix_alphabet);
}

/* The three suffix characters of the 15 at s, into want[4]. */
static void
suffix_of(const char *s, char want[4])
{
	int	i;

	for (i = 0; i < 3; i++)
		want[i] = chunk_suffix(s + i * 5);
	want[3] = '\0';
}

/* Returns 1 if the letters of s[0..14] are all upper or all lower case. */
static int
one_case(const char *s)
{
	int	i, upper = 0, lower = 0;

	for (i = 0; i < 15; i++) {
		if (isupper((unsigned char)s[i]))
			upper = 1;
		else if (islower((unsigned char)s[i]))
			lower = 1;
	}
	return !(upper && lower);
}

/*
 * An ID whose case a spreadsheet or a database folded: the suffix says
 * which letters are upper case.  Returns 0 with out restored, or -1 when
 * the suffix claims a digit is upper case.
 */
static int
restore_case(const char *s, char out[19])
{
	int	i, j, bits;
	char	*c;

	memcpy(out, s, 15);
	for (i = 0; i < 3; i++) {
		if ((bits = suffix_bits(s[15 + i])) < 0)
			return -1;
		for (j = 0; j < 5; j++) {
			c = &out[i * 5 + j];
			if (!isalpha((unsigned char)*c)) {
				if (bits & (1 << j))
					return -1;
				continue;
			}
			if (bits & (1 << j))
				*c = (char)toupper((unsigned char)*c);
			else
				*c = (char)tolower((unsigned char)*c);
		}
	}
	suffix_of(out, out + 15);
	return 0;
}

int
sfid_check(const char *s, char out[19], char want[4])
{
	char	calc[4];
	int	i;

	if (!sfid_looks_like(s))
		return SFID_SHAPE;
	suffix_of(s, calc);
	if (strlen(s) == 15) {
		memcpy(out, s, 15);
		memcpy(out + 15, calc, 4);
		return SFID_OK;
	}
	for (i = 0; i < 3; i++)
		if (toupper((unsigned char)s[15 + i]) != calc[i])
			break;
	if (i == 3) {
		memcpy(out, s, 15);
		memcpy(out + 15, calc, 4);
		return SFID_OK;
	}
	/*
	 * Mixed case is the case Salesforce wrote, so the suffix must fit
	 * it; only a folded ID gets its case back from the suffix.
	 */
	if (one_case(s) && restore_case(s, out) == 0)
		return SFID_OK;
	if (want != NULL)
		memcpy(want, calc, 4);
	return SFID_SUFFIX;
}

int
sfid_normalize(const char *s, char out[19])
{
	return sfid_check(s, out, NULL) == SFID_OK ? 0 : -1;
}

void
sfid_error_text(const char *s, char buf[SFID_ERROR_MAX])
{
	char	id[19], want[4];

	if (sfid_check(s, id, want) != SFID_SUFFIX) {
		snprintf(buf, SFID_ERROR_MAX, "is not a Salesforce ID (15 or "
		    "18 letters and digits)");
		return;
	}
	snprintf(buf, SFID_ERROR_MAX, "is not a Salesforce ID: its checksum "
	    "suffix '%.3s' does not match the first 15 characters, which "
	    "call for '%s' (%.15s%s)", s + 15, want, s, want);
}
