/*
 * test-out.c: the tsv and csv cell escapes (they write spans, not bytes),
 * the csv formula guard, and the table cells a terminal gets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tam/out.h"

/* What fn writes for s, as a string (freed by the caller). */
static char *
render(void (*fn)(FILE *, const char *), const char *s)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	fn(fp, s);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
test_tsv_escape(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "a\tb", "a\\tb" },
		{ "line\nbreak\r\n", "line\\nbreak\\r\\n" },
		{ "\\", "\\\\" },
		{ "ends with \\", "ends with \\\\" },
		{ "\t\t", "\\t\\t" },
		{ "=SUM(A1)", "=SUM(A1)" },	/* tsv guards no formula */
		{ "Caf\xc3\xa9 \xe2\x80\x94 ok", "Caf\xc3\xa9 \xe2\x80\x94 ok" },
	};
	size_t	i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = render(out_tsv_escape, cases[i].in);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static void
test_csv_field(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "a,b", "\"a,b\"" },
		{ "\"", "\"\"\"\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "=1+1", "\"'=1+1\"" },
		{ "-5000", "-5000" },		/* a number stays one */
		{ "-5000x", "\"'-5000x\"" },
		{ "@x\"y", "\"'@x\"\"y\"" },
		{ "\tlead", "\"'\tlead\"" },
	};
	size_t	i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = render(out_csv_field, cases[i].in);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* One row per cell: does a spreadsheet need the "'" to keep it text? */
