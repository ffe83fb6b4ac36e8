/* csvin.c: the streaming CSV reader of tam import, on top of libcsv. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "tam/csvin.h"

/* Bytes read at a time. */
#define READ_SIZE	(64 * 1024)
/* libcsv grows its field buffer by this much. */
#define FIELD_BLOCK	4096

struct csvin {
	FILE			*fp;
	char			*name;
	struct csv_parser	 p;
	int			 lineno;	/* line of the next byte */
	int			 in_record;	/* bytes of a record were fed */
	int			 rec_line;	/* line where it began */
	int			 field_line;	/* line where the field began */
	/* The record being collected: cells packed in buf. */
	char			*buf;
	size_t			 used, cap;
	size_t			 off[CSVIN_MAX_CELLS];
	size_t			 len[CSVIN_MAX_CELLS];
	char			*cell[CSVIN_MAX_CELLS];
	int			 ncells;
	uint64_t		 consumed;	/* bytes of input parsed */
	int			 detect;	/* delimiter from the header */
	/* The consumer, and how the last call ended. */
	int			(*fn)(void *, const struct csvin_record *);
	void			*arg;
	int			 stop;
	char			*err;
	unsigned char		 in[READ_SIZE];
};

/*
 * libcsv's buffer grows through this: a field past the bound is refused
 * (libcsv reports CSV_ENOMEM and stops), so a 10 MB "field" costs 1 MB.
 */
static void *
bounded_realloc(void *ptr, size_t size)
{
	if (size > CSVIN_FIELD_MAX + FIELD_BLOCK)
		return NULL;
	return realloc(ptr, size);
}

struct csvin *
csvin_new(FILE *fp, const char *name, unsigned char delim)
{
	struct csvin	*r = xcalloc(1, sizeof *r);

	r->fp = fp;
	r->name = xstrdup(name);
	r->lineno = 1;
	r->detect = delim == 0;
	if (delim == 0)
		delim = ',';
	/*
	 * Strict: a stray quote is an error, not silently kept; strict fini:
	 * a quoted field still open at the end of the file is an error.
	 */
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_delim(&r->p, delim);
	csv_set_realloc_func(&r->p, bounded_realloc);
	csv_set_blk_size(&r->p, FIELD_BLOCK);
	return r;
}

void
csvin_free(struct csvin *r)
{
	if (r == NULL)
		return;
	csv_free(&r->p);
	free(r->buf);
	free(r->name);
	free(r->err);
	free(r);
}

static void
record_begins(struct csvin *r)
{
	r->in_record = 1;
	r->rec_line = r->field_line = r->lineno;
}

/* libcsv: a field ended. */
static void
on_field(void *data, size_t n, void *arg)
{
	struct csvin	*r = arg;

	if (r->stop || r->err != NULL)
		return;
	if (!r->in_record)
		record_begins(r);	/* after a bare CR inside a line */
	/* The next field starts after this delimiter, on this line. */
	r->field_line = r->lineno;
	if (r->ncells >= CSVIN_MAX_CELLS) {
		r->ncells++;
		return;
	}
	if (r->used + n + 1 > CSVIN_RECORD_MAX) {
		r->err = xasprintf("%s:%d: record too long: tam reads records "
		    "of up to %d MB; is this a Salesforce CSV export?",
		    r->name, r->rec_line, CSVIN_RECORD_MAX / (1024 * 1024));
		return;
	}
	if (r->used + n + 1 > r->cap) {
		while (r->used + n + 1 > r->cap)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->buf = xrealloc(r->buf, r->cap);
	}
	if (n > 0)
		memcpy(r->buf + r->used, data, n);
	r->buf[r->used + n] = '\0';
	r->off[r->ncells] = r->used;
	r->len[r->ncells] = n;
	r->used += n + 1;
	r->ncells++;
}

/* libcsv: a record ended. */
static void
on_record(int term, void *arg)
{
	struct csvin		*r = arg;
	struct csvin_record	 rec;
	int			 i, n;

	(void)term;
	if (!r->stop && r->err == NULL) {
		n = r->ncells < CSVIN_MAX_CELLS ? r->ncells : CSVIN_MAX_CELLS;
		for (i = 0; i < n; i++)
			r->cell[i] = r->buf + r->off[i];
		rec.line = r->rec_line;
		rec.ncells = r->ncells;
		rec.nstored = n;
		rec.cell = r->cell;
		rec.len = r->len;
		r->stop = r->fn(r->arg, &rec);
	}
	r->in_record = 0;
	r->ncells = 0;
	r->used = 0;
}

/* Does [p, end) hold a byte that begins a record (as libcsv sees it)? */
static int
begins_record(const struct csvin *r, const unsigned char *p,
    const unsigned char *end)
{
	for (; p < end; p++) {
		if (*p == r->p.delim_char)
			return 1;
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
			return 1;
	}
	return 0;
}

/* The line of the byte at off in the current buffer. */
static int
line_at(const struct csvin *r, const unsigned char *start, size_t off)
{
	int		line = r->lineno;
	size_t		i;

	for (i = 0; i < off; i++)
		if (start[i] == '\n')
			line++;
	return line;
}

