/* test-csvin.c: the import reader, header mapping, footer and cells. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/csvin.h"
#include "tam/date.h"

static int
D(const char *s)
{
	int	d;

	assert_int_equal(date_parse_iso(s, &d), 0);
	return d;
}

static void
test_dates(void **state)
{
	static const struct {
		const char		*in;
		enum csvin_datefmt	 fmt;
		const char		*want;	/* NULL: not a date */
	} cases[] = {
		{ "1/5/2027",			CSVIN_MDY, "2027-01-05" },
		{ "01/05/2027",			CSVIN_MDY, "2027-01-05" },
		{ "12/31/2026",			CSVIN_MDY, "2026-12-31" },
		{ "1/5/27",			CSVIN_MDY, "2027-01-05" },
		{ "2/29/2028",			CSVIN_MDY, "2028-02-29" },
		{ "2/29/2027",			CSVIN_MDY, NULL },
		{ "13/45/2026",			CSVIN_MDY, NULL },
		{ "31/01/2027",			CSVIN_MDY, NULL },
		{ "1.2.2027",			CSVIN_MDY, NULL },
		{ "1/5/202",			CSVIN_MDY, NULL },
		{ "1/5",			CSVIN_MDY, NULL },
		{ "12/31/2026 8:00 AM",		CSVIN_MDY, "2026-12-31" },
		{ "12/31/2026 13:45",		CSVIN_MDY, "2026-12-31" },
		{ "12/31/2026 13:45 PM",	CSVIN_MDY, NULL },
		{ "12/31/2026 noon",		CSVIN_MDY, NULL },
		{ "2027-03-31",			CSVIN_MDY, "2027-03-31" },
		{ "2027-04-15 08:30:00",	CSVIN_MDY, "2027-04-15" },
		{ "2027-04-15 08:30",		CSVIN_MDY, "2027-04-15" },
		{ "2027-04-15T08:30:00.000Z",	CSVIN_MDY, "2027-04-15" },
		{ "2027-04-15T08:30:00+02:00",	CSVIN_DMY, "2027-04-15" },
		{ "2027-04-15 25:00",		CSVIN_MDY, NULL },
		{ "2027-04-15x",		CSVIN_MDY, NULL },
		{ "2026-02-30",			CSVIN_MDY, NULL },
		{ "31/01/2027",			CSVIN_DMY, "2027-01-31" },
		{ "1.2.2027",			CSVIN_DMY, "2027-02-01" },
		{ "01.02.27",			CSVIN_DMY, "2027-02-01" },
		{ "1/31/2027",			CSVIN_DMY, NULL },
		{ "1.2/2027",			CSVIN_DMY, NULL },
		{ "2027/1/31",			CSVIN_YMD, "2027-01-31" },
		{ "2027.01.31",			CSVIN_YMD, "2027-01-31" },
		{ "27/1/31",			CSVIN_YMD, NULL },
		{ "",				CSVIN_MDY, NULL },
		{ "today",			CSVIN_MDY, NULL },
	};
	size_t	i;
	int	d;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = csvin_parse_date(cases[i].in, cases[i].fmt, &d);

		if (cases[i].want == NULL) {
			if (rc != -1)
				fail_msg("'%s' parsed", cases[i].in);
			continue;
		}
		if (rc != 0)
			fail_msg("'%s' did not parse", cases[i].in);
		assert_int_equal(d, D(cases[i].want));
	}
}

static void
test_counts(void **state)
{
	int64_t	n;

	(void)state;
	assert_int_equal(csvin_parse_count("1,200", 100000, &n), 0);
	assert_int_equal(n, 1200);
	assert_int_equal(csvin_parse_count("85.00", 100, &n), 0);
	assert_int_equal(n, 85);
	assert_int_equal(csvin_parse_count("100", 100, &n), 0);
	assert_int_equal(csvin_parse_count("101", 100, &n), -1);
	assert_int_equal(csvin_parse_count("85.5", 100, &n), -1);
	assert_int_equal(csvin_parse_count("-1", 100, &n), -1);
	assert_int_equal(csvin_parse_count("1,20", 100000, &n), -1);
	assert_int_equal(csvin_parse_count("1200,000", 10000000, &n), -1);
	assert_int_equal(csvin_parse_count("85.", 100, &n), -1);
	assert_int_equal(csvin_parse_count("", 100, &n), -1);
}

