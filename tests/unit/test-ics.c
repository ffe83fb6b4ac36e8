/* test-ics.c: iCalendar folding, escaping, events and to-dos, open, closed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/date.h"
#include "tam/ics.h"

/* Runs ics_fold on line and returns what it wrote (caller frees). */
static char *
folded(const char *line)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	ics_fold(fp, line);
	fclose(fp);
	return buf;
}

/* n copies of s, joined. */
static char *
repeat(const char *s, int n)
{
	size_t	 l = strlen(s);
	char	*out = calloc(l * (size_t)n + 1, 1);
	int	 i;

	assert_non_null(out);
	for (i = 0; i < n; i++)
		memcpy(out + l * (size_t)i, s, l);
	return out;
}

/* Every physical line ends in CRLF and has at most 75 octets before it. */
static void
assert_lines_fit(const char *out)
{
	const char	*p = out, *crlf;

	while (*p != '\0') {
		crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		assert_true(crlf - p <= ICS_LINE_MAX);
		/* A line never starts inside a UTF-8 character. */
		assert_true(((unsigned char)*p & 0xC0) != 0x80);
		if (p != out)
			assert_int_equal(*p, ' ');
		p = crlf + 2;
	}
}

/* Unfolding (RFC 5545 3.1: remove CRLF + one space) gives line back. */
static void
assert_unfolds_to(const char *out, const char *line)
{
	char	*buf = calloc(strlen(out) + 1, 1), *q = buf;
	const char *p;

	assert_non_null(buf);
	for (p = out; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p++;
			if (p[1] == ' ')
				p++;
			continue;
		}
		*q++ = *p;
	}
	assert_string_equal(buf, line);
	free(buf);
}

static void
test_fold_short_line(void **state)
{
	char	*out = folded("VERSION:2.0");

	(void)state;
	assert_string_equal(out, "VERSION:2.0\r\n");
	free(out);
}

static void
test_fold_exactly_75(void **state)
{
	char	*line = repeat("a", 75), *out = folded(line), *want;

	(void)state;
	want = malloc(78);
	assert_non_null(want);
	snprintf(want, 78, "%s\r\n", line);
	assert_string_equal(out, want);
	free(want);
	free(out);
	free(line);
}

static void
test_fold_76(void **state)
{
	char	*line = repeat("a", 76), *out = folded(line);

	(void)state;
	/* 75 octets, then a space and the last one. */
	assert_int_equal(strlen(out), 75 + 2 + 1 + 1 + 2);
	assert_memory_equal(out + 75, "\r\n a\r\n", 6);
	assert_lines_fit(out);
	assert_unfolds_to(out, line);
	free(out);
	free(line);
}

static void
test_fold_continuation_holds_74(void **state)
{
	char	*line = repeat("b", 75 + 74 + 1), *out = folded(line);

	(void)state;
	/* Second physical line: a space and 74 octets = 75 in all. */
	assert_memory_equal(out + 77, " ", 1);
	assert_memory_equal(out + 77 + 75, "\r\n b\r\n", 6);
	assert_lines_fit(out);
	assert_unfolds_to(out, line);
	free(out);
	free(line);
}

static void
test_fold_two_byte_at_edge(void **state)
{
	/* 74 ASCII + "é" (2 octets): the cut at 75 would split it. */
	char	*head = repeat("c", 74), *line, *out;

	(void)state;
	line = malloc(80);
	assert_non_null(line);
	snprintf(line, 80, "%s\xc3\xa9z", head);
	out = folded(line);
	assert_memory_equal(out, head, 74);
	assert_string_equal(out + 74, "\r\n \xc3\xa9z\r\n");
	assert_lines_fit(out);
	assert_unfolds_to(out, line);
	free(out);
	free(line);
	free(head);
}

