/*
 * num.h: the one parser of whole numbers written by people (command
 * line, settings, account fields, CSV cells).  Pure.
 */
#ifndef TAM_NUM_H
#define TAM_NUM_H

#include <stdint.h>

/*
 * Parses s, decimal digits only (no sign, no space, no grouping), as a
 * number in [min, max] into *out.  Returns 0, or -1 when s is empty,
 * holds anything but digits, overflows or is out of range (*out is then
 * untouched).
 */
int	parse_int(const char *s, int64_t min, int64_t max, int64_t *out);

#endif
