/* out.h: rows written as table, tsv, csv, json or jsonl. */
#ifndef TAM_OUT_H
#define TAM_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "tam/tam.h"
#include "tam/text.h"

struct cJSON;

enum out_type {
	OUT_STR,	/* text */
	OUT_INT,	/* integer */
	OUT_MONEY,	/* integer cents; JSON number of units */
	OUT_DATE,	/* YYYY-MM-DD text */
	OUT_BOOL,	/* true/false */
	OUT_LIST	/* array of strings; tsv/csv join with "; " */
};

/*
 * How a table fits a terminal (out_term_width): first the columns
 * marked OUT_SHRINK (free text: names, titles, notes, people) are cut
 * with an ellipsis, down to OUT_SHRINK_MIN cells; if that is not enough
 * the columns with a drop rank are left out, rank 1 first, then 2 and
 * so on.  A column with neither is never cut (an enum, a date, money):
 * a row is never wrapped.
 */
#define OUT_SHRINK	0x1
#define OUT_DROP(rank)	((unsigned)(rank) << 1)
#define OUT_DROP_RANK(fit) ((int)((fit) >> 1))
#define OUT_SHRINK_MIN	16

struct out_col {
	const char	*key;	/* JSON key and tsv/csv header; NULL: table only */
	const char	*title;	/* table header; NULL hides it in table */
	enum out_type	 type;
	unsigned	 fit;	/* OUT_SHRINK | OUT_DROP(rank); rank 0: kept */
};

enum out_style {
	STYLE_NONE,
	STYLE_BOLD,
	STYLE_DIM,
	STYLE_RED,
	STYLE_YELLOW,
	STYLE_GREEN,
	STYLE_CYAN
};

struct out;

/*
 * Starts a list of rows with the given columns, written to stdout in
 * ctx->format.  Cells are given in column order, one setter call each,
 * then out_row_end().  Table output is buffered to align columns; the
 * other formats stream.  out_finish() writes what is left and frees.
 */
struct out	*out_begin(const struct tam_ctx *, const struct out_col *, int ncols);
void		 out_str(struct out *, const char *);	/* NULL: missing */
void		 out_int(struct out *, int64_t);
void		 out_money(struct out *, int64_t cents);	/* in USD */
/* Cents in a currency: "EUR 300,000" in a table, 300000 otherwise. */
void		 out_money_in(struct out *, int64_t cents,
		    const char *currency);
void		 out_date(struct out *, int);		/* DATE_NONE: missing */
void		 out_bool(struct out *, int);
void		 out_null(struct out *);
/* out_int() if has, else a missing cell: the number is not known. */
void		 out_int_if(struct out *, int has, int64_t);
/* An id cell; a missing one for 0, no such row (a task without CTA). */
void		 out_id(struct out *, int64_t);
/* The days from day from to day to; missing if either is DATE_NONE. */
void		 out_days(struct out *, int from, int to);
/* out_money_in() if has, else a missing cell: the amount is not known. */
void		 out_money_if(struct out *, int has, int64_t cents,
		    const char *currency);
/* A list of n strings (copied). */
void		 out_list(struct out *, const char *const *, int n);
/* Styles the next row in table format on a terminal. */
void		 out_row_style(struct out *, enum out_style);
/* Styles the next cell only. */
void		 out_cell_style(struct out *, enum out_style);
/*
 * In json/jsonl, the object of the row being built, to add nested arrays
 * to (owned by out); NULL in other formats.
 */
struct cJSON	*out_row_json(struct out *);
void		 out_row_end(struct out *);
/* A table-only line after the rows (totals); ignored by machine formats. */
void		 out_footer(struct out *, const char *);
/*
 * A table-only line written before the next row (or after the rows if
 * none follows), outside the columns: a heading of the rows under it.
 * cut: cut with an ellipsis to the terminal's width (a name), else
 * written whole (a command to type).  Ignored by machine formats.
 */
void		 out_line(struct out *, const char *, enum out_style, int cut);
/*
 * The line a table writes on a terminal when it has no rows ("no
 * archived accounts"); without it, "nothing to list".  Off a terminal
 * an empty table stays empty, for scripts.
 */
void		 out_empty(struct out *, const char *);
/*
 * The width tables fit in: the terminal's (TIOCGWINSZ) when fp is one,
 * else $COLUMNS when it is a number, else 0 (no limit).
 */
int		 out_term_width(FILE *);
/*
 * Single-object mode (`show` commands): json prints the one object, not
 * an array.  Call before the first row.
 */
void		 out_single(struct out *);
/* Writes out the rest, frees.  Returns 0, or -1 on a write error. */
int		 out_finish(struct out *);
/*
 * Frees without writing what is left: for a command that failed.  Rows
 * of a streaming format already written stay written; the header of an
 * empty tsv/csv list, the buffered table and json's brackets are not.
 */
void		 out_abandon(struct out *);

/*
 * The CSV formula guard: returns 1 if cell s needs a "'" prefix so that
 * a spreadsheet keeps it as text (it starts with =, +, -, @, tab or CR),
 * 0 if it is safe as it is.  A number ("-54", "-40000.5") is written as
 * it is, so that it stays a number.
 */
int		 out_csv_cell_needs_guard(const char *);
/* Writes s escaped for TSV (\t, \n, \r, \\). */
void		 out_tsv_escape(FILE *, const char *);
/* Writes s as one RFC 4180 CSV field, formula-guarded. */
void		 out_csv_field(FILE *, const char *);
/*
 * For people (the `show` commands in table format): one line "KEY
 * value", the key padded to width, the value escaped for a terminal;
 * nothing for a NULL or empty value.
 */
void		 out_field(FILE *, int width, const char *key,
		    const char *value);
/*
 * Flushes fp.  Returns 0 if everything written to it since the start got
 * out, else the errno of the write that failed (EIO where stdio cannot
 * tell any more).  Call it once, at the end: it clears the error.
 */
int		 out_flush(FILE *);
/* ANSI escape for a style ("" for STYLE_NONE). */
const char	*out_style_seq(enum out_style);

/*
 * fp holds what a command prints to standard output until the dispatcher
 * knows it is to be kept (a server's transaction that may be run again);
 * out_fd and out_isatty answer for the real standard output then.  NULL
 * ends it.
 */
void	 out_hold(FILE *);
int	 out_fd(FILE *);
int	 out_isatty(FILE *);

#endif