/* Sets one cell on a fresh account: NULL when accepted. */
static const char *
cell(enum account_field f, const char *v, struct account *a, unsigned *mask)
{
	account_init(a);
	*mask = 0;
	return csvin_cell_set(a, mask, f, v, CSVIN_MDY);
}

static void
test_cells(void **state)
{
	struct account	a;
	unsigned	m;

	(void)state;
	assert_null(cell(AF_SENTIMENT, "Yellow - Requires Triage", &a, &m));
	assert_int_equal(a.sentiment, SENT_YELLOW);
	assert_int_equal(a.requires_triage, 1);
	assert_int_equal(m, AF_BIT(AF_SENTIMENT));
	assert_null(cell(AF_SENTIMENT, "yellow (requires triage)", &a, &m));
	assert_int_equal(a.requires_triage, 1);
	assert_null(cell(AF_SENTIMENT, "RED", &a, &m));
	assert_int_equal(a.sentiment, SENT_RED);
	assert_int_equal(a.requires_triage, 0);
	assert_string_equal(cell(AF_SENTIMENT, "Purple", &a, &m),
	    "is not a sentiment (Green, Yellow, Red or Yellow - Requires "
	    "Triage)");
	assert_int_equal(m, 0);

	assert_null(cell(AF_ACV, "$1,250,000.00", &a, &m));
	assert_int_equal(a.acv_cents, INT64_C(125000000));
	/* The symbol names the currency, as a code does (SPEC §5). */
	assert_string_equal(a.currency, "USD");
	assert_int_equal(m, AF_BIT(AF_ACV) | AF_BIT(AF_CURRENCY));
	assert_null(cell(AF_ACV, "EUR 1,234.50", &a, &m));
	assert_int_equal(a.acv_cents, 123450);
	assert_string_equal(a.currency, "EUR");
	assert_int_equal(m, AF_BIT(AF_ACV) | AF_BIT(AF_CURRENCY));
	assert_null(cell(AF_ACV, "-$5,000", &a, &m));
	assert_int_equal(a.acv_cents, -500000);
	assert_string_equal(cell(AF_ACV, "lots", &a, &m), "is not an amount");

	assert_null(cell(AF_CURRENCY, "gbp", &a, &m));
	assert_string_equal(a.currency, "GBP");
	assert_non_null(cell(AF_CURRENCY, "Euro", &a, &m));
	assert_null(cell(AF_HEALTH_SCORE, "0", &a, &m));
	assert_int_equal(a.health_score, 0);
	assert_string_equal(cell(AF_HEALTH_SCORE, "101", &a, &m),
	    "is not a health score (0 to 100)");
	assert_string_equal(cell(AF_RENEWAL_DATE, "13/45/2026", &a, &m),
	    "is not a date");
	assert_null(cell(AF_SFID, "0013t00001AbCdE", &a, &m));
	assert_string_equal(a.sfid, "0013t00001AbCdEAAV");
	account_release(&a);
	assert_non_null(cell(AF_SFID, "0013t00001AbCd", &a, &m));
	assert_null(cell(AF_LICENSES, "12,000", &a, &m));
	assert_int_equal(a.licenses, 12000);
	assert_null(cell(AF_TAM, "Alice Chen", &a, &m));
	assert_string_equal(a.tam, "Alice Chen");
	account_release(&a);
}

/* A record from a list of cells. */
struct rec {
	struct csvin_record	 r;
	char			*cells[32];
	size_t			 lens[32];
};