static void
test_csv_guard(void **state)
{
	static const struct { const char *in; int guard; } cases[] = {
		{ "", 0 },
		{ "Acme", 0 },
		{ "54", 0 },
		{ "-54", 0 },			/* days_to_renewal */
		{ "-9", 0 },			/* overdue days */
		{ "-40000", 0 },		/* net_arr_change */
		{ "-40000.5", 0 },
		{ "-0.25", 0 },
		{ "-", 1 },
		{ "--", 1 },
		{ "-.5", 1 },
		{ "-5.", 1 },
		{ "-5.5.5", 1 },
		{ "-1e5", 1 },
		{ "-1+2", 1 },
		{ "-2+3+cmd|' /C calc'!A0", 1 },
		{ "- 5", 1 },
		{ "-5 ", 1 },
		{ "+5", 1 },
		{ "=1+1", 1 },
		{ "@SUM(A1)", 1 },
		{ "\t-5", 1 },
		{ "\r=1", 1 },
		{ "5-3", 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (out_csv_cell_needs_guard(cases[i].in) != cases[i].guard)
			fail_msg("'%s': guard %d, want %d", cases[i].in,
			    !cases[i].guard, cases[i].guard);
}

/* The csv of one list: a text column and a number column. */
static char *
csv_list(const char *text, int64_t n)
{
	static const struct out_col cols[] = {
		{ "name", "NAME", OUT_STR, 0 },
		{ "days", "DAYS", OUT_INT, 0 },
		{ "acv", "ACV", OUT_MONEY, 0 },
	};
	struct tam_ctx	 ctx = { 0 };
	struct out	*o;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*saved = stdout;

	ctx.format = FMT_CSV;
	stdout = open_memstream(&buf, &len);
	assert_non_null(stdout);
	o = out_begin(&ctx, cols, 3);
	out_str(o, text);
	out_int(o, n);
	out_money(o, n * 100 - 50);
	out_row_end(o);
	assert_int_equal(out_finish(o), 0);
	assert_int_equal(fclose(stdout), 0);
	stdout = saved;
	return buf;
}

static void
test_csv_numbers(void **state)
{
	char	*got;

	(void)state;
	got = csv_list("-x", -54);
	assert_string_equal(got, "name,days,acv\n\"'-x\",-54,-54.5\n");
	free(got);
	got = csv_list("-9", 7);
	assert_string_equal(got, "name,days,acv\n-9,7,6.5\n");
	free(got);
}

/* A table of one text column, as a person's terminal gets it. */
static char *
table_of(const char *text)
{
	static const struct out_col cols[] = {
		{ "name", "NAME", OUT_STR, 0 },
	};
	struct tam_ctx	 ctx = { 0 };
	struct out	*o;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*saved = stdout;

	ctx.format = FMT_TABLE;
	stdout = open_memstream(&buf, &len);
	assert_non_null(stdout);
	o = out_begin(&ctx, cols, 1);
	out_str(o, text);
	out_row_end(o);
	assert_int_equal(out_finish(o), 0);
	assert_int_equal(fclose(stdout), 0);
	stdout = saved;
	return buf;
}

static void
test_table_cells(void **state)
{
	char	*got;

	(void)state;
	got = table_of("Evil\033]0;x\007\033[8mCorp");
	assert_string_equal(got, "NAME\nEvil^[]0;x^G^[[8mCorp\n");
	free(got);
	got = table_of("C1 \xc2\x9b" "2J and \xc2\x85 line\tx\ny");
	assert_string_equal(got, "NAME\nC1 <U+009B>2J and <U+0085> line x y\n");
	free(got);
}

/* A table of the rows given, laid out for a terminal `cols` wide. */
static char *
table_fit(const char *cols_env, const char *const *rows, int n)
{
	static const struct out_col cols[] = {
		{ "id", "ID", OUT_INT, 0 },
		{ "name", "NAME", OUT_STR, OUT_SHRINK },
		{ "sal", "SAL", OUT_STR, OUT_SHRINK | OUT_DROP(1) },
		{ "state", "STATE", OUT_STR, 0 },
		{ "health", "HEALTH", OUT_INT, OUT_DROP(2) },
	};
	struct tam_ctx	 ctx = { 0 };
	struct out	*o;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*saved = stdout;
	int		 i;

	setenv("COLUMNS", cols_env, 1);
	ctx.format = FMT_TABLE;
	stdout = open_memstream(&buf, &len);
	assert_non_null(stdout);
	o = out_begin(&ctx, cols, 5);
	for (i = 0; i < n; i++) {
		out_int(o, i + 1);
		out_str(o, rows[i]);
		out_str(o, "Bob Stone");
		out_str(o, "yellow+triage");
		out_int(o, 74);
		out_row_end(o);
	}
	assert_int_equal(out_finish(o), 0);
	assert_int_equal(fclose(stdout), 0);
	stdout = saved;
	unsetenv("COLUMNS");
	return buf;
}

/*
 * Free text is cut first, then columns go by rank; an enum is never
 * cut; widths are display cells (a CJK name is two a character).
 */
static void
test_table_fit(void **state)
{
	static const char *const rows[] = {
		"Wayne Enterprises International",
		"\xe6\x9d\xb1\xe4\xba\xac",	/* 4 cells */
	};
	char	*got;

	(void)state;
	/* room for all: as wide as it needs */
	got = table_fit("200", rows, 2);
	assert_string_equal(got,
	    "ID  NAME                "
	        "             SAL        STATE          HEALTH\n"
	    " 1  Wayne Enterprises International"
	        "  Bob Stone  yellow+triage      74\n"
	    " 2  \xe6\x9d\xb1\xe4\xba\xac      "
	        "                       Bob Stone  yellow+triage      74\n");
	free(got);
	/* 60: the name cut, nothing left out */
	got = table_fit("60", rows, 2);
	assert_string_equal(got,
	    "ID  NAME                    SAL        STATE          HEALTH\n"
	    " 1  Wayne Enterprises Int\xe2\x80\xa6"
	        "  Bob Stone  yellow+triage      74\n"
	    " 2  \xe6\x9d\xb1\xe4\xba\xac  "
	        "                  Bob Stone  yellow+triage      74\n");
	free(got);
	/*
	 * 40: SAL (rank 1) goes, then HEALTH (rank 2), rather than cut
	 * the name below OUT_SHRINK_MIN; the name gets the room back.
	 */
	got = table_fit("40", rows, 2);
	assert_string_equal(got,
	    "ID  NAME                   STATE\n"
	    " 1  Wayne Enterprises In\xe2\x80\xa6  yellow+triage\n"
	    " 2  \xe6\x9d\xb1\xe4\xba\xac                   yellow+triage\n");
	free(got);
	/* 30: nothing left to leave out: the name cut short, the state whole */
	got = table_fit("30", rows, 2);
	assert_string_equal(got,
	    "ID  NAME         STATE\n"
	    " 1  Wayne Ente\xe2\x80\xa6  yellow+triage\n"
	    " 2  \xe6\x9d\xb1\xe4\xba\xac         yellow+triage\n");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv_escape),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_csv_numbers),
		cmocka_unit_test(test_table_cells),
		cmocka_unit_test(test_table_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
