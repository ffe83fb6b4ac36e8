/*
 * cmd-sentiment.c: tam sentiment, the handbook's "Log Timeline: Risk
 * Update": sets the TAM sentiment and posts it with its context.
 */
#include <string.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/risk-apply.h"

#define OPT_TRIAGE	1000
#define OPT_NOTE	1001
#define OPT_CTA		1002

static const struct option longopts[] = {
	{ "triage",	no_argument,	   NULL, OPT_TRIAGE },
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ "cta",	no_argument,	   NULL, OPT_CTA },
	{ NULL, 0, NULL, 0 }
};

static int
sentiment_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct risk_subject	 s;
	struct risk_result	 r;
	struct risk_args	 args = { 0 };
	enum risk_event		 ev;
	const char		*why;
	int			 ch, rc, sent, triage = 0, cta = 0, parsed;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_TRIAGE:
			triage = 1;
			break;
		case OPT_NOTE:
			args.note = *optarg != '\0' ? optarg : NULL;
			break;
		case OPT_CTA:
			cta = 1;
			break;
		default:
			return cmd_bad_option(ctx, argv, ch);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		return cmd_misuse(ctx, "sentiment: give ACCOUNT and green, "
		    "yellow or red");
	sent = sentiment_parse(argv[1], &parsed);
	if (sent < 0 || parsed)
		return cmd_misuse(ctx, "sentiment: '%s' is not green, yellow or "
		    "red", argv[1]);
	if (risk_sentiment_event(sent, triage, cta, &ev) != 0)
		return cmd_misuse(ctx, "sentiment: --triage goes only with "
		    "yellow (Yellow with Requires Triage)");
	if ((why = risk_usage(ev, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "sentiment: %s", why);
	risk_subject_init(&s);
	if ((rc = risk_subject_account(ctx, argv[0], &s)) == TAM_OK &&
	    (rc = risk_decide(ctx, &s, ev, args.note != NULL, &r)) == TAM_OK)
		rc = risk_apply(ctx, &s, &r, &args);
	risk_subject_release(&s);
	return rc;
}

const struct cmd_entry cmd_sentiment_entry = {
	"sentiment",
	"sentiment ACCOUNT green|yellow|red [--triage] [--note TEXT] [--cta]",
	"set TAM sentiment (Risk Update)", ":", longopts, CMD_DB | CMD_WRITE,
	sentiment_exec, NULL
};
