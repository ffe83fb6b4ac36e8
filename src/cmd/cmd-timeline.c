/* cmd-timeline.c: tam timeline, an account's posts, newest first. */
#include <stdio.h>
#include <string.h>

#include "tam/account.h"
#include "tam/clock.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/date.h"
#include "tam/db.h"
#include "tam/out.h"

#define OPT_TYPE	1000
#define OPT_SINCE	1001

const struct cmd_option cmd_timeline_options[] = {
	{ "type", 0, required_argument, "TYPE",
	    "only posts of this type (note, risk_update, meeting...)",
	    "every type", OPT_TYPE, 0 },
	{ "since", 0, required_argument, "DATE",
	    "only posts from this day on", "the first post", OPT_SINCE,
	    CMD_OPT_DATE },
	CMD_OPTIONS_END
};

/* The post types of the schema's CHECK (sql/0001-initial.sql). */
static const char *const post_types[] = {
	"risk_update", "note", "meeting", "sentiment", "renewal_question",
	"renewal_plan", "cta", "import", "renewal_date", NULL
};

static const struct out_col cols[] = {
	{ "post_id",		"ID",		OUT_INT, 0 },
	{ "account_id",		NULL,		OUT_INT, 0 },
	{ "at",			"AT",		OUT_STR, 0 },
	{ "type",		"TYPE",		OUT_STR, 0 },
	{ "author",		"AUTHOR",	OUT_STR,
	    OUT_SHRINK | OUT_DROP(1) },
	{ "sentiment",		NULL,		OUT_STR, 0 },
	{ NULL,			"SENTIMENT",	OUT_STR, OUT_DROP(2) },
	{ "requires_triage",	NULL,		OUT_BOOL, 0 },
	{ "body",		"BODY",		OUT_STR, OUT_SHRINK },
};

static const char *
known_type(const char *s)
{
	const char *const	*t;

	for (t = post_types; *t != NULL; t++)
		if (strcmp(*t, s) == 0)
			return *t;
	return NULL;
}

static int
timeline_row(void *arg, const struct post *p)
{
	struct out	*o = arg;
	const char	*sent = sentiment_name(p->sentiment);
	char		 people[32];

	snprintf(people, sizeof people, "%s%s", sent ? sent : "",
	    p->requires_triage ? "+triage" : "");
	out_int(o, p->id);
	out_int(o, p->account_id);
	out_str(o, p->at);
	out_str(o, p->type);
	out_str(o, p->author);
	out_str(o, sent);
	out_str(o, people);
	out_bool(o, p->requires_triage);
	out_str(o, p->body);
	out_row_end(o);
	return 0;
}

int
cmd_timeline_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct out	*o;
	const char	*type = NULL;
	char		 since[21], *err = NULL;
	int64_t		 id;
	int		 ch, rc, day = DATE_NONE;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		switch (ch) {
		case OPT_TYPE:
			if ((type = known_type(optarg)) == NULL)
				return cmd_misuse(ctx, "--type: '%s' is not a "
				    "post type (risk_update, note, meeting, "
				    "sentiment, renewal_question, renewal_plan, "
				    "cta, import or renewal_date)", optarg);
			break;
		}
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	cmd_opt_date(OPT_SINCE, &day);
	argc -= optind;
	argv += optind;
	if ((rc = cmd_account_resolve(ctx, argv[0], &id)) != TAM_OK)
		return rc;
	/* Days are local: posts from the instant that day began here. */
	if (day != DATE_NONE)
		clock_format_utc(clock_day_start(day), since);
	o = out_begin(ctx, cols, (int)nitems(cols));
	rc = db_post_each(ctx->db, id, type, day != DATE_NONE ? since : NULL,
	    0, timeline_row, o, &err);
	return cmd_list_end(ctx, o, rc, err);
}
