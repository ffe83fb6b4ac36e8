/* cmd-restore.c: tam restore FILE, a `tam export` back into a new database. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/backup.h"
#include "tam/cmd.h"
#include "tam/db-export.h"
#include "tam/out.h"
#include "tam/settings.h"

struct restore {
	struct tam_ctx	*ctx;
	const char	*name;		/* the file as given, "stdin" for - */
	const char	*buf;		/* the whole input */
	const char	*mark;		/* line_of() counted up to here */
	int		 mark_line;
	long long	*counts;	/* rows per table, in dbx_tables order */
	long long	 rows;
};

/* Reads the whole file (or stdin for "-"); NULL with *err. */
static char *
slurp(const char *path, size_t *len, char **err)
{
	FILE	*fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char	*buf = NULL;
	size_t	 cap = 0, n;

	*len = 0;
	if (fp == NULL) {
		*err = xasprintf("cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (cap - *len < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	if (ferror(fp)) {
		*err = xasprintf("cannot read '%s': %s", path, strerror(errno));
		free(buf);
		buf = NULL;
	} else
		buf[*len] = '\0';
	if (fp != stdin)
		fclose(fp);
	return buf;
}

/*
 * The line of position p in the input, for messages.  Positions come in
 * increasing order as the lines are read, so count on from the last one
 * (a restore of a large jsonl file stays linear).
 */
static int
line_of(struct restore *r, const char *p)
{
	if (r->mark == NULL || p < r->mark) {
		r->mark = r->buf;
		r->mark_line = 1;
	}
	for (; r->mark < p && *r->mark != '\0'; r->mark++)
		if (*r->mark == '\n')
			r->mark_line++;
	return r->mark_line;
}

static int
fail(struct restore *r, const char *where, char *msg)
{
	int	rc;

	rc = cmd_fail(r->ctx, TAM_FAIL, "restore: '%s': %s%s%s; nothing was "
	    "restored", r->name, where ? where : "", where ? ": " : "", msg);
	free(msg);
	return rc;
}

/* A setting must be one this tam knows, with a value it accepts. */
static char *
check_setting(const struct dbx_value *v)
{
	const struct setting_def	*d = setting_find(v[0].s);
	char				*canon, *err = NULL;

	if (d == NULL)
		return xasprintf("unknown setting '%s'", v[0].s);
	if ((canon = setting_canonical(d, v[1].s, &err)) == NULL)
		return err;
	free(canon);
	return NULL;
}

/* Checks and inserts one row object of table t. */
static int
restore_row(struct restore *r, const struct dbx_table *t, const cJSON *obj,
    const char *skip, const char *where)
{
	struct dbx_value	*v = xcalloc((size_t)t->ncols, sizeof *v);
	char			*err = NULL;
	int			 rc = TAM_OK;

	if (backup_row_parse(t, obj, skip, v, &err) != 0 ||
	    (t == backup_table("settings") && (err = check_setting(v)) != NULL)
	    || db_restore_row(r->ctx->db, t, v, &err) != 0)
		rc = fail(r, where, err);
	else {
		r->counts[t - dbx_tables]++;
		r->rows++;
	}
	free(v);
	return rc;
}

/* The header: the right format and version; 0, or an error message. */
static char *
check_header(const cJSON *h)
{
	const cJSON	*f, *v;

	if (!cJSON_IsObject(h) || !cJSON_IsString(f =
	    cJSON_GetObjectItemCaseSensitive(h, "format")) ||
	    strcmp(f->valuestring, BACKUP_FORMAT) != 0)
		return xasprintf("not a tam export (it has no \"format\": "
		    "\"%s\")", BACKUP_FORMAT);
	v = cJSON_GetObjectItemCaseSensitive(h, "version");
	if (!cJSON_IsNumber(v))
		return xstrdup("the export has no format version");
	if (v->valuedouble != BACKUP_VERSION)
		return xasprintf("export format version %g is not supported; "
		    "this tam reads version %d", v->valuedouble,
		    BACKUP_VERSION);
	return NULL;
}

/* One JSON document: the header with an array per table. */
static int
restore_document(struct restore *r, const cJSON *doc)
{
	const struct dbx_table	*t;
	const cJSON		*item, *row;
	char			 where[64];
	int			 i, rc;

	cJSON_ArrayForEach(item, doc) {
		if (strcmp(item->string, "format") == 0 ||
		    strcmp(item->string, "version") == 0)
			continue;
		if (backup_table(item->string) == NULL)
			return fail(r, NULL, xasprintf("unknown table key "
			    "'%s'", item->string));
		if (!cJSON_IsArray(item))
			return fail(r, NULL, xasprintf("'%s' is not an array",
			    item->string));
	}
	/* Tables go in in dependency order, whatever order the file has. */
	for (t = dbx_tables; t->key != NULL; t++) {
		item = cJSON_GetObjectItemCaseSensitive(doc, t->key);
		i = 0;
		cJSON_ArrayForEach(row, item) {
			snprintf(where, sizeof where, "%s[%d]", t->key, i++);
			if ((rc = restore_row(r, t, row, NULL, where)) != TAM_OK)
				return rc;
		}
	}
	return TAM_OK;
}

/* The end line of a jsonl export: the row count must match. */
static int
restore_end(struct restore *r, const cJSON *obj, const char *where,
    const char *rest)
{
	const cJSON	*n = cJSON_GetObjectItemCaseSensitive(obj, "rows");

	if (!cJSON_IsNumber(n) || n->valuedouble != (double)r->rows)
		return fail(r, where, xasprintf("the end line counts %g rows "
		    "but %lld came before it: rows are missing",
		    cJSON_IsNumber(n) ? n->valuedouble : -1.0, r->rows));
	rest += strspn(rest, " \t\r\n");
	if (*rest != '\0')
		return fail(r, NULL, xasprintf("text after the end line, at "
		    "line %d", line_of(r, rest)));
	return TAM_OK;
}

/* Checks and restores one line of a jsonl export (not the header). */
static int
restore_line(struct restore *r, const char *p, size_t len, const char *where,
    int *ended)
{
	const struct dbx_table	*t;
	const cJSON		*tab;
	cJSON			*obj;
	const char		*end;
	int			 rc;

	/* With the length given, cJSON reads this line and no further. */
	if ((obj = cJSON_ParseWithLengthOpts(p, len, &end, 0)) == NULL)
		return fail(r, where, xstrdup("malformed JSON"));
	if (strspn(end, " \t\r") < len - (size_t)(end - p)) {
		cJSON_Delete(obj);
		return fail(r, where, xstrdup("more than one value on the "
		    "line"));
	}
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(obj, "end"))) {
		rc = restore_end(r, obj, where, p + len);
		*ended = 1;
	} else if (!cJSON_IsString(tab = cJSON_GetObjectItemCaseSensitive(obj,
	    "table")))
		rc = fail(r, where, xstrdup("a row without a \"table\" key"));
	else if ((t = backup_table(tab->valuestring)) == NULL)
		rc = fail(r, where, xasprintf("unknown table key '%s'",
		    tab->valuestring));
	else
		rc = restore_row(r, t, obj, "table", where);
	cJSON_Delete(obj);
	return rc;
}

