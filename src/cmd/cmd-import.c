/*
 * cmd-import.c: tam import, loading a Salesforce CSV export (SPEC §5).
 * Rows stream from the reader straight into the command's transaction;
 * a rejected import simply fails and the dispatcher rolls it all back.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/csvin.h"
#include "tam/db.h"
#include "tam/date.h"
#include "tam/db-import.h"
#include "tam/money.h"
#include "tam/out.h"
#include "tam/text.h"

#define OPT_DRY_RUN	1000
#define OPT_SKIP	1001
#define OPT_REJECTS	1002
#define OPT_MAP		1003
#define OPT_DATEFMT	1004
#define OPT_DELIM	1005
#define OPT_KEY		1006
#define OPT_DECCOMMA	1007
#define OPT_CHANGES	1008

/* The progress line is drawn at most this often (nanoseconds). */
#define PROGRESS_NS	100000000LL
/* Rows between two looks at the clock. */
#define PROGRESS_ROWS	64

/* Page cache for the import: index pages of a big file stay in memory. */
#define IMPORT_CACHE_KIB	(16 * 1024)
/*
 * Past this many rows (and more rows than accounts at the start) the
 * import drops the account indexes it does not search and builds them
 * again at the end: one sort instead of a random insert per row, which
 * at a million rows no page cache of our size can hold.
 */
#define IMPORT_BULK_ROWS	10000
/*
 * Page cache while the parked indexes are built again: SQLite's sorter
 * buffers as much as the page cache holds before it spills to a temp
 * file, so the two together must stay under the 32 MB of SPEC §10.
 */
#define IMPORT_SORT_CACHE_KIB	(2 * 1024)
/*
 * A file at least this big (some 10,000 rows of an export) loaded into a
 * database without accounts goes on the rollback journal: see
 * db_import_bulk_journal.
 */
#define IMPORT_BULK_BYTES	(2 * 1024 * 1024)
/*
 * On a server the rows go in batches (db_import_stage_begin) of at most
 * this many rows, or this many bytes of cells: what a batch holds in
 * memory, whatever the size of the file.
 */
#define IMPORT_BATCH_ROWS	4096
#define IMPORT_BATCH_BYTES	(4 * 1024 * 1024)

const struct cmd_option cmd_import_options[] = {
	{ "dry-run", 0, no_argument, NULL,
	    "check, list what would change, write nothing", NULL,
	    OPT_DRY_RUN, 0 },
	{ "changes", 0, no_argument, NULL,
	    "list what changed, one row per field", NULL, OPT_CHANGES, 0 },
	{ "skip-invalid", 0, no_argument, NULL,
	    "import the valid rows, skip the others", NULL, OPT_SKIP, 0 },
	{ "rejects", 0, required_argument, "FILE",
	    "write the skipped rows there, as CSV", NULL, OPT_REJECTS, 0 },
	{ "map", 0, required_argument, "'HEADER=field'",
	    "read column HEADER as field (repeatable)", NULL, OPT_MAP, 0 },
	{ "date-format", 0, required_argument, "mdy|dmy|ymd",
	    "how ambiguous dates are written", NULL, OPT_DATEFMT, 0 },
	{ "delimiter", 0, required_argument, "C",
	    "the field separator", "detected from the header: , ; tab |",
	    OPT_DELIM, 0 },
	{ "decimal-comma", 0, no_argument, NULL,
	    "amounts written 1.234,50 (',' before the decimals)", NULL,
	    OPT_DECCOMMA, 0 },
	{ "key", 0, required_argument, "sfid|name",
	    "match existing accounts by Salesforce ID or by name",
	    "sfid when the file has one", OPT_KEY, 0 },
	CMD_OPTIONS_END
};

enum key_mode {
	KEY_AUTO,
	KEY_SFID,
	KEY_NAME
};

/*
 * A data row read on a server, waiting for the rest of its batch: where
 * it is, what it parsed to and, when rejected rows go to a file, its
 * cells.
 */
struct pending {
	int		 line;
	int		 ncells;
	int		 after_footer;	/* CSVIN_AFTER_FOOTER */
	int		 parsed;	/* its cells fit the header, parsed */
	struct account	 p;
	unsigned	 mask;
	char		**msgs;		/* what is wrong with its cells */
	int		 nmsgs;
	int		 nbad;
	int		 nstored;
	char		**cell;		/* NULL: not kept */
	size_t		*len;
};

/* Rows read on a server, and how many bytes of cells they had. */
struct batch {
	struct pending	*row;
	size_t		 n, cap;
	size_t		 bytes;
};

struct import_opts {
	int			 dry_run;
	int			 skip_invalid;
	const char		*rejects;
	const char		*file;		/* "-": standard input */
	struct csvin_map	*maps;
	int			 nmaps;
	unsigned		 datefmt;	/* and CSVIN_DECIMAL_COMMA */
	unsigned char		 delim;		/* 0: detect */
	int			 changes;	/* list them (also dry run) */
	enum key_mode		 key;
};

struct import {
	struct tam_ctx			*ctx;
	struct account_writer		 writer; /* author "import" */
	const struct import_opts	*o;
	const char			*name;	/* the input in messages */
	struct csvin_header		 h;
	int				 have_header;
	struct csvin_footer		 ft;
	enum key_mode			 key;
	FILE				*rejects;
	char				*rejects_tmp; /* renamed into place */
	struct csvin_idset		 seen;	/* accounts this file named */
	/*
	 * The IDs written, in a load into a database that had no
	 * accounts (word NULL otherwise): an ID not in it names no account.
	 */
	struct csvin_keyset		 written;
	int64_t				 unlinked; /* accounts without sfid */
	int64_t				 accounts; /* at the start */
	int				 bulk;	/* indexes were parked */
	struct db_parked		 parked;
	int				 batched; /* on a server */
	struct batch			 cur;	/* being read */
	struct batch			 prev;	/* its accounts being read */
	/*
	 * The row being placed: its hash (csvin_row_hash), and the account
	 * its ID found with the hash stored there (found_id 0: not looked
	 * up that way).
	 */
	uint64_t			 hash;
	int64_t				 found_id, found_hash;
	int64_t				 rows, inserted, updated;
	int64_t				 unchanged, rejected;
	char				*err;	/* why reading stopped */
	struct out			*changes; /* NULL: not listed */
	struct progress			*progress; /* NULL: not shown */
};

/*
 * The progress line on a terminal's stderr.  Percent and time left come
 * from the size of a regular file; a pipe shows rows and rate only.
 */
