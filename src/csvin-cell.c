/*
 * csvin-cell.c: what tam import makes of a Salesforce export's header,
 * footer and cells (pure: no I/O but writing a rejected record).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "tam/csvin.h"
#include "tam/date.h"
#include "tam/money.h"
#include "tam/num.h"
#include "tam/sfid.h"
#include "tam/text.h"

/* The headers Salesforce reports use for each field (SPEC §5). */
static const struct {
	const char		*header;
	enum account_field	 field;
} default_headers[] = {
	{ "Account ID",				AF_SFID },
	{ "Account ID (18)",			AF_SFID },
	{ "Id",					AF_SFID },
	{ "Account 18 Digit ID",		AF_SFID },
	{ "Account Name",			AF_NAME },
	{ "Name",				AF_NAME },
	{ "Account",				AF_NAME },
	{ "Technical Account Manager",		AF_TAM },
	{ "TAM",				AF_TAM },
	{ "Customer Success Manager",		AF_TAM },
	{ "CSM",				AF_TAM },
	{ "Strategic Account Leader",		AF_SAL },
	{ "SAL",				AF_SAL },
	{ "Account Executive",			AF_SAL },
	{ "AE",					AF_SAL },
	{ "Solutions Architect",		AF_SA },
	{ "SA",					AF_SA },
	{ "Regional Sales Director",		AF_RSD },
	{ "RSD",				AF_RSD },
	{ "TAM Manager",			AF_TAM_MANAGER },
	{ "TAM Regional Manager",		AF_TAM_MANAGER },
	{ "Renewal Date",			AF_RENEWAL_DATE },
	{ "Next Renewal Date",			AF_RENEWAL_DATE },
	{ "Contract End Date",			AF_RENEWAL_DATE },
	{ "Subscription End Date",		AF_RENEWAL_DATE },
	{ "ACV",				AF_ACV },
	{ "Annual Contract Value",		AF_ACV },
	{ "ARR",				AF_ACV },
	{ "Currency",				AF_CURRENCY },
	{ "Account Currency",			AF_CURRENCY },
	{ "ACV Currency",			AF_CURRENCY },
	{ "Annual Contract Value Currency",	AF_CURRENCY },
	{ "Health Score",			AF_HEALTH_SCORE },
	{ "TAM Sentiment",			AF_SENTIMENT },
	{ "Sentiment",				AF_SENTIMENT },
	{ "Lifecycle Stage",			AF_LIFECYCLE_STAGE },
	{ "Customer Lifecycle Stage",		AF_LIFECYCLE_STAGE },
	{ "Region",				AF_REGION },
	{ "Sales Region",			AF_REGION },
	{ "Segment",				AF_SEGMENT },
	{ "Sales Segment",			AF_SEGMENT },
	{ "Licenses",				AF_LICENSES },
	{ "Seats",				AF_LICENSES },
	{ "Licensed Users",			AF_LICENSES },
	{ "Active Users",			AF_ACTIVE_USERS },
	{ "Billable Users",			AF_ACTIVE_USERS },
};

/* The SAL of last resort: only when no other SAL column exists. */
static const char account_owner[] = "Account Owner";

