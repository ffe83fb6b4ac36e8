/*
 * backup.h: the rows of `tam export` as JSON objects and back (cJSON).
 * The file format: see doc/tam.1, EXPORT FORMAT.
 */
#ifndef TAM_BACKUP_H
#define TAM_BACKUP_H

#include "tam/db-export.h"

struct cJSON;

#define BACKUP_FORMAT	"tam-export"
#define BACKUP_VERSION	1

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

#endif
