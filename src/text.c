/*
 * text.c: the one module for text.  UTF-8 checks; widths, cutting and
 * padding for the tables; the escapes that stand between stored text
 * and a person's terminal (tables, show, Markdown, stderr, messages
 * about an input file); and the folding of names (NFC and Unicode case
 * folding, with the tables of utf8proc).
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tam/tam.h"
#include "tam/text.h"

/* --- UTF-8 ------------------------------------------------------------ */

size_t
utf8_next(const char *s, size_t avail, unsigned *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, k;
	unsigned		 c;

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

/*
 * The CSV reader checks every cell of an import with this, and nearly
 * every byte of a CRM export is ASCII: those take one compare each.
 */
int
utf8_valid(const char *s, size_t n)
{
	size_t		i = 0, len;
	unsigned	cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_next(s + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

/* --- width, cut and pad ----------------------------------------------- */

/*
 * Widths are display cells, as a terminal lays the text out: two for a
 * wide (CJK) character or an emoji, none for a combining mark, one for
 * the rest, by the Unicode tables of utf8proc (the same tables that fold
 * names, so the width of a name does not hang on the user's locale).
 * The text measured is made safe (text_safe) before, so it is UTF-8 and
 * has no control character; a byte that is not UTF-8 is a cell of its
 * own.
 */
static size_t
char_cells(const char *s, int *cells)
{
	unsigned	cp;
	size_t		len;

	if ((unsigned char)*s < 0x80) {
		*cells = 1;
		return 1;
	}
	if ((len = utf8_next(s, strnlen(s, 4), &cp)) == 0) {
		*cells = 1;
		return 1;
	}
	*cells = utf8proc_charwidth((utf8proc_int32_t)cp);
	if (*cells < 0)
		*cells = 0;
	return len;
}

int
text_width(const char *s)
{
	int	w = 0, cw;

	while (*s != '\0') {
		s += char_cells(s, &cw);
		w += cw;
	}
	return w;
}

size_t
text_fit(const char *s, int width)
{
	const char	*p = s;
	size_t		 len;
	int		 n = 0, cw;

	if (width <= 0)
		return 0;
	/* A combining mark after the last character that fits goes too. */
	while (*p != '\0') {
		len = char_cells(p, &cw);
		if (n + cw > width)
			break;
		n += cw;
		p += len;
	}
	return (size_t)(p - s);
}

/*
 * What fits in width - 1 cells, and the ellipsis that marks the cut.
 * Returns the cells written: one short of width when a wide character
 * would have straddled the cut.
 */
static int
cut(FILE *fp, const char *s, int width)
{
	size_t	n = text_fit(s, width - 1);
	char	*head = xstrndup(s, n);
	int	 w = text_width(head);

	fwrite(s, 1, n, fp);
	fputs("\xe2\x80\xa6", fp);
	free(head);
	return w + 1;
}

static void
spaces(FILE *fp, int n)
{
	for (; n > 0; n--)
		putc(' ', fp);
}

void
text_cut(FILE *fp, const char *s, int width)
{
	if (width <= 0 || text_width(s) <= width)
		fputs(s, fp);
	else
		(void)cut(fp, s, width);
}

void
text_pad(FILE *fp, const char *s, int width, enum text_align align)
{
	int	w = text_width(s);

	if (w > width) {
		spaces(fp, width - cut(fp, s, width));
		return;
	}
	if (align == TEXT_RIGHT)
		spaces(fp, width - w);
	fputs(s, fp);
	if (align == TEXT_LEFT)
		spaces(fp, width - w);
}

/* --- text made safe for a terminal ------------------------------------ */

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
			if ((n = utf8_next((const char *)p, left, &cp)) == 0) {
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

char *
text_quote(const char *s, int max)
{
	static const char hex[] = "0123456789ABCDEF";
	const char	*end = s + strlen(s);
	char		*out, *o;
	int		 chars;
	size_t		 k;
	unsigned	 cp;
	unsigned char	 c;

	/* The longest form, \xNN, takes 4 bytes for one byte of s. */
	o = out = xreallocarray(NULL, (size_t)(max > 0 ? max : 0) + 2, 4);
	for (chars = 0; s < end && chars < max; chars++) {
		c = (unsigned char)*s;
		if (c == '\n' || c == '\r' || c == '\t') {
			*o++ = '\\';
			*o++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			s++;
		} else if (c < 0x20 || c == 0x7f ||
		    (k = utf8_next(s, (size_t)(end - s), &cp)) == 0) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 0xf];
			s++;
		} else {
			memcpy(o, s, k);
			o += k;
			s += k;
		}
	}
	if (s < end) {
		memcpy(o, "...", 3);
		o += 3;
	}
	*o = '\0';
	return out;
}

/* --- names compared folded -------------------------------------------- */

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

/* The length of the UTF-8 sequence that ends s[0..n), 0 if none does. */
static size_t
last_char(const unsigned char *s, size_t n)
{
	size_t	k, want;

	for (k = 1; k <= 4 && k <= n; k++) {
		if ((s[n - k] & 0xc0) == 0x80)
			continue;
		want = s[n - k] < 0x80 ? 1 : (s[n - k] & 0xe0) == 0xc0 ? 2 :
		    (s[n - k] & 0xf0) == 0xe0 ? 3 :
		    (s[n - k] & 0xf8) == 0xf0 ? 4 : 0;
		return want == k ? k : 0;
	}
	return 0;
}

static size_t
put_char(unsigned char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xc0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xe0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | c >> 18);
	o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

char *
text_fold_next(const char *p)
{
	size_t		 n = strlen(p), k, i;
	unsigned char	*r = xmalloc(n + 5);
	uint32_t	 c;

	memcpy(r, p, n + 1);
	/*
	 * The last character raised by one code point: UTF-8 sorts bytewise
	 * as its code points do, so that is the smallest text above every
	 * text starting with p, and it is UTF-8 itself, which a server
	 * checks (raising the last byte alone could make 0xc0 of 0xbf).
	 * Bytes that end no character are dropped; U+10FFFF too, the one
	 * before it raised instead.
	 */
	while (n > 0) {
		if ((k = last_char(r, n)) == 0) {
			r[--n] = '\0';
			continue;
		}
		c = k == 1 ? r[n - 1] : (uint32_t)(r[n - k] &
		    (k == 2 ? 0x1f : k == 3 ? 0x0f : 0x07));
		for (i = n - k + 1; i < n; i++)
			c = c << 6 | (r[i] & 0x3f);
		if (c >= 0x10ffff) {
			n -= k;
			r[n] = '\0';
			continue;
		}
		c = c + 1 == 0xd800 ? 0xe000 : c + 1;
		n = n - k + put_char(r + n - k, c);
		r[n] = '\0';
		break;
	}
	return (char *)r;
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
	size_t		 n = strlen(p);
	const char	*s;

	if (n == 0)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if ((s == name || (word_break(s[-1]) && !word_break(*s))) &&
		    strncmp(s, p, n) == 0)
			return 1;
	}
	return 0;
}

/* --- tables looked up by name ----------------------------------------- */

const void *
text_table_find(const void *table, size_t size, size_t keyoff,
    const char *key)
{
	const char	*row, *name;

	for (row = table;; row += size) {
		memcpy(&name, row + keyoff, sizeof name);
		if (name == NULL)
			return NULL;
		if (strcmp(name, key) == 0)
			return row;
	}
}

int
text_name_value(const struct text_name *table, const char *name)
{
	const struct text_name	*n;

	n = text_table_find(table, sizeof *table,
	    offsetof(struct text_name, name), name);
	return n == NULL ? -1 : n->value;
}