struct progress {
	struct csvin	*rd;
	uint64_t	 size;		/* 0: unknown */
	int64_t		 start, last;	/* monotonic ns; last draw */
	int		 drawn;		/* a line is on the screen */
};

/* --- options ---------------------------------------------------------- */

static int
parse_delimiter(struct tam_ctx *ctx, const char *s, unsigned char *out)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
		*out = '\t';
	else if (strlen(s) == 1 && (unsigned char)*s < 0x80 && *s != '"' &&
	    *s != '\r' && *s != '\n')
		*out = (unsigned char)*s;
	else
		return cmd_misuse(ctx, "--delimiter: '%s' is not one character "
		    "(like ';', '|' or tab)", s);
	return TAM_OK;
}

static int
parse_option(struct tam_ctx *ctx, struct import_opts *o, int ch,
    const char *arg)
{
	char	*err = NULL;

	switch (ch) {
	case OPT_MAP:
		if (csvin_map_parse(arg, &o->maps[o->nmaps], &err) != 0) {
			ctx->show_usage = 1;
			return cmd_fail_take(ctx, TAM_USAGE, err);
		}
		o->nmaps++;
		break;
	case OPT_DATEFMT:
		o->datefmt &= ~0xffu;
		if (strcmp(arg, "mdy") == 0)
			o->datefmt |= CSVIN_MDY;
		else if (strcmp(arg, "dmy") == 0)
			o->datefmt |= CSVIN_DMY;
		else if (strcmp(arg, "ymd") == 0)
			o->datefmt |= CSVIN_YMD;
		else
			return cmd_misuse(ctx, "--date-format: '%s' is not "
			    "mdy, dmy or ymd", arg);
		break;
	case OPT_DELIM:
		return parse_delimiter(ctx, arg, &o->delim);
	case OPT_KEY:
		if (strcmp(arg, "sfid") == 0)
			o->key = KEY_SFID;
		else if (strcmp(arg, "name") == 0)
			o->key = KEY_NAME;
		else
			return cmd_misuse(ctx, "--key: '%s' is not sfid or "
			    "name", arg);
		break;
	}
	return TAM_OK;
}

