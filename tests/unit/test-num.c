/* test-num.c: parse_int, the one parser of whole numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tam/num.h"

static void
test_parse_int(void **state)
{
	static const struct {
		const char	*in;
		int64_t		 min, max;
		int		 rc;
		int64_t		 want;
	} cases[] = {
		{ "0",			0, 100,		0,  0 },
		{ "42",			0, 100,		0,  42 },
		{ "100",		0, 100,		0,  100 },
		{ "101",		0, 100,		-1, 0 },
		{ "0",			1, 100,		-1, 0 },
		{ "007",		0, 100,		0,  7 },
		{ "",			0, 100,		-1, 0 },
		{ "-1",			-5, 100,	-1, 0 },
		{ "+1",			0, 100,		-1, 0 },
		{ " 1",			0, 100,		-1, 0 },
		{ "1 ",			0, 100,		-1, 0 },
		{ "1x",			0, 100,		-1, 0 },
		{ "0x10",		0, 100,		-1, 0 },
		{ "1,000",		0, 10000,	-1, 0 },
		{ "1.5",		0, 100,		-1, 0 },
		{ "9223372036854775807", 0, INT64_MAX, 0, INT64_MAX },
		{ "9223372036854775808", 0, INT64_MAX, -1, 0 },
		{ "99999999999999999999", 0, INT64_MAX, -1, 0 },
		{ "1000000000000",	0, INT64_C(1000000000000), 0,
		    INT64_C(1000000000000) },
		{ "1000000000001",	0, INT64_C(1000000000000), -1, 0 },
	};
	int64_t	n;
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = -99;
		assert_int_equal(parse_int(cases[i].in, cases[i].min,
		    cases[i].max, &n), cases[i].rc);
		if (cases[i].rc == 0)
			assert_int_equal(n, cases[i].want);
		else
			assert_int_equal(n, -99);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
