/* text.h: UTF-8 text checks and text made safe for a person's terminal. */
#ifndef TAM_TEXT_H
#define TAM_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Display width of a UTF-8 string (one column per code point). */
int		 utf8_width(const char *);
/* Returns 1 if the n bytes at s are valid UTF-8. */
int		 utf8_valid(const char *s, size_t n);

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

#endif