/* The rejects file must not be the file being read. */
static int
same_file(const char *a, const char *b)
{
	struct stat	sa, sb;

	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * The rejects file replaces FILE by a rename, so FILE must be a regular
 * file or not exist yet.  A symbolic link is refused, not followed: a
 * rename over it would replace the link and leave the file it points to
 * as it was, which is not what was asked, and following it by name would
 * write wherever the link leads (a link planted in a shared folder).
 */
static int
check_rejects_path(struct tam_ctx *ctx, const char *path)
{
	struct stat	st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? TAM_OK : cmd_misuse(ctx, "--rejects: "
		    "'%s': %s", path, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return cmd_misuse(ctx, "--rejects: '%s' is a symbolic link; "
		    "give the path of a regular file", path);
	if (!S_ISREG(st.st_mode))
		return cmd_misuse(ctx, "--rejects: '%s' is not a regular file; "
		    "give a new file name or a file to replace", path);
	return TAM_OK;
}

static int
parse_args(struct tam_ctx *ctx, int argc, char **argv, struct import_opts *o)
{
	int	ch, rc;

	o->maps = xcalloc((size_t)argc + 1, sizeof *o->maps);
	while ((ch = cmd_getopt(ctx, argc, argv)) > 0)
		if ((rc = parse_option(ctx, o, ch, optarg)) != TAM_OK)
			return rc;
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	o->dry_run = cmd_opt_given(OPT_DRY_RUN);
	o->changes = cmd_opt_given(OPT_CHANGES);
	o->skip_invalid = cmd_opt_given(OPT_SKIP);
	o->rejects = cmd_opt_arg(OPT_REJECTS);
	if (cmd_opt_given(OPT_DECCOMMA))
		o->datefmt |= CSVIN_DECIMAL_COMMA;
	argc -= optind;
	argv += optind;
	if (argc == 1)
		o->file = argv[0];
	else if (isatty(STDIN_FILENO))
		return cmd_misuse(ctx, "import: which FILE? give '-' to read "
		    "standard input");
	else
		o->file = "-";
	if (o->rejects != NULL && strcmp(o->file, "-") != 0 &&
	    same_file(o->rejects, o->file))
		return cmd_misuse(ctx, "--rejects: '%s' is the file being "
		    "imported; give another file", o->rejects);
	if (o->rejects != NULL && ctx->db_path != NULL &&
	    same_file(o->rejects, ctx->db_path))
		return cmd_misuse(ctx, "--rejects: '%s' is the database; give "
		    "another file", o->rejects);
	if (o->rejects != NULL)
		return check_rejects_path(ctx, o->rejects);
	return TAM_OK;
}

/* --- progress --------------------------------------------------------- */

static int64_t
monotonic_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * Progress is for a person watching a terminal: never with -q, never
 * when stderr is a file or a pipe (a log must not fill with redraws).
 */
static void
progress_start(struct import *im, FILE *fp)
{
	struct progress	*pg;
	struct stat	 st;

	if (im->ctx->quiet || !isatty(STDERR_FILENO))
		return;
	pg = xcalloc(1, sizeof *pg);
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
		pg->size = (uint64_t)st.st_size;
	pg->start = monotonic_ns();
	im->progress = pg;
}

/* Erases the line, so that a message or the summary starts clean. */
static void
progress_clear(struct import *im)
{
	struct progress	*pg = im->progress;

	if (pg == NULL || !pg->drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	pg->drawn = 0;
}

static void
progress_draw(struct import *im, int64_t now)
{
	struct progress	*pg = im->progress;
	/* Past the reader (a server's last batch): all of it was read. */
	uint64_t	 done = pg->rd != NULL ? csvin_offset(pg->rd) : pg->size;
	double		 secs = (double)(now - pg->start) / 1e9;
	double		 rate = secs > 0 ? (double)im->rows / secs : 0;
	double		 left;

	fprintf(stderr, "\r\033[Ktam: import: %" PRId64 " rows", im->rows);
	if (pg->size > 0 && done <= pg->size)
		fprintf(stderr, ", %d%%", (int)(done * 100 / pg->size));
	/* A rate over less than a tenth of a second says nothing. */
	if (secs >= 0.1)
		fprintf(stderr, ", %.0f rows/s", rate);
	if (pg->size > 0 && done > 0 && done < pg->size && secs >= 0.1) {
		left = secs * (double)(pg->size - done) / (double)done;
		fprintf(stderr, ", %d:%02d left", (int)left / 60,
		    (int)left % 60);
	}
	fflush(stderr);
	pg->drawn = 1;
	pg->last = now;
}

/* After a record: redraws when a tenth of a second has passed. */
static void
progress_tick(struct import *im)
{
	struct progress	*pg = im->progress;
	int64_t		 now;

	if (pg == NULL || (pg->drawn && im->rows % PROGRESS_ROWS != 0))
		return;
	now = monotonic_ns();
	if (!pg->drawn || now - pg->last >= PROGRESS_NS)
		progress_draw(im, now);
}

static void
progress_end(struct import *im)
{
	progress_clear(im);
	free(im->progress);
	im->progress = NULL;
}

/* --- the change list --------------------------------------------------- */

static const struct out_col change_cols[] = {
	{ "account",	"ACCOUNT",	OUT_STR, OUT_SHRINK },
	{ "sfid",	"SFID",		OUT_STR, OUT_DROP(1) },
	{ "field",	"FIELD",	OUT_STR, 0 },
	{ "old",	"OLD",		OUT_STR, OUT_SHRINK },
	{ "new",	"NEW",		OUT_STR, OUT_SHRINK },
};

/* Field f of a as the list shows it; NULL when not set.  buf: 64. */
static const char *
field_text(const struct account *a, enum account_field f, char *buf)
{
	char	**slot;

	switch (f) {
	case AF_ACV:
		if (!a->has_acv)
			return NULL;
		money_plain(a->acv_cents, buf);
		return buf;
	case AF_CURRENCY:
		return a->currency[0] != '\0' ? a->currency : NULL;
	case AF_RENEWAL_DATE:
		if (a->renewal_date == DATE_NONE)
			return NULL;
		date_format(a->renewal_date, buf);
		return buf;
	case AF_HEALTH_SCORE:
		if (a->health_score < 0)
			return NULL;
		snprintf(buf, 64, "%d", a->health_score);
		return buf;
	case AF_SENTIMENT:
		if (sentiment_name(a->sentiment) == NULL)
			return NULL;
		snprintf(buf, 64, "%s%s", sentiment_name(a->sentiment),
		    a->requires_triage ? " (requires triage)" : "");
		return buf;
	case AF_LICENSES:
	case AF_ACTIVE_USERS:
		if ((f == AF_LICENSES ? a->licenses : a->active_users) < 0)
			return NULL;
		snprintf(buf, 64, "%" PRId64, f == AF_LICENSES ? a->licenses :
		    a->active_users);
		return buf;
	case AF_UPSELL:
		return a->upsell ? "yes" : "no";
	case AF_ARCHIVED:
		return a->archived ? "yes" : "no";
	default:
		/* The slot is only read: account_text_slot takes no const. */
		slot = account_text_slot((struct account *)a, f);
		return slot != NULL ? *slot : NULL;
	}
}

static void
change_row(struct import *im, const struct account *a, const char *field,
    const char *old, const char *new)
{
	out_str(im->changes, a->name);
	out_str(im->changes, a->sfid);
	out_str(im->changes, field);
	out_str(im->changes, old);
	out_str(im->changes, new);
	out_row_end(im->changes);
}

/* A new account: one row, its fields are all new. */
static void
note_new(struct import *im, const struct account *a)
{
	if (im->changes != NULL)
		change_row(im, a, "new account", NULL, NULL);
}

/* One row per field that differs between old and a. */
static void
note_changes(struct import *im, const struct account *old,
    const struct account *a)
{
	const struct field_def	*def;
	unsigned		 m;
	char			 ob[64], nb[64];
	int			 f;

	if (im->changes == NULL || (m = account_diff(old, a)) == 0)
		return;
	for (f = 0; f < AF_COUNT; f++) {
		if (!(m & AF_BIT(f)) || (def = account_field_def(f)) == NULL)
			continue;
		change_row(im, a, def->key, field_text(old, f, ob),
		    field_text(a, f, nb));
	}
}

/* --- rows ------------------------------------------------------------- */

/* Stops the read with a fatal error (the whole import fails). */
static int
fatal(struct import *im, char *msg)
{
	free(im->err);
	im->err = msg;
	return 1;
}

/*
 * Writes a record to the rejects file, a cell that a spreadsheet would
 * run as a formula guarded as --format csv guards it (out.c), since the
 * file is opened in one to fix the rows.
 */
static int
write_rejected(struct import *im, const struct csvin_record *r,
    const char *extra)
{
	struct csvin_record	 g = *r;
	char			**cell;
	size_t			*len;
	int			 c, rc;

	cell = xcalloc((size_t)r->nstored + 1, sizeof *cell);
	len = xcalloc((size_t)r->nstored + 1, sizeof *len);
	for (c = 0; c < r->nstored; c++) {
		len[c] = r->len[c];
		if (!out_csv_cell_needs_guard(r->cell[c])) {
			cell[c] = r->cell[c];
			continue;
		}
		cell[c] = xmalloc(r->len[c] + 2);
		cell[c][0] = '\'';
		memcpy(cell[c] + 1, r->cell[c], r->len[c] + 1);
		len[c]++;
	}
	g.cell = cell;
	g.len = len;
	rc = csvin_write_record(im->rejects, &g, extra);
	for (c = 0; c < r->nstored; c++)
		if (cell[c] != r->cell[c])
			free(cell[c]);
	free(cell);
	free(len);
	return rc;
}

/* Reports a rejected row: one line per problem, and the rejects file. */
static int
reject(struct import *im, const struct csvin_record *r, char **msgs, int n)
{
	char	*joined = NULL, *t;
	int	 i;

	im->rejected++;
	progress_clear(im);
	for (i = 0; i < n; i++) {
		tam_warn("%s:%d: %s", im->name, r->line, msgs[i]);
		t = joined == NULL ? xasprintf("line %d: %s", r->line,
		    msgs[i]) : xasprintf("%s; %s", joined, msgs[i]);
		free(joined);
		joined = t;
	}
	if (im->rejects != NULL && write_rejected(im, r, joined) != 0) {
		free(joined);
		return fatal(im, xasprintf("cannot write '%s': %s",
		    im->o->rejects, strerror(errno)));
	}
	free(joined);
	return 0;
}

/* Rejects a row for one reason (takes msg). */
static int
reject1(struct import *im, const struct csvin_record *r, char *msg)
{
	int	rc = reject(im, r, &msg, 1);

	free(msg);
	return rc;
}

static char *
sfid_owner(struct import *im, const char *sfid, int64_t self, int *taken)
{
	struct account	 other;
	int64_t		 id;
	char		*err = NULL, *msg;
	int		 rc;

	*taken = 0;
	if ((rc = db_account_by_sfid(im->ctx->db, sfid, &id, &err)) < 0)
		return err;
	if (rc > 0 || id == self)
		return NULL;
	account_init(&other);
	if (db_account_get(im->ctx->db, id, &other, &err) < 0)
		return err;
	msg = xasprintf("Salesforce ID '%s' already belongs to account "
	    "%" PRId64 " (%s)", sfid, id, other.name);
	account_release(&other);
	*taken = 1;
	return msg;
}

/*
 * A large import parks the indexes no lookup of it needs: the name
 * index stays when rows are found by name or may adopt an account
 * without an ID.  Decided once, when the import turns out large.
 */
static int
maybe_go_bulk(struct import *im)
{
	unsigned	 which = DB_PARK_RENEWAL | DB_PARK_TAM;
	char		*err = NULL;

	if (im->bulk || im->rows <= IMPORT_BULK_ROWS ||
	    im->rows <= im->accounts)
		return 0;
	im->bulk = 1;
	if (im->key == KEY_SFID && im->unlinked == 0)
		which |= DB_PARK_NAME;
	if (db_import_park(im->ctx->db, &im->parked, which, &err) != 0)
		return fatal(im, err);
	return 0;
}

/* Before a lookup by name: the name index back, if it was parked. */
static int
need_name_index(struct import *im, char **why)
{
	return db_import_unpark(im->ctx->db, &im->parked, DB_PARK_NAME, why);
}

/*
 * Finds the account a row names: by Salesforce ID (adopting an account
 * of the same name that has none), else by name.  Returns 0 with *id
 * (0: new account), 1 with *why (the row is rejected), -1 with *why
 * (fatal).  Found by its ID, the account is read into *old as well
 * (old->id set): a row of a re-import costs one query.
 */
static int
find_account(struct import *im, const struct account *p, unsigned mask,
    int64_t *id, struct account *old, char **why)
{
	struct tam_db	*db = im->ctx->db;
	int64_t		 two[2], *ids = NULL;
	int		 rc, n = 0;

	*id = 0;
	if (im->key == KEY_SFID && (mask & AF_BIT(AF_SFID))) {
		/* Not written by this file: no account has the ID. */
		if (im->written.word != NULL &&
		    !csvin_keyset_maybe(&im->written, p->sfid))
			rc = 1;
		else if ((rc = db_import_by_sfid(db, p->sfid, old, why)) < 0)
			return rc;
		if (rc == 0) {
			*id = old->id;
			return 0;
		}
		/* Nothing to adopt: spare every new row a name lookup. */
		if (!(mask & AF_BIT(AF_NAME)) || im->unlinked == 0)
			return 0;
		if (need_name_index(im, why) != 0 ||
		    db_import_unlinked(db, p->name, two, &n, why) != 0)
			return -1;
		if (n == 1)
			*id = two[0];
		if (n < 2)
			return 0;
		*why = xasprintf("no account has Salesforce ID '%s', and '%s' "
		    "names 2 accounts without one; set the ID on one of them "
		    "with 'tam account set'", p->sfid, p->name);
		return 1;
	}
	if (!(mask & AF_BIT(AF_NAME))) {
		if (im->h.col[AF_NAME] >= 0)
			*why = xasprintf("column '%s' is empty: the row names "
			    "no account", im->h.name[im->h.col[AF_NAME]]);
		else
			*why = xstrdup("column Salesforce ID is empty and the "
			    "file has no name column: the row names no "
			    "account");
		return 1;
	}
	if (need_name_index(im, why) != 0 ||
	    db_account_by_name(db, p->name, 0, 2, &ids, &n, why) != 0)
		return -1;
	if (n == 1)
		*id = ids[0];
	free(ids);
	if (n < 2)
		return 0;
	*why = xasprintf("'%s' names 2 accounts; import with Salesforce IDs "
	    "(--key sfid) to tell them apart", p->name);
	return 1;
}

/* A new account from the row. */
static int
insert_row(struct import *im, const struct csvin_record *r,
    const struct account *p, unsigned mask, int64_t *id)
{
	struct account	 a;
	char		*err = NULL, now[21];
	int		 taken, rc;

	if (!(mask & AF_BIT(AF_NAME))) {
		if (im->h.col[AF_NAME] < 0)
			return reject1(im, r, xasprintf("no account has "
			    "Salesforce ID '%s', and the file has no name "
			    "column to create it", p->sfid));
		return reject1(im, r, xasprintf("column '%s' is empty: a new "
		    "account needs a name", im->h.name[im->h.col[AF_NAME]]));
	}
	if (im->key == KEY_NAME && (mask & AF_BIT(AF_SFID))) {
		if ((err = sfid_owner(im, p->sfid, 0, &taken)) != NULL)
			return taken ? reject1(im, r, err) : fatal(im, err);
	}
	account_init(&a);
	csvin_patch_apply(&a, p, mask);
	a.import_hash = (int64_t)im->hash;
	/*
	 * Into an empty database the account alone: its post and health
	 * row come with all the others' at the end (finish).
	 */
	if (im->written.word != NULL) {
		tam_now(im->ctx, now);
		rc = db_import_account_insert(im->ctx->db, &a, now, &err);
	} else
		rc = account_create(&im->writer, &a, &err);
	if (rc != 0) {
		account_release(&a);
		return fatal(im, err);
	}
	*id = a.id;
	note_new(im, &a);
	if (im->written.word != NULL && a.sfid != NULL)
		csvin_keyset_add(&im->written, a.sfid);
	if (a.sfid == NULL)
		im->unlinked++;
	account_release(&a);
	im->inserted++;
	return 0;
}

/* The row's changes to account id (old: as read, or old.id 0). */
static int
update_row(struct import *im, const struct csvin_record *r,
    const struct account *p, unsigned mask, int64_t id, struct account *old_in)
{
	struct account	 old, a;
	char		*err = NULL;
	int		 rc = 0, m, taken;

	/* Taken over: released here, as is one read now. */
	old = *old_in;
	account_init(old_in);
	account_init(&a);
	if (old.id != id &&
	    db_account_get(im->ctx->db, id, &old, &err) != 0) {
		rc = fatal(im, err ? err : xstrdup("an account vanished"));
		goto out;
	}
	account_copy(&a, &old);
	csvin_patch_apply(&a, p, mask);
	a.import_hash = (int64_t)im->hash;
	if (csvin_idset_has(&im->seen, id)) {
		/* Named before in this file: fine only if nothing differs. */
		if (account_diff(&old, &a) != 0)
			rc = reject1(im, r, xasprintf("%s '%s' appears earlier "
			    "in the file with different values", im->key ==
			    KEY_SFID && (mask & AF_BIT(AF_SFID)) ?
			    "Salesforce ID" : "name", im->key == KEY_SFID &&
			    (mask & AF_BIT(AF_SFID)) ? p->sfid : p->name));
		else
			im->unchanged++;
		goto out;
	}
	if ((mask & AF_BIT(AF_SFID)) && im->key == KEY_NAME &&
	    (err = sfid_owner(im, p->sfid, id, &taken)) != NULL) {
		rc = taken ? reject1(im, r, err) : fatal(im, err);
		goto out;
	}
	note_changes(im, &old, &a);
	if ((m = account_save(&im->writer, &old, &a, 0, &err)) < 0) {
		rc = fatal(im, err);
		goto out;
	}
	if (m == 0)
		im->unchanged++;
	else
		im->updated++;
	/* An account without an ID may have taken the row's. */
	if (im->written.word != NULL && a.sfid != NULL)
		csvin_keyset_add(&im->written, a.sfid);
	/*
	 * Found equal to the row field by field: the row's hash is the
	 * account's from now on (account_save stores it with a change).
	 */
	if (m == 0 && im->found_id == id && im->found_hash != a.import_hash &&
	    db_import_hash_set(im->ctx->db, id, a.import_hash, &err) != 0)
		rc = fatal(im, err);
out:
	account_release(&old);
	account_release(&a);
	return rc;
}

/*
 * On a server's team, a TAM imports their own accounts only: a row must
 * name them as its TAM (the TAM column, in any case), and one that does
 * not stops the import before anything is kept.  Row-level security
 * would refuse another TAM's row anyway, but only once written, and a
 * row found by its Salesforce ID may be another TAM's account the TAM
 * cannot see: this rule says so plainly instead.
 */
static int
tam_may_import(struct import *im, const struct csvin_record *r,
    const struct account *p, unsigned mask)
{
	const char	*mine = db_login_tam(im->ctx->db);
	char		*fold, *want;
	int		 ok;

	if (db_login_role(im->ctx->db) != DB_ROLE_TAM)
		return 0;
	fold = (mask & AF_BIT(AF_TAM)) && p->tam != NULL ?
	    text_fold(p->tam) : NULL;
	want = text_fold(mine != NULL ? mine : "");
	ok = fold != NULL && strcmp(fold, want) == 0;
	free(fold);
	free(want);
	if (ok)
		return 0;
	return fatal(im, xasprintf("line %d is not %s's (TAM: '%s'): a TAM "
	    "imports their own accounts only, the TAM column naming them; "
	    "the whole book is the nightly import's, run by the owner or an "
	    "admin", r->line, mine != NULL ? mine : "?",
	    (mask & AF_BIT(AF_TAM)) && p->tam != NULL ? p->tam : ""));
}

/* A row whose cells do not fit the header. */
static int
reject_cells(struct import *im, const struct csvin_record *r)
{
	return reject1(im, r, xasprintf("%d cell%s, but the header has %d "
	    "columns", r->ncells, r->ncells == 1 ? "" : "s", im->h.ncols));
}

static int
reject_after_footer(struct import *im, const struct csvin_record *r)
{
	return reject1(im, r, xasprintf("a data row after the report footer "
	    "that begins on line %d (a line of one cell ends the data)",
	    im->ft.line));
}

/* Upserts a row parsed without fault into p and mask. */
static int
place_row(struct import *im, const struct csvin_record *r,
    const struct account *p, unsigned mask)
{
	struct account	 old;
	char		*why = NULL;
	int64_t		 id = 0;
	int		 rc;

	if ((rc = tam_may_import(im, r, p, mask)) != 0)
		return rc;
	account_init(&old);
	rc = find_account(im, p, mask, &id, &old, &why);
	if (rc < 0)
		rc = fatal(im, why);
	else if (rc > 0)
		rc = reject1(im, r, why);
	else if (id == 0)
		rc = insert_row(im, r, p, mask, &id);
	else
		rc = update_row(im, r, p, mask, id, &old);
	if (rc == 0 && id != 0)
		csvin_idset_add(&im->seen, id);
	account_release(&old);
	return rc;
}

/*
 * Hashes the row and, when it names an account by its Salesforce ID,
 * finds that account and the hash stored with it.  The same hash says
 * the row is the one that last set the account, unchanged since (any
 * other write clears it): the row would change nothing and is counted
 * unchanged here (*done), without decoding its cells.  A second row of
 * the file for an account is always compared in full, as are rows for
 * a TAM's login on a server (tam_may_import reads them).
 */
static int
row_unchanged(struct import *im, const struct csvin_record *r, int *done)
{
	struct tam_db	*db = im->ctx->db;
	char		 sfid[19], *err = NULL;
	int64_t		 id, stored;
	int		 rc;

	*done = 0;
	im->hash = csvin_row_hash(&im->h, r, im->o->datefmt,
	    (unsigned)im->key);
	im->found_id = im->found_hash = 0;
	/* With no account at the start, no row has a hash to find. */
	if (im->key != KEY_SFID || im->accounts == 0 ||
	    db_login_role(db) == DB_ROLE_TAM ||
	    csvin_row_sfid(&im->h, r, sfid) != 0)
		return 0;
	if ((rc = db_import_hash_by_sfid(db, sfid, &id, &stored, &err)) < 0)
		return fatal(im, err);
	if (rc > 0)
		return 0;
	im->found_id = id;
	im->found_hash = stored;
	if (stored != (int64_t)im->hash || csvin_idset_has(&im->seen, id))
		return 0;
	csvin_idset_add(&im->seen, id);
	im->unchanged++;
	*done = 1;
	return 0;
}

/* Validates and upserts one data row. */
static int
import_row(struct import *im, const struct csvin_record *r)
{
	struct account	 p;
	unsigned	 mask = 0;
	char		**msgs = NULL;
	int		 n = 0, rc, done;

	im->rows++;
	if (maybe_go_bulk(im) != 0)
		return 1;
	if (r->ncells != im->h.ncols)
		return reject_cells(im, r);
	if ((rc = row_unchanged(im, r, &done)) != 0 || done)
		return rc;
	account_init(&p);
	if (csvin_row_parse(&im->h, r, im->o->datefmt, &p, &mask, &msgs,
	    &n) > 0)
		rc = reject(im, r, msgs, n);
	else
		rc = place_row(im, r, &p, mask);
	csvin_msgs_free(msgs, n);
	account_release(&p);
	return rc;
}

/* --- batches (a server) ------------------------------------------------ */

static void
pending_release(struct pending *pd)
{
	account_release(&pd->p);
	csvin_msgs_free(pd->msgs, pd->nmsgs);
	free(pd->cell);
	free(pd->len);
	memset(pd, 0, sizeof *pd);
}

static void
batch_clear(struct batch *b)
{
	size_t	i;

	for (i = 0; i < b->n; i++)
		pending_release(&b->row[i]);
	b->n = 0;
	b->bytes = 0;
}

static void
batch_free(struct batch *b)
{
	batch_clear(b);
	free(b->row);
	b->row = NULL;
	b->cap = 0;
}

/* The cells of r, in one allocation after their pointers. */
static void
pending_keep_cells(struct pending *pd, const struct csvin_record *r)
{
	size_t	total = 0, off;
	char	*data;
	int	 c;

	for (c = 0; c < r->nstored; c++)
		total += r->len[c] + 1;
	pd->nstored = r->nstored;
	pd->cell = xmalloc((size_t)r->nstored * sizeof *pd->cell + total + 1);
	pd->len = xcalloc((size_t)r->nstored + 1, sizeof *pd->len);
	data = (char *)(pd->cell + r->nstored);
	for (c = 0, off = 0; c < r->nstored; c++) {
		pd->cell[c] = data + off;
		memcpy(data + off, r->cell[c], r->len[c] + 1);
		pd->len[c] = r->len[c];
		off += r->len[c] + 1;
	}
}

/*
 * The name a row looks its account up by (find_account): always by the
 * key name; else without an ID, or to adopt an account without one.
 */
static const char *
pending_name(const struct import *im, const struct pending *pd)
{
	if (!(pd->mask & AF_BIT(AF_NAME)))
		return NULL;
	if (im->key == KEY_NAME || !(pd->mask & AF_BIT(AF_SFID)) ||
	    im->unlinked > 0)
		return pd->p.name;
	return NULL;
}

/* Runs one row of the batch as import_row runs a row on SQLite. */
static int
pending_run(struct import *im, const struct pending *pd)
{
	struct csvin_record	r;

	memset(&r, 0, sizeof r);
	r.line = pd->line;
	r.ncells = pd->ncells;
	r.nstored = pd->cell != NULL ? pd->nstored : 0;
	r.cell = pd->cell;
	r.len = pd->len;
	im->rows++;
	if (pd->after_footer)
		return reject_after_footer(im, &r);
	if (!pd->parsed)
		return reject_cells(im, &r);
	if (pd->nbad > 0)
		return reject(im, &r, pd->msgs, pd->nmsgs);
	return place_row(im, &r, &pd->p, pd->mask);
}

/*
 * A batch is read, or the input has ended: the accounts its rows name
 * are read (after the writes of the batch before) while the batch
 * before runs its rows, its own accounts read meanwhile; then the batch
 * waits for its turn while the next is parsed.
 */
static int
batch_turn(struct import *im)
{
	struct tam_db	*db = im->ctx->db;
	struct pending	*pd;
	struct batch	 t;
	char		*err = NULL;
	size_t		 i;
	int		 rc = 0;

	if (db_import_stage_next(db, &err) != 0)
		return fatal(im, err);
	for (i = 0; i < im->cur.n; i++) {
		pd = &im->cur.row[i];
		if (pd->parsed && pd->nbad == 0)
			db_import_stage_want(db, pd->mask & AF_BIT(AF_SFID) ?
			    pd->p.sfid : NULL, pending_name(im, pd));
	}
	if (db_import_stage_fetch(db, &err) != 0)
		return fatal(im, err);
	for (i = 0; rc == 0 && i < im->prev.n; i++) {
		rc = pending_run(im, &im->prev.row[i]);
		progress_tick(im);
	}
	batch_clear(&im->prev);
	if (rc == 0 && db_import_stage_flush(db, &err) != 0)
		rc = fatal(im, err);
	t = im->prev;
	im->prev = im->cur;
	im->cur = t;
	return rc;
}

/* The last batches, and what the stage still holds. */
static int
batch_end(struct import *im)
{
	char	*err = NULL;
	int	 rc;

	if ((rc = batch_turn(im)) != 0 || (rc = batch_turn(im)) != 0)
		return rc;
	if (db_import_stage_finish(im->ctx->db, &err) != 0)
		return fatal(im, err);
	return 0;
}

/* Parses a data row into the batch; a full batch turns. */
static int
batch_add(struct import *im, const struct csvin_record *r, int after_footer)
{
	struct pending	*pd;
	struct batch	*b = &im->cur;
	int		 c;

	b->row = xarray_room(b->row, b->n, &b->cap, sizeof *b->row);
	pd = &b->row[b->n++];
	account_init(&pd->p);
	pd->line = r->line;
	pd->ncells = r->ncells;
	pd->after_footer = after_footer;
	if (im->rejects != NULL)
		pending_keep_cells(pd, r);
	if (!after_footer && r->ncells == im->h.ncols) {
		pd->parsed = 1;
		pd->nbad = csvin_row_parse(&im->h, r, im->o->datefmt, &pd->p,
		    &pd->mask, &pd->msgs, &pd->nmsgs);
	}
	for (c = 0; c < r->nstored; c++)
		b->bytes += r->len[c];
	if (b->n >= IMPORT_BATCH_ROWS || b->bytes >= IMPORT_BATCH_BYTES)
		return batch_turn(im);
	return 0;
}

/* --- the header -------------------------------------------------------- */

/* "'A', 'B', 'C'" of the given columns (all of them when cols is NULL). */
static char *
column_list(const struct csvin_header *h, const int *cols, int n)
{
	char	*s = xstrdup(""), *t;
	int	 i;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s'%s'", s, i ? ", " : "",
		    h->name[cols ? cols[i] : i]);
		free(s);
		s = t;
	}
	return s;
}

/*
 * The rejects go to a new file beside FILE (so that a rename can put it
 * in place), mode 0600 as it holds customer data; FILE itself is not
 * touched until the import has read its input to the end.
 */
static int
open_rejects(struct import *im, const struct csvin_record *r)
{
	int	fd, e;

	im->rejects_tmp = xasprintf("%s.XXXXXX", im->o->rejects);
	if ((fd = mkstemp(im->rejects_tmp)) < 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || fchmod(fd, 0600) != 0 ||
	    (im->rejects = fdopen(fd, "w")) == NULL) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(im->rejects_tmp);
		}
		free(im->rejects_tmp);
		im->rejects_tmp = NULL;
		return fatal(im, xasprintf("cannot create '%s': %s",
		    im->o->rejects, strerror(e)));
	}
	if (write_rejected(im, r, "error") != 0)
		return fatal(im, xasprintf("cannot write '%s': %s",
		    im->o->rejects, strerror(errno)));
	return 0;
}

