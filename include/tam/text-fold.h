/*
 * text-fold.h: names compared as a person reads them.  Two names are the
 * same when their folded forms are equal: Unicode case folding of the
 * NFC form (SOCIÉTÉ = Société, STRASSE = Straße, e + U+0301 = é), with
 * the Unicode tables of utf8proc.  The database keeps the folded copy of
 * each name so that lookups stay indexed.
 */
#ifndef TAM_TEXT_FOLD_H
#define TAM_TEXT_FOLD_H

#include <stddef.h>

/*
 * The folded form of the NUL-terminated s, allocated (the caller frees
 * it), or NULL when s is NULL.  Bytes that are not valid UTF-8 are
 * kept as they are, with ASCII letters lowered, so that every string
 * has a folded form.
 */
char	*text_fold(const char *s);
/* The same for the n bytes at s (which need not end in NUL). */
char	*text_fold_n(const char *s, size_t n);
/*
 * The smallest string above every string that starts with the
 * non-empty prefix p (bytewise, as SQLite's BINARY collation compares),
 * allocated: p with its last byte raised by one.  A prefix search is
 * then the index range p <= x < text_fold_next(p).
 */
char	*text_fold_next(const char *p);
/*
 * Whether the folded prefix p starts the folded name, or one of its
 * words (after a space, hyphen, full stop, comma or apostrophe): "chen"
 * starts "alice chen".  An empty p starts nothing.
 */
int	 text_fold_starts_word(const char *name, const char *p);

#endif
