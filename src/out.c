/*
 * out.c: one writer for every list tam prints, in the five formats.
 *
 * The table fits the terminal here, with the widths of text.c (utf8proc)
 * rather than util-linux's libsmartcols: libsmartcols measures with the
 * C library's wcwidth, which needs a UTF-8 LC_CTYPE set by setlocale(),
 * and tam would then have to guard LC_NUMERIC and every message against
 * the locale; utf8proc's tables are already linked for name folding and
 * give the same widths in every locale.  The grouped tam due is headings
 * and account lines between rows (out_line), not a tree, so libsmartcols'
 * trees would not have served it either.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "tam/date.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/out.h"
#include "tam/text.h"

struct cell {
	char		*text;
	enum out_style	 style;
};

/* A line between rows, written before row `at`. */
struct line {
	size_t		 at;
	char		*text;
	enum out_style	 style;
	int		 cut;
};

struct out {
	FILE			*fp;
	const struct out_col	*cols;
	int			 ncols;
	enum out_format		 fmt;
	int			 color;
	int			 single;
	int			 col;		/* next cell of the row */
	int			 first_keyed;	/* first column tsv/csv write */
	int			 header_due;	/* tsv/csv header not written */
	size_t			 nrows;		/* rows ended */
	cJSON			*obj;		/* json: the row being built */
	/* table: every cell buffered to align the columns */
	struct cell		*cells;
	size_t			 cap;
	enum out_style		*rowstyle;
	enum out_style		 next_row_style;
	enum out_style		 next_cell_style;
	char			**footers;
	int			 nfooters;
	struct line		*lines;		/* out_line(), in order */
	int			 nlines;
	char			*empty;		/* out_empty() */
};

const char *
out_style_seq(enum out_style s)
{
	switch (s) {
	case STYLE_BOLD:	return "\033[1m";
	case STYLE_DIM:		return "\033[2m";
	case STYLE_RED:		return "\033[31m";
	case STYLE_YELLOW:	return "\033[33m";
	case STYLE_GREEN:	return "\033[32m";
	case STYLE_CYAN:	return "\033[36m";
	default:		return "";
	}
}

/* Is s a negative number, "-54" or "-40000.5", and nothing else? */
static int
negative_number(const char *s)
{
	size_t	n;

	if (*s++ != '-' || (n = strspn(s, "0123456789")) == 0)
		return 0;
	s += n;
	if (*s == '.') {
		if ((n = strspn(++s, "0123456789")) == 0)
			return 0;
		s += n;
	}
	return *s == '\0';
}

/*
 * A spreadsheet runs a cell led by = + - @ as a formula (and a tab or CR
 * before one hides it).  A number is not a formula: the days to a renewal
 * and a lost ARR are negative, and a guarded "-54" would be text that no
 * SUM counts.
 */
int
out_csv_cell_needs_guard(const char *s)
{
	switch (s[0]) {
	case '=': case '+': case '@': case '\t': case '\r':
		return 1;
	case '-':
		return !negative_number(s);
	default:
		return 0;
	}
}

/*
 * The escapes write spans between the bytes that need one: a due list
 * of 17,000 rows is 150,000 cells, and a putc per byte was a quarter of
 * its time.
 */
void
out_tsv_escape(FILE *fp, const char *s)
{
	size_t	n;

	for (;;) {
		n = strcspn(s, "\t\n\r\\");
		fwrite(s, 1, n, fp);
		s += n;
		switch (*s) {
		case '\0':	return;
		case '\t':	fputs("\\t", fp); break;
		case '\n':	fputs("\\n", fp); break;
		case '\r':	fputs("\\r", fp); break;
		default:	fputs("\\\\", fp); break;
		}
		s++;
	}
}

