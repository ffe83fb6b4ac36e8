/*
 * cmd-restore.c: tam restore FILE, a `tam export` back into a new database.
 * A jsonl export streams one line at a time, so its size does not matter;
 * a json export is read whole (it is one document) but never turned into
 * one tree: its rows are parsed one by one out of the text.
 */
#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "tam/backup.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db-export.h"
#include "tam/out.h"
#include "tam/settings.h"

/*
 * No line of a jsonl export is longer: a row holds at most a few dozen
 * texts of CMD_TEXT_MAX bytes, and escaping grows a byte to at most six.
 * A longer line is not a tam export, and reading it whole would let any
 * input take all memory.
 */
#define RESTORE_LINE_MAX	(8 * 1024 * 1024)

struct restore {
	struct tam_ctx	*ctx;
	const char	*name;		/* the file as given, "stdin" for - */
	FILE		*fp;
	char		*buf;		/* jsonl: the line; json: the input */
	size_t		 len, cap;
	int		 line;		/* jsonl: the number of the line */
	const char	*mark;		/* json: line_of() counted up to here */
	int		 mark_line;
	long long	*counts;	/* rows per table, in dbx_tables order */
	long long	 rows;
	int		 version;	/* of the export, from its header */
};

enum line_status {
	LINE_OK,	/* a line (or the last, without its newline) */
	LINE_EOF,	/* nothing more */
	LINE_LONG,	/* longer than the limit: the start of it is in buf */
	LINE_NUL,	/* a NUL byte: not text */
	LINE_ERROR	/* a read error (errno) */
};

/*
 * cJSON's allocations go through here during a restore, so that a parse
 * that failed for want of memory is not called malformed JSON.
 */
static int	cjson_oom;

static void *
cjson_malloc(size_t n)
{
	void	*p = malloc(n);

	if (p == NULL)
		cjson_oom = 1;
	return p;
}

/*
 * Makes room for n more bytes and a NUL in r->buf: at least doubling, so
 * that a line read byte by byte costs no copy per byte.  -1 out of memory.
 */
static int
reserve(struct restore *r, size_t n)
{
	size_t	 cap;
	char	*p;

	if (n >= SIZE_MAX / 2 - r->len)
		return -1;
	if (r->len + n < r->cap)
		return 0;
	cap = r->cap < SIZE_MAX / 4 ? r->cap * 2 : r->cap;
	if (cap < r->len + n + 1)
		cap = r->len + n + 1;
	if ((p = realloc(r->buf, cap)) == NULL)
		return -1;
	r->buf = p;
	r->cap = cap;
	return 0;
}

/*
 * Appends the next line of the input (its newline included) to r->buf,
 * reading no more than max bytes of it.
 */
static enum line_status
append_line(struct restore *r, size_t max)
{
	size_t	n = 0;
	int	c;

	if (reserve(r, 0) != 0) {
		errno = ENOMEM;
		return LINE_ERROR;
	}
	for (;;) {
		if (n == max)
			return LINE_LONG;
		if ((c = getc_unlocked(r->fp)) == EOF)
			break;
		if (c == '\0')
			return LINE_NUL;
		if (reserve(r, 1) != 0) {
			errno = ENOMEM;
			return LINE_ERROR;
		}
		r->buf[r->len++] = (char)c;
		n++;
		if (c == '\n')
			break;
	}
	r->buf[r->len] = '\0';
	if (ferror(r->fp))
		return LINE_ERROR;
	return n == 0 ? LINE_EOF : LINE_OK;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	return p;
}

static int
blank(const char *p, size_t len)
{
	return skip_ws(p, p + len) == p + len;
}

/*
 * The line of position p in the json input, for messages.  Positions
 * mostly come in increasing order, so count on from the last one.
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

static int
fail_oom(struct restore *r, const char *where)
{
	return fail(r, where, xstrdup("out of memory"));
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

static int	member(const char *, const char *, char **, const char **,
		    const char **, const char **);

/* Names the member of the row object at text whose value holds nul. */
static char *
nul_message(const char *text, size_t len, const char *nul)
{
	const char	*end = text + len, *p, *v, *vend, *bad;
	char		*key, *msg;

	p = skip_ws(text, end);
	if (p < end && *p == '{')
		for (p = skip_ws(p + 1, end); member(p, end, &key, &v, &vend,
		    &bad) == 0; p = skip_ws(p + 1, end)) {
			if (nul >= v && nul < vend) {
				msg = xasprintf("'%s' holds a NUL character "
				    "(\\u0000), which tam does not store", key);
				free(key);
				return msg;
			}
			free(key);
			p = skip_ws(vend, end);
			if (p == end || *p != ',')
				break;
		}
	return xstrdup("a key holds a NUL character (\\u0000), which tam "
	    "does not store");
}

