/* test-money.c: amounts in, amounts out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "tam/money.h"

static void
test_parse(void **state)
{
	static const struct { const char *in; int64_t cents; const char *cur; }
	    cases[] = {
		{ "250000", 25000000, "" },
		{ "250000.50", 25000050, "" },
		{ "250000.5", 25000050, "" },
		{ "$250,000", 25000000, "" },
		{ "USD 250,000.00", 25000000, "USD" },
		{ "EUR 1,234.50", 123450, "EUR" },
		{ "eur 1,234.50", 123450, "EUR" },
		{ "-5000", -500000, "" },
		{ "-$5,000", -500000, "" },
		{ "$-5,000", -500000, "" },
		{ "250000 USD", 25000000, "USD" },
		{ "0", 0, "" },
		{ "1,000,000", 100000000, "" },
		{ " 42 ", 4200, "" },
		{ "\xe2\x82\xac" "99", 9900, "EUR" },
		{ "USD250000", 25000000, "USD" },
	};
	struct money	m;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(money_parse(cases[i].in, &m), 0);
		assert_int_equal(m.cents, cases[i].cents);
		assert_string_equal(m.currency, cases[i].cur);
	}
}

static void
test_parse_rejects(void **state)
{
	static const char *const bad[] = { "", "abc", "$", "1,00", "12,34,567",
	    "1.234", "1.", ".5", "1 000", "USD EUR 5", "5 USD EUR", "--5",
	    "1e6", "0x10", "99999999999999999999", "$$5", "5$", "1,0000",
	    ",100", "US 5" };
	struct money	m;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(money_parse(bad[i], &m), -1);
}

static void
test_format(void **state)
{
	char	buf[48];

	(void)state;
	money_format(25000000, "USD", buf);
	assert_string_equal(buf, "$250,000");
	money_format(123450, "USD", buf);
	assert_string_equal(buf, "$1,234.50");
	money_format(-500000, NULL, buf);
	assert_string_equal(buf, "-$5,000");
	money_format(123450, "EUR", buf);
	assert_string_equal(buf, "EUR 1,234.50");
	money_format(0, "USD", buf);
	assert_string_equal(buf, "$0");
	money_format(99, "USD", buf);
	assert_string_equal(buf, "$0.99");
	money_format(100000000000, "USD", buf);
	assert_string_equal(buf, "$1,000,000,000");
}

static void
test_plain(void **state)
{
	char	buf[32];

	(void)state;
	money_plain(25000050, buf);
	assert_string_equal(buf, "250000.5");
	money_plain(25000000, buf);
	assert_string_equal(buf, "250000");
	money_plain(123401, buf);
	assert_string_equal(buf, "1234.01");
	money_plain(-500050, buf);
	assert_string_equal(buf, "-5000.5");
	money_plain(-5, buf);
	assert_string_equal(buf, "-0.05");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_plain),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
