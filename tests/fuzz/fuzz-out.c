/*
 * fuzz-out.c: libFuzzer harness for the escaping of machine formats.  Any
 * text a user or an import can store must come out of `--format csv` as
 * one field that a CSV reader (libcsv) reads back unchanged but for the
 * formula guard, and out of `--format tsv` with no raw tab or line break,
 * reversibly escaped.  What people get of it (text.h) holds no control
 * character a terminal acts on, and is UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "tam/out.h"
#include "tam/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct field {
	char	*text;
	size_t	 len;
	int	 count;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct field	*f = data;

	f->count++;
	free(f->text);
	f->text = malloc(len + 1);
	if (f->text == NULL)
		abort();
	memcpy(f->text, s, len);
	f->text[len] = '\0';
	f->len = len;
}

/* Spaces are data in RFC 4180; libcsv trims them by default. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
check_csv(const char *s)
{
	struct csv_parser	 p;
	struct field		 f = { NULL, 0, 0 };
	char			*buf = NULL, *want;
	size_t			 size = 0;
	FILE			*fp;

	if ((fp = open_memstream(&buf, &size)) == NULL)
		abort();
	out_csv_field(fp, s);
	fclose(fp);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_space_func(&p, no_space);
	if (csv_parse(&p, buf, size, on_field, NULL, &f) != size ||
	    csv_fini(&p, on_field, NULL, &f) != 0)
		abort();
	if (size == 0) {
		if (*s != '\0')
			abort();
	} else {
		want = malloc(strlen(s) + 2);
		if (want == NULL)
			abort();
		sprintf(want, "%s%s", out_csv_cell_needs_guard(s) ? "'" : "",
		    s);
		if (f.count != 1 || strcmp(f.text, want) != 0)
			abort();
		free(want);
	}
	csv_free(&p);
	free(f.text);
	free(buf);
}

static void
check_tsv(const char *s)
{
	char	*buf = NULL, *p, *back, *q;
	size_t	 size = 0;
	FILE	*fp;

	if ((fp = open_memstream(&buf, &size)) == NULL)
		abort();
	out_tsv_escape(fp, s);
	fclose(fp);
	if (strpbrk(buf, "\t\n\r") != NULL)
		abort();
	if ((back = malloc(size + 1)) == NULL)
		abort();
	for (p = buf, q = back; *p != '\0'; p++) {
		if (*p != '\\') {
			*q++ = *p;
			continue;
		}
		switch (*++p) {
		case 't':	*q++ = '\t'; break;
		case 'n':	*q++ = '\n'; break;
		case 'r':	*q++ = '\r'; break;
		case '\\':	*q++ = '\\'; break;
		default:	abort();
		}
	}
	*q = '\0';
	if (strcmp(back, s) != 0)
		abort();
	free(back);
	free(buf);
}

static void
check_text(const char *s)
{
	const unsigned char	*p;
	char			*t;
	int			 m;

	for (m = TEXT_LINE; m <= TEXT_BLOCK; m++) {
		t = text_safe(s, (enum text_mode)m);
		for (p = (const unsigned char *)t; *p != '\0'; p++) {
			if (m == TEXT_BLOCK && (*p == '\t' || *p == '\n'))
				continue;
			if (*p < 0x20 || *p == 0x7f ||
			    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
				abort();
		}
		if (!utf8_valid(t, strlen(t)))
			abort();
		free(t);
	}
}

/*
 * The cut of a table cell (its safe form, as tables measure it) never
 * splits a character, and a padded cell takes exactly its width.
 */
static void
check_cut(const char *s)
{
	char	*t = text_safe(s, TEXT_CELL), *buf = NULL;
	size_t	 n, len = 0;
	int	 w, width = text_width(t);
	FILE	*fp;

	for (w = 0; w <= width + 1; w++) {
		n = text_fit(t, w);
		if (n > strlen(t) || ((unsigned char)t[n] & 0xC0) == 0x80)
			abort();
	}
	for (w = 1; w <= width + 1; w += width > 8 ? width / 4 : 1) {
		if ((fp = open_memstream(&buf, &len)) == NULL)
			abort();
		text_pad(fp, t, w, TEXT_LEFT);
		fclose(fp);
		if (text_width(buf) != w || !utf8_valid(buf, len))
			abort();
		free(buf);
		buf = NULL;
	}
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;

	/* Text in tam never holds a NUL: C strings, SQLite text. */
	if (memchr(data, '\0', size) != NULL)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_csv(s);
	check_tsv(s);
	check_text(s);
	check_cut(s);
	(void)utf8_valid(s, size);
	(void)text_width(s);
	free(s);
	return 0;
}
