/* cmd-sentiment.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
sentiment_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "sentiment: not built yet");
}

const struct cmd_entry cmd_sentiment_entry = {
	"sentiment", "sentiment ACCOUNT green|yellow|red [--triage] [--note TEXT] [--cta]", "set TAM sentiment (Risk Update)", NULL, NULL, 0, sentiment_exec, NULL
};
