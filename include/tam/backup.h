/*
 * backup.h: the rows of `tam export` as JSON objects and back (cJSON).
 * The file format: see doc/tam.1, EXPORT FORMAT.
 */
#ifndef TAM_BACKUP_H
#define TAM_BACKUP_H

#include <stddef.h>

#include "tam/db-export.h"

struct cJSON;

#define BACKUP_FORMAT	"tam-export"
/*
 * The version an export is written in.  2 added the tables
 * "task_revisions" and "database_uid"; a version 1 export still restores
 * (without them, the new database keeps its own identifier).
 */
#define BACKUP_VERSION	2
#define BACKUP_VERSION_MIN	1	/* the oldest a restore reads */

/* The table with this export key ("accounts"), or NULL. */
const struct dbx_table *backup_table(const char *key);

/*
 * A JSON object holding the row v of table t, keys in column order; with
 * table non-NULL a first key "table" names it (the jsonl form).  The
 * caller deletes it with cJSON_Delete.
 */
struct cJSON	*backup_row_json(const struct dbx_table *t,
		    const struct dbx_value *v, const char *table);

/*
 * Reads the object obj as a row of table t into v (t->ncols values;
 * strings borrowed from obj).  Every column's key must be there, with a
 * value of its type; a key named skip (may be NULL) is ignored, any other
 * is an error.  Returns 0, or -1 with *err (allocated) saying what is
 * wrong.
 */
int		 backup_row_parse(const struct dbx_table *t,
		    const struct cJSON *obj, const char *skip,
		    struct dbx_value *v, char **err);

/*
 * Where the len bytes of JSON text at p hold the escape \u0000 in a
 * string, or NULL: cJSON ends its copy of the string there, so the
 * check must be made on the text.
 */
const char	*backup_json_nul(const char *p, size_t len);

/*
 * The end of the JSON value that starts at p (after any white space),
 * not reading past end: found by counting brackets outside strings, not
 * by building the value, so a reader can locate a table's array in a
 * large document and then parse its rows one at a time (the parse
 * checks them).  Of a valid value it finds the end cJSON finds.  NULL
 * at a value that is cut short or starts wrongly, with *bad there.
 */
const char	*backup_json_skip(const char *p, const char *end,
		    const char **bad);

/*
 * Checks the values v of a row of table t (read by backup_row_parse) as
 * the command line would check them: texts of at most text_max bytes of
 * UTF-8, amounts that money_parse() takes, and each account field as
 * account_field_set() takes it, an ID or currency spelt as tam stores
 * it.  Returns 0, or -1 with *err (allocated) naming the key.
 */
int		 backup_row_check(const struct dbx_table *t,
		    const struct dbx_value *v, size_t text_max, char **err);

#endif