/*
 * Checks and inserts one row object of table t; text is the JSON it was
 * parsed from (len bytes), for what cJSON does not say.
 */
static int
restore_row(struct restore *r, const struct dbx_table *t, const cJSON *obj,
    const char *text, size_t len, const char *skip, const char *where)
{
	struct dbx_value	*v = xcalloc((size_t)t->ncols, sizeof *v);
	const char		*nul;
	char			*err = NULL;
	int			 rc = TAM_OK;

	/* cJSON would cut the text at the NUL without a word. */
	if ((nul = backup_json_nul(text, len)) != NULL)
		err = nul_message(text, len, nul);
	/* One identifier per database (it replaces the new one's). */
	if (t == backup_table("database_uid") && r->counts[t - dbx_tables] > 0)
		err = xstrdup("'database_uid' holds more than one row");
	if (err != NULL || backup_row_parse(t, obj, skip, v, &err) != 0 ||
	    backup_row_check(t, v, CMD_TEXT_MAX, &err) != 0 ||
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

/*
 * The table of key in an export of r->version, or NULL with *msg: an
 * older export has none of the tables added since.
 */
static const struct dbx_table *
known_table(const struct restore *r, const char *key, char **msg)
{
	const struct dbx_table	*t = backup_table(key);

	if (t == NULL)
		*msg = xasprintf("unknown table key '%s'", key);
	else if (t->since > r->version) {
		*msg = xasprintf("table key '%s' is not in export format "
		    "version %d (it came with version %d)", key, r->version,
		    t->since);
		t = NULL;
	}
	return t;
}

/*
 * The header: the right format and a version this tam reads (into
 * r->version); NULL, or an error message.
 */
static char *
check_header(struct restore *r, const cJSON *h)
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
	if (v->valuedouble != (int)v->valuedouble ||
	    v->valuedouble < BACKUP_VERSION_MIN ||
	    v->valuedouble > BACKUP_VERSION)
		return xasprintf("export format version %g is not supported; "
		    "this tam reads versions %d to %d", v->valuedouble,
		    BACKUP_VERSION_MIN, BACKUP_VERSION);
	r->version = (int)v->valuedouble;
	return NULL;
}

/* --- json: one document ------------------------------------------------ */

static int
malformed(struct restore *r, const char *at)
{
	if (cjson_oom)
		return fail_oom(r, NULL);
	return fail(r, NULL, xasprintf("malformed or truncated JSON at line "
	    "%d", line_of(r, at)));
}

/* The rows of the array of table t, from its '[' to just after its ']'. */
static int
restore_array(struct restore *r, const struct dbx_table *t, const char *p,
    const char *stop)
{
	cJSON		*row;
	const char	*end;
	char		 where[64];
	int		 i, rc;

	p = skip_ws(p + 1, stop);
	if (p < stop && *p == ']')
		p++;
	else for (i = 0;; i++) {
		if ((row = cJSON_ParseWithLengthOpts(p, (size_t)(stop - p),
		    &end, 0)) == NULL)
			return malformed(r, cJSON_GetErrorPtr());
		snprintf(where, sizeof where, "%s[%d]", t->key, i);
		rc = restore_row(r, t, row, p, (size_t)(end - p), NULL, where);
		cJSON_Delete(row);
		if (rc != TAM_OK)
			return rc;
		p = skip_ws(end, stop);
		if (p < stop && *p == ',')
			p++;
		else if (p < stop && *p == ']') {
			p++;
			break;
		} else
			return malformed(r, p);
	}
	return p == stop ? TAM_OK : malformed(r, p);
}

/*
 * A member "key": value of the top object; sets *key (allocated) and the
 * value's span [*v, *vend); -1 with *bad when it is malformed.
 */
static int
member(const char *p, const char *end, char **key, const char **v,
    const char **vend, const char **bad)
{
	cJSON		*k;
	const char	*q;

	*bad = p;
	if (p == end || *p != '"')
		return -1;
	if ((q = backup_json_skip(p, end, bad)) == NULL)
		return -1;
	if ((k = cJSON_ParseWithLengthOpts(p, (size_t)(q - p), NULL,
	    0)) == NULL || !cJSON_IsString(k)) {
		cJSON_Delete(k);
		return -1;
	}
	*key = xstrdup(k->valuestring);
	cJSON_Delete(k);
	p = skip_ws(q, end);
	*bad = p;
	if (p == end || *p != ':')
		goto bad;
	*v = skip_ws(p + 1, end);
	if ((*vend = backup_json_skip(*v, end, bad)) == NULL)
		goto bad;
	return 0;
bad:
	free(*key);
	*key = NULL;
	return -1;
}

/*
 * Walks the top object: the header's members into head, the span of
 * each table's array into starts/stops, the first other problem into
 * *problem.  Returns the end of the object, or NULL (reported).
 */
static const char *
walk_document(struct restore *r, cJSON *head, const char **starts,
    const char **stops, char **problem, int *rc)
{
	const struct dbx_table	*t;
	const char		*p = r->buf, *end = r->buf + r->len, *v;
	const char		*vend, *bad;
	cJSON			*item;
	char			*key;

	p = skip_ws(p, end);
	p = skip_ws(p + 1, end);
	if (p < end && *p == '}')
		return p + 1;
	for (;;) {
		if (member(p, end, &key, &v, &vend, &bad) != 0) {
			*rc = malformed(r, bad);
			return NULL;
		}
		if (strcmp(key, "format") == 0 || strcmp(key, "version") == 0) {
			if ((item = cJSON_ParseWithLengthOpts(v,
			    (size_t)(vend - v), NULL, 0)) == NULL) {
				free(key);
				*rc = malformed(r, cJSON_GetErrorPtr());
				return NULL;
			}
			cJSON_AddItemToObject(head, key, item);
		} else if (*problem != NULL)
			;	/* the first problem is the one reported */
		else if ((t = backup_table(key)) == NULL)
			*problem = xasprintf("unknown table key '%s'", key);
		else if (*v != '[')
			*problem = xasprintf("'%s' is not an array", key);
		else if (starts[t - dbx_tables] != NULL)
			*problem = xasprintf("'%s' appears twice", key);
		else {
			starts[t - dbx_tables] = v;
			stops[t - dbx_tables] = vend;
		}
		free(key);
		p = skip_ws(vend, end);
		if (p < end && *p == ',')
			p = skip_ws(p + 1, end);
		else if (p < end && *p == '}')
			return p + 1;
		else {
			*rc = malformed(r, p);
			return NULL;
		}
	}
}

/* One JSON document: the header with an array per table. */
static int
restore_document(struct restore *r)
{
	const struct dbx_table	*t;
	const char		**starts, **stops, *end = r->buf + r->len;
	const char		*p;
	cJSON			*head;
	char			*msg, *problem = NULL;
	size_t			 n;
	int			 rc = TAM_OK;

	p = skip_ws(r->buf, end);
	if (p == end)
		return fail(r, NULL, xstrdup("the file is empty"));
	if (*p != '{')
		return fail(r, NULL, check_header(r, NULL));
	for (n = 0; dbx_tables[n].key != NULL; n++)
		;
	starts = xcalloc(n, sizeof *starts);
	stops = xcalloc(n, sizeof *stops);
	head = cJSON_CreateObject();
	if ((p = walk_document(r, head, starts, stops, &problem,
	    &rc)) == NULL)
		goto out;
	if ((msg = check_header(r, head)) != NULL) {
		rc = fail(r, NULL, msg);
		goto out;
	}
	if (skip_ws(p, end) != end) {
		rc = fail(r, NULL, xstrdup("text after the JSON document"));
		goto out;
	}
	/* The header may come last: its version is known only now. */
	for (t = dbx_tables; t->key != NULL && problem == NULL; t++)
		if (starts[t - dbx_tables] != NULL)
			known_table(r, t->key, &problem);
	if (problem != NULL) {
		rc = fail(r, NULL, problem);
		problem = NULL;
		goto out;
	}
	/* Tables go in in dependency order, whatever order the file has. */
	for (t = dbx_tables; t->key != NULL && rc == TAM_OK; t++)
		if (starts[t - dbx_tables] != NULL)
			rc = restore_array(r, t, starts[t - dbx_tables],
			    stops[t - dbx_tables]);
out:
	free(problem);
	cJSON_Delete(head);
	free(starts);
	free(stops);
	return rc;
}

/* Half of the memory: a json restore needs about the file's size. */
static size_t
json_limit(void)
{
	long	pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);

	if (pages <= 0 || size <= 0 || (uintmax_t)pages > SIZE_MAX /
	    (uintmax_t)size)
		return SIZE_MAX / 4;
	return (size_t)pages * (size_t)size / 2;
}

