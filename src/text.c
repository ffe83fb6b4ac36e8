/*
 * text.c: UTF-8 checks, and the one escape that stands between stored
 * text and a person's terminal (tables, show, Markdown, stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/tam.h"
#include "tam/text.h"

/*
 * The length (1 to 4) of the UTF-8 sequence at p, with its code point in
 * *cp; 0 if the bytes are not UTF-8 (a stray continuation byte, an
 * overlong form, a surrogate, past U+10FFFF, cut by the end at avail).
 */
static size_t
utf8_seq(const unsigned char *p, size_t avail, unsigned *cp)
{
	size_t	len, k;
	unsigned c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, c = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, c = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > avail)
		return 0;
	for (k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[k] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int
utf8_width(const char *s)
{
	int	w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len;
	unsigned		 cp;

	while (i < n) {
		if ((len = utf8_seq(p + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

/* Does s hold only printable ASCII (nothing to escape)? */
static int
plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/*
 * Writes the safe form of s at d, which has room for 4 bytes per byte of
 * s and a NUL (the longest form, "<9B>", stands for one byte).
 */
static void
escape(char *d, const char *s, enum text_mode mode)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 left = strlen(s), n;
	unsigned		 cp;
	unsigned char		 c;

	while ((c = *p) != '\0') {
		if (c >= 0x80) {
			if ((n = utf8_seq(p, left, &cp)) == 0) {
				d += sprintf(d, "<%02X>", c);
				n = 1;
			} else if (cp <= 0x9F)
				d += sprintf(d, "<U+%04X>", cp);
			else {
				memcpy(d, p, n);
				d += n;
			}
			p += n;
			left -= n;
			continue;
		}
		if (c >= 0x20 && c != 0x7f)
			*d++ = (char)c;
		else if (mode == TEXT_CELL &&
		    (c == '\t' || c == '\n' || c == '\r'))
			*d++ = ' ';
		else if (mode == TEXT_BLOCK && (c == '\t' || c == '\n'))
			*d++ = (char)c;
		else if (mode == TEXT_BLOCK && c == '\r' && p[1] == '\n')
			;	/* a CR LF line end is a line end */
		else {
			*d++ = '^';
			*d++ = c == 0x7f ? '?' : (char)(c + 0x40);
		}
		p++;
		left--;
	}
	*d = '\0';
}

char *
text_safe(const char *s, enum text_mode mode)
{
	char	*d;

	if (s == NULL)
		return xstrdup("");
	if (plain(s))
		return xstrdup(s);
	d = xreallocarray(NULL, strlen(s) + 1, 4);
	escape(d, s, mode);
	return d;
}

void
text_put(FILE *fp, const char *s, enum text_mode mode)
{
	char	*safe;

	if (s == NULL)
		return;
	if (plain(s)) {
		fputs(s, fp);
		return;
	}
	safe = text_safe(s, mode);
	fputs(safe, fp);
	free(safe);
}
