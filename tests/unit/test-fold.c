/* test-fold.c: name folding (NFC + Unicode case folding), prefix bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/text-fold.h"

/* Pairs that must fold to the same string, and what that string is. */
static void
test_same(void **state)
{
	static const struct { const char *a, *b, *want; } cases[] = {
		{ "Acme Corp", "ACME CORP", "acme corp" },
		{ "SOCIÉTÉ GÉNÉRALE ΩMEGA", "Société Générale ωmega",
		    "société générale ωmega" },
		/* U+2126 OHM SIGN is Ω in NFC. */
		{ "\xe2\x84\xa6mega", "ωMEGA", "ωmega" },
		{ "STRASSE AG", "Straße AG", "strasse ag" },
		/* e + U+0301 COMBINING ACUTE ACCENT, typed decomposed. */
		{ "Socie\xcc\x81te\xcc\x81", "SOCIÉTÉ", "société" },
		/* Final sigma folds to sigma. */
		{ "ΟΔΥΣΣΕΥΣ", "Οδυσσευς", "οδυσσευσ" },
		{ "Ǆemal", "ǆEMAL", "ǆemal" },
		{ "", "", "" },
	};
	size_t	 i;
	char	*fa, *fb;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fa = text_fold(cases[i].a);
		fb = text_fold(cases[i].b);
		assert_string_equal(fa, cases[i].want);
		assert_string_equal(fb, cases[i].want);
		free(fa);
		free(fb);
	}
	assert_null(text_fold(NULL));
}

/* Names that differ must stay apart. */
static void
test_different(void **state)
{
	static const struct { const char *a, *b; } cases[] = {
		{ "Société", "Societe" },
		{ "Straße", "Strase" },
		{ "Acme", "Acme " },
	};
	size_t	 i;
	char	*fa, *fb;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fa = text_fold(cases[i].a);
		fb = text_fold(cases[i].b);
		assert_string_not_equal(fa, fb);
		free(fa);
		free(fb);
	}
}

/* Bytes that are not UTF-8 still fold (ASCII letters only). */
static void
test_invalid(void **state)
{
	char	*f;

	(void)state;
	f = text_fold("AB\xff" "C");
	assert_string_equal(f, "ab\xff" "c");
	free(f);
	f = text_fold_n("ABCD", 2);
	assert_string_equal(f, "ab");
	free(f);
}

static void
test_next(void **state)
{
	static const struct { const char *p, *want; } cases[] = {
		{ "acme", "acmf" },
		{ "a", "b" },
		{ "soci\xc3\xa9", "soci\xc3\xaa" },
		{ "ab\xff", "ac" },
	};
	size_t	 i;
	char	*n;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = text_fold_next(cases[i].p);
		assert_string_equal(n, cases[i].want);
		/* Every string starting with p sorts between p and next. */
		assert_true(strcmp(cases[i].p, n) < 0);
		free(n);
	}
}

static void
test_starts_word(void **state)
{
	static const struct { const char *name, *p; int want; } cases[] = {
		{ "alice chen", "alice", 1 },
		{ "alice chen", "al", 1 },
		{ "alice chen", "chen", 1 },
		{ "alice chen", "ch", 1 },
		{ "alice chen", "alice c", 1 },
		{ "alice chen", "lice", 0 },
		{ "alice chen", "hen", 0 },
		{ "alice chen", "chen wu", 0 },
		{ "anne-marie dubois", "marie", 1 },
		{ "o'brien", "brien", 1 },
		{ "alice chen", "", 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(text_fold_starts_word(cases[i].name,
		    cases[i].p), cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_different),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_starts_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