/* Which key the rows use: --key, else the ID when the file has one. */
static int
choose_key(struct import *im)
{
	int	has_sfid = im->h.col[AF_SFID] >= 0;
	int	has_name = im->h.col[AF_NAME] >= 0;

	if (!has_sfid && !has_name)
		return fatal(im, xasprintf("'%s' has no Account ID and no "
		    "Account Name column, so its rows name no account; map "
		    "one with --map 'HEADER=sfid' or --map 'HEADER=name'",
		    im->name));
	im->key = im->o->key;
	if (im->key == KEY_AUTO)
		im->key = has_sfid ? KEY_SFID : KEY_NAME;
	if (im->key == KEY_SFID && !has_sfid)
		return fatal(im, xasprintf("--key sfid: '%s' has no Salesforce "
		    "ID column; map one with --map 'HEADER=sfid'", im->name));
	if (im->key == KEY_NAME && !has_name)
		return fatal(im, xasprintf("--key name: '%s' has no name "
		    "column; map one with --map 'HEADER=name'", im->name));
	return 0;
}

static int
start(struct import *im, const struct csvin_record *r)
{
	const struct csvin_map	*m;
	char			*err = NULL, *list;
	int			 i;

	im->have_header = 1;
	if (csvin_header_init(&im->h, r, im->o->maps, im->o->nmaps,
	    &err) != 0) {
		fatal(im, xasprintf("%s:%d: %s", im->name, r->line, err));
		free(err);
		return 1;
	}
	if (choose_key(im) != 0)
		return 1;
	for (i = 0; i < im->h.nmap_unused; i++) {
		m = &im->o->maps[im->h.map_unused[i]];
		tam_warn("--map: '%s' has no column '%.*s'; mapping ignored",
		    im->name, (int)m->len, m->header);
	}
	if (im->h.nignored > 0 && !im->ctx->quiet) {
		list = column_list(&im->h, im->h.ignored, im->h.nignored);
		tam_info(im->ctx, "ignored columns: %s", list);
		free(list);
	}
	im->ft.ncols = im->h.ncols;
	if (im->o->rejects != NULL)
		return open_rejects(im, r);
	return 0;
}