/* The fields an import may set (and --map may name). */
static const enum account_field import_fields[] = {
	AF_SFID, AF_NAME, AF_TAM, AF_SAL, AF_SA, AF_RSD, AF_TAM_MANAGER,
	AF_RENEWAL_DATE, AF_ACV, AF_CURRENCY, AF_HEALTH_SCORE, AF_SENTIMENT,
	AF_LIFECYCLE_STAGE, AF_REGION, AF_SEGMENT, AF_LICENSES,
	AF_ACTIVE_USERS,
};
#define NIMPORT_FIELDS \
	((int)nitems(import_fields))

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* Trims s[0..*len) of spaces and tabs; returns the new start. */
static const char *
trim(const char *s, size_t *len)
{
	while (*len > 0 && is_blank((unsigned char)*s)) {
		s++;
		(*len)--;
	}
	while (*len > 0 && is_blank((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

/* Case-insensitive comparison of s[0..len) with the string t. */
static int
same_name(const char *s, size_t len, const char *t)
{
	return strlen(t) == len && strncasecmp(s, t, len) == 0;
}

int
csvin_default_field(const char *header, size_t len)
{
	size_t	i;

	header = trim(header, &len);
	for (i = 0; i < nitems(default_headers); i++)
		if (same_name(header, len, default_headers[i].header))
			return (int)default_headers[i].field;
	return -1;
}

static int
importable(enum account_field f)
{
	int	i;

	for (i = 0; i < NIMPORT_FIELDS; i++)
		if (import_fields[i] == f)
			return 1;
	return 0;
}

int
csvin_map_parse(const char *arg, struct csvin_map *m, char **err)
{
	const struct field_def	*d = NULL;
	const char		*eq = strrchr(arg, '='), *f;
	char			*field;
	size_t			 len;

	if (eq == NULL || eq == arg || eq[1] == '\0') {
		*err = xasprintf("--map: '%s' is not HEADER=FIELD (like "
		    "'Customer Success Manager=tam')", arg);
		return -1;
	}
	len = strlen(eq + 1);
	f = trim(eq + 1, &len);
	field = xstrndup(f, len);
	if ((d = account_field_by_name(field)) == NULL ||
	    !importable(d->id) || strcmp(field, d->key) != 0) {
		*err = xasprintf("--map: '%s' is not a field: use sfid, name, "
		    "tam, sal, sa, rsd, tam_manager, renewal_date, acv, "
		    "currency, health_score, sentiment, lifecycle_stage, "
		    "region, segment, licenses or active_users", field);
		free(field);
		return -1;
	}
	free(field);
	len = (size_t)(eq - arg);
	m->header = trim(arg, &len);
	m->len = len;
	if (m->len == 0) {
		*err = xasprintf("--map: '%s' names no header", arg);
		return -1;
	}
	m->field = d->id;
	return 0;
}

/* Maps column c to field f unless f is taken (the leftmost wins). */
static void
claim(struct csvin_header *h, int *mapped, int c, int f)
{
	if (mapped[c] || h->col[f] >= 0)
		return;
	h->col[f] = c;
	mapped[c] = 1;
}

int
csvin_header_init(struct csvin_header *h, const struct csvin_record *r,
    const struct csvin_map *maps, int nmaps, char **err)
{
	const char	*start;
	int		*mapped, c, f, i, hit;
	size_t		 len;

	memset(h, 0, sizeof *h);
	if (r->ncells > r->nstored) {
		*err = xasprintf("the header has more than %d columns; is this "
		    "a Salesforce CSV export?", CSVIN_MAX_CELLS);
		return -1;
	}
	for (f = 0; f < AF_COUNT; f++)
		h->col[f] = -1;
	h->ncols = r->nstored;
	h->name = xcalloc((size_t)h->ncols + 1, sizeof *h->name);
	mapped = xcalloc((size_t)h->ncols + 1, sizeof *mapped);
	h->ignored = xcalloc((size_t)h->ncols + 1, sizeof *h->ignored);
	h->map_unused = xcalloc((size_t)nmaps + 1, sizeof *h->map_unused);
	for (c = 0; c < h->ncols; c++) {
		if (!utf8_valid(r->cell[c], r->len[c])) {
			*err = xasprintf("the header is not UTF-8 text; "
			    "export the report as CSV in UTF-8");
			free(mapped);
			return -1;
		}
		len = r->len[c];
		start = trim(r->cell[c], &len);
		h->name[c] = xstrndup(start, len);
	}
	/* --map first: what the user says beats what tam guesses. */
	for (i = 0; i < nmaps; i++) {
		for (hit = 0, c = 0; c < h->ncols; c++) {
			if (!same_name(maps[i].header, maps[i].len,
			    h->name[c]))
				continue;
			hit = 1;
			claim(h, mapped, c, (int)maps[i].field);
		}
		if (!hit)
			h->map_unused[h->nmap_unused++] = i;
	}
	for (c = 0; c < h->ncols; c++) {
		if (mapped[c])
			continue;
		if ((f = csvin_default_field(h->name[c],
		    strlen(h->name[c]))) >= 0)
			claim(h, mapped, c, f);
	}
	for (c = 0; c < h->ncols; c++)
		if (!mapped[c] && h->col[AF_SAL] < 0 &&
		    same_name(h->name[c], strlen(h->name[c]), account_owner))
			claim(h, mapped, c, AF_SAL);
	for (c = 0; c < h->ncols; c++)
		if (!mapped[c])
			h->ignored[h->nignored++] = c;
	free(mapped);
	return 0;
}

void
csvin_header_release(struct csvin_header *h)
{
	int	c;

	if (h->name != NULL)
		for (c = 0; c < h->ncols; c++)
			free(h->name[c]);
	free(h->name);
	free(h->ignored);
	free(h->map_unused);
	memset(h, 0, sizeof *h);
}

/* --- footer ----------------------------------------------------------- */

int
csvin_footer_text(const char *s)
{
	static const char *const starts[] = {
		"Grand Totals (", "Copyright (c)", "Copyright \xc2\xa9",
		"Confidential Information",
		"Generated By:",
	};
	size_t	i;

	while (is_blank((unsigned char)*s))
		s++;
	for (i = 0; i < nitems(starts); i++)
		if (strncasecmp(s, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/* The number of cells that hold more than blanks. */
static int
filled_cells(const struct csvin_record *r)
{
	int	 c, n = 0;
	size_t	 len;

	for (c = 0; c < r->nstored; c++) {
		len = r->len[c];
		trim(r->cell[c], &len);
		if (len > 0)
			n++;
	}
	return n + (r->ncells - r->nstored);
}

enum csvin_kind
csvin_classify(struct csvin_footer *ft, const struct csvin_record *r)
{
	int	filled = filled_cells(r);

	if (filled == 0) {
		/* In a one-column file a blank line ends the data. */
		if (ft->ncols == 1 && ft->seen_data && ft->line == 0)
			ft->line = r->line;
		return CSVIN_SKIP;
	}
	if ((ft->ncols > 1 && filled == 1) ||
	    (ft->ncols == 1 && csvin_footer_text(r->cell[0]))) {
		if (ft->line == 0)
			ft->line = r->line;
		return CSVIN_SKIP;
	}
	if (ft->line != 0) {
		/* One-column footers have no shape: any line is footer. */
		if (ft->ncols == 1)
			return CSVIN_SKIP;
		return CSVIN_AFTER_FOOTER;
	}
	ft->seen_data = 1;
	return CSVIN_ROW;
}

/* --- cells ------------------------------------------------------------ */

/* Reads 1..max digits; returns the count read (0: none) and the value. */
static int
read_digits(const char *s, int max, int *v)
{
	int	n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)s[n]))
		*v = *v * 10 + (s[n++] - '0');
	if (isdigit((unsigned char)s[n]))
		return 0;
	return n;
}

/*
 * A time after a date: H:MM[:SS[.fff]], then for locale dates an
 * optional AM/PM, for ISO ones an optional Z or +HH:MM.  1 if s is one.
 */
static int
valid_time(const char *s, int iso)
{
	int	n, h, m, sec, ampm = 0;

	if ((n = read_digits(s, 2, &h)) == 0 || s[n] != ':')
		return 0;
	s += n + 1;
	if (read_digits(s, 2, &m) != 2 || m > 59)
		return 0;
	s += 2;
	if (*s == ':') {
		if (read_digits(s + 1, 2, &sec) != 2 || sec > 60)
			return 0;
		s += 3;
		if (*s == '.') {
			for (s++; isdigit((unsigned char)*s); s++)
				;
		}
	}
	if (!iso && (strcasecmp(s, " AM") == 0 || strcasecmp(s, " PM") == 0)) {
		ampm = 1;
		s += 3;
	}
	if (iso && (*s == 'Z' || *s == 'z'))
		s++;
	else if (iso && (*s == '+' || *s == '-') && isdigit((unsigned char)s[1]))
		for (s++; isdigit((unsigned char)*s) || *s == ':'; s++)
			;
	if (*s != '\0')
		return 0;
	return ampm ? (h >= 1 && h <= 12) : h <= 23;
}

/* YYYY-MM-DD with an optional time after a space or a T. */
static int
parse_iso(const char *s, int *out)
{
	char	day[11];

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse_iso(day, out) != 0)
		return -1;
	s += 10;
	if (*s == '\0')
		return 0;
	if ((*s == ' ' || *s == 'T') && valid_time(s + 1, 1))
		return 0;
	return -1;
}

int
csvin_parse_date(const char *s, enum csvin_datefmt fmt, int *out)
{
	int	a, b, c, na, nb, nc, y, m, d;
	char	sep;

	if (parse_iso(s, out) == 0)
		return 0;
	if ((na = read_digits(s, fmt == CSVIN_YMD ? 4 : 2, &a)) == 0)
		return -1;
	sep = s[na];
	if (sep != '/' && (sep != '.' || fmt == CSVIN_MDY))
		return -1;
	s += na + 1;
	if ((nb = read_digits(s, 2, &b)) == 0 || s[nb] != sep)
		return -1;
	s += nb + 1;
	if ((nc = read_digits(s, fmt == CSVIN_YMD ? 2 : 4, &c)) == 0)
		return -1;
	s += nc;
	if (*s != '\0' && (*s != ' ' || !valid_time(s + 1, 0)))
		return -1;
	switch (fmt) {
	case CSVIN_MDY:
	case CSVIN_DMY:
		if (nc != 4 && nc != 2)
			return -1;
		y = nc == 2 ? 2000 + c : c;
		m = fmt == CSVIN_MDY ? a : b;
		d = fmt == CSVIN_MDY ? b : a;
		break;
	default:
		if (na != 4)
			return -1;
		y = a;
		m = b;
		d = c;
		break;
	}
	if (!date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
csvin_parse_count(const char *s, int64_t max, int64_t *out)
{
	char	digits[24];
	size_t	n = 0;
	int	ndig = 0, group = -1;

	if (!isdigit((unsigned char)*s))
		return -1;
	/* The grouping ("1,200") is checked here, the number by parse_int. */
	for (; isdigit((unsigned char)*s) || *s == ','; s++) {
		if (*s == ',') {
			if ((group >= 0 && group != 3) ||
			    (group < 0 && ndig > 3))
				return -1;
			group = 0;
			continue;
		}
		if (group >= 0)
			group++;
		ndig++;
		if (n == 1 && digits[0] == '0')
			n = 0;		/* leading zeros say nothing */
		if (n == sizeof digits - 1)
			return -1;	/* past any int64_t */
		digits[n++] = *s;
	}
	digits[n] = '\0';
	if (group >= 0 && group != 3)
		return -1;
	if (*s == '.') {
		/* Salesforce writes number fields with decimals: "85.00". */
		if (s[1] == '\0')
			return -1;
		for (s++; *s == '0'; s++)
			;
	}
	if (*s != '\0')
		return -1;
	return parse_int(digits, 0, max, out);
}

/* What a cell of each kind must look like, for the messages. */
static const char *
set_number(struct account *a, enum account_field f, const char *cell)
{
	int64_t	n;

	switch (f) {
	case AF_HEALTH_SCORE:
		if (csvin_parse_count(cell, 100, &n) != 0)
			return "is not a health score (0 to 100)";
		a->health_score = (int)n;
		return NULL;
	case AF_LICENSES:
	case AF_ACTIVE_USERS:
		if (csvin_parse_count(cell, INT64_C(1000000000000), &n) != 0)
			return "is not a number of users";
		if (f == AF_LICENSES)
			a->licenses = n;
		else
			a->active_users = n;
		return NULL;
	default:
		return "is not importable";
	}
}

const char *
csvin_cell_set(struct account *a, unsigned *mask, enum account_field f,
    const char *cell, unsigned fmt)
{
	static char	 sfid_why[SFID_ERROR_MAX];
	struct money	 m;
	char		 id[19], code[4], **slot;
	const char	*why = NULL;
	int		 d, triage, i;

	switch (f) {
	case AF_SFID:
		if (sfid_normalize(cell, id) != 0) {
			/* Copied by the caller before the next cell. */
			sfid_error_text(cell, sfid_why);
			return sfid_why;
		}
		free(a->sfid);
		a->sfid = xstrdup(id);
		break;
	case AF_ACV:
		if ((i = money_read_as(cell, (fmt & CSVIN_DECIMAL_COMMA) ?
		    MONEY_DECIMAL_COMMA : 0, &m)) != MONEY_OK)
			return money_error_text(i);
		a->has_acv = 1;
		a->acv_cents = m.cents;
		if (m.currency[0] != '\0') {
			memcpy(a->currency, m.currency, sizeof a->currency);
			*mask |= AF_BIT(AF_CURRENCY);
		}
		break;
	case AF_CURRENCY:
		/* A column of codes alone: "eur" cannot be mistaken. */
		for (i = 0; i < 3 && cell[i] != '\0'; i++)
			code[i] = (char)toupper((unsigned char)cell[i]);
		code[i] = '\0';
		if (strlen(cell) != 3 || !money_currency_known(code))
			return "is not a currency code (like USD or EUR)";
		memcpy(a->currency, code, sizeof a->currency);
		break;
	case AF_RENEWAL_DATE:
		if (csvin_parse_date(cell, CSVIN_DATEFMT(fmt), &d) == 0)
			;
		else if (CSVIN_DATEFMT(fmt) == CSVIN_MDY &&
		    csvin_parse_date(cell, CSVIN_DMY, &d) == 0)
			/* 13/05/2026: the day comes first in this file. */
			return "is not a date: the day comes first; if the "
			    "file's dates are D/M/YYYY, give --date-format dmy";
		else
			return "is not a date";
		a->renewal_date = d;
		break;
	case AF_SENTIMENT:
		if ((d = sentiment_parse(cell, &triage)) < 0)
			return "is not a sentiment (Green, Yellow, Red or "
			    "Yellow - Requires Triage)";
		a->sentiment = d;
		a->requires_triage = triage;
		break;
	case AF_HEALTH_SCORE:
	case AF_LICENSES:
	case AF_ACTIVE_USERS:
		why = set_number(a, f, cell);
		break;
	default:
		if ((slot = account_text_slot(a, f)) == NULL)
			return "is not importable";
		if (strlen(cell) > CSVIN_TEXT_MAX)
			return "is too long (more than 65536 bytes)";
		free(*slot);
		*slot = xstrdup(cell);
		break;
	}
	if (why == NULL)
		*mask |= AF_BIT(f);
	return why;
}

static void
add_msg(char ***msgs, int *n, char *msg)
{
	*msgs = xreallocarray(*msgs, (size_t)*n + 1, sizeof **msgs);
	(*msgs)[(*n)++] = msg;
}

/* Adds "column 'ACV': '12abc' is not an amount" for column c; 1. */
static int
row_msg(const struct csvin_header *h, const struct csvin_record *r, int c,
    const char *why, char ***msgs, int *nmsgs)
{
	char		*value, *shown;
	const char	*cell;
	size_t		 len = r->len[c];

	cell = trim(r->cell[c], &len);
	value = xstrndup(cell, len);
	shown = text_quote(value, CSVIN_QUOTE_MAX);
	add_msg(msgs, nmsgs, xasprintf("column '%s': '%s' %s", h->name[c],
	    shown, why));
	free(shown);
	free(value);
	return 1;
}

/*
 * The ACV and the Currency column of one row must tell one story: an
 * ACV that names EUR in a row whose column says USD is a contradiction,
 * and a yen amount has no decimals whichever cell names the yen.
 * Returns the reason or NULL.
 */
static const char *
acv_currency_clash(const struct account *patch, unsigned mask,
    const char *acv_named)
{
	if (!(mask & AF_BIT(AF_ACV)) || !patch->has_acv)
		return NULL;
	if (acv_named[0] != '\0' && strcmp(acv_named, patch->currency) != 0)
		return "names another currency than the row's Currency "
		    "column";
	if ((mask & AF_BIT(AF_CURRENCY)) &&
	    money_minor_units(patch->currency) == 0 &&
	    patch->acv_cents % 100 != 0)
		return "is not an amount: the row's currency has no decimals";
	return NULL;
}

int
csvin_row_parse(const struct csvin_header *h, const struct csvin_record *r,
    unsigned fmt, struct account *patch, unsigned *mask,
    char ***msgs, int *nmsgs)
{
	const char	*why, *cell;
	char		*value, acv_named[4] = "";
	size_t		 len;
	int		 i, c, bad = 0, acv_col = -1, named;

	/* In field order: a Currency column overrides an ACV's code. */
	for (i = 0; i < NIMPORT_FIELDS; i++) {
		enum account_field f = import_fields[i];

		if ((c = h->col[f]) < 0 || c >= r->nstored)
			continue;
		len = r->len[c];
		cell = trim(r->cell[c], &len);
		if (len == 0)
			continue;	/* empty: leaves the stored value */
		if (!utf8_valid(cell, len))
			why = "is not UTF-8 text (export the report as UTF-8)";
		else if (memchr(cell, '\0', len) != NULL)
			why = "holds a NUL byte";
		else {
			named = (*mask & AF_BIT(AF_CURRENCY)) != 0;
			value = xstrndup(cell, len);
			why = csvin_cell_set(patch, mask, f, value, fmt);
			free(value);
			if (why == NULL && f == AF_ACV) {
				acv_col = c;
				if (!named && (*mask & AF_BIT(AF_CURRENCY)))
					memcpy(acv_named, patch->currency, 4);
			}
		}
		if (why == NULL)
			continue;
		bad += row_msg(h, r, c, why, msgs, nmsgs);
	}
	if (bad == 0 && acv_col >= 0 &&
	    (why = acv_currency_clash(patch, *mask, acv_named)) != NULL)
		bad += row_msg(h, r, acv_col, why, msgs, nmsgs);
	return bad;
}

void
csvin_msgs_free(char **msgs, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(msgs[i]);
	free(msgs);
}

void
csvin_patch_apply(struct account *dst, const struct account *src,
    unsigned mask)
{
	int	f;

	for (f = 0; f < AF_COUNT; f++)
		if (mask & AF_BIT(f))
			account_field_copy(dst, src, f);
}

/* --- output ----------------------------------------------------------- */

int
csvin_write_record(FILE *fp, const struct csvin_record *r, const char *extra)
{
	int	c;

	for (c = 0; c < r->nstored; c++) {
		if (c > 0 && fputc(',', fp) == EOF)
			return -1;
		if (csv_fwrite(fp, r->cell[c], r->len[c]) != 0)
			return -1;
	}
	if (extra != NULL && ((r->nstored > 0 && fputc(',', fp) == EOF) ||
	    csv_fwrite(fp, extra, strlen(extra)) != 0))
		return -1;
	if (fputs("\r\n", fp) == EOF)
		return -1;
	return 0;
}

/* --- a set of account ids --------------------------------------------- */

#define IDPAGE_BITS	8192

struct idpage {
	int64_t		number;		/* id / IDPAGE_BITS */
	unsigned char	bits[IDPAGE_BITS / 8];
};

void
csvin_idset_init(struct csvin_idset *s)
{
	memset(s, 0, sizeof *s);
}

void
csvin_idset_release(struct csvin_idset *s)
{
	size_t	i;

	for (i = 0; i < s->nslot; i++)
		free(s->slot[i]);
	free(s->slot);
	memset(s, 0, sizeof *s);
}

/* The slot of page number, or of the empty slot where it would go. */
static size_t
page_slot(const struct csvin_idset *s, int64_t number)
{
	size_t	i = ((uint64_t)number * UINT64_C(0x9e3779b97f4a7c15)) >>
	    32 & (s->nslot - 1);

	while (s->slot[i] != NULL && s->slot[i]->number != number)
		i = (i + 1) & (s->nslot - 1);
	return i;
}

static void
grow_slots(struct csvin_idset *s)
{
	struct idpage	**old = s->slot;
	size_t		  i, n = s->nslot;

	s->nslot = n ? n * 2 : 64;
	s->slot = xcalloc(s->nslot, sizeof *s->slot);
	for (i = 0; i < n; i++)
		if (old[i] != NULL)
			s->slot[page_slot(s, old[i]->number)] = old[i];
	free(old);
}

int
csvin_idset_add(struct csvin_idset *s, int64_t id)
{
	int64_t		 number = id / IDPAGE_BITS;
	int		 bit = (int)(id % IDPAGE_BITS);
	struct idpage	*pg;
	size_t		 i;
	int		 had;

	if (id < 0)
		return 0;
	if ((s->npage + 1) * 2 > s->nslot)
		grow_slots(s);
	i = page_slot(s, number);
	if ((pg = s->slot[i]) == NULL) {
		pg = s->slot[i] = xcalloc(1, sizeof *pg);
		pg->number = number;
		s->npage++;
	}
	had = (pg->bits[bit / 8] >> (bit % 8)) & 1;
	pg->bits[bit / 8] |= (unsigned char)(1u << (bit % 8));
	return had;
}

int
csvin_idset_has(const struct csvin_idset *s, int64_t id)
{
	const struct idpage	*pg;
	int			 bit = (int)(id % IDPAGE_BITS);

	if (id < 0 || s->nslot == 0)
		return 0;
	if ((pg = s->slot[page_slot(s, id / IDPAGE_BITS)]) == NULL)
		return 0;
	return (pg->bits[bit / 8] >> (bit % 8)) & 1;
}

/* One 64-bit word into the hash: a multiply and a fold. */
static uint64_t
hash_word(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= UINT64_C(0x9e3779b97f4a7c15);
	return h ^ (h >> 29);
}

uint64_t
csvin_row_hash(const struct csvin_header *h, const struct csvin_record *r,
    unsigned fmt, unsigned how)
{
	const unsigned char	*p;
	uint64_t		 x, w;
	size_t			 len, i;
	int			 k, c;

	/* How the cells are read is part of what they mean. */
	x = hash_word(UINT64_C(0x74616d2d696d7031), fmt);
	x = hash_word(x, how);
	for (k = 0; k < NIMPORT_FIELDS; k++) {
		enum account_field f = import_fields[k];

		if ((c = h->col[f]) < 0 || c >= r->nstored)
			continue;
		/* The field, then its cell as read, untrimmed. */
		len = r->len[c];
		x = hash_word(x, (uint64_t)f | (uint64_t)len << 8);
		p = (const unsigned char *)r->cell[c];
		for (i = 0; i + 8 <= len; i += 8) {
			memcpy(&w, p + i, 8);
			x = hash_word(x, w);
		}
		if (i < len) {
			w = 0;
			memcpy(&w, p + i, len - i);
			x = hash_word(x, w);
		}
	}
	/* The last mix of splitmix64: every bit of x moves every other. */
	x ^= x >> 31;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x != 0 ? x : 1;
}

int
csvin_row_sfid(const struct csvin_header *h, const struct csvin_record *r,
    char out[19])
{
	const char	*cell;
	char		 buf[32];
	size_t		 len;
	int		 c;

	if ((c = h->col[AF_SFID]) < 0 || c >= r->nstored)
		return -1;
	len = r->len[c];
	cell = trim(r->cell[c], &len);
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, cell, len);
	buf[len] = '\0';
	return sfid_normalize(buf, out);
}

/* The bits of a key: four of them, by double hashing. */
#define KEYSET_PROBES	4

void
csvin_keyset_init(struct csvin_keyset *s, size_t bytes)
{
	s->nbits = (uint32_t)(bytes * 8 < UINT32_MAX ? bytes * 8 : UINT32_MAX);
	/* Whole words; calloc's pages are only made real once written. */
	s->word = xcalloc(s->nbits / 64 + 1, sizeof *s->word);
}

void
csvin_keyset_release(struct csvin_keyset *s)
{
	free(s->word);
	s->word = NULL;
	s->nbits = 0;
}

/* Bit i of a key of hash h, in 0..nbits, without a division. */
static uint32_t
keyset_bit(const struct csvin_keyset *s, uint64_t h, int i)
{
	uint32_t	x = (uint32_t)h + (uint32_t)i * ((uint32_t)(h >> 32) | 1);

	return (uint32_t)(((uint64_t)x * s->nbits) >> 32);
}

static uint64_t
keyset_hash(const char *key)
{
	uint64_t	x = UINT64_C(0x6b657973), w;
	size_t		len = strlen(key), i;

	for (i = 0; i < len; i += 8) {
		w = 0;
		memcpy(&w, key + i, len - i < 8 ? len - i : 8);
		x = hash_word(x, w);
	}
	x ^= x >> 31;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	return x ^ (x >> 27);
}

void
csvin_keyset_add(struct csvin_keyset *s, const char *key)
{
	uint64_t	h = keyset_hash(key);
	uint32_t	b;
	int		i;

	for (i = 0; i < KEYSET_PROBES; i++) {
		b = keyset_bit(s, h, i);
		s->word[b / 64] |= UINT64_C(1) << (b % 64);
	}
}

int
csvin_keyset_maybe(const struct csvin_keyset *s, const char *key)
{
	uint64_t	h = keyset_hash(key);
	uint32_t	b;
	int		i;

	for (i = 0; i < KEYSET_PROBES; i++) {
		b = keyset_bit(s, h, i);
		if (!(s->word[b / 64] & UINT64_C(1) << (b % 64)))
			return 0;
	}
	return 1;
}
