/*
 * test-cmdtable.c: the command table, the one grammar of the command
 * line: every option has what --help will print, getopt_long can take
 * it, and the usage line names it.  And cmd_attendees(), the people
 * of an account's meetings that ics and review list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/sched.h"
#include "tam/settings.h"

/* Does usage name "--name" as a whole word? */
static int
usage_names(const char *usage, const char *name)
{
	const char	*p = usage;
	size_t		 n = strlen(name);

	while ((p = strstr(p, "--")) != NULL) {
		p += 2;
		if (strncmp(p, name, n) == 0 &&
		    (p[n] == '\0' || strchr(" ]|=\n.", p[n]) != NULL))
			return 1;
	}
	return 0;
}

static void
check_entry(const struct cmd_entry *e, const struct cmd_entry *parent)
{
	const struct cmd_option	*o, *p;
	const char		*u;
	char			 name[64];
	int			 n = 0;

	for (o = e->options; o != NULL && o->name != NULL; o++, n++) {
		snprintf(name, sizeof name, "%s: --%s", e->usage, o->name);
		/* What the next issue's --help prints, line by line. */
		if (o->help == NULL || *o->help == '\0' ||
		    strchr(o->help, '\n') != NULL)
			fail_msg("%s: no one-line help", name);
		if ((o->has_arg == required_argument) != (o->arg != NULL))
			fail_msg("%s: an argument name iff it takes one", name);
		if (o->has_arg != no_argument &&
		    o->has_arg != required_argument)
			fail_msg("%s: optional arguments are not taken", name);
		/* getopt_long's '?' and ':' are its errors, 0 the end. */
		if (o->id <= ':' || o->id == '?')
			fail_msg("%s: id %d clashes with getopt", name, o->id);
		for (p = e->options; p != o; p++)
			if (p->id == o->id || strcmp(p->name, o->name) == 0)
				fail_msg("%s: twice in the table", name);
		/* account set's usage says "[add's options]". */
		u = e->usage;
		if (!usage_names(u, o->name) && (parent == NULL ||
		    strstr(u, "add's options") == NULL))
			fail_msg("%s: not in the usage", name);
	}
	assert_true(n <= CMD_OPTIONS_MAX);
	if (e->args.upper >= 0)
		assert_true(e->args.lower <= e->args.upper);
	if (e->args.lower > 0 && e->args.missing == NULL)
		fail_msg("%s: no message for too few arguments", e->usage);
	assert_true((e->exec != NULL) != (e->sub != NULL));
}

static void
test_every_option(void **state)
{
	const struct cmd_entry *const	*t, *const *s;
	int				 n = 0;

	(void)state;
	for (t = cmd_table(); *t != NULL; t++, n++) {
		check_entry(*t, NULL);
		for (s = (*t)->sub; s != NULL && *s != NULL; s++)
			check_entry(*s, *t);
	}
	assert_true(n > 15);
}

/* The global options, which a usage may name too (export's --format). */
static int
global(const char *p, size_t len)
{
	static const char *const names[] = { "db", "today", "format", "color",
	    "no-color", "quiet", "help", "version", NULL };
	int	i;

	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == len && strncmp(names[i], p, len) == 0)
			return 1;
	return 0;
}

/* And the other way round: every --option of a usage is in its table. */
static void
check_usage(const struct cmd_entry *e)
{
	const struct cmd_option	*o;
	const char		*p;
	size_t			 len;
	int			 found;

	if (e->sub != NULL)
		return;
	for (p = e->usage; (p = strstr(p, "--")) != NULL; p += len) {
		p += 2;
		len = strspn(p, "abcdefghijklmnopqrstuvwxyz-");
		found = global(p, len);
		for (o = e->options; o != NULL && o->name != NULL; o++)
			if (strlen(o->name) == len &&
			    strncmp(o->name, p, len) == 0)
				found = 1;
		if (!found)
			fail_msg("%s: --%.*s has no entry", e->usage, (int)len,
			    p);
	}
}

static void
test_every_usage_option(void **state)
{
	const struct cmd_entry *const	*t, *const *s;

	(void)state;
	for (t = cmd_table(); *t != NULL; t++) {
		check_usage(*t);
		for (s = (*t)->sub; s != NULL && *s != NULL; s++)
			check_usage(*s);
	}
}

/* The attendees of a's meetings are want, in order (NULL ends it). */
static void
attendees_are(const struct account *a, const struct settings *s,
    const char *const *want)
{
	char	*out[SCHED_MAX_ATTENDEES];
	int	 n, k;

	n = cmd_attendees(a, s, out);
	for (k = 0; k < n; k++) {
		assert_non_null(want[k]);
		assert_string_equal(out[k], want[k]);
		free(out[k]);
	}
	assert_null(want[n]);
}

/* Each person of the account in their own role; strategic over the ACV. */
static void
test_attendees(void **state)
{
	struct settings	 s;
	struct account	 a;
	char		 tam[] = "alice", sal[] = "bob", sa[] = "sam";
	char		 rsd[] = "rita", manager[] = "max";
	const char	*plain[] = { "alice (TAM)", "bob (SAL)", NULL };
	const char	*upsell[] = { "alice (TAM)", "bob (SAL)", "sam (SA)",
	    NULL };
	const char	*strategic[] = { "alice (TAM)", "bob (SAL)", "sam (SA)",
	    "rita (RSD)", "max (TAM manager)", NULL };

	(void)state;
	memset(&s, 0, sizeof s);
	s.strategic_cents = 25000000;
	account_init(&a);
	a.tam = tam;
	a.sal = sal;
	a.sa = sa;
	a.rsd = rsd;
	a.tam_manager = manager;
	attendees_are(&a, &s, plain);
	a.upsell = 1;
	attendees_are(&a, &s, upsell);
	a.has_acv = 1;
	a.acv_cents = 25000000;
	attendees_are(&a, &s, upsell);
	a.acv_cents++;
	attendees_are(&a, &s, strategic);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_option),
		cmocka_unit_test(test_every_usage_option),
		cmocka_unit_test(test_attendees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
