/*
 * cmd-sentiment.c: tam sentiment, the handbook's "Log Timeline: Risk
 * Update": sets the TAM sentiment and posts it with its context.
 */
#include <string.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/risk-apply.h"

#define OPT_TRIAGE	1000
#define OPT_NOTE	1001
#define OPT_CTA		1002

const struct cmd_option cmd_sentiment_options[] = {
	{ "triage", 0, no_argument, NULL,
	    "the account needs triage (with red)", NULL, OPT_TRIAGE, 0 },
	{ "note", 0, required_argument, "TEXT",
	    "why: the context posted with the sentiment", NULL, OPT_NOTE,
	    CMD_OPT_TEXT_NOW },
	{ "cta", 0, no_argument, NULL,
	    "also open the At-Risk CTA", NULL, OPT_CTA, 0 },
	CMD_OPTIONS_END
};

int
cmd_sentiment_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	struct risk_args	 args = { 0 };
	enum risk_event		 ev;
	const char		*why;
	int			 sent, triage, cta, parsed;

	args.note = cmd_opt_text(OPT_NOTE);
	triage = cmd_opt_given(OPT_TRIAGE);
	cta = cmd_opt_given(OPT_CTA);
	sent = sentiment_parse(argv[1], &parsed);
	if (sent < 0 || parsed)
		return cmd_misuse(ctx, "sentiment: '%s' is not green, yellow or "
		    "red", argv[1]);
	if (risk_sentiment_event(sent, triage, cta, &ev) != 0)
		return cmd_misuse(ctx, "sentiment: --triage goes only with "
		    "yellow (Yellow with Requires Triage)");
	if ((why = risk_usage(ev, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "sentiment: %s", why);
	return cmd_risk_run(ctx, argv[0], 0, ev, args.note != NULL, &args);
}