/* A record the reader read. */
static int
take_record(struct import *im, const struct csvin_record *r)
{
	if (!im->have_header) {
		/* Blank lines before the header are no header. */
		if (r->ncells == 1 && r->len[0] == 0)
			return 0;
		return start(im, r);
	}
	switch (csvin_classify(&im->ft, r)) {
	case CSVIN_SKIP:
		return 0;
	case CSVIN_AFTER_FOOTER:
		if (im->batched)
			return batch_add(im, r, 1);
		im->rows++;
		return reject_after_footer(im, r);
	default:
		if (im->batched)
			return batch_add(im, r, 0);
		return import_row(im, r);
	}
}

/* Called by the reader for each record. */
static int
on_record(void *arg, const struct csvin_record *r)
{
	struct import	*im = arg;
	int		 rc;

	rc = take_record(im, r);
	if (im->rows > 0)
		progress_tick(im);
	return rc;
}

/* --- the command ------------------------------------------------------- */

static int
read_input(struct import *im, FILE *fp)
{
	struct csvin	*rd;
	char		*err = NULL;
	int		 rc;

	rd = csvin_new(fp, im->name, im->o->delim);
	if (im->progress != NULL)
		im->progress->rd = rd;
	rc = csvin_read(rd, on_record, im, &err);
	/*
	 * The last batch, and what the stage still holds.  Before a read
	 * error too: on SQLite the rows before it have run, and said what
	 * was wrong with them, or failed first.  The reader goes after it:
	 * the progress line of the batch still asks it how far it got.
	 */
	if (rc <= 0 && im->batched && batch_end(im) != 0) {
		free(err);
		rc = 1;
	}
	if (im->progress != NULL)
		im->progress->rd = NULL;
	csvin_free(rd);
	if (rc < 0)
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	if (rc > 0) {
		err = im->err;
		im->err = NULL;
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	}
	if (!im->have_header)
		return cmd_fail(im->ctx, TAM_FAIL, "'%s' is empty: there is "
		    "no header line; give a CSV export of a Salesforce report",
		    im->name);
	return TAM_OK;
}

