/*
 * test-text.c: the escape that makes stored text safe for a terminal, in
 * its three modes, the UTF-8 check it shares, the widths, cuts and pads
 * of the tables, the quote of a value in a message, and the lookup of
 * a row by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tam/text.h"

struct esc_case {
	const char	*in;
	const char	*line;	/* TEXT_LINE */
	const char	*cell;	/* TEXT_CELL */
	const char	*block;	/* TEXT_BLOCK */
};

static const struct esc_case cases[] = {
	{ "", "", "", "" },
	{ "Acme Corp", "Acme Corp", "Acme Corp", "Acme Corp" },
	/* OSC retitles the terminal, BEL ends it */
	{ "\033]0;owned\007", "^[]0;owned^G", "^[]0;owned^G", "^[]0;owned^G" },
	/* SGR 8 hides what follows */
	{ "a\033[8mb", "a^[[8mb", "a^[[8mb", "a^[[8mb" },
	{ "\001\037\177", "^A^_^?", "^A^_^?", "^A^_^?" },
	{ "\b\f\v", "^H^L^K", "^H^L^K", "^H^L^K" },
	/* whitespace: quoted, a space, or kept */
	{ "a\tb\nc", "a^Ib^Jc", "a b c", "a\tb\nc" },
	{ "one\r\ntwo", "one^M^Jtwo", "one  two", "one\ntwo" },
	{ "Approved\rRejected", "Approved^MRejected", "Approved Rejected",
	    "Approved^MRejected" },
	{ "end\r", "end^M", "end ", "end^M" },
	/* C1 controls, U+0080 to U+009F: CSI, NEL, OSC, ST */
	{ "\xc2\x9b" "2J", "<U+009B>2J", "<U+009B>2J", "<U+009B>2J" },
	{ "\xc2\x80\xc2\x85\xc2\x9d\xc2\x9c",
	    "<U+0080><U+0085><U+009D><U+009C>",
	    "<U+0080><U+0085><U+009D><U+009C>",
	    "<U+0080><U+0085><U+009D><U+009C>" },
	{ "\xc2\x9f\xc2\xa0", "<U+009F>\xc2\xa0", "<U+009F>\xc2\xa0",
	    "<U+009F>\xc2\xa0" },
	/* text that is not UTF-8: a raw C1 byte, a cut sequence, overlong */
	{ "\x9b" "2J", "<9B>2J", "<9B>2J", "<9B>2J" },
	{ "x\xe2\x80", "x<E2><80>", "x<E2><80>", "x<E2><80>" },
	{ "\xc0\x9b", "<C0><9B>", "<C0><9B>", "<C0><9B>" },
	{ "\xed\xa0\x80", "<ED><A0><80>", "<ED><A0><80>", "<ED><A0><80>" },
	/* other text stays as it is */
	{ "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
	    "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
	    "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
	    "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80" },
	{ "^[ is text", "^[ is text", "^[ is text", "^[ is text" },
};

static void
check_mode(const char *in, enum text_mode mode, const char *want)
{
	char	*got = text_safe(in, mode), *buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	if (strcmp(got, want) != 0)
		fail_msg("mode %d of '%s': got '%s', want '%s'", (int)mode, in,
		    got, want);
	free(got);
	/* text_put writes the same */
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	text_put(fp, in, mode);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(buf, want);
	free(buf);
}

static void
test_escape(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		check_mode(cases[i].in, TEXT_LINE, cases[i].line);
		check_mode(cases[i].in, TEXT_CELL, cases[i].cell);
		check_mode(cases[i].in, TEXT_BLOCK, cases[i].block);
	}
}

static void
test_null(void **state)
{
	char	*got;

	(void)state;
	got = text_safe(NULL, TEXT_CELL);
	assert_string_equal(got, "");
	free(got);
	text_put(stdout, NULL, TEXT_LINE);	/* writes nothing, no crash */
}

/* Whatever the bytes, no control byte comes out (but LF, tab in block). */
static void
test_every_byte(void **state)
{
	char		 in[4], *got;
	const char	*p;
	int		 b, c;

	(void)state;
	for (b = 1; b < 256; b++)
		for (c = 1; c < 256; c += 7) {
			in[0] = (char)b;
			in[1] = (char)c;
			in[2] = '\xc2';
			in[3] = '\0';
			got = text_safe(in, TEXT_CELL);
			for (p = got; *p != '\0'; p++)
				if ((unsigned char)*p < 0x20 || *p == 0x7f)
					fail_msg("byte %02x in the cell of "
					    "%02x %02x", (unsigned char)*p, b,
					    c);
			/* what is left is UTF-8 with no C1 in it */
			assert_true(utf8_valid(got, strlen(got)));
			assert_null(strstr(got, "\xc2\x9b"));
			free(got);
		}
}