static int
too_large(struct restore *r, const char *over, uintmax_t size, size_t limit)
{
	return fail(r, NULL, xasprintf("too large to restore from json on "
	    "this machine (%s%ju MB, which json reads whole, and %zu MB of "
	    "memory); export with --format jsonl and restore that, which "
	    "streams", over, size >> 20, (limit * 2) >> 20));
}

/* Reads the rest of a json export after the lines already in r->buf. */
static int
read_json(struct restore *r)
{
	struct stat	 st;
	size_t		 limit = json_limit(), n, want = 65536;

	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > limit)
			return too_large(r, "", (uintmax_t)st.st_size,
			    limit);
		/* The whole file at once, and a byte more to meet its end. */
		if ((uintmax_t)st.st_size >= r->len)
			want = (size_t)st.st_size - r->len + 1;
	}
	for (;;) {
		if (reserve(r, want) != 0)
			return fail(r, NULL, xasprintf("out of memory reading "
			    "%zu MB of json; export with --format jsonl and "
			    "restore that, which streams",
			    (r->len + want) >> 20));
		n = fread(r->buf + r->len, 1, r->cap - r->len - 1, r->fp);
		if (memchr(r->buf + r->len, '\0', n) != NULL)
			return fail(r, NULL, xstrdup("not a tam export (not "
			    "UTF-8 text)"));
		r->len += n;
		r->buf[r->len] = '\0';
		if (r->len > limit)
			return too_large(r, "over ", r->len, limit);
		if (n == 0 || feof(r->fp) || ferror(r->fp))
			break;
		want = r->len;
	}
	if (ferror(r->fp))
		return fail(r, NULL, xasprintf("cannot read: %s",
		    strerror(errno)));
	if (!utf8_valid(r->buf, r->len))
		return fail(r, NULL, xstrdup("not a tam export (not UTF-8 "
		    "text)"));
	return restore_document(r);
}

