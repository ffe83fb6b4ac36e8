/*
 * fuzz-restore.c: libFuzzer harness for what `tam restore` does with the
 * text of an export before the database sees it.  Beyond "no crash, no
 * UB": the skipper that locates a table's array in a json document stays
 * inside the text and, on a value cJSON reads whole, ends where cJSON
 * ends; and a row that passes backup_row_parse and backup_row_check
 * writes back out (backup_row_json) as JSON that reads back to the same
 * values, so what a restore accepts an export reproduces.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/backup.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define TEXT_MAX	65536

/* JSON's white space: cJSON also skips other control characters. */
static int
plain_text(const char *s, size_t size)
{
	size_t	i;

	if (size >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return 0;	/* cJSON skips a byte-order mark */
	for (i = 0; i < size; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != ' ' &&
		    s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static void
check_skip(const char *s, size_t size)
{
	const char	*end = s + size, *stop, *bad, *cend;
	char		*copy;
	cJSON		*v;

	stop = backup_json_skip(s, end, &bad);
	if (stop == NULL) {
		if (bad < s || bad > end)
			abort();
	} else if (stop <= s || stop > end)
		abort();
	if (!plain_text(s, size))
		return;
	/* Of a document cJSON takes whole, the skipper finds the end. */
	if ((copy = malloc(size + 1)) == NULL)
		abort();
	memcpy(copy, s, size);
	copy[size] = '\0';
	if ((v = cJSON_ParseWithOpts(copy, &cend, 1)) != NULL) {
		while (cend > copy && (cend[-1] == ' ' || cend[-1] == '\t' ||
		    cend[-1] == '\r' || cend[-1] == '\n'))
			cend--;
		if (stop == NULL || stop - s != cend - copy)
			abort();
		cJSON_Delete(v);
	}
	free(copy);
}

static int
same_values(const struct dbx_table *t, const struct dbx_value *a,
    const struct dbx_value *b)
{
	int	i;

	for (i = 0; i < t->ncols; i++) {
		if (a[i].null != b[i].null)
			return 0;
		if (a[i].null)
			continue;
		if (a[i].s != NULL || b[i].s != NULL) {
			if (a[i].s == NULL || b[i].s == NULL ||
			    strcmp(a[i].s, b[i].s) != 0)
				return 0;
		} else if (a[i].i != b[i].i)
			return 0;
	}
	return 1;
}

/* The object as a row of each table: accepted rows must round-trip. */
static void
check_rows(const cJSON *obj)
{
	const struct dbx_table	*t;
	struct dbx_value	 v[32], back[32];
	cJSON			*out, *again;
	char			*err, *text;

	for (t = dbx_tables; t->key != NULL; t++) {
		err = NULL;
		if (backup_row_parse(t, obj, "table", v, &err) != 0 ||
		    backup_row_check(t, v, TEXT_MAX, &err) != 0) {
			if (err == NULL)
				abort();
			free(err);
			continue;
		}
		out = backup_row_json(t, v, t->key);
		text = cJSON_PrintUnformatted(out);
		cJSON_Delete(out);
		if (text == NULL || (again = cJSON_Parse(text)) == NULL)
			abort();
		if (backup_json_nul(text, strlen(text)) != NULL ||
		    backup_row_parse(t, again, "table", back, &err) != 0 ||
		    backup_row_check(t, back, TEXT_MAX, &err) != 0 ||
		    !same_values(t, v, back))
			abort();
		cJSON_Delete(again);
		cJSON_free(text);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	cJSON		*obj;

	check_skip(s, size);
	/* A row with a \u0000 escape is refused before it is parsed. */
	if (backup_json_nul(s, size) != NULL)
		return 0;
	if ((obj = cJSON_ParseWithLength(s, size)) != NULL) {
		check_rows(obj);
		cJSON_Delete(obj);
	}
	return 0;
}