static void
test_fold_multibyte_everywhere(void **state)
{
	static const char *const chars[] = { "\xc3\xa9", "\xe2\x82\xac",
	    "\xf0\x9f\x98\x80", "a\xe6\x97\xa5" };
	char	*line, *out;
	size_t	 i;
	int	 n;

	(void)state;
	/* Every length and phase: no line too long, no character split. */
	for (i = 0; i < sizeof chars / sizeof chars[0]; i++)
		for (n = 1; n < 120; n += 7) {
			line = repeat(chars[i], n);
			out = folded(line);
			assert_lines_fit(out);
			assert_unfolds_to(out, line);
			free(out);
			free(line);
		}
}

static void
test_escape(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;
	} cases[] = {
		{ "plain text", "plain text" },
		{ "a,b;c\\d", "a\\,b\\;c\\\\d" },
		{ "line1\nline2", "line1\\nline2" },
		{ "crlf\r\nend", "crlf\\nend" },
		{ "cr\rend", "cr\\nend" },
		{ "tab\tstays", "tab\tstays" },
		{ "bell\a", "bell " },
		{ "\xc3\xa9t\xc3\xa9, \"quoted\"", "\xc3\xa9t\xc3\xa9\\, \"quoted\"" },
		{ "", "" },
	};
	size_t	 i;
	char	*out;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = ics_escape(cases[i].in);
		assert_string_equal(out, cases[i].want);
		free(out);
	}
}

/*
 * Writes the item and returns the text (caller frees).  The stream's
 * slots are static: gcc takes a returned buffer of a local slot for a
 * dangling pointer.
 */
static char *
item_text(const struct ics_item *it)
{
	static char	*buf;
	static size_t	 len;
	FILE		*fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	ics_item(fp, it);
	fclose(fp);
	return buf;
}

#define DBUID	"3f9c0d1e2a4b5c6d7e8f90a1b2c3d4e5"

static void
test_item_event(void **state)
{
	struct ics_item	 it;
	char		*buf;
	int		 d, stamp;

	(void)state;
	assert_int_equal(date_parse_iso("2027-02-26", &d), 0);
	assert_int_equal(date_parse_iso("2026-11-23", &stamp), 0);
	memset(&it, 0, sizeof it);
	it.task_id = 12;
	it.db_uid = DBUID;
	it.date = d;
	it.stamp = stamp;
	it.modified = "2026-11-20T07:05:09Z";
	it.summary = "Renewal Review 1: Acme, Inc.";
	it.description = "Attendees: a (TAM)\nACV: $1";
	buf = item_text(&it);
	assert_string_equal(buf,
	    "BEGIN:VEVENT\r\n"
	    "UID:task-12." DBUID "@tam\r\n"
	    "DTSTAMP:20261123T000000Z\r\n"
	    "SEQUENCE:0\r\n"
	    "LAST-MODIFIED:20261120T070509Z\r\n"
	    "DTSTART;VALUE=DATE:20270226\r\n"
	    "DTEND;VALUE=DATE:20270227\r\n"
	    "TRANSP:TRANSPARENT\r\n"
	    "STATUS:CONFIRMED\r\n"
	    "SUMMARY:Renewal Review 1: Acme\\, Inc.\r\n"
	    "DESCRIPTION:Attendees: a (TAM)\\nACV: $1\r\n"
	    "END:VEVENT\r\n");
	free(buf);
}

static void
test_item_todo(void **state)
{
	struct ics_item	 it;
	char		*buf;
	int		 d;

	(void)state;
	assert_int_equal(date_parse_iso("2026-12-31", &d), 0);
	memset(&it, 0, sizeof it);
	it.todo = 1;
	it.task_id = 7;
	it.db_uid = DBUID;
	it.date = d;
	it.stamp = d;
	it.summary = "Ask the renewal question";
	buf = item_text(&it);
	assert_string_equal(buf,
	    "BEGIN:VTODO\r\n"
	    "UID:task-7." DBUID "@tam\r\n"
	    "DTSTAMP:20261231T000000Z\r\n"
	    "SEQUENCE:0\r\n"
	    "DUE;VALUE=DATE:20261231\r\n"
	    "STATUS:NEEDS-ACTION\r\n"
	    "SUMMARY:Ask the renewal question\r\n"
	    "END:VTODO\r\n");
	free(buf);
}