static void
test_utf8_valid(void **state)
{
	static const struct { const char *s; int ok; } v[] = {
		{ "", 1 },
		{ "plain", 1 },
		{ "Caf\xc3\xa9", 1 },
		{ "\xf4\x8f\xbf\xbf", 1 },	/* U+10FFFF */
		{ "\xf4\x90\x80\x80", 0 },	/* past U+10FFFF */
		{ "\xc0\xaf", 0 },		/* overlong */
		{ "\xe0\x80\xaf", 0 },
		{ "\xed\xa0\x80", 0 },		/* surrogate */
		{ "\x80", 0 },
		{ "\xc3", 0 },
		{ "caf\xe9", 0 },		/* Latin-1 */
		{ "\xe2\x82", 0 },		/* cut */
		{ "\xf5\x80\x80\x80", 0 },	/* no such lead byte */
		{ "a\xc3\xa9" "b\xe2\x80\xa6", 1 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_int_equal(utf8_valid(v[i].s, strlen(v[i].s)), v[i].ok);
}

static void
test_utf8_next(void **state)
{
	unsigned	cp = 0;

	(void)state;
	assert_int_equal(utf8_next("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(utf8_next("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_next("\xe2\x80\xa6", 3, &cp), 3);
	assert_int_equal(cp, 0x2026);
	assert_int_equal(utf8_next("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* the sequence may not run past what may be read */
	assert_int_equal(utf8_next("\xe2\x80\xa6", 2, &cp), 0);
	assert_int_equal(utf8_next("\x80", 1, &cp), 0);
}

/*
 * Widths in display cells (wide 2, combining 0), and cuts that never
 * split a character nor part a mark from its base.
 */
static void
test_width_fit(void **state)
{
	static const struct {
		const char	*s;
		int		 width;		/* text_width(s) */
		int		 cols;
		size_t		 fit;		/* text_fit(s, cols) */
	} v[] = {
		{ "", 0, 3, 0 },
		{ "Acme", 4, 0, 0 },
		{ "Acme", 4, -1, 0 },
		{ "Acme", 4, 2, 2 },
		{ "Acme", 4, 9, 4 },
		{ "Caf\xc3\xa9", 4, 4, 5 },
		{ "Caf\xc3\xa9s", 5, 4, 5 },
		{ "\xc3\xa9\xc3\xa9", 2, 1, 2 },
		{ "a\xe2\x80\xa6" "b", 3, 2, 4 },
		{ "\xf0\x9f\x98\x80x", 3, 2, 4 },	/* emoji: 2 */
		{ "\xf0\x9f\x98\x80x", 3, 1, 0 },
		/* CJK: two cells each */
		{ "\xe6\x9d\xb1\xe4\xba\xac", 4, 3, 3 },
		{ "\xe6\x9d\xb1\xe4\xba\xac", 4, 4, 6 },
		/* e + combining acute: one cell, the mark kept with it */
		{ "e\xcc\x81x", 2, 1, 3 },
		{ "e\xcc\x81x", 2, 2, 4 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		assert_int_equal(text_width(v[i].s), v[i].width);
		assert_int_equal(text_fit(v[i].s, v[i].cols), v[i].fit);
	}
}

/* What text_cut or text_pad wrote, as a string the caller frees. */
static char *
written(const char *s, int width, int pad, enum text_align align)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		fail_msg("open_memstream");
	if (pad)
		text_pad(fp, s, width, align);
	else
		text_cut(fp, s, width);
	fclose(fp);
	return buf;
}

static void
test_cut_pad(void **state)
{
	static const struct {
		const char	*s;
		int		 width;
		const char	*cut, *left, *right;
	} v[] = {
		{ "Acme", 6, "Acme", "Acme  ", "  Acme" },
		{ "Acme", 4, "Acme", "Acme", "Acme" },
		{ "Acme Corp", 6, "Acme \xe2\x80\xa6", "Acme \xe2\x80\xa6",
		    "Acme \xe2\x80\xa6" },
		{ "Acme", 1, "\xe2\x80\xa6", "\xe2\x80\xa6",
		    "\xe2\x80\xa6" },
		{ "", 3, "", "   ", "   " },
		/* a cut keeps whole characters */
		{ "Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale", 7,
		    "Soci\xc3\xa9t\xe2\x80\xa6",
		    "Soci\xc3\xa9t\xe2\x80\xa6",
		    "Soci\xc3\xa9t\xe2\x80\xa6" },
		{ "\xc3\xa9t\xc3\xa9", 5, "\xc3\xa9t\xc3\xa9",
		    "\xc3\xa9t\xc3\xa9  ", "  \xc3\xa9t\xc3\xa9" },
		/* a wide character that would straddle the cut: a space */
		{ "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd", 4,
		    "\xe6\x9d\xb1\xe2\x80\xa6",
		    "\xe6\x9d\xb1\xe2\x80\xa6 ",
		    "\xe6\x9d\xb1\xe2\x80\xa6 " },
		{ "\xe6\x9d\xb1\xe4\xba\xac", 6,
		    "\xe6\x9d\xb1\xe4\xba\xac",
		    "\xe6\x9d\xb1\xe4\xba\xac  ",
		    "  \xe6\x9d\xb1\xe4\xba\xac" },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = written(v[i].s, v[i].width, 0, TEXT_LEFT);
		assert_string_equal(got, v[i].cut);
		free(got);
		got = written(v[i].s, v[i].width, 1, TEXT_LEFT);
		assert_string_equal(got, v[i].left);
		free(got);
		got = written(v[i].s, v[i].width, 1, TEXT_RIGHT);
		assert_string_equal(got, v[i].right);
		free(got);
	}
	/* no width: text_cut writes all */
	got = written("Acme Corp", 0, 0, TEXT_LEFT);
	assert_string_equal(got, "Acme Corp");
	free(got);
}

/* The quote of a value in a message about an input file. */
static void
test_quote(void **state)
{
	static const struct { const char *s; int max; const char *q; } v[] = {
		{ "", 60, "" },
		{ "Acme", 60, "Acme" },
		{ "a\nb\xe9 caf\xc3\xa9", 60, "a\\nb\\xE9 caf\xc3\xa9" },
		{ "\r\t\033\177", 60, "\\r\\t\\x1B\\x7F" },
		{ "\xc2\x9b", 60, "\xc2\x9b" },	/* UTF-8 as it is */
		{ "\xed\xa0\x80", 60, "\\xED\\xA0\\x80" },
		{ "abcdef", 3, "abc..." },
		{ "\xc3\xa9\xc3\xa9\xc3\xa9", 2, "\xc3\xa9\xc3\xa9..." },
		{ "abc", 3, "abc" },
	};
	char	*s, big[200];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		s = text_quote(v[i].s, v[i].max);
		assert_string_equal(s, v[i].q);
		free(s);
	}
	/* the longest quote: every byte a \xNN, then "..." */
	memset(big, '\xff', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	s = text_quote(big, 60);
	assert_int_equal(strlen(s), 60 * 4 + 3);
	free(s);
}

/* A table whose name is not its first member: keyoff finds it. */
struct row {
	int		 n;
	const char	*key;
};

static void
test_table_find(void **state)
{
	static const struct row rows[] = {
		{ 1, "alpha" }, { 2, "beta" }, { 3, "beta" }, { 0, NULL }
	};
	static const struct text_name names[] = {
		{ "churn", 4 }, { "downgrade", 0 }, { NULL, 9 }
	};
	const struct row	*r;

	(void)state;
	r = text_table_find(rows, sizeof *rows, offsetof(struct row, key),
	    "beta");
	assert_non_null(r);
	assert_int_equal(r->n, 2);	/* the first row of that name */
	assert_null(text_table_find(rows, sizeof *rows,
	    offsetof(struct row, key), "Beta"));	/* bytewise */
	assert_null(text_table_find(rows, sizeof *rows,
	    offsetof(struct row, key), ""));
	assert_int_equal(text_name_value(names, "churn"), 4);
	assert_int_equal(text_name_value(names, "downgrade"), 0);
	/* the end row's value is no answer */
	assert_int_equal(text_name_value(names, "lost"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_next),
		cmocka_unit_test(test_width_fit),
		cmocka_unit_test(test_cut_pad),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_table_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
