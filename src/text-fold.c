/* text-fold.c: Unicode NFC and case folding of names, with utf8proc. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tam/tam.h"
#include "tam/text-fold.h"

/* ASCII only: lowering is the whole fold, and most names are ASCII. */
static char *
fold_ascii(const char *s, size_t n)
{
	char	*r = xmalloc(n + 1);
	size_t	 i;

	for (i = 0; i < n; i++)
		r[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	r[n] = '\0';
	return r;
}

char *
text_fold_n(const char *s, size_t n)
{
	utf8proc_uint8_t	*out = NULL;
	utf8proc_ssize_t	 len;
	size_t			 i;
	char			*r;

	if (s == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			break;
	if (i == n)
		return fold_ascii(s, n);
	/*
	 * COMPOSE with CASEFOLD: decompose, fold, compose again, so the
	 * result is the NFC form of the folded name whatever form (NFC or
	 * NFD) it was typed in.  STABLE keeps the fold of a given string
	 * the same across Unicode versions of utf8proc, which matters for
	 * the folded copies the database keeps.
	 */
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (len < 0) {
		/* Not UTF-8 (or no memory there): fold what ASCII there is. */
		free(out);
		return fold_ascii(s, n);
	}
	/* utf8proc's malloc; give the caller memory of our own. */
	r = xstrndup((const char *)out, (size_t)len);
	free(out);
	return r;
}

char *
text_fold(const char *s)
{
	return s == NULL ? NULL : text_fold_n(s, strlen(s));
}

char *
text_fold_next(const char *p)
{
	size_t	 n = strlen(p);
	char	*r = xstrdup(p);

	/*
	 * The last byte of UTF-8 text is at most 0xbf, so raising it never
	 * overflows; a byte 0xff (not UTF-8) is dropped and the one before
	 * it raised instead.
	 */
	while (n > 0 && (unsigned char)r[n - 1] == 0xff)
		r[--n] = '\0';
	if (n > 0)
		r[n - 1] = (char)((unsigned char)r[n - 1] + 1);
	return r;
}

static int
word_break(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '.' || c == ',' ||
	    c == '\'';
}

int
text_fold_starts_word(const char *name, const char *p)
{
	size_t	n = strlen(p);
	const char *s;

	if (n == 0)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if ((s == name || (word_break(s[-1]) && !word_break(*s))) &&
		    strncmp(s, p, n) == 0)
			return 1;
	}
	return 0;
}
