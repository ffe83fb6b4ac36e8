/*
 * text.h: the one module for text.  UTF-8 checks, the width of text in
 * a table, cutting and padding to a width, the escape that stands
 * between stored text and a person's terminal, and names compared as a
 * person reads them (folded).
 */
#ifndef TAM_TEXT_H
#define TAM_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* --- UTF-8 ------------------------------------------------------------ */

/*
 * Returns 1 if the n bytes at s are valid UTF-8: no stray continuation
 * byte, overlong form, surrogate, code point past U+10FFFF or sequence
 * cut short.
 */
int		 utf8_valid(const char *s, size_t n);
/*
 * The length (1 to 4) of the UTF-8 sequence at s, of which avail bytes
 * may be read (avail >= 1), with its code point in *cp; 0 if the bytes
 * there are not UTF-8 (as utf8_valid judges them).
 */
size_t		 utf8_next(const char *s, size_t avail, unsigned *cp);

/* --- width, cut and pad ----------------------------------------------- */

/*
 * The display cells the NUL-terminated s takes on a terminal: 2 for a
 * wide (CJK) character or an emoji, 0 for a combining mark, 1 for the
 * rest (utf8proc's tables), the unit every table of tam is laid out in.
 * s is text made safe (text_safe); a byte that is not UTF-8 takes one.
 */
int		 text_width(const char *s);
/*
 * The length in bytes of the longest start of s that takes at most
 * width cells, never splitting a character nor a base character from
 * its combining marks (0 when width <= 0).
 */
size_t		 text_fit(const char *s, int width);
/*
 * Writes s to fp, cut to width cells when it is wider: what fits in
 * width - 1 cells and an ellipsis.  A width <= 0 writes all of s.
 */
void		 text_cut(FILE *fp, const char *s, int width);

enum text_align {
	TEXT_LEFT,	/* the text, then spaces */
	TEXT_RIGHT	/* spaces, then the text */
};

/*
 * Writes s to fp in exactly width cells: cut as text_cut() does when
 * it is wider (and a space after the ellipsis when a wide character
 * did not fit), else padded with spaces on the side align says.
 */
void		 text_pad(FILE *fp, const char *s, int width,
		    enum text_align align);

/* --- text made safe for a terminal ------------------------------------ */

/*
 * How text for people treats the characters a terminal would act on.
 * In every mode, the other C0 controls and DEL are written in caret
 * notation ("^[" for ESC, "^?" for DEL), a C1 control (U+0080 to U+009F)
 * as "<U+009B>" and a byte that is not UTF-8 as "<9B>", the way less(1)
 * shows them: no stored text can move the cursor, retitle or recolor
 * the terminal, or hide what follows it.
 */
enum text_mode {
	TEXT_LINE,	/* quoted exactly: tab, CR, LF as ^I ^M ^J */
	TEXT_CELL,	/* a table cell or field: tab, CR, LF as a space */
	TEXT_BLOCK	/* multi-line text: tab and LF kept, CR LF as LF */
};

/* Writes s (NULL: nothing) to fp made safe as mode says. */
void		 text_put(FILE *, const char *, enum text_mode);
/*
 * Returns s (NULL: "") made safe as mode says, newly allocated; the
 * caller frees it.
 */
char		*text_safe(const char *, enum text_mode);
/*
 * A short quote of s for a message about an input file, allocated (the
 * caller frees it): at most max characters, then "..." if there was
 * more; LF, CR and tab as \n \r \t, another control byte, DEL or a byte
 * that is not UTF-8 as \xNN.
 */
char		*text_quote(const char *s, int max);

/* --- names compared folded -------------------------------------------- */

/*
 * Two names are the same when their folded forms are equal: Unicode
 * case folding of the NFC form (SOCIÉTÉ = Société, STRASSE = Straße,
 * e + U+0301 = é), with the Unicode tables of utf8proc.  The database
 * keeps the folded copy of each name so that lookups stay indexed.
 */

/*
 * The folded form of the NUL-terminated s, allocated (the caller frees
 * it), or NULL when s is NULL.  Bytes that are not valid UTF-8 are
 * kept as they are, with ASCII letters lowered, so that every string
 * has a folded form.
 */
char		*text_fold(const char *s);
/* The same for the n bytes at s (which need not end in NUL). */
char		*text_fold_n(const char *s, size_t n);
/*
 * The smallest string above every string that starts with the
 * non-empty prefix p (bytewise, as SQLite's BINARY collation and
 * COLLATE "C" compare), allocated: p with its last character raised by
 * one code point, UTF-8 still.  A prefix search is then the index range
 * p <= x < text_fold_next(p).
 */
char		*text_fold_next(const char *p);
/* Above every text of a prefix search without a prefix: U+10FFFF. */
#define TEXT_FOLD_TOP	"\xf4\x8f\xbf\xbf"
/*
 * Whether the folded prefix p starts the folded name, or one of its
 * words (after a space, hyphen, full stop, comma or apostrophe): "chen"
 * starts "alice chen".  An empty p starts nothing.
 */
int		 text_fold_starts_word(const char *name, const char *p);

/* --- tables looked up by name ----------------------------------------- */

/*
 * The row of table whose name is key (compared bytewise), or NULL: the
 * rows are size bytes each, their name a const char * at offset keyoff,
 * and a row with a NULL name ends the table.  One lookup for the
 * settings, the export's tables, the playbook's actions and every small
 * name-to-value table of a command.
 */
const void	*text_table_find(const void *table, size_t size, size_t keyoff,
		    const char *key);

/* A row of a table from a name to a value (an enum's), NULL-ended. */
struct text_name {
	const char	*name;
	int		 value;
};
/* The value of name in table, or -1 when it has none. */
int		 text_name_value(const struct text_name *table,
		    const char *name);

#endif
