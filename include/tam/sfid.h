/* sfid.h: Salesforce record IDs, 15-character and 18-character forms. */
#ifndef TAM_SFID_H
#define TAM_SFID_H

/* sfid_check() results. */
#define SFID_OK		0
#define SFID_SHAPE	(-1)	/* not 15 or 18 letters and digits */
#define SFID_SUFFIX	(-2)	/* 18 characters, the suffix does not match */

/* Room for sfid_error_text(), terminator included. */
#define SFID_ERROR_MAX	160

/*
 * Checks a 15- or 18-character Salesforce ID and writes its 18-character
 * case-safe form to out (19 bytes).  A 15-character ID gets its suffix.
 * An 18-character ID is good when its suffix (either case) is the one
 * its first 15 characters call for; when those are all of one case (an
 * ID a spreadsheet upper- or lower-cased), the suffix restores their
 * case instead, so "001a0000006vm9riac" is 001A0000006Vm9rIAC.  Returns
 * SFID_OK, SFID_SHAPE, or SFID_SUFFIX with the suffix the first 15
 * characters call for in want (4 bytes; may be NULL).  The one rule of
 * the command line, the import and the restore.
 */
int	 sfid_check(const char *s, char out[19], char want[4]);
/* sfid_check() as 0, or -1 for any reason. */
int	 sfid_normalize(const char *s, char out[19]);
/*
 * Why s is not an ID, as words to follow the quoted ID in a message:
 * "is not a Salesforce ID (15 or 18 letters and digits)", or for a wrong
 * suffix "is not a Salesforce ID: its checksum suffix 'AAA' does not
 * match ..., which call for 'IAC' (001A0000006Vm9rIAC)".
 */
void	 sfid_error_text(const char *s, char buf[SFID_ERROR_MAX]);
/* Returns 1 if s has the shape of an ID (15 or 18 alphanumerics). */
int	 sfid_looks_like(const char *s);

#endif
