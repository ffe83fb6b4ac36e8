/*
 * test-account.c: the account record on its own (fields, parsing,
 * comparing): tests/layers.sh links this file with the pure modules
 * only, no SQLite, to keep the record free of the store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tam/account.h"
#include "tam/date.h"

static void
test_field_set(void **state)
{
	static const struct {
		enum account_field	 f;
		const char		*in;
		int			 ok;
	} cases[] = {
		{ AF_ACV,		"$250,000",		0 },
		{ AF_ACV,		"12abc",		-1 },
		{ AF_ACV,		"-$5,000",		-1 },
		{ AF_SFID,		"001A0000006Vm9r",	0 },
		{ AF_SFID,		"001A0000006Vm9rIAD",	-1 },
		{ AF_HEALTH_SCORE,	"80",			0 },
		{ AF_HEALTH_SCORE,	"101",			-1 },
		{ AF_RENEWAL_DATE,	"2027-07-31",		0 },
		{ AF_RENEWAL_DATE,	"2027-02-30",		-1 },
		{ AF_CURRENCY,		"eur",			0 },
		{ AF_CURRENCY,		"XYZ",			-1 },
		{ AF_NAME,		"Acme \xff",		-1 },
	};
	struct account	 a;
	char		*err;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		account_init(&a);
		err = NULL;
		assert_int_equal(account_field_set(&a, cases[i].f, cases[i].in,
		    date_from_ymd(2026, 11, 23), &err), cases[i].ok);
		if (cases[i].ok == 0)
			assert_null(err);
		else
			assert_non_null(err);
		free(err);
		account_release(&a);
	}
}

static void
test_values(void **state)
{
	struct account	 a;
	char		*err = NULL;

	(void)state;
	account_init(&a);
	assert_int_equal(account_field_set(&a, AF_ACV, "USD 250,000.50", 0,
	    &err), 0);
	assert_int_equal(a.has_acv, 1);
	assert_int_equal(a.acv_cents, 25000050);
	assert_string_equal(a.currency, "USD");
	assert_int_equal(account_field_set(&a, AF_SFID, "001a0000006vm9riac",
	    0, &err), 0);
	assert_string_equal(a.sfid, "001A0000006Vm9rIAC");
	assert_int_equal(account_field_set(&a, AF_RENEWAL_DATE, "2027-07-31",
	    0, &err), 0);
	assert_int_equal(a.renewal_date, date_from_ymd(2027, 7, 31));
	account_field_clear(&a, AF_RENEWAL_DATE);
	assert_int_equal(a.renewal_date, DATE_NONE);
	account_release(&a);
}

static void
test_diff_copy(void **state)
{
	struct account	 a, b;
	char		*err = NULL;

	(void)state;
	account_init(&a);
	assert_int_equal(account_field_set(&a, AF_NAME, "Acme", 0, &err), 0);
	assert_int_equal(account_field_set(&a, AF_HEALTH_SCORE, "80", 0,
	    &err), 0);
	account_copy(&b, &a);
	assert_int_equal(account_diff(&a, &b), 0);
	assert_int_equal(account_field_set(&b, AF_NAME, "Initech", 0, &err),
	    0);
	assert_int_equal(account_field_set(&b, AF_TAM, "alice", 0, &err), 0);
	assert_int_equal(account_diff(&a, &b), AF_BIT(AF_NAME) |
	    AF_BIT(AF_TAM));
	account_release(&a);
	account_release(&b);
}

/*
 * Every field set on b and copied one by one leaves a equal to b; each
 * one cleared again differs in that field alone (the name stays).
 */
static void
test_field_copy_clear(void **state)
{
	static const char *const value[AF_COUNT] = {
		[AF_SFID] = "001A0000006Vm9r", [AF_NAME] = "Acme",
		[AF_TAM] = "alice", [AF_SAL] = "sal", [AF_SA] = "sa",
		[AF_RSD] = "rsd", [AF_TAM_MANAGER] = "mgr",
		[AF_ACV] = "EUR 1,000", [AF_CURRENCY] = "eur",
		[AF_RENEWAL_DATE] = "2027-07-31", [AF_HEALTH_SCORE] = "80",
		[AF_SENTIMENT] = "Yellow - Requires Triage",
		[AF_LIFECYCLE_STAGE] = "stage", [AF_UPSELL] = "yes",
		[AF_REGION] = "EMEA", [AF_SEGMENT] = "smb",
		[AF_OBJECTIVES] = "grow", [AF_LICENSES] = "50",
		[AF_ACTIVE_USERS] = "40", [AF_ARCHIVED] = "yes",
	};
	struct account	 a, b, c;
	char		*err = NULL;
	int		 f;

	(void)state;
	account_init(&a);
	account_init(&b);
	/* The table is indexed by field, and says where each one lives. */
	for (f = 0; f < AF_COUNT; f++) {
		assert_int_equal(account_field_def(f)->id, f);
		assert_true(account_field_def(f)->size > 0);
	}
	/* Out of range: no slot, and a copy that changes nothing. */
	assert_null(account_text_slot(&a, AF_COUNT));
	account_field_copy(&a, &b, AF_COUNT);
	for (f = 0; f < AF_COUNT; f++)
		assert_int_equal(account_field_set(&b, f, value[f], 0, &err),
		    0);
	assert_int_equal(account_diff(&a, &b), (1u << AF_COUNT) - 1);
	for (f = 0; f < AF_COUNT; f++)
		account_field_copy(&a, &b, f);
	assert_int_equal(account_diff(&a, &b), 0);
	assert_ptr_not_equal(a.name, b.name);
	for (f = 0; f < AF_COUNT; f++) {
		account_copy(&c, &b);
		account_field_clear(&c, f);
		assert_int_equal(account_diff(&c, &b),
		    f == AF_NAME ? 0 : AF_BIT(f));
		account_release(&c);
	}
	account_field_clear(&a, AF_LICENSES);
	assert_int_equal(a.licenses, -1);
	account_field_clear(&a, AF_SENTIMENT);
	assert_int_equal(a.sentiment, SENT_NONE);
	assert_int_equal(a.requires_triage, 0);
	account_release(&a);
	account_release(&b);
}

static void
test_sentiment(void **state)
{
	static const struct {
		const char	*in;
		int		 want, triage;
	} cases[] = {
		{ "green",			SENT_GREEN,	0 },
		{ "RED",			SENT_RED,	0 },
		{ "Yellow - Requires Triage",	SENT_YELLOW,	1 },
		{ "Yellow (Requires Triage)",	SENT_YELLOW,	1 },
		{ "yellow",			SENT_YELLOW,	0 },
		{ "blue",			-1,		0 },
	};
	size_t	i;
	int	triage;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		triage = 0;
		assert_int_equal(sentiment_parse(cases[i].in, &triage),
		    cases[i].want);
		if (cases[i].want >= 0)
			assert_int_equal(triage, cases[i].triage);
	}
	assert_int_equal(sentiment_at_risk(SENT_RED, 0), 1);
	assert_int_equal(sentiment_at_risk(SENT_YELLOW, 1), 1);
	assert_int_equal(sentiment_at_risk(SENT_YELLOW, 0), 0);
	assert_string_equal(sentiment_name(SENT_GREEN), "green");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_set),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_diff_copy),
		cmocka_unit_test(test_field_copy_clear),
		cmocka_unit_test(test_sentiment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
