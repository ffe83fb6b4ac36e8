/*
 * fuzz-csvin.c: libFuzzer harness for the import path's reading of a
 * Salesforce CSV export (src/csvin.c): records, the header mapping, the
 * footer, every cell parser, the rejects writer.  Beyond "no crash, no
 * UB, no leak": csvin_read either reads the input or says why (an
 * error, never both), and a record written by csvin_write_record (what
 * --rejects writes) reads back as the same cells.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/account.h"
#include "tam/csvin.h"
#include "tam/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct state {
	int			 nrecords;
	int			 have_header;
	struct csvin_header	 h;
	struct csvin_footer	 ft;
};

/* The cells of the one record a rejects line holds. */
struct reread {
	int			 n;
	const struct csvin_record *want;
	int			 same;
};

static int
on_reread(void *arg, const struct csvin_record *r)
{
	struct reread	*rr = arg;
	int		 i;

	if (rr->n++ > 0 || r->nstored != rr->want->nstored) {
		rr->same = 0;
		return 0;
	}
	for (i = 0; i < r->nstored; i++)
		if (r->len[i] != rr->want->len[i] ||
		    memcmp(r->cell[i], rr->want->cell[i], r->len[i]) != 0)
			rr->same = 0;
	return 0;
}

/* What --rejects writes for r reads back as r's cells. */
static void
check_rejects_line(const struct csvin_record *r)
{
	struct reread	 rr = { 0, r, 1 };
	struct csvin	*rd;
	char		*buf = NULL, *err = NULL;
	size_t		 size = 0;
	FILE		*fp, *in;
	int		 i;

	if (r->ncells != r->nstored || r->nstored == 0)
		return;
	for (i = 0; i < r->nstored; i++)
		if (memchr(r->cell[i], '\0', r->len[i]) != NULL)
			return;
	/* A lone empty cell is a blank line, which CSV cannot tell apart. */
	if (r->nstored == 1 && r->len[0] == 0)
		return;
	if ((fp = open_memstream(&buf, &size)) == NULL)
		abort();
	if (csvin_write_record(fp, r, NULL) != 0)
		abort();
	fclose(fp);
	if ((in = fmemopen(buf, size, "r")) == NULL)
		abort();
	rd = csvin_new(in, "rejects", ',');
	if (csvin_read(rd, on_reread, &rr, &err) != 0)
		rr.same = 0;
	if (!rr.same || rr.n != 1)
		abort();
	csvin_free(rd);
	fclose(in);
	free(err);
	free(buf);
}

static void
check_cells(const struct csvin_record *r)
{
	int64_t	 n;
	int	 i, d;
	char	*shown;

	for (i = 0; i < r->nstored; i++) {
		(void)csvin_parse_date(r->cell[i], CSVIN_MDY, &d);
		(void)csvin_parse_date(r->cell[i], CSVIN_DMY, &d);
		(void)csvin_parse_date(r->cell[i], CSVIN_YMD, &d);
		(void)csvin_parse_count(r->cell[i], 100, &n);
		(void)csvin_footer_text(r->cell[i]);
		(void)csvin_default_field(r->cell[i], r->len[i]);
		shown = text_quote(r->cell[i], CSVIN_QUOTE_MAX);
		if (strlen(shown) > 4 * 60 + 8)
			abort();
		free(shown);
	}
}

static int
on_record(void *arg, const struct csvin_record *r)
{
	struct state	 *st = arg;
	struct account	  patch;
	char		**msgs = NULL, *err = NULL;
	unsigned	  mask = 0;
	int		  nmsgs = 0, bad;

	st->nrecords++;
	check_cells(r);
	check_rejects_line(r);
	if (!st->have_header) {
		/* Released in any case, as cmd-import.c does. */
		st->have_header = 1;
		if (csvin_header_init(&st->h, r, NULL, 0, &err) != 0) {
			free(err);
			return 1;
		}
		st->ft.ncols = st->h.ncols;
		return 0;
	}
	if (csvin_classify(&st->ft, r) != CSVIN_ROW)
		return 0;
	account_init(&patch);
	bad = csvin_row_parse(&st->h, r, CSVIN_MDY, &patch, &mask, &msgs,
	    &nmsgs);
	if (bad != nmsgs)
		abort();
	csvin_msgs_free(msgs, nmsgs);
	account_release(&patch);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state	 st;
	struct csvin	*rd;
	char		*err = NULL;
	FILE		*fp;
	int		 rc;

	if (size == 0)
		return 0;
	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	memset(&st, 0, sizeof st);
	rd = csvin_new(fp, "fuzz", ',');
	rc = csvin_read(rd, on_record, &st, &err);
	/* -1 always says why; 0 and 1 (the callback's stop) never do */
	if ((rc == -1) != (err != NULL))
		abort();
	free(err);
	if (st.have_header)
		csvin_header_release(&st.h);
	csvin_free(rd);
	fclose(fp);
	return 0;
}