/* The summary line, and the run in import_run. */
static int
finish(struct import *im)
{
	struct import_run	 run;
	char			 now[21], *err = NULL;

	/* The new accounts' posts and health rows (insert_row). */
	if (im->written.word != NULL && im->inserted > 0 &&
	    db_import_side_rows(im->ctx->db, "import", im->ctx->today,
	    &err) != 0)
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	if (db_import_parked(&im->parked, DB_PARK_ALL) &&
	    (db_import_cache(im->ctx->db, IMPORT_SORT_CACHE_KIB, &err) != 0 ||
	    db_import_unpark(im->ctx->db, &im->parked, DB_PARK_ALL,
	    &err) != 0))
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	if (im->o->dry_run) {
		if (db_import_undo(im->ctx->db, &err) != 0)
			return cmd_fail_take(im->ctx, TAM_FAIL, err);
	} else {
		tam_now(im->ctx, now);
		run.at = now;
		run.source = im->name;
		run.rows = im->rows;
		run.inserted = im->inserted;
		run.updated = im->updated;
		run.unchanged = im->unchanged;
		run.rejected = im->rejected;
		if (db_import_run_add(im->ctx->db, &run, &err) != 0)
			return cmd_fail_take(im->ctx, TAM_FAIL, err);
	}
	tam_info_done(im->ctx, "imported %" PRId64 " row%s: %" PRId64 " new, "
	    "%" PRId64 " updated, %" PRId64 " unchanged, %" PRId64
	    " rejected%s",
	    im->rows, im->rows == 1 ? "" : "s", im->inserted, im->updated,
	    im->unchanged, im->rejected,
	    im->o->dry_run ? " (dry run, nothing written)" : "");
	return TAM_OK;
}

