/* test-sfid.c: Salesforce 15/18-character ID conversion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tam/sfid.h"

static void
test_15_to_18(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "001A0000006Vm9r", "001A0000006Vm9rIAC" },
		{ "003A0000005QB3A", "003A0000005QB3AIAW" },
		{ "0013t00001AbCdE", "0013t00001AbCdEAAV" },
		{ "000000000000000", "000000000000000AAA" },
		{ "AAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAA555" },
	};
	char	out[19];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(sfid_normalize(cases[i].in, out), 0);
		assert_string_equal(out, cases[i].want);
		/* The 18-character form is its own normal form. */
		assert_int_equal(sfid_normalize(cases[i].want, out), 0);
		assert_string_equal(out, cases[i].want);
	}
}

static void
test_18_any_case(void **state)
{
	char	out[19];

	(void)state;
	/* The suffix restores the case of a case-mangled 18-char ID. */
	assert_int_equal(sfid_normalize("001a0000006vm9riac", out), 0);
	assert_string_equal(out, "001A0000006Vm9rIAC");
	assert_int_equal(sfid_normalize("001A0000006VM9RIAC", out), 0);
	assert_string_equal(out, "001A0000006Vm9rIAC");
}

static void
test_rejects(void **state)
{
	static const struct { const char *in; int why; const char *want; }
	    bad[] = {
		{ "", SFID_SHAPE, NULL },
		{ "001A0000006Vm9", SFID_SHAPE, NULL },
		{ "001A0000006Vm9rI", SFID_SHAPE, NULL },
		{ "001A0000006Vm9r!", SFID_SHAPE, NULL },
		{ "001A0000006Vm9rIA", SFID_SHAPE, NULL },
		{ "001A-000006Vm9r", SFID_SHAPE, NULL },
		{ "001A0000006Vm9rIAC0", SFID_SHAPE, NULL },
		{ "001A0000006Vm9rIAD", SFID_SUFFIX, "IAC" },
		/* mixed case is Salesforce's: the suffix must fit it */
		{ "001A0000006Vm9rAAA", SFID_SUFFIX, "IAC" },
		{ "0013t00001AbCdEAAA", SFID_SUFFIX, "AAV" },
		{ "001A0000006Vm9r999", SFID_SUFFIX, "IAC" },
		/* suffix claims an uppercase digit */
		{ "000000000000000AAB", SFID_SUFFIX, "AAA" },
	};
	char	out[19], want[4];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(sfid_normalize(bad[i].in, out), -1);
		assert_int_equal(sfid_check(bad[i].in, out, want), bad[i].why);
		if (bad[i].want != NULL)
			assert_string_equal(want, bad[i].want);
	}
}

static void
test_suffix_either_case(void **state)
{
	char	out[19];

	(void)state;
	/* The suffix alone lower-cased still matches the ID as written. */
	assert_int_equal(sfid_check("001A0000006Vm9riac", out, NULL), SFID_OK);
	assert_string_equal(out, "001A0000006Vm9rIAC");
}

static void
test_messages(void **state)
{
	char	buf[SFID_ERROR_MAX];

	(void)state;
	sfid_error_text("001A0000006Vm9rAAA", buf);
	assert_string_equal(buf, "is not a Salesforce ID: its checksum suffix "
	    "'AAA' does not match the first 15 characters, which call for "
	    "'IAC' (001A0000006Vm9rIAC)");
	sfid_error_text("001A-000006Vm9r", buf);
	assert_string_equal(buf, "is not a Salesforce ID (15 or 18 letters "
	    "and digits)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_15_to_18),
		cmocka_unit_test(test_18_any_case),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_suffix_either_case),
		cmocka_unit_test(test_messages),
	};

	return cmocka_run_group_tests_name("sfid", tests, NULL, NULL);
}
