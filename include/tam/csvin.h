/*
 * csvin.h: reading Salesforce CSV exports.  A streaming record reader on
 * top of libcsv that knows physical line numbers, the header mapping of
 * SPEC §5, report-footer detection and the parsers of one cell.  Nothing
 * here touches the database.
 */
#ifndef TAM_CSVIN_H
#define TAM_CSVIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tam/account.h"

/* Longest field read: anything longer is not a Salesforce export. */
#define CSVIN_FIELD_MAX		(1024 * 1024)
/* Longest record (all its fields together). */
#define CSVIN_RECORD_MAX	(4 * 1024 * 1024)
/* Cells kept per record; more are counted, not stored. */
#define CSVIN_MAX_CELLS		1024
/* Longest text value stored from a cell. */
#define CSVIN_TEXT_MAX		65536

enum csvin_datefmt {
	CSVIN_MDY,	/* M/D/YYYY, M/D/YY (the US Salesforce locale) */
	CSVIN_DMY,	/* D/M/YYYY, D.M.YYYY */
	CSVIN_YMD	/* YYYY/M/D, YYYY.M.D */
};

/*
 * How cells are read (the fmt of csvin_cell_set, csvin_row_parse): a
 * csvin_datefmt, or'ed with CSVIN_DECIMAL_COMMA for amounts written
 * "1.234,50" (money_read_as, MONEY_DECIMAL_COMMA).
 */
#define CSVIN_DECIMAL_COMMA	0x100
#define CSVIN_DATEFMT(fmt)	((enum csvin_datefmt)((fmt) & 0xff))

/* One record as read: borrowed by the callback, valid during the call. */
struct csvin_record {
	int		  line;		/* physical line it starts on (1-based) */
	int		  ncells;	/* cells in the record */
	int		  nstored;	/* cells in cell[] (at most MAX_CELLS) */
	char		**cell;		/* NUL-terminated */
	const size_t	 *len;		/* byte length of each cell */
};

struct csvin;

/*
 * A reader of fp (not closed by the reader); name is how messages call
 * the input ("stdin" for -).  delim is the field separator, 0 to detect
 * it from the header line (csvin_detect_delim).
 */
struct csvin	*csvin_new(FILE *fp, const char *name, unsigned char delim);
void		 csvin_free(struct csvin *);
/* Bytes of the input parsed so far (after a record: up to its line). */
uint64_t	 csvin_offset(const struct csvin *);
/* The field separator in use (known once the first bytes are read). */
unsigned char	 csvin_delimiter(const struct csvin *);
/*
 * The separator of the header line, the first line that is not blank in
 * p[0..n): the one of ',' ';' tab '|' found most often outside quotes;
 * ',' when none is or two are found as often.
 */
unsigned char	 csvin_detect_delim(const unsigned char *p, size_t n);
/*
 * What the first bytes of a file show it is when it is no CSV: "an
 * Excel workbook" (a zip with xl/), "a zip archive", "a JSON file"
 * (begins with { or [), a static string; NULL for anything else.
 */
const char	*csvin_not_csv(const unsigned char *p, size_t n);
/*
 * Reads every record, calling fn(arg, record) in order; a UTF-8
 * byte-order mark is skipped, CRLF and LF are both line ends.  Returns 0
 * at the end of the input, fn's value when fn returns non-zero (reading
 * stops), or -1 with *err (allocated, "NAME:LINE: ...") when the input
 * is not CSV: a JSON file or a workbook (named as such), binary data, an unterminated quote, a field longer than
 * CSVIN_FIELD_MAX, a read error.
 */
int		 csvin_read(struct csvin *,
		    int (*fn)(void *, const struct csvin_record *), void *arg,
		    char **err);

/* --- the header ------------------------------------------------------- */

/* One --map 'Header=field'. */
struct csvin_map {
	const char		*header;	/* borrowed from argv */
	size_t			 len;		/* of header */
	enum account_field	 field;
};

/* Parses "Header=field" into m.  0, or -1 with *err (allocated). */
int		 csvin_map_parse(const char *arg, struct csvin_map *m,
		    char **err);

struct csvin_header {
	int		 ncols;
	char		**name;		/* each column's header, trimmed */
	int		 col[AF_COUNT];	/* column of a field, -1: not mapped */
	int		*ignored;	/* columns mapped to nothing */
	int		 nignored;
	int		*map_unused;	/* index of each --map matching no column */
	int		 nmap_unused;
};

/*
 * Maps the header record r: --map entries first, then the default
 * headers of SPEC §5 (case-insensitive, trimmed; "Account Owner" is the
 * SAL only when no other SAL column exists).  When several columns map
 * to one field the leftmost wins and the others are ignored.  0, or -1
 * with *err when the header is not UTF-8 text.
 */
int		 csvin_header_init(struct csvin_header *, const
		    struct csvin_record *r, const struct csvin_map *maps,
		    int nmaps, char **err);
void		 csvin_header_release(struct csvin_header *);
/* The field a header names by default, or -1. */
int		 csvin_default_field(const char *header, size_t len);

/* --- footer ----------------------------------------------------------- */

enum csvin_kind {
	CSVIN_ROW,		/* a data row to import */
	CSVIN_SKIP,		/* a blank line or a report footer line */
	CSVIN_AFTER_FOOTER	/* a data row after the footer began */
};