/* Closes and removes the rejects written so far; FILE is as it was. */
static void
discard_rejects(struct import *im)
{
	if (im->rejects != NULL)
		fclose(im->rejects);
	im->rejects = NULL;
	if (im->rejects_tmp != NULL)
		unlink(im->rejects_tmp);
	free(im->rejects_tmp);
	im->rejects_tmp = NULL;
}

/* Puts the rejects file in place (rename replaces FILE at once). */
static int
keep_rejects(struct import *im)
{
	int	bad;

	if (im->rejects == NULL)
		return TAM_OK;
	bad = fflush(im->rejects) != 0 || ferror(im->rejects) ||
	    fsync(fileno(im->rejects)) != 0;
	bad = fclose(im->rejects) != 0 || bad;
	im->rejects = NULL;
	if (bad || rename(im->rejects_tmp, im->o->rejects) != 0) {
		bad = errno;
		discard_rejects(im);
		return cmd_fail(im->ctx, TAM_FAIL, "cannot write '%s': %s",
		    im->o->rejects, strerror(bad));
	}
	free(im->rejects_tmp);
	im->rejects_tmp = NULL;
	return TAM_OK;
}

/*
 * SQLite's page cache and statement journals allocate and free memory at
 * the top of the heap for every row; glibc then gives it back to the
 * kernel and asks again (brk), which costs more than the import itself
 * on a virtual machine (measured: 20,000 rows took 1.3 s of system time,
 * 0.08 s with these settings).  Keeping up to 32 MB at the top of the
 * heap changes nothing else: memory is returned at exit.
 */
