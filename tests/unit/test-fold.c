/*
 * test-fold.c: name folding (NFC + Unicode case folding), prefix bounds,
 * and the query plans of the statements that look the folded names up.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tam/date.h"
#include "tam/db-ics.h"
#include "tam/db-import.h"
#include "tam/db-report.h"
#include "tam/db-sched.h"
#include "tam/text.h"
#include <sqlite3.h>

#include "db-internal.h"

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
		/* a character, not a byte: U+00BF, then U+00C0 */
		{ "a\xc2\xbf", "a\xc3\x80" },
		{ "a\xed\x9f\xbf", "a\xee\x80\x80" },
		{ "a\xf4\x8f\xbf\xbf", "b" },
		{ "a\xc3", "b" },
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

static int
no_account(void *arg, const struct account *a)
{
	(void)arg;
	(void)a;
	return 0;
}

static int
no_cta(void *arg, const struct cta *c)
{
	(void)arg;
	(void)c;
	return 0;
}

static int
no_task(void *arg, const struct task *t)
{
	(void)arg;
	(void)t;
	return 0;
}

static int
no_renewal(void *arg, const struct renewal_row *r)
{
	(void)arg;
	(void)r;
	return 0;
}

static int
no_at_risk(void *arg, const struct at_risk_row *r)
{
	(void)arg;
	(void)r;
	return 0;
}

static int
no_ics_task(void *arg, const struct task *t, const struct account *a,
    int64_t revision)
{
	(void)arg;
	(void)t;
	(void)a;
	(void)revision;
	return 0;
}

static int
no_due_account(void *arg, const struct due_account *a)
{
	(void)arg;
	(void)a;
	return 0;
}

static int
no_due_task(void *arg, const struct due_task *t)
{
	(void)arg;
	(void)t;
	return 0;
}

static int
no_due_cta(void *arg, const struct due_cta *c)
{
	(void)arg;
	(void)c;
	return 0;
}

/* The EXPLAIN QUERY PLAN of sql, all its lines in one string. */
static char *
plan_of(struct tam_db *db, const char *sql)
{
	sqlite3_stmt	*st;
	char		*q, *plan = xstrdup(""), *t;

	q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		t = xasprintf("%s%s\n", plan, sqlite3_column_text(st, 3));
		free(plan);
		plan = t;
	}
	sqlite3_finalize(st);
	free(q);
	return plan;
}

/*
 * Every statement that filters by a TAM or looks a name up is served by
 * account_by_tam (account_at_risk_by_tam, account_renewal_by_tam) or
 * account_by_name, not a scan of every account: runs each of them once,
 * then reads the plans of what the statement cache holds (the very SQL
 * tam runs).
 */
