/*
 * test-spark.c: the scaling of sparklines and bars and the glyphs they
 * are drawn with, in UTF-8 and in ASCII, every case written out.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tam/account.h"
#include "tam/spark.h"

static void
test_level(void **state)
{
	static const struct {
		int	v, lo, hi, n, want;
	} cases[] = {
		{ 0,	0, 100,	8, 0 },
		{ 100,	0, 100,	8, 7 },
		{ 50,	0, 100,	8, 4 },	/* 3.5 rounds up */
		{ 49,	0, 100,	8, 3 },
		{ 7,	0, 100,	8, 0 },	/* 0.49 */
		{ 8,	0, 100,	8, 1 },	/* 0.56 */
		{ 70,	70, 70,	8, 3 },	/* flat: the middle */
		{ 70,	70, 70,	5, 2 },
		{ 40,	40, 85,	5, 0 },
		{ 85,	40, 85,	5, 4 },
		{ 60,	40, 85,	5, 2 },	/* 1.78 */
		{ 55,	40, 85,	5, 1 },	/* 1.33 */
		{ 1,	0, 2,	1, 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(spark_level(cases[i].v, cases[i].lo,
		    cases[i].hi, cases[i].n), cases[i].want);
}

static void
test_line(void **state)
{
	static const int	rise[] = { 40, 55, 60, 70, 85 };
	static const int	flat[] = { 70, 70, 70 };
	static const int	fall[] = { 90, 10 };
	static const struct {
		const int	*v;
		int		 n, utf8;
		const char	*line, *change;
	} cases[] = {
		{ rise, 5, 1, "\u2581\u2583\u2584\u2586\u2588",
		    "40 \u2192 85 (+45)" },
		{ rise, 5, 0, "_.-=^", "40 -> 85 (+45)" },
		{ flat, 3, 1, "\u2584\u2584\u2584", "70 (unchanged)" },
		{ flat, 3, 0, "---", "70 (unchanged)" },
		{ fall, 2, 1, "\u2588\u2581", "90 \u2192 10 (-80)" },
		{ fall, 2, 0, "^_", "90 -> 10 (-80)" },
		{ rise, 0, 0, "", NULL },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = spark_line(cases[i].v, cases[i].n, cases[i].utf8);
		assert_string_equal(s, cases[i].line);
		free(s);
		if (cases[i].change == NULL)
			continue;
		s = spark_change(cases[i].v, cases[i].n, cases[i].utf8);
		assert_string_equal(s, cases[i].change);
		free(s);
	}
}

static void
test_cells(void **state)
{
	static const struct {
		int64_t	v, max;
		int	width, want;
	} cases[] = {
		{ 0,		100,	40,	0 },
		{ 100,		100,	40,	40 },
		{ 50,		100,	40,	20 },
		{ 1,		100,	40,	1 },	/* 0.4: shown all the same */
		{ 3,		200,	40,	1 },	/* 0.6 */
		{ 4,		200,	40,	1 },	/* 0.8 */
		{ 5,		200,	40,	1 },	/* 1.0 */
		{ 7,		200,	40,	1 },	/* 1.4 */
		{ 8,		200,	40,	2 },	/* 1.6 */
		{ 150,		100,	40,	40 },	/* never past the width */
		{ 10,		0,	40,	0 },
		{ 10,		100,	0,	0 },
		{ INT64_MAX / 2, INT64_MAX, 200, 100 },	/* no overflow */
		{ INT64_C(1250000000), INT64_C(5000000000), 72, 18 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(spark_cells(cases[i].v, cases[i].max,
		    cases[i].width), cases[i].want);
}

static void
test_bar(void **state)
{
	static const struct {
		int64_t		 total, part, max;
		int		 width, utf8;
		const char	*on, *off, *want;
	} cases[] = {
		{ 100, 0,   100, 10, 0, NULL, NULL, "##########" },
		{ 100, 30,  100, 10, 0, NULL, NULL, "#######!!!" },
		{ 100, 100, 100, 10, 0, NULL, NULL, "!!!!!!!!!!" },
		{ 50,  10,  100, 10, 0, NULL, NULL, "####!" },
		{ 0,   0,   100, 10, 0, NULL, NULL, "" },
		/* Both kinds stay visible in a bar of two cells or more. */
		{ 100, 99,  100, 10, 0, NULL, NULL, "#!!!!!!!!!" },
		{ 10,  9,   100, 10, 0, NULL, NULL, "!" },
		{ 20,  19,  100, 10, 0, NULL, NULL, "#!" },
		{ 100, 30,  100, 5,  1, NULL, NULL,
		    "\u2588\u2588\u2588\u2592\u2592" },
		{ 100, 30,  100, 5,  0, "<", ">", "###<!!>" },
		{ 100, 0,   100, 5,  0, "<", ">", "#####" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = spark_bar(cases[i].total, cases[i].part, cases[i].max,
		    cases[i].width, cases[i].utf8, cases[i].on, cases[i].off);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

static void
test_mark(void **state)
{
	(void)state;
	assert_string_equal(spark_mark(SENT_GREEN, 1), "\u25cf");
	assert_string_equal(spark_mark(SENT_YELLOW, 1), "\u25d0");
	assert_string_equal(spark_mark(SENT_RED, 1), "\u25cb");
	assert_string_equal(spark_mark(SENT_NONE, 1), "\u00b7");
	assert_string_equal(spark_mark(SENT_GREEN, 0), "G");
	assert_string_equal(spark_mark(SENT_YELLOW, 0), "Y");
	assert_string_equal(spark_mark(SENT_RED, 0), "R");
	assert_string_equal(spark_mark(SENT_NONE, 0), ".");
}

static void
test_strip(void **state)
{
	static const int	 v[] = { SENT_GREEN, SENT_YELLOW, SENT_RED,
	    SENT_NONE, 9 };
	static const char *const color[4] = { NULL, "<g>", "<y>", "<r>" };
	char			*s;

	(void)state;
	s = spark_strip(v, 5, 0, NULL, NULL);
	assert_string_equal(s, "GYR..");
	free(s);
	s = spark_strip(v, 5, 1, NULL, NULL);
	assert_string_equal(s, "\u25cf\u25d0\u25cb\u00b7\u00b7");
	free(s);
	s = spark_strip(v, 3, 0, color, "</>");
	assert_string_equal(s, "<g>G</><y>Y</><r>R</>");
	free(s);
	s = spark_strip(v + 3, 1, 0, color, "</>");
	assert_string_equal(s, ".");
	free(s);
	s = spark_strip(v, 0, 1, color, "</>");
	assert_string_equal(s, "");
	free(s);
}

static void
test_utf8(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	assert_int_equal(spark_utf8(), 0);
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL)
		assert_int_equal(spark_utf8(), 1);
	setlocale(LC_CTYPE, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