static void
tune_malloc(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TOP_PAD, 1024 * 1024);
#endif
}

static int
count_accounts(struct import *im, char **err)
{
	if (db_import_count_unlinked(im->ctx->db, &im->unlinked, err) != 0 ||
	    db_account_count(im->ctx->db, &im->accounts, err) != 0)
		return -1;
	return 0;
}

/*
 * The memory for the IDs a load into an empty database writes: some 14
 * bits a row of an export (about 230 bytes), at most 4 MB; 1 MB when
 * the size of the input is not known.
 */
static size_t
keyset_bytes(FILE *fp)
{
	struct stat	st;
	size_t		n = 1024 * 1024;

	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
		n = (size_t)st.st_size / 128;
	if (n < 4096)
		n = 4096;
	return n < 4 * 1024 * 1024 ? n : 4 * 1024 * 1024;
}

/* A load into an empty database, from a file big enough to matter. */
static int
is_bulk_load(struct import *im, FILE *fp)
{
	struct stat	st;

	return !im->o->dry_run && im->accounts == 0 &&
	    fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= IMPORT_BULK_BYTES;
}

static int
run_import(struct import *im, FILE *fp)
{
	char	*err = NULL;
	int	 rc;

	tune_malloc();
	progress_start(im, fp);
	if (im->o->dry_run || im->o->changes)
		im->changes = out_begin(im->ctx, change_cols, 5);
	if (db_import_lock(im->ctx->db, &err) != 0 ||
	    db_import_cache(im->ctx->db, IMPORT_CACHE_KIB, &err) != 0 ||
	    count_accounts(im, &err) != 0)
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	/* Counted again: another writer may have come in between. */
	if (is_bulk_load(im, fp) &&
	    (db_import_bulk_journal(im->ctx->db, &err) < 0 ||
	    count_accounts(im, &err) != 0))
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	if (im->o->dry_run && db_import_mark(im->ctx->db, &err) != 0)
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	if ((im->batched = db_import_stage_begin(im->ctx->db, &err)) < 0)
		return cmd_fail_take(im->ctx, TAM_FAIL, err);
	/* Every row of a load into an empty database is new but repeats. */
	if (!im->batched && im->accounts == 0)
		csvin_keyset_init(&im->written, keyset_bytes(fp));
	/* A half-read file has no useful rejects: cmd_import_exec drops them. */
	if ((rc = read_input(im, fp)) != TAM_OK)
		return rc;
	db_import_stage_end(im->ctx->db);
	if (im->rejected > 0 && !im->o->skip_invalid) {
		/* The rows to fix are what a rejected import leaves. */
		if ((rc = keep_rejects(im)) != TAM_OK)
			return rc;
		return cmd_fail(im->ctx, TAM_FAIL, "import rejected: %" PRId64
		    " of %" PRId64 " row%s invalid, nothing written",
		    im->rejected, im->rows, im->rows == 1 ? "" : "s");
	}
	progress_end(im);
	if ((rc = finish(im)) != TAM_OK)
		return rc;
	if (im->changes != NULL) {
		/* The dispatcher checks stdout before it commits. */
		out_finish(im->changes);
		im->changes = NULL;
	}
	return keep_rejects(im);
}

int
cmd_import_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct import_opts	 o;
	struct import		 im;
	FILE			*fp;
	int			 rc;

	memset(&o, 0, sizeof o);
	memset(&im, 0, sizeof im);
	if ((rc = parse_args(ctx, argc, argv, &o)) != TAM_OK) {
		free(o.maps);
		return rc;
	}
	im.ctx = ctx;
	im.o = &o;
	csvin_idset_init(&im.seen);
	if (strcmp(o.file, "-") == 0) {
		fp = stdin;
		im.name = "stdin";
	} else if ((fp = fopen(o.file, "rb")) == NULL) {
		rc = cmd_fail(ctx, TAM_FAIL, "cannot open '%s': %s", o.file,
		    strerror(errno));
		goto out;
	} else
		im.name = o.file;
	if ((rc = cmd_account_writer(ctx, "import", &im.writer)) == TAM_OK)
		rc = run_import(&im, fp);
	progress_end(&im);
	if (im.changes != NULL)
		out_abandon(im.changes);
	if (fp != stdin)
		fclose(fp);
out:
	db_import_stage_end(ctx->db);
	batch_free(&im.cur);
	batch_free(&im.prev);
	discard_rejects(&im);
	csvin_header_release(&im.h);
	csvin_idset_release(&im.seen);
	csvin_keyset_release(&im.written);
	db_import_parked_release(&im.parked);
	free(im.err);
	free(o.maps);
	return rc;
}