/* --- jsonl: one row a line --------------------------------------------- */

/* The end line of a jsonl export: the row count must match. */
static int
restore_end(struct restore *r, const cJSON *obj, const char *where)
{
	const cJSON	*n = cJSON_GetObjectItemCaseSensitive(obj, "rows");

	if (!cJSON_IsNumber(n) || n->valuedouble != (double)r->rows)
		return fail(r, where, xasprintf("the end line counts %g rows "
		    "but %lld came before it: rows are missing",
		    cJSON_IsNumber(n) ? n->valuedouble : -1.0, r->rows));
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
	char			*msg = NULL;
	int			 rc;

	/* With the length given, cJSON reads this line and no further. */
	if ((obj = cJSON_ParseWithLengthOpts(p, len, &end, 0)) == NULL) {
		if (cjson_oom)
			return fail_oom(r, where);
		return fail(r, where, xstrdup("malformed JSON"));
	}
	if (!blank(end, len - (size_t)(end - p))) {
		cJSON_Delete(obj);
		return fail(r, where, xstrdup("more than one value on the "
		    "line"));
	}
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(obj, "end"))) {
		rc = restore_end(r, obj, where);
		*ended = 1;
	} else if (!cJSON_IsString(tab = cJSON_GetObjectItemCaseSensitive(obj,
	    "table")))
		rc = fail(r, where, xstrdup("a row without a \"table\" key"));
	else if ((t = known_table(r, tab->valuestring, &msg)) == NULL)
		rc = fail(r, where, msg);
	else
		rc = restore_row(r, t, obj, p, len, "table", where);
	cJSON_Delete(obj);
	return rc;
}

/*
 * The next line into r->buf (alone); LINE_OK, or LINE_EOF, or a failure
 * already reported (*rc).
 */
static enum line_status
next_line(struct restore *r, int *rc)
{
	enum line_status	st;

	r->len = 0;
	st = append_line(r, RESTORE_LINE_MAX);
	if (st != LINE_EOF)
		r->line++;
	switch (st) {
	case LINE_OK:
		if (utf8_valid(r->buf, r->len))
			return LINE_OK;
		*rc = fail(r, NULL, xasprintf("line %d is not UTF-8 text",
		    r->line));
		break;
	case LINE_EOF:
		return LINE_EOF;
	case LINE_LONG:
		*rc = fail(r, NULL, xasprintf("line %d is longer than %d MB, "
		    "which no line of a tam export is", r->line,
		    RESTORE_LINE_MAX >> 20));
		break;
	case LINE_NUL:
		*rc = fail(r, NULL, xasprintf("line %d holds a NUL byte: it is "
		    "not text", r->line));
		break;
	case LINE_ERROR:
		if (errno == ENOMEM)
			*rc = fail_oom(r, NULL);
		else
			*rc = fail(r, NULL, xasprintf("cannot read line %d: %s",
			    r->line, strerror(errno)));
		break;
	}
	return st;
}

