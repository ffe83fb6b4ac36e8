/*
 * cmd-risk-update.c: tam risk-update, the monthly Risk Update of an open
 * At-Risk CTA: a post that moves the next update's due date.
 */
#include "tam/cmd.h"
#include "tam/risk-apply.h"

#define OPT_NOTE	1000

static const struct option longopts[] = {
	{ "note",	required_argument, NULL, OPT_NOTE },
	{ NULL, 0, NULL, 0 }
};

static int
risk_update_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct risk_subject	 s;
	struct risk_result	 r;
	struct risk_args	 args = { 0 };
	const char		*why;
	int			 ch, rc;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (ch != OPT_NOTE)
			return cmd_bad_option(ctx, argv, ch);
		args.note = *optarg != '\0' ? optarg : NULL;
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		return cmd_misuse(ctx, "risk-update: which account?");
	if ((why = risk_usage(RE_RISK_UPDATE, args.note != NULL)) != NULL)
		return cmd_misuse(ctx, "risk-update: %s", why);
	risk_subject_init(&s);
	if ((rc = risk_subject_account(ctx, argv[0], &s)) == TAM_OK &&
	    (rc = risk_decide(ctx, &s, RE_RISK_UPDATE, 1, &r)) == TAM_OK)
		rc = risk_apply(ctx, &s, &r, &args);
	risk_subject_release(&s);
	return rc;
}

const struct cmd_entry cmd_risk_update_entry = {
	"risk-update", "risk-update ACCOUNT --note TEXT",
	"log the monthly Risk Update", ":", longopts, CMD_DB | CMD_WRITE,
	risk_update_exec, NULL
};