static void
test_plans(void **state)
{
	struct tam_db		*db;
	struct account_filter	 af = { 0 };
	struct cta_filter	 cf = { 0 };
	struct task_filter	 tf = { 0 };
	char			 path[] = "/tmp/tam-test-fold-XXXXXX";
	char			*dbpath, *err = NULL, *warn = NULL, *plan, *name, *fold;
	int64_t			*ids, two[2], count;
	int			 fd, n, i, ntam = 0, nname = 0;
	int			 today = date_from_ymd(2026, 11, 23);

	(void)state;
	assert_non_null(mkdtemp(path));
	dbpath = xasprintf("%s/tam.db", path);
	fd = db_open(dbpath, &db, &warn, &err);
	free(warn);
	assert_int_equal(fd, 0);
	af.tam = cf.tam = tf.tam = "alice chen";
	af.renewing_before = DATE_NONE;
	af.strategic_over = -1;
	assert_int_equal(db_account_each(db, &af, no_account, NULL, &err), 0);
	assert_int_equal(db_cta_each(db, &cf, no_cta, NULL, &err), 0);
	assert_int_equal(db_task_each(db, &tf, no_task, NULL, &err), 0);
	assert_int_equal(db_report_renewals(db, af.tam, today, today + 365,
	    no_renewal, NULL, &err), 0);
	assert_int_equal(db_report_at_risk(db, af.tam, no_at_risk, NULL,
	    &err), 0);
	assert_int_equal(db_ics_tasks(db, af.tam, today + 30, today - 30,
	    no_ics_task, NULL, &err), 0);
	assert_int_equal(db_sched_risk_missing(db, af.tam, no_due_account,
	    NULL, &err), 0);
	assert_int_equal(db_sched_unplanned(db, af.tam, today, today + 180,
	    no_due_account, NULL, &err), 0);
	assert_int_equal(db_sched_complete(db, af.tam, no_due_cta, NULL,
	    &err), 0);
	assert_int_equal(db_sched_update_missing(db, af.tam, no_due_cta, NULL,
	    &err), 0);
	assert_int_equal(db_due_tasks(db, af.tam, today + 14, no_due_task,
	    NULL, &err), 0);
	assert_int_equal(db_due_renewal_passed(db, af.tam, today,
	    no_due_account, NULL, &err), 0);
	assert_int_equal(db_due_recovered(db, af.tam, no_due_cta, NULL, &err),
	    0);
	assert_int_equal(db_due_stale(db, af.tam, today, today + 180,
	    "2026-08-25T00:00:00Z", no_due_account, NULL, &err), 0);
	assert_int_equal(db_due_count_renewing(db, af.tam, today, today + 180,
	    &count, &err), 0);
	assert_int_equal(db_tam_get(db, "alice chen", &name, &err), 1);
	assert_int_equal(db_tam_next(db, "", &fold, &name, &err), 1);
	for (i = 0; i <= 1; i++) {
		assert_int_equal(db_account_by_name(db, "Acme", i, 20, &ids,
		    &n, &err), 0);
		free(ids);
	}
	assert_int_equal(db_import_unlinked(db, "Acme", two, &n, &err), 0);

	for (i = 0; i < db->nslots; i++) {
		const char *sql = db->slots[i].sql;

		/* No scan of a whole table (SQLite says "SCAN t") either. */
		if (strstr(sql, "_fold") != NULL) {
			plan = plan_of(db, sql);
			if (strstr(plan, "SCAN ") != NULL)
				fail_msg("a scan in the plan of %s:\n%s", sql,
				    plan);
			free(plan);
		}
		if (strstr(sql, "tam_fold") != NULL &&
		    strstr(sql, ":tam_fold IS NULL") == NULL) {
			plan = plan_of(db, sql);
			/*
			 * From the TAM's accounts (all, those at risk, by
			 * renewal date), not the book's CTAs.
			 */
			if ((strstr(plan, "account_by_tam") == NULL &&
			    strstr(plan, "account_at_risk_by_tam") == NULL &&
			    strstr(plan, "account_renewal_by_tam") == NULL) ||
			    strstr(plan, "cta_by_status") != NULL)
				fail_msg("no account_by_tam in the plan of "
				    "%s:\n%s", sql, plan);
			free(plan);
			ntam++;
		} else if (strstr(sql, "name_fold") != NULL) {
			plan = plan_of(db, sql);
			if (strstr(plan, "account_by_name") == NULL)
				fail_msg("no account_by_name in the plan of "
				    "%s:\n%s", sql, plan);
			free(plan);
			nname++;
		}
	}
	/* 15 filtered queries and 2 TAM lookups; 3 name lookups. */
	assert_int_equal(ntam, 17);
	assert_int_equal(nname, 3);
	db_close(db);
	unlink(dbpath);
	plan = xasprintf("%s-wal", dbpath);
	unlink(plan);
	free(plan);
	plan = xasprintf("%s-shm", dbpath);
	unlink(plan);
	free(plan);
	free(dbpath);
	rmdir(path);
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
		cmocka_unit_test(test_plans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