struct csvin_footer {
	int	ncols;		/* of the header */
	int	seen_data;
	int	line;		/* where the footer began, 0: not yet */
};

/*
 * Classifies the record after the header.  The footer is a record of
 * one non-empty cell when the header has several columns; in a
 * one-column file it begins at the first blank line after data or at a
 * known footer line (Grand Totals, Copyright, Confidential Information,
 * Generated By).  Records whose cells are all empty are skipped.
 */
enum csvin_kind	 csvin_classify(struct csvin_footer *,
		    const struct csvin_record *);
/* Returns 1 when s is one of Salesforce's report footer lines. */
int		 csvin_footer_text(const char *s);

/* --- cells ------------------------------------------------------------ */

/*
 * Parses a date cell: YYYY-MM-DD (optionally followed by a time) always,
 * and per fmt M/D/YYYY or M/D/YY (20YY), D/M/YYYY or D.M.YYYY, YYYY/M/D,
 * each optionally followed by a time ("8:00 AM", "13:45:10").  0 with
 * *out, or -1.
 */
int		 csvin_parse_date(const char *s, enum csvin_datefmt fmt,
		    int *out);
/*
 * Parses a count: digits, optionally grouped by three with commas, an
 * optional fraction of zeros ("1,200", "85.00"), up to max.  0 or -1.
 */
int		 csvin_parse_count(const char *s, int64_t max, int64_t *out);
/*
 * Sets field f of patch from a cell (trimmed, not empty) and adds the
 * fields it sets to *mask (an ACV with a currency code also sets the
 * currency).  fmt: a csvin_datefmt and CSVIN_DECIMAL_COMMA.  Returns
 * NULL, or what is wrong with the value ("is not a date"; a day-first
 * date read M/D suggests --date-format dmy), a static string.
 */
const char	*csvin_cell_set(struct account *patch, unsigned *mask,
		    enum account_field f, const char *cell, unsigned fmt);
/*
 * Parses the mapped cells of data record r into patch (initialised by
 * the caller) and *mask.  Every bad cell adds one message "column 'X':
 * 'value' is not ..." to *msgs (an allocated array of allocated strings,
 * *nmsgs of them).  Returns the number of bad cells.
 */
int		 csvin_row_parse(const struct csvin_header *,
		    const struct csvin_record *r, unsigned fmt,
		    struct account *patch, unsigned *mask, char ***msgs,
		    int *nmsgs);
/*
 * A hash of what the mapped cells of r say: the cells as read, the
 * field each one sets, fmt and how (any other option of the import
 * that changes what a row does).  Two rows of one hash parse to the same
 * patch.  Never 0.
 */
uint64_t	 csvin_row_hash(const struct csvin_header *,
		    const struct csvin_record *r, unsigned fmt, unsigned how);
/*
 * The Salesforce ID of r's ID cell as csvin_row_parse reads it, in out:
 * 0, or -1 when the row has no valid ID.
 */
int		 csvin_row_sfid(const struct csvin_header *,
		    const struct csvin_record *r, char out[19]);
/* Frees what csvin_row_parse allocated in msgs. */
void		 csvin_msgs_free(char **msgs, int n);
/* Copies the fields in mask from patch to dst. */
void		 csvin_patch_apply(struct account *dst,
		    const struct account *patch, unsigned mask);
/* How much of a value a message quotes (text_quote), in characters. */
#define CSVIN_QUOTE_MAX	60

/* --- output ----------------------------------------------------------- */

/*
 * Writes the stored cells of r, then extra when not NULL, as one quoted
 * CSV line ending in CRLF (what Salesforce writes).  0, or -1 on a write
 * error (errno set).
 */
int		 csvin_write_record(FILE *, const struct csvin_record *r,
		    const char *extra);

/* --- a set of account ids --------------------------------------------- */

/*
 * The accounts an import has touched, one bit per id in pages allocated
 * on demand: 1,000,000 dense ids take 125 KB.
 */
struct csvin_idset {
	struct idpage	**slot;		/* open addressing by page number */
	size_t		  nslot;	/* a power of two, 0 when empty */
	size_t		  npage;
};

void		 csvin_idset_init(struct csvin_idset *);
void		 csvin_idset_release(struct csvin_idset *);
/* Adds id; returns 1 if it was already there. */
int		 csvin_idset_add(struct csvin_idset *, int64_t id);
int		 csvin_idset_has(const struct csvin_idset *, int64_t id);

/* --- a set of keys, approximately ------------------------------------ */

/*
 * The Salesforce IDs a bulk load into an empty database has written so
 * far, as a filter of bits (a Bloom filter): "no" is sure, "maybe" is
 * wrong for a few keys in a hundred at some 14 bits a key, and then the
 * database answers.  A million IDs in 1.8 MB where the IDs themselves
 * would take 40.
 */
struct csvin_keyset {
	uint64_t	*word;		/* NULL: no set */
	uint32_t	 nbits;
};

/* A set of bytes of memory (at least 8). */
void		 csvin_keyset_init(struct csvin_keyset *, size_t bytes);
void		 csvin_keyset_release(struct csvin_keyset *);
void		 csvin_keyset_add(struct csvin_keyset *, const char *key);
/* 0: key was never added; 1: it may have been. */
int		 csvin_keyset_maybe(const struct csvin_keyset *,
		    const char *key);

#endif