void
out_csv_field(FILE *fp, const char *s)
{
	int	guard = out_csv_cell_needs_guard(s);
	size_t	n;

	if (!guard && strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	if (guard)
		putc('\'', fp);
	for (;;) {
		n = strcspn(s, "\"");
		fwrite(s, 1, n, fp);
		s += n;
		if (*s == '\0')
			break;
		fputs("\"\"", fp);
		s++;
	}
	putc('"', fp);
}

static void
write_header(struct out *o)
{
	int	i;

	int	first = 1;

	for (i = 0; i < o->ncols; i++) {
		if (o->cols[i].key == NULL)
			continue;
		if (!first)
			putc(o->fmt == FMT_TSV ? '\t' : ',', o->fp);
		first = 0;
		fputs(o->cols[i].key, o->fp);
	}
	putc('\n', o->fp);
	o->header_due = 0;
}

/* The first column that machine formats write. */
static int
first_keyed(const struct out *o)
{
	int	i;

	for (i = 0; i < o->ncols; i++)
		if (o->cols[i].key != NULL)
			return i;
	return 0;
}

struct out *
out_begin(const struct tam_ctx *ctx, const struct out_col *cols, int ncols)
{
	struct out	*o = xcalloc(1, sizeof *o);

	o->fp = stdout;
	o->cols = cols;
	o->ncols = ncols;
	o->fmt = ctx->format;
	o->color = ctx->color;
	o->first_keyed = first_keyed(o);
	/* Written with the first row: a query that fails prints nothing. */
	o->header_due = o->fmt == FMT_TSV || o->fmt == FMT_CSV;
	return o;
}

void
out_single(struct out *o)
{
	o->single = 1;
}

void
out_row_style(struct out *o, enum out_style s)
{
	o->next_row_style = s;
}

void
out_cell_style(struct out *o, enum out_style s)
{
	o->next_cell_style = s;
}

cJSON *
out_row_json(struct out *o)
{
	if (o->fmt != FMT_JSON && o->fmt != FMT_JSONL)
		return NULL;
	if (o->obj == NULL)
		o->obj = cJSON_CreateObject();
	return o->obj;
}

/* How a cell's text is written in JSON. */
enum json_as {
	AS_STRING,
	AS_RAW,		/* a number, written as is: exact money */
	AS_NULL,
	AS_TRUE,
	AS_FALSE
};

static cJSON *
json_item(const char *text, enum json_as as)
{
	switch (as) {
	case AS_STRING:	return cJSON_CreateString(text);
	case AS_RAW:	return cJSON_CreateRaw(text);
	case AS_TRUE:	return cJSON_CreateTrue();
	case AS_FALSE:	return cJSON_CreateFalse();
	default:	return cJSON_CreateNull();
	}
}

/* Makes room for one more row of table cells. */
static struct cell *
table_cell(struct out *o)
{
	if ((o->nrows + 1) * (size_t)o->ncols > o->cap) {
		o->cap = o->cap ? o->cap * 2 : (size_t)o->ncols * 64;
		o->cells = xreallocarray(o->cells, o->cap, sizeof *o->cells);
	}
	return &o->cells[o->nrows * (size_t)o->ncols + (size_t)o->col];
}

/*
 * Adds one cell.  text is the rendering for tsv/csv/table (NULL:
 * missing); in json the value is item if given (taken over), else text
 * as `as` says.  Only json builds cJSON items: tsv and csv write the
 * text straight out.  Cells beyond the columns are a programming error
 * and are dropped.
 */
static void
add_cell(struct out *o, const char *text, enum json_as as, cJSON *item)
{
	const struct out_col	*c;
	struct cell		*cell;

	if (o->col >= o->ncols || (o->cols[o->col].key == NULL &&
	    o->fmt != FMT_TABLE)) {
		/* Past the end, or a column for people only. */
		cJSON_Delete(item);
		o->next_cell_style = STYLE_NONE;
		o->col++;
		return;
	}
	c = &o->cols[o->col];
	switch (o->fmt) {
	case FMT_JSON:
	case FMT_JSONL:
		if (item == NULL)
			item = json_item(text, text != NULL ? as : AS_NULL);
		cJSON_AddItemToObject(out_row_json(o), c->key, item);
		break;
	case FMT_TSV:
	case FMT_CSV:
		cJSON_Delete(item);
		if (o->header_due)
			write_header(o);
		if (o->col > o->first_keyed)
			putc(o->fmt == FMT_TSV ? '\t' : ',', o->fp);
		if (text != NULL && o->fmt == FMT_TSV)
			out_tsv_escape(o->fp, text);
		else if (text != NULL)
			out_csv_field(o->fp, text);
		break;
	case FMT_TABLE:
		cJSON_Delete(item);
		cell = table_cell(o);
		cell->text = text_safe(text, TEXT_CELL);
		cell->style = o->next_cell_style;
		break;
	}
	o->next_cell_style = STYLE_NONE;
	o->col++;
}

void
out_str(struct out *o, const char *s)
{
	add_cell(o, s, AS_STRING, NULL);
}

void
out_null(struct out *o)
{
	add_cell(o, NULL, AS_NULL, NULL);
}

/* Writes v in decimal at the end of buf[32]; returns its start. */
static char *
int_text(int64_t v, char *buf)
{
	char		*p = buf + 31;
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	*p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

void
out_int(struct out *o, int64_t v)
{
	char	buf[32];

	add_cell(o, int_text(v, buf), AS_RAW, NULL);
}

void
out_int_if(struct out *o, int has, int64_t v)
{
	if (has)
		out_int(o, v);
	else
		out_null(o);
}

void
out_id(struct out *o, int64_t id)
{
	out_int_if(o, id != 0, id);
}

void
out_days(struct out *o, int from, int to)
{
	/* DATE_NONE is INT_MIN: subtracting from it is undefined. */
	if (from != DATE_NONE && to != DATE_NONE)
		out_int(o, (int64_t)to - from);
	else
		out_null(o);
}

void
out_money_if(struct out *o, int has, int64_t cents, const char *currency)
{
	if (has)
		out_money_in(o, cents, currency);
	else
		out_null(o);
}

void
out_money(struct out *o, int64_t cents)
{
	out_money_in(o, cents, NULL);
}

void
out_money_in(struct out *o, int64_t cents, const char *currency)
{
	char	plain[32], pretty[48];

	if (o->fmt == FMT_TABLE) {
		money_format(cents, currency, pretty);
		add_cell(o, pretty, AS_STRING, NULL);
	} else {
		money_plain(cents, plain);
		add_cell(o, plain, AS_RAW, NULL);
	}
}

void
out_date(struct out *o, int d)
{
	char	buf[11];

	if (d == DATE_NONE) {
		out_null(o);
		return;
	}
	date_format(d, buf);
	add_cell(o, buf, AS_STRING, NULL);
}

void
out_bool(struct out *o, int b)
{
	const char	*t = b ? "true" : "false";

	if (o->fmt == FMT_TABLE)
		t = b ? "yes" : "";
	add_cell(o, t, b ? AS_TRUE : AS_FALSE, NULL);
}

void
out_list(struct out *o, const char *const *v, int n)
{
	cJSON	*arr;
	char	*joined;
	size_t	 len = 0, l;
	int	 i;

	if (o->fmt == FMT_JSON || o->fmt == FMT_JSONL) {
		arr = cJSON_CreateArray();
		for (i = 0; i < n; i++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(v[i]));
		add_cell(o, NULL, AS_NULL, arr);
		return;
	}
	if (n == 0) {
		add_cell(o, "", AS_STRING, NULL);
		return;
	}
	joined = xstrdup("");
	for (i = 0; i < n; i++) {
		l = strlen(v[i]);
		joined = xrealloc(joined, len + l + 3);
		if (i > 0) {
			memcpy(joined + len, "; ", 2);
			len += 2;
		}
		memcpy(joined + len, v[i], l + 1);
		len += l;
	}
	add_cell(o, joined, AS_STRING, NULL);
	free(joined);
}

/* Writes s with a tab before each line: an object inside the array. */
static void
put_indented(FILE *fp, const char *s)
{
	const char	*nl;

	for (;;) {
		putc('\t', fp);
		if ((nl = strchr(s, '\n')) == NULL) {
			fputs(s, fp);
			return;
		}
		fwrite(s, 1, (size_t)(nl - s + 1), fp);
		s = nl + 1;
	}
}

/*
 * The stream that stands in for standard output while a command's
 * output is held back (out_hold), so that what the command prints is
 * what it would print to the real one: a terminal stays a terminal.
 */
static FILE	*held;

void
out_hold(FILE *fp)
{
	held = fp;
}

int
out_fd(FILE *fp)
{
	return fp == held ? STDOUT_FILENO : fileno(fp);
}

int
out_isatty(FILE *fp)
{
	return isatty(out_fd(fp));
}

/*
 * json on a terminal is for a person reading it: indented.  In a pipe
 * it stays one object a line, as scripts have always had it; jsonl is
 * one object a line everywhere.
 */
static void
print_json_row(struct out *o)
{
	char	*s;
	int	 pretty = o->fmt == FMT_JSON && out_isatty(o->fp);

	if (o->obj == NULL)
		o->obj = cJSON_CreateObject();
	s = pretty ? cJSON_Print(o->obj) : cJSON_PrintUnformatted(o->obj);
	if (s == NULL) {
		fputs("tam: out of memory\n", stderr);
		abort();
	}
	if (o->fmt == FMT_JSON && !o->single)
		fputs(o->nrows == 0 ? "[\n" : ",\n", o->fp);
	if (pretty && !o->single)
		put_indented(o->fp, s);
	else
		fputs(s, o->fp);
	if (o->fmt == FMT_JSONL || o->single)
		putc('\n', o->fp);
	cJSON_free(s);
	cJSON_Delete(o->obj);
	o->obj = NULL;
}

void
out_row_end(struct out *o)
{
	while (o->col < o->ncols)
		out_null(o);
	switch (o->fmt) {
	case FMT_JSON:
	case FMT_JSONL:
		print_json_row(o);
		break;
	case FMT_TSV:
	case FMT_CSV:
		putc('\n', o->fp);
		break;
	case FMT_TABLE:
		o->rowstyle = xreallocarray(o->rowstyle, o->nrows + 1,
		    sizeof *o->rowstyle);
		o->rowstyle[o->nrows] = o->next_row_style;
		break;
	}
	o->next_row_style = STYLE_NONE;
	o->col = 0;
	o->nrows++;
}

void
out_footer(struct out *o, const char *line)
{
	if (o->fmt != FMT_TABLE)
		return;
	o->footers = xreallocarray(o->footers, (size_t)o->nfooters + 1,
	    sizeof *o->footers);
	o->footers[o->nfooters++] = xstrdup(line);
}

void
out_line(struct out *o, const char *line, enum out_style style, int cut)
{
	struct line	*l;

	if (o->fmt != FMT_TABLE)
		return;
	o->lines = xreallocarray(o->lines, (size_t)o->nlines + 1,
	    sizeof *o->lines);
	l = &o->lines[o->nlines++];
	l->at = o->nrows;
	l->text = text_safe(line, TEXT_CELL);
	l->style = style;
	l->cut = cut;
}

void
out_empty(struct out *o, const char *line)
{
	free(o->empty);
	o->empty = xstrdup(line);
}

static int
right_aligned(const struct out_col *c)
{
	return c->type == OUT_INT || c->type == OUT_MONEY;
}

int
out_term_width(FILE *fp)
{
	struct winsize	 ws;
	const char	*s;
	int64_t		 n;

	if (out_isatty(fp) && ioctl(out_fd(fp), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if ((s = getenv("COLUMNS")) != NULL &&
	    parse_int(s, 1, 100000, &n) == 0)
		return (int)n;
	return 0;
}

/* The cells the shown columns take, with their two-space gaps. */
static int
total_width(const struct out *o, const int *w, const int *shown)
{
	int	i, total = 0, any = 0;

	for (i = 0; i < o->ncols; i++)
		if (shown[i]) {
			total += w[i] + (any ? 2 : 0);
			any = 1;
		}
	return total;
}

/* Cuts the widest free-text columns, down to min, until total <= avail. */
static void
shrink(const struct out *o, int *w, const int *shown, int avail, int min)
{
	int	i, widest, total = total_width(o, w, shown);

	while (total > avail) {
		widest = -1;
		for (i = 0; i < o->ncols; i++)
			if (shown[i] && (o->cols[i].fit & OUT_SHRINK) &&
			    w[i] > min && (widest < 0 || w[i] > w[widest]))
				widest = i;
		if (widest < 0)
			return;
		w[widest]--;
		total--;
	}
}

/*
 * Fits the table in avail cells: free text cut first; if the table is
 * still too wide, the column of the lowest drop rank left out and the
 * free text measured again from its full width, and so on; the last
 * resort cuts free text to a few cells.
 */
static void
fit_widths(const struct out *o, int *w, int *shown, int avail)
{
	int	*full = xcalloc((size_t)o->ncols, sizeof *full);
	int	 i, next;

	memcpy(full, w, (size_t)o->ncols * sizeof *w);
	for (;;) {
		memcpy(w, full, (size_t)o->ncols * sizeof *w);
		shrink(o, w, shown, avail, OUT_SHRINK_MIN);
		if (total_width(o, w, shown) <= avail)
			break;
		next = -1;
		for (i = 0; i < o->ncols; i++)
			if (shown[i] && OUT_DROP_RANK(o->cols[i].fit) > 0 &&
			    (next < 0 || OUT_DROP_RANK(o->cols[i].fit) <
			    OUT_DROP_RANK(o->cols[next].fit)))
				next = i;
		if (next < 0) {
			shrink(o, w, shown, avail, 3);
			break;
		}
		shown[next] = 0;
	}
	free(full);
}

/*
 * Writes s padded or cut (with an ellipsis) to width columns; the last
 * column of a row is not padded on the right.
 */
static void
put_cell(FILE *fp, const char *s, int width, int right, int last)
{
	if (right)
		text_pad(fp, s, width, TEXT_RIGHT);
	else if (last)
		text_cut(fp, s, width);
	else
		text_pad(fp, s, width, TEXT_LEFT);
}

static int
last_visible(const int *shown, int ncols, int i)
{
	for (i++; i < ncols; i++)
		if (shown[i])
			return 0;
	return 1;
}

/*
 * The width of each column: its widest cell or title, fitted to the
 * terminal (out_term_width); shown[i] says which columns are written.
 */
static void
column_widths(struct out *o, int *w, int *shown, int avail)
{
	int		 i, cw;
	size_t		 r;
	struct cell	*c;

	for (i = 0; i < o->ncols; i++)
		if ((shown[i] = o->cols[i].title != NULL))
			w[i] = text_width(o->cols[i].title);
	for (r = 0; r < o->nrows; r++)
		for (i = 0; i < o->ncols; i++) {
			c = &o->cells[r * (size_t)o->ncols + (size_t)i];
			if ((cw = text_width(c->text)) > w[i])
				w[i] = cw;
		}
	if (avail > 0)
		fit_widths(o, w, shown, avail);
}

static void
write_titles(struct out *o, const int *w, const int *shown)
{
	int	i, first;

	if (o->color)
		fputs(out_style_seq(STYLE_BOLD), o->fp);
	for (i = 0, first = 1; i < o->ncols; i++) {
		if (!shown[i])
			continue;
		if (!first)
			fputs("  ", o->fp);
		first = 0;
		put_cell(o->fp, o->cols[i].title, w[i],
		    right_aligned(&o->cols[i]),
		    last_visible(shown, o->ncols, i));
	}
	if (o->color)
		fputs("\033[0m", o->fp);
	putc('\n', o->fp);
}

/* Row r; a styled cell restores the row's style after it. */
static void
write_row(struct out *o, const int *w, const int *shown, size_t r)
{
	enum out_style	 rs = o->rowstyle[r];
	struct cell	*c;
	int		 i, first;

	if (o->color && rs != STYLE_NONE)
		fputs(out_style_seq(rs), o->fp);
	for (i = 0, first = 1; i < o->ncols; i++) {
		if (!shown[i])
			continue;
		c = &o->cells[r * (size_t)o->ncols + (size_t)i];
		if (!first)
			fputs("  ", o->fp);
		first = 0;
		if (o->color && c->style != STYLE_NONE)
			fputs(out_style_seq(c->style), o->fp);
		put_cell(o->fp, c->text, w[i], right_aligned(&o->cols[i]),
		    last_visible(shown, o->ncols, i));
		if (o->color && c->style != STYLE_NONE) {
			fputs("\033[0m", o->fp);
			if (rs != STYLE_NONE)
				fputs(out_style_seq(rs), o->fp);
		}
	}
	if (o->color && rs != STYLE_NONE)
		fputs("\033[0m", o->fp);
	putc('\n', o->fp);
}

/* The lines of out_line() due before row r; *next is the first left. */
static void
write_lines(struct out *o, size_t r, int *next, int avail)
{
	struct line	*l;

	for (; *next < o->nlines && o->lines[*next].at <= r; (*next)++) {
		l = &o->lines[*next];
		if (o->color && l->style != STYLE_NONE)
			fputs(out_style_seq(l->style), o->fp);
		if (l->cut)
			text_cut(o->fp, l->text, avail);
		else
			fputs(l->text, o->fp);
		if (o->color && l->style != STYLE_NONE)
			fputs("\033[0m", o->fp);
		putc('\n', o->fp);
	}
}

static void
write_table(struct out *o)
{
	int	*w = xcalloc((size_t)o->ncols, sizeof *w);
	int	*shown = xcalloc((size_t)o->ncols, sizeof *shown);
	int	 i, next = 0, avail = out_term_width(o->fp);
	size_t	 r;

	column_widths(o, w, shown, avail);
	if (o->nrows == 0 && o->nlines == 0 && out_isatty(o->fp))
		fprintf(o->fp, "%s\n", o->empty ? o->empty :
		    "nothing to list");
	if (o->nrows > 0)
		write_titles(o, w, shown);
	for (r = 0; r < o->nrows; r++) {
		write_lines(o, r, &next, avail);
		write_row(o, w, shown, r);
	}
	write_lines(o, o->nrows, &next, avail);
	for (i = 0; i < o->nfooters; i++)
		fprintf(o->fp, "%s\n", o->footers[i]);
	free(shown);
	free(w);
}

static void
out_free(struct out *o)
{
	size_t	i, n;

	/* The rows ended, and the cells of a row left half-way. */
	n = o->nrows * (size_t)o->ncols +
	    (size_t)(o->col < o->ncols ? o->col : o->ncols);
	for (i = 0; i < n && o->cells != NULL; i++)
		free(o->cells[i].text);
	for (i = 0; i < (size_t)o->nfooters; i++)
		free(o->footers[i]);
	for (i = 0; i < (size_t)o->nlines; i++)
		free(o->lines[i].text);
	free(o->lines);
	free(o->empty);
	free(o->footers);
	free(o->cells);
	free(o->rowstyle);
	cJSON_Delete(o->obj);
	free(o);
}

int
out_finish(struct out *o)
{
	int	rc;

	if (o == NULL)
		return 0;
	if (o->header_due)
		write_header(o);
	if (o->fmt == FMT_TABLE)
		write_table(o);
	else if (o->fmt == FMT_JSON && !o->single)
		fputs(o->nrows == 0 ? "[]\n" : "\n]\n", o->fp);
	rc = ferror(o->fp) ? -1 : 0;
	out_free(o);
	return rc;
}

void
out_abandon(struct out *o)
{
	if (o != NULL)
		out_free(o);
}

void
out_field(FILE *fp, int width, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	fprintf(fp, "%-*s ", width, key);
	text_put(fp, value, TEXT_CELL);
	putc('\n', fp);
}

int
out_flush(FILE *fp)
{
	int	e;

	if (!ferror(fp)) {
		errno = 0;
		if (fflush(fp) == 0)
			return 0;
		return errno != 0 ? errno : EIO;
	}
	/*
	 * An earlier write failed, and its errno is long gone.  stdio keeps
	 * the bytes it could not write: writing them again says why.
	 */
	clearerr(fp);
	errno = 0;
	e = fflush(fp) != 0 && errno != 0 ? errno : EIO;
	return e;
}
