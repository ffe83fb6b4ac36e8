/* test-out.c: the tsv and csv cell escapes (they write spans, not bytes). */
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
		{ "-5000", "\"'-5000\"" },
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv_escape),
		cmocka_unit_test(test_csv_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