/*
 * A closed task keeps its entry, with the status a calendar understands
 * and its SEQUENCE; one row per (kind, status).
 */
static void
test_item_closed(void **state)
{
	static const struct {
		int		 todo;
		enum ics_status	 status;
		int64_t		 seq;
		const char	*want_status;
		const char	*want_completed;
	} cases[] = {
		{ 1, ICS_DONE, 1, "STATUS:COMPLETED\r\n",
		    "COMPLETED:20261125T093000Z\r\n" },
		{ 1, ICS_CANCELLED, 2, "STATUS:CANCELLED\r\n", NULL },
		{ 0, ICS_DONE, 1, "STATUS:CANCELLED\r\n", NULL },
		{ 0, ICS_CANCELLED, 3, "STATUS:CANCELLED\r\n", NULL },
		{ 1, ICS_OPEN, 4, "STATUS:NEEDS-ACTION\r\n", NULL },
		{ 0, ICS_OPEN, 5, "STATUS:CONFIRMED\r\n", NULL },
	};
	struct ics_item	 it;
	char		*buf, seq[32];
	const char	*p;
	size_t		 i;
	int		 d;

	(void)state;
	assert_int_equal(date_parse_iso("2026-12-01", &d), 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&it, 0, sizeof it);
		it.todo = cases[i].todo;
		it.task_id = 3;
		it.db_uid = DBUID;
		it.date = it.stamp = d;
		it.status = cases[i].status;
		it.sequence = cases[i].seq;
		it.modified = it.completed = "2026-11-25T09:30:00Z";
		it.summary = "x";
		buf = item_text(&it);
		snprintf(seq, sizeof seq, "\r\nSEQUENCE:%d\r\n",
		    (int)cases[i].seq);
		assert_non_null(strstr(buf, seq));
		assert_non_null(strstr(buf,
		    "\r\nLAST-MODIFIED:20261125T093000Z\r\n"));
		assert_non_null(strstr(buf, cases[i].want_status));
		/* Only one STATUS, and COMPLETED only for a done to-do. */
		p = strstr(buf, "STATUS:");
		assert_non_null(p);
		assert_null(strstr(p + 1, "STATUS:"));
		if (cases[i].want_completed != NULL)
			assert_non_null(strstr(buf, cases[i].want_completed));
		else
			assert_null(strstr(buf, "COMPLETED:"));
		free(buf);
	}
}

/* A stored time of another shape is left out, never written half. */
static void
test_item_bad_times(void **state)
{
	static const char *const bad[] = { "", "2026-11-25",
	    "2026-11-25 09:30:00Z",
	    "2026-11-25T09:30:00", "2026-11-25T09:30:00+01:00",
	    "2026-1a-25T09:30:00Z", "2026-11-25T09:30:00Zx" };
	struct ics_item	 it;
	char		*buf;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&it, 0, sizeof it);
		it.todo = 1;
		it.db_uid = DBUID;
		it.status = ICS_DONE;
		it.modified = it.completed = bad[i];
		it.summary = "x";
		buf = item_text(&it);
		assert_null(strstr(buf, "LAST-MODIFIED"));
		assert_null(strstr(buf, "COMPLETED:"));
		assert_non_null(strstr(buf, "STATUS:COMPLETED\r\n"));
		free(buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_short_line),
		cmocka_unit_test(test_fold_exactly_75),
		cmocka_unit_test(test_fold_76),
		cmocka_unit_test(test_fold_continuation_holds_74),
		cmocka_unit_test(test_fold_two_byte_at_edge),
		cmocka_unit_test(test_fold_multibyte_everywhere),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_item_event),
		cmocka_unit_test(test_item_todo),
		cmocka_unit_test(test_item_closed),
		cmocka_unit_test(test_item_bad_times),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