/* JSON lines: after the header, one row per line, then the end line. */
static int
restore_lines(struct restore *r, const char *p)
{
	const char	*nl;
	char		 where[32];
	size_t		 len;
	int		 line = line_of(r, p), rc, ended = 0;

	for (; *p != '\0'; line++) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (strspn(p, " \t\r") < len) {
			snprintf(where, sizeof where, "line %d", line);
			rc = restore_line(r, p, len, where, &ended);
			if (rc != TAM_OK || ended)
				return rc;
		}
		p += len + (nl != NULL);
	}
	return fail(r, NULL, xstrdup("the end line is missing: the export "
	    "is truncated"));
}

static int
restore_input(struct restore *r, size_t len)
{
	cJSON		*head;
	const char	*end, *rest;
	char		*msg;
	int		 rc;

	if (len == 0)
		return fail(r, NULL, xstrdup("the file is empty"));
	if (strlen(r->buf) != len || !utf8_valid(r->buf, len))
		return fail(r, NULL, xstrdup("not a tam export (not UTF-8 "
		    "text)"));
	if (r->buf[strspn(r->buf, " \t\r\n")] == '\0')
		return fail(r, NULL, xstrdup("the file is empty"));
	if ((head = cJSON_ParseWithOpts(r->buf, &end, 0)) == NULL) {
		end = cJSON_GetErrorPtr();
		return fail(r, NULL, xasprintf("malformed or truncated JSON "
		    "at line %d", line_of(r, end ? end : r->buf + len)));
	}
	if ((msg = check_header(head)) != NULL) {
		cJSON_Delete(head);
		return fail(r, NULL, msg);
	}
	rest = end + strspn(end, " \t\r\n");
	if (*rest == '\0')
		rc = restore_document(r, head);
	else if (cJSON_GetArraySize(head) != 2)
		rc = fail(r, NULL, xstrdup("text after the JSON document"));
	else
		rc = restore_lines(r, rest);
	cJSON_Delete(head);
	return rc;
}

static void
report_counts(const struct restore *r)
{
	const struct dbx_table	*t;
	char			*line = NULL, *old;

	for (t = dbx_tables; t->key != NULL; t++) {
		if (r->counts[t - dbx_tables] == 0)
			continue;
		old = line;
		line = xasprintf("%s%s%lld %s", old ? old : "", old ? ", " : "",
		    r->counts[t - dbx_tables], t->key);
		free(old);
	}
	tam_info(r->ctx, "restored %lld row%s from '%s'%s%s", r->rows,
	    r->rows == 1 ? "" : "s", r->name, line ? ": " : "",
	    line ? line : "");
	free(line);
}

static const struct option no_longopts[] = {
	{ NULL, 0, NULL, 0 }
};

static int
restore_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct restore	 r;
	char		*buf, *err = NULL;
	size_t		 len;
	int		 ch, empty, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", no_longopts, NULL)) != -1)
		return cmd_bad_option(ctx, argv, ch);
	if (argc - optind != 1)
		return cmd_misuse(ctx, argc == optind ? "restore: which file? "
		    "(- for standard input)" : "restore: one FILE only");
	if (db_is_empty(ctx->db, &empty, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (!empty)
		return cmd_fail(ctx, TAM_FAIL, "restore: database '%s' is not "
		    "empty; restore into a new one with --db NEW.db",
		    ctx->db_path);
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	for (len = 0; dbx_tables[len].key != NULL; len++)
		;
	r.counts = xcalloc(len, sizeof *r.counts);
	r.name = strcmp(argv[optind], "-") == 0 ? "stdin" : argv[optind];
	if ((buf = slurp(argv[optind], &len, &err)) == NULL) {
		rc = cmd_fail(ctx, TAM_FAIL, "restore: %s", err);
		free(err);
		free(r.counts);
		return rc;
	}
	r.buf = buf;
	if ((rc = restore_input(&r, len)) == TAM_OK)
		report_counts(&r);
	free(r.counts);
	free(buf);
	return rc;
}

const struct cmd_entry cmd_restore_entry = {
	"restore", "restore FILE|-",
	"load a tam export into an empty database", ":", NULL,
	CMD_DB | CMD_WRITE, restore_exec, NULL
};
