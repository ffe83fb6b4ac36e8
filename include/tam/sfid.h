/* sfid.h: Salesforce record IDs, 15-character and 18-character forms. */
#ifndef TAM_SFID_H
#define TAM_SFID_H

/*
 * Normalises a 15- or 18-character Salesforce ID to the 18-character
 * case-safe form in out (19 bytes).  For 18-character input the suffix
 * is checked and used to restore the case of the first 15 characters, so
 * any capitalisation of an 18-character ID names the same record.
 * Returns 0, or -1 if s is not a well-formed ID.
 */
int	 sfid_normalize(const char *s, char out[19]);
/* Returns 1 if s has the shape of an ID (15 or 18 alphanumerics). */
int	 sfid_looks_like(const char *s);

#endif