/* JSON lines: after the header, one row per line, then the end line. */
static int
restore_lines(struct restore *r)
{
	enum line_status	 st;
	char			 where[32];
	int			 rc = TAM_OK, ended = 0;

	while ((st = next_line(r, &rc)) == LINE_OK) {
		if (blank(r->buf, r->len))
			continue;
		if (ended)
			return fail(r, NULL, xasprintf("text after the end "
			    "line, at line %d", r->line));
		snprintf(where, sizeof where, "line %d", r->line);
		if ((rc = restore_line(r, r->buf, r->len, where,
		    &ended)) != TAM_OK)
			return rc;
	}
	if (st != LINE_EOF)
		return rc;
	if (!ended)
		return fail(r, NULL, xstrdup("the end line is missing: the "
		    "export is truncated"));
	return TAM_OK;
}

/*
 * The line at p is a jsonl header when it is one object of format and
 * version alone; returns it (the caller deletes it), or NULL.
 */
static cJSON *
header_line(const char *p, size_t len)
{
	cJSON		*h, *item;
	const char	*end;

	if ((h = cJSON_ParseWithLengthOpts(p, len, &end, 0)) == NULL)
		return NULL;
	if (!blank(end, len - (size_t)(end - p)) || !cJSON_IsObject(h))
		goto no;
	cJSON_ArrayForEach(item, h)
		if (strcmp(item->string, "format") != 0 &&
		    strcmp(item->string, "version") != 0)
			goto no;
	return h;
no:
	cJSON_Delete(h);
	return NULL;
}

static int
restore_input(struct restore *r)
{
	enum line_status	 st;
	cJSON			*head;
	size_t			 start = 0;
	char			*msg;
	int			 rc;

	/* The first line that is not blank tells jsonl from json. */
	do {
		start = r->len;
		st = append_line(r, RESTORE_LINE_MAX);
		if (st == LINE_NUL)
			return fail(r, NULL, xstrdup("not a tam export (not "
			    "UTF-8 text)"));
		if (st == LINE_ERROR && errno == ENOMEM)
			return fail_oom(r, NULL);
		if (st == LINE_ERROR)
			return fail(r, NULL, xasprintf("cannot read: %s",
			    strerror(errno)));
		if (st == LINE_OK)
			r->line++;
	} while (st == LINE_OK && blank(r->buf + start, r->len - start));
	if (st != LINE_OK || !utf8_valid(r->buf + start, r->len - start) ||
	    (head = header_line(r->buf + start, r->len - start)) == NULL)
		return read_json(r);
	msg = check_header(r, head);
	cJSON_Delete(head);
	if (msg != NULL)
		return fail(r, NULL, msg);
	rc = restore_lines(r);
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
	tam_info_done(r->ctx, "restored %lld row%s from '%s'%s%s", r->rows,
	    r->rows == 1 ? "" : "s", r->name, line ? ": " : "",
	    line ? line : "");
	free(line);
}

int
cmd_restore_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	static cJSON_Hooks	 hooks = { cjson_malloc, free };
	struct restore		 r;
	char			*err = NULL;
	size_t			 n;
	int			 empty, rc;

	if (db_is_empty(ctx->db, &empty, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (!empty)
		return cmd_fail(ctx, TAM_FAIL, "restore: database '%s' is not "
		    "empty; restore into a new one with --db NEW.db",
		    ctx->db_name);
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	r.name = strcmp(argv[0], "-") == 0 ? "stdin" : argv[0];
	r.fp = strcmp(argv[0], "-") == 0 ? stdin :
	    fopen(argv[0], "rb");
	if (r.fp == NULL)
		return cmd_fail(ctx, TAM_FAIL, "restore: cannot open '%s': %s",
		    argv[0], strerror(errno));
	for (n = 0; dbx_tables[n].key != NULL; n++)
		;
	r.counts = xcalloc(n, sizeof *r.counts);
	cjson_oom = 0;
	cJSON_InitHooks(&hooks);
	if ((rc = restore_input(&r)) == TAM_OK)
		report_counts(&r);
	cJSON_InitHooks(NULL);
	if (r.fp != stdin)
		fclose(r.fp);
	free(r.counts);
	free(r.buf);
	return rc;
}