static void
make(struct rec *x, int line, const char *const *cells, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		x->cells[i] = (char *)cells[i];
		x->lens[i] = strlen(cells[i]);
	}
	x->r.line = line;
	x->r.ncells = x->r.nstored = n;
	x->r.cell = x->cells;
	x->r.len = x->lens;
}

static void
test_header(void **state)
{
	static const char *const head[] = { "Account ID", " account name ",
	    "CSM", "Account Owner", "Next Renewal Date", "Billing City",
	    "Id", "Annual Contract Value Currency" };
	struct csvin_header	h;
	struct csvin_map	maps[2];
	struct rec		x;
	char			*err = NULL;

	(void)state;
	make(&x, 1, head, 8);
	assert_int_equal(csvin_header_init(&h, &x.r, NULL, 0, &err), 0);
	assert_int_equal(h.col[AF_SFID], 0);
	assert_int_equal(h.col[AF_NAME], 1);
	assert_string_equal(h.name[1], "account name");
	assert_int_equal(h.col[AF_TAM], 2);
	assert_int_equal(h.col[AF_SAL], 3);	/* Account Owner: no SAL */
	assert_int_equal(h.col[AF_RENEWAL_DATE], 4);
	assert_int_equal(h.col[AF_CURRENCY], 7);
	assert_int_equal(h.col[AF_ACV], -1);
	assert_int_equal(h.nignored, 2);	/* Billing City, second ID */
	assert_int_equal(h.ignored[0], 5);
	assert_int_equal(h.ignored[1], 6);
	csvin_header_release(&h);

	assert_int_equal(csvin_map_parse("billing city=region", &maps[0],
	    &err), 0);
	assert_int_equal(csvin_map_parse("Nope = tam", &maps[1], &err), 0);
	assert_int_equal(maps[1].len, 4);
	assert_int_equal(csvin_header_init(&h, &x.r, maps, 2, &err), 0);
	assert_int_equal(h.col[AF_REGION], 5);
	assert_int_equal(h.nmap_unused, 1);
	assert_int_equal(h.map_unused[0], 1);
	csvin_header_release(&h);

	assert_int_equal(csvin_map_parse("Owner", &maps[0], &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(csvin_map_parse("Owner=owner", &maps[0], &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(csvin_map_parse("Owner=objectives", &maps[0], &err),
	    -1);
	free(err);
	assert_int_equal(csvin_default_field("AE", 2), AF_SAL);
	assert_int_equal(csvin_default_field("account owner", 13), -1);
	assert_int_equal(csvin_default_field("Seats", 5), AF_LICENSES);
}

static void
test_footer(void **state)
{
	static const char *const data[] = { "001", "Acme", "alice" };
	static const char *const blank[] = { "" };
	static const char *const blanks[] = { "", " ", "" };
	static const char *const total[] = { "Grand Totals (5 records)" };
	static const char *const padded[] = { "Generated By: x", "", "" };
	struct csvin_footer	ft = { 3, 0, 0 }, one = { 1, 0, 0 };
	struct rec		x;

	(void)state;
	make(&x, 2, data, 3);
	assert_int_equal(csvin_classify(&ft, &x.r), CSVIN_ROW);
	make(&x, 3, blanks, 3);
	assert_int_equal(csvin_classify(&ft, &x.r), CSVIN_SKIP);
	assert_int_equal(ft.line, 0);
	make(&x, 4, total, 1);
	assert_int_equal(csvin_classify(&ft, &x.r), CSVIN_SKIP);
	assert_int_equal(ft.line, 4);
	make(&x, 5, padded, 3);
	assert_int_equal(csvin_classify(&ft, &x.r), CSVIN_SKIP);
	make(&x, 6, data, 3);
	assert_int_equal(csvin_classify(&ft, &x.r), CSVIN_AFTER_FOOTER);

	/* One column: a blank line after data ends it. */
	make(&x, 2, data + 1, 1);
	assert_int_equal(csvin_classify(&one, &x.r), CSVIN_ROW);
	make(&x, 3, blank, 1);
	assert_int_equal(csvin_classify(&one, &x.r), CSVIN_SKIP);
	assert_int_equal(one.line, 3);
	make(&x, 4, data + 2, 1);
	assert_int_equal(csvin_classify(&one, &x.r), CSVIN_SKIP);

	assert_true(csvin_footer_text("Copyright (c) 2000-2026 salesforce"));
	assert_true(csvin_footer_text("Copyright \xc2\xa9 2000-2026 sf"));
	assert_true(csvin_footer_text("Confidential Information - Do Not "
	    "Distribute"));
	assert_true(csvin_footer_text("Generated By:  Jane Doe"));
	assert_true(csvin_footer_text("Grand Totals (5700 records)"));
	assert_false(csvin_footer_text("Acme Corp"));
}

struct seen {
	int	n;
	int	lines[8];
	int	ncells[8];
	char	first[8][32];
};

static int
collect(void *arg, const struct csvin_record *r)
{
	struct seen	*s = arg;

	s->lines[s->n] = r->line;
	s->ncells[s->n] = r->ncells;
	snprintf(s->first[s->n], sizeof s->first[0], "%s", r->cell[0]);
	s->n++;
	return 0;
}

/* Reads text with the reader; returns its result, *err on failure. */
static int
read_text(const char *text, size_t len, struct seen *s, char **err)
{
	FILE		*fp = fmemopen((void *)text, len, "r");
	struct csvin	*r;
	int		 rc;

	assert_non_null(fp);
	memset(s, 0, sizeof *s);
	r = csvin_new(fp, "f.csv", ',');
	rc = csvin_read(r, collect, s, err);
	csvin_free(r);
	fclose(fp);
	return rc;
}

static void
test_reader(void **state)
{
	static const char text[] = "\xef\xbb\xbf\"a\",\"b\"\r\n"
	    "\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\r\n"
	    "plain,2\r\n\"\"\r\n\"Grand Totals (2 records)\"";
	static const char open_quote[] = "a,b\n1,2\n\"3,4\n5,6\n";
	static const char binary[] = "a,b\n1,2\n\0\n";
	struct seen	s;
	char		*err = NULL;

	(void)state;
	assert_int_equal(read_text(text, sizeof text - 1, &s, &err), 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.first[0], "a");		/* BOM skipped */
	assert_int_equal(s.lines[0], 1);
	assert_string_equal(s.first[1], "x\r\ny");
	assert_int_equal(s.lines[1], 2);
	assert_int_equal(s.lines[2], 5);	/* after the two-line field */
	assert_int_equal(s.ncells[3], 1);
	assert_int_equal(s.lines[4], 7);

	assert_int_equal(read_text(open_quote, sizeof open_quote - 1, &s,
	    &err), -1);
	assert_string_equal(err, "f.csv:3: unterminated quote: the quoted "
	    "field that begins on line 3 runs to the end of the file");
	free(err);
	assert_int_equal(read_text(binary, sizeof binary - 1, &s, &err), -1);
	assert_string_equal(err, "f.csv:3: not a CSV file: it holds binary "
	    "data (a NUL byte); give a CSV export");
	free(err);
}

static void
test_idset(void **state)
{
	struct csvin_idset	s;
	int64_t			i;

	(void)state;
	csvin_idset_init(&s);
	assert_false(csvin_idset_has(&s, 1));
	for (i = 1; i <= 100000; i += 3)
		assert_int_equal(csvin_idset_add(&s, i), 0);
	assert_int_equal(csvin_idset_add(&s, 4), 1);
	assert_true(csvin_idset_has(&s, 99997));
	assert_false(csvin_idset_has(&s, 99998));
	assert_int_equal(csvin_idset_add(&s, INT64_C(1) << 40), 0);
	assert_true(csvin_idset_has(&s, INT64_C(1) << 40));
	assert_false(csvin_idset_has(&s, (INT64_C(1) << 40) + 1));
	csvin_idset_release(&s);
}

#define U(s)	((const unsigned char *)(s))
#define DETECT(s)	csvin_detect_delim(U(s), strlen(s))

/* The separator of the header line, counted outside quotes. */
static void
test_detect_delim(void **state)
{
	(void)state;
	assert_int_equal(DETECT("Account Name;TAM;ACV\nAcme;a;\"1,000\"\n"),
	    ';');
	assert_int_equal(DETECT("Account Name\tTAM\tACV\r\n"), '\t');
	assert_int_equal(DETECT("Account Name|TAM|ACV\n"), '|');
	assert_int_equal(DETECT("Account Name,TAM,ACV\n"), ',');
	/* Commas inside a quoted header name are no separators. */
	assert_int_equal(DETECT("\"Name, legal\";\"A,B,C\";ACV\n"), ';');
	/* Only the header line counts, not the rows after it. */
	assert_int_equal(DETECT("Name;ACV\nA|B|C|D|E\n"), ';');
	/* Blank lines before the header are skipped. */
	assert_int_equal(DETECT("\r\n\nName|ACV\n"), '|');
	/* None, or a tie: a comma. */
	assert_int_equal(DETECT("Account Name\n"), ',');
	assert_int_equal(DETECT("A;B|C\n"), ',');
	assert_int_equal(DETECT(""), ',');
}

#define NOT_CSV(s, n)	csvin_not_csv(U(s), n)

static void
test_not_csv(void **state)
{
	static const char xlsx[] = "PK\x03\x04\x14\0\0\0\x08\0"
	    "[Content_Types].xml";
	static const char xl[] = "PK\x03\x04\0\0xl/workbook.xml";
	static const char zip[] = "PK\x03\x04\0\0notes.txt";

	(void)state;
	assert_string_equal(NOT_CSV(xlsx, sizeof xlsx - 1),
	    "an Excel workbook");
	assert_string_equal(NOT_CSV(xl, sizeof xl - 1), "an Excel workbook");
	assert_string_equal(NOT_CSV(zip, sizeof zip - 1), "a zip archive");
	assert_string_equal(NOT_CSV("[{\"a\":1}]", 9), "a JSON file");
	assert_string_equal(NOT_CSV("\n  {\"a\":1}", 10), "a JSON file");
	assert_null(NOT_CSV("Account Name,ACV\n", 17));
	assert_null(NOT_CSV("PK,Name\n", 8));
	assert_null(NOT_CSV("", 0));
}

/* --decimal-comma, and the hint a day-first date gets. */
static void
test_cells_locale(void **state)
{
	struct account	a;
	unsigned	m = 0;

	(void)state;
	account_init(&a);
	assert_null(csvin_cell_set(&a, &m, AF_ACV, "480.000,00 \xe2\x82\xac",
	    CSVIN_MDY | CSVIN_DECIMAL_COMMA));
	assert_int_equal(a.acv_cents, 48000000);
	assert_string_equal(a.currency, "EUR");
	assert_int_equal(m, AF_BIT(AF_ACV) | AF_BIT(AF_CURRENCY));
	assert_null(csvin_cell_set(&a, &m, AF_ACV, "1,5",
	    CSVIN_DMY | CSVIN_DECIMAL_COMMA));
	assert_int_equal(a.acv_cents, 150);
	assert_string_equal(csvin_cell_set(&a, &m, AF_ACV, "1.234,50",
	    CSVIN_MDY), "is not an amount");
	/* The flag leaves dates alone. */
	assert_null(csvin_cell_set(&a, &m, AF_RENEWAL_DATE, "3/15/2027",
	    CSVIN_MDY | CSVIN_DECIMAL_COMMA));
	assert_int_equal(a.renewal_date, D("2027-03-15"));
	assert_string_equal(csvin_cell_set(&a, &m, AF_RENEWAL_DATE,
	    "15/03/2027", CSVIN_MDY), "is not a date: the day comes first; "
	    "if the file's dates are D/M/YYYY, give --date-format dmy");
	/* Neither way round: no hint. */
	assert_string_equal(csvin_cell_set(&a, &m, AF_RENEWAL_DATE,
	    "13/45/2026", CSVIN_MDY), "is not a date");
	assert_string_equal(csvin_cell_set(&a, &m, AF_RENEWAL_DATE,
	    "15/03/2027", CSVIN_YMD), "is not a date");
	account_release(&a);
}

/* The row hash: what a row says and how it is read, nothing else. */
static void
test_row_hash(void **state)
{
	static const char *const head[] = { "Account ID", "Account Name",
	    "Renewal Date", "Billing City" };
	static const char *const head2[] = { "Account Name", "Account ID",
	    "Renewal Date", "Billing City" };
	static const char *const row[] = { "001000000000001AAA", "Acme",
	    "3/4/2027", "Springfield" };
	static const char *const row2[] = { "Acme", "001000000000001AAA",
	    "3/4/2027", "Shelbyville" };
	static const char *const row3[] = { "001000000000001AAA", "Acme ",
	    "3/4/2027", "Springfield" };
	struct csvin_header	h, h2;
	struct rec		x, y;
	char			*err = NULL, id[19];
	uint64_t		 v;

	(void)state;
	make(&x, 1, head, 4);
	assert_int_equal(csvin_header_init(&h, &x.r, NULL, 0, &err), 0);
	make(&x, 1, head2, 4);
	assert_int_equal(csvin_header_init(&h2, &x.r, NULL, 0, &err), 0);
	make(&x, 2, row, 4);
	v = csvin_row_hash(&h, &x.r, CSVIN_MDY, 1);
	assert_true(v != 0);
	/* The same cells in another order, an ignored column changed. */
	make(&y, 3, row2, 4);
	assert_true(csvin_row_hash(&h2, &y.r, CSVIN_MDY, 1) == v);
	/* Another date format, another key, a cell as read: not the same. */
	assert_true(csvin_row_hash(&h, &x.r, CSVIN_DMY, 1) != v);
	assert_true(csvin_row_hash(&h, &x.r, CSVIN_MDY | CSVIN_DECIMAL_COMMA,
	    1) != v);
	assert_true(csvin_row_hash(&h, &x.r, CSVIN_MDY, 2) != v);
	make(&y, 3, row3, 4);
	assert_true(csvin_row_hash(&h, &y.r, CSVIN_MDY, 1) != v);
	/* The same ID under another header: the columns swap places. */
	assert_true(csvin_row_hash(&h2, &x.r, CSVIN_MDY, 1) != v);
	assert_int_equal(csvin_row_sfid(&h, &x.r, id), 0);
	assert_string_equal(id, "001000000000001AAA");
	assert_int_equal(csvin_row_sfid(&h2, &x.r, id), -1);
	csvin_header_release(&h);
	csvin_header_release(&h2);
}

/* The key set never says no to a key it has, and rarely yes to others. */
static void
test_keyset(void **state)
{
	struct csvin_keyset	s;
	char			key[32];
	int			i, wrong = 0;

	(void)state;
	csvin_keyset_init(&s, 20000 * 14 / 8);
	for (i = 0; i < 20000; i++) {
		snprintf(key, sizeof key, "0015g%013d", i * 7);
		csvin_keyset_add(&s, key);
	}
	for (i = 0; i < 20000; i++) {
		snprintf(key, sizeof key, "0015g%013d", i * 7);
		assert_true(csvin_keyset_maybe(&s, key));
		snprintf(key, sizeof key, "0015g%013d", i * 7 + 3);
		wrong += csvin_keyset_maybe(&s, key);
	}
	/* About 0.3% at 14 bits a key: a hundred would be a broken hash. */
	assert_true(wrong < 200);
	csvin_keyset_release(&s);
	assert_null(s.word);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_footer),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_idset),
		cmocka_unit_test(test_detect_delim),
		cmocka_unit_test(test_not_csv),
		cmocka_unit_test(test_cells_locale),
		cmocka_unit_test(test_row_hash),
		cmocka_unit_test(test_keyset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
