/* test-playbook.c: the At-Risk CTA operations on a real temporary database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tam/account.h"
#include "tam/account-store.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/playbook.h"
#include "tam/settings.h"

/* What the playbook's functions take: no command context. */
struct fixture {
	struct tam_db		*db;
	struct settings		*settings;
	int			 today;
	const char		*user;
	char			 path[64];
	int64_t			 account;
};

static int
setup(void **state)
{
	struct fixture		*f = calloc(1, sizeof *f);
	struct account_writer	 w;
	struct account		 a;
	char			*err = NULL, *warn = NULL;
	int			 fd;

	snprintf(f->path, sizeof f->path, "/tmp/tam-test-XXXXXX");
	if ((fd = mkstemp(f->path)) < 0)
		return -1;
	close(fd);
	unlink(f->path);
	if (db_open(f->path, &f->db, &warn, &err) != 0)
		return -1;
	free(warn);
	date_parse_iso("2026-11-23", &f->today);
	f->user = "tester";
	account_init(&a);
	a.name = xstrdup("Acme");
	a.sentiment = SENT_RED;
	w.db = f->db;
	w.settings = NULL;	/* account_create does not re-plan */
	w.today = f->today;
	w.author = f->user;
	if (account_create(&w, &a, &err) != 0)
		return -1;
	f->account = a.id;
	account_release(&a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 side[80];

	db_close(f->db);
	free(f->settings);
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

struct seen {
	char	kinds[8][32];
	char	status[8][16];
	int	due[8];
	int	n;
};

static int
see_task(void *arg, const struct task *t)
{
	struct seen	*s = arg;

	if (s->n < 8) {
		snprintf(s->kinds[s->n], 32, "%s", t->kind);
		snprintf(s->status[s->n], 16, "%s", t->status);
		s->due[s->n] = t->due;
		s->n++;
	}
	return 0;
}

static struct seen
tasks_of(struct fixture *f, int64_t cta)
{
	struct task_filter	tf = { 0 };
	struct seen		s;
	char			*err = NULL;

	memset(&s, 0, sizeof s);
	tf.cta_id = cta;
	assert_true(db_task_each(f->db, &tf, see_task, &s, &err) >= 0);
	return s;
}

static int
D(const char *s)
{
	int	d;

	assert_int_equal(date_parse_iso(s, &d), 0);
	return d;
}

/* The settings as stored now (loaded once, as a command would). */
static const struct settings *
S(struct fixture *f)
{
	char	*err = NULL;

	if (f->settings == NULL)
		f->settings = settings_load(f->db, &err);
	assert_non_null(f->settings);
	return f->settings;
}

static void
test_open_once(void **state)
{
	struct fixture	*f = *state;
	struct seen	 s;
	int64_t		 id = 0, again = 0;
	char		*err = NULL;

	assert_int_equal(playbook_open_risk_cta(f->db, S(f),
	    f->today, f->user, f->account, "sync",
	    NULL, NULL, NULL, &id, &err), 0);
	assert_true(id > 0);
	s = tasks_of(f, id);
	assert_int_equal(s.n, 2);
	/* Ordered by due date: the type/reason task today, the update later. */
	assert_string_equal(s.kinds[0], "risk_cta_update");
	assert_string_equal(s.status[0], "open");
	assert_int_equal(s.due[0], D("2026-11-23"));
	assert_string_equal(s.kinds[1], "risk_update");
	assert_int_equal(s.due[1], D("2026-12-23"));
	/* One open risk CTA per account. */
	assert_int_equal(playbook_open_risk_cta(f->db, S(f),
	    f->today, f->user, f->account, "tam",
	    NULL, NULL, NULL, &again, &err), 1);
	assert_int_equal(again, id);
}

static void
test_open_with_type_and_reason(void **state)
{
	struct fixture	*f = *state;
	struct seen	 s;
	int64_t		 id = 0;
	char		*err = NULL;

	assert_int_equal(playbook_open_risk_cta(f->db, S(f),
	    f->today, f->user, f->account, "tam",
	    "Customer Churn", "Loss of Budget", "budget cut", &id, &err), 0);
	s = tasks_of(f, id);
	assert_string_equal(s.kinds[0], "risk_cta_update");
	assert_string_equal(s.status[0], "done");
}

static void
test_update_moves_the_task(void **state)
{
	struct fixture	*f = *state;
	struct seen	 s;
	int64_t		 id = 0;
	char		*err = NULL;

	assert_int_equal(playbook_open_risk_cta(f->db, S(f),
	    f->today, f->user, f->account, "tam",
	    NULL, NULL, NULL, &id, &err), 0);
	/* Posted on 2027-01-02 (a Saturday): next due a month later,
	 * 2027-02-02 (a Tuesday). */
	f->today = D("2027-01-02");
	assert_int_equal(playbook_risk_update_posted(f->db, S(f),
	    f->today, f->account, &err), 0);
	s = tasks_of(f, id);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.kinds[1], "risk_update");
	assert_string_equal(s.status[1], "done");
	assert_string_equal(s.kinds[2], "risk_update");
	assert_string_equal(s.status[2], "open");
	assert_int_equal(s.due[2], D("2027-02-02"));
}

static void
test_weekly_cadence_and_weekend(void **state)
{
	struct fixture	*f = *state;
	struct seen	 s;
	int64_t		 id = 0;
	char		*err = NULL;

	assert_int_equal(db_setting_set(f->db, "risk_update.every", "1w",
	    &err), 0);
	/* Opened Saturday 2026-11-28: a week later is a Saturday, moved to
	 * Friday 2026-12-04. */
	f->today = D("2026-11-28");
	assert_int_equal(playbook_open_risk_cta(f->db, S(f),
	    f->today, f->user, f->account, "tam",
	    NULL, NULL, NULL, &id, &err), 0);
	s = tasks_of(f, id);
	assert_int_equal(s.due[1], D("2026-12-04"));
}

static void
test_update_without_cta_is_noop(void **state)
{
	struct fixture	*f = *state;
	char		*err = NULL;

	assert_int_equal(playbook_risk_update_posted(f->db, S(f),
	    f->today, f->account, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_once, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_with_type_and_reason,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_moves_the_task,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_weekly_cadence_and_weekend,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_without_cta_is_noop,
		    setup, teardown),
	};

	return cmocka_run_group_tests_name("playbook", tests, NULL, NULL);
}
