/* cmd-import.c: PLACEHOLDER until its issue lands; replaced whole. */
#include "tam/cmd.h"

static int
import_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_fail(ctx, TAM_FAIL, "import: not built yet");
}

const struct cmd_entry cmd_import_entry = {
	"import", "import [FILE|-] [--dry-run] [--skip-invalid] [--rejects FILE] ...", "load a Salesforce CSV export", NULL, NULL, 0, import_exec, NULL
};