/* libcsv stopped inside [p, end): say why. */
static int
parse_error(struct csvin *r, char **err)
{
	switch (csv_error(&r->p)) {
	case CSV_ENOMEM:
	case CSV_ETOOBIG:
		*err = xasprintf("%s:%d: field too long: tam reads fields of "
		    "up to %d MB; is this a Salesforce CSV export?", r->name,
		    r->field_line, CSVIN_FIELD_MAX / (1024 * 1024));
		break;
	default:
		if (r->field_line < r->lineno)
			*err = xasprintf("%s:%d: unterminated quote: the "
			    "quoted field that begins on line %d is not "
			    "closed before the stray quote on line %d",
			    r->name, r->field_line, r->field_line, r->lineno);
		else
			*err = xasprintf("%s:%d: malformed quoting: a quote "
			    "inside a field must be doubled and the field "
			    "quoted", r->name, r->lineno);
		break;
	}
	return -1;
}

/* Feeds one buffer to libcsv a line at a time, to know line numbers. */
static int
feed(struct csvin *r, const unsigned char *p, size_t n, char **err)
{
	const unsigned char	*end = p + n, *nl, *seg;
	size_t			 len;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		seg = nl ? nl + 1 : end;
		len = (size_t)(seg - p);
		if (!r->in_record && begins_record(r, p, seg))
			record_begins(r);
		if (csv_parse(&r->p, p, len, on_field, on_record, r) != len)
			return parse_error(r, err);
		if (r->err != NULL) {
			*err = r->err;
			r->err = NULL;
			return -1;
		}
		if (r->stop)
			return r->stop;
		if (nl != NULL)
			r->lineno++;
		r->consumed += len;
		p = seg;
	}
	return 0;
}

uint64_t
csvin_offset(const struct csvin *r)
{
	return r->consumed;
}

unsigned char
csvin_delimiter(const struct csvin *r)
{
	return r->p.delim_char;
}

/* Skips blank lines and spaces. */
static const unsigned char *
skip_blank(const unsigned char *p, const unsigned char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	return p;
}

unsigned char
csvin_detect_delim(const unsigned char *p, size_t n)
{
	static const unsigned char cand[] = { ',', ';', '\t', '|' };
	const unsigned char	*end = p + n;
	size_t			 count[sizeof cand], best = 0;
	unsigned char		 delim = ',';
	int			 quoted = 0, tie = 0;
	size_t			 i;

	memset(count, 0, sizeof count);
	/* Blank lines before the header are no header (a tab among them). */
	for (p = skip_blank(p, end); p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted)
			for (i = 0; i < sizeof cand; i++)
				if (*p == cand[i])
					count[i]++;
	}
	for (i = 0; i < sizeof cand; i++) {
		if (count[i] > best) {
			best = count[i];
			delim = cand[i];
			tie = 0;
		} else if (count[i] == best && best > 0)
			tie = 1;
	}
	return tie ? ',' : delim;
}

/* Does p[0..n) hold the text s? (memmem is not in POSIX.) */
static int
holds(const unsigned char *p, size_t n, const char *s)
{
	size_t	i, len = strlen(s);

	for (i = 0; i + len <= n; i++)
		if (p[i] == (unsigned char)*s && memcmp(p + i, s, len) == 0)
			return 1;
	return 0;
}

const char *
csvin_not_csv(const unsigned char *p, size_t n)
{
	const unsigned char	*end = p + n;

	if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
		/* An Office file is a zip; a workbook's parts are in xl/. */
		if (holds(p, n, "xl/") || holds(p, n, "[Content_Types].xml"))
			return "an Excel workbook";
		return "a zip archive";
	}
	p = skip_blank(p, end);
	if (p < end && (*p == '{' || *p == '['))
		return "a JSON file";
	return NULL;
}

/* What to do with a file that is not CSV, by what it is. */
static char *
not_csv_msg(const char *name, const char *what)
{
	if (strcmp(what, "an Excel workbook") == 0)
		return xasprintf("import: '%s' is an Excel workbook, not CSV: "
		    "save it as CSV (File > Save As > CSV UTF-8) and import "
		    "that", name);
	return xasprintf("import: '%s' is %s, not CSV: export the report "
	    "from Salesforce as CSV and import that", name, what);
}

int
csvin_read(struct csvin *r, int (*fn)(void *, const struct csvin_record *),
    void *arg, char **err)
{
	const unsigned char	*p, *nul;
	const char		*what;
	size_t			 n;
	int			 first = 1, rc;

	r->fn = fn;
	r->arg = arg;
	while ((n = fread(r->in, 1, sizeof r->in, r->fp)) > 0) {
		p = r->in;
		if (first && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;
			n -= 3;
		}
		if (first && (what = csvin_not_csv(p, n)) != NULL) {
			*err = not_csv_msg(r->name, what);
			return -1;
		}
		if (first && r->detect)
			csv_set_delim(&r->p, csvin_detect_delim(p, n));
		first = 0;
		if ((nul = memchr(p, '\0', n)) != NULL) {
			*err = xasprintf("%s:%d: not a CSV file: it holds "
			    "binary data (a NUL byte); give a CSV export",
			    r->name, line_at(r, p, (size_t)(nul - p)));
			return -1;
		}
		if ((rc = feed(r, p, n, err)) != 0)
			return rc;
	}
	if (ferror(r->fp)) {
		*err = xasprintf("cannot read '%s': %s", r->name,
		    strerror(errno ? errno : EIO));
		return -1;
	}
	if (csv_fini(&r->p, on_field, on_record, r) != 0) {
		*err = xasprintf("%s:%d: unterminated quote: the quoted field "
		    "that begins on line %d runs to the end of the file",
		    r->name, r->field_line, r->field_line);
		return -1;
	}
	if (r->err != NULL) {
		*err = r->err;
		r->err = NULL;
		return -1;
	}
	return r->stop;
}
