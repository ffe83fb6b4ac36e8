/* cmd-config.c: tam config get|set|list, the settings of §8. */
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db.h"
#include "tam/out.h"
#include "tam/settings.h"

static const struct out_col config_cols[] = {
	{ "key",	"KEY",		OUT_STR, 0 },
	{ "value",	"VALUE",	OUT_STR, OUT_SHRINK },
	{ "default",	"DEFAULT",	OUT_STR, OUT_SHRINK | OUT_DROP(1) },
};

static const struct setting_def *
known_key(struct tam_ctx *ctx, const char *key)
{
	const struct setting_def	*d;

	if ((d = setting_find(key)) == NULL)
		cmd_fail(ctx, TAM_USAGE, "unknown setting '%s'; see 'tam "
		    "config list'", key);
	return d;
}

/* The value in force: stored, else the default.  Allocated. */
static char *
current_value(struct tam_ctx *ctx, const struct setting_def *d, char **err)
{
	char	*value = NULL;
	int	 rc;

	if ((rc = db_setting_get(ctx->db, d->key, &value, err)) < 0)
		return NULL;
	return rc == 0 ? value : xstrdup(d->fallback);
}

int
cmd_config_get_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const struct setting_def	*d;
	char				*value, *err = NULL;

	if ((d = known_key(ctx, argv[0])) == NULL)
		return TAM_USAGE;
	if ((value = current_value(ctx, d, &err)) == NULL)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	printf("%s\n", value);
	free(value);
	return TAM_OK;
}

int
cmd_config_set_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const struct setting_def	*d;
	char				*canon, *err = NULL;

	if ((d = known_key(ctx, argv[0])) == NULL)
		return TAM_USAGE;
	if ((canon = setting_canonical(d, argv[1], &err)) == NULL)
		return cmd_fail_take(ctx, TAM_USAGE, err);
	if (db_setting_set(ctx->db, d->key, canon, &err) != 0) {
		free(canon);
		return cmd_fail_take(ctx, TAM_FAIL, err);
	}
	tam_info_done(ctx, "%s = %s", d->key, canon);
	free(canon);
	return TAM_OK;
}

int
cmd_config_list_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	const struct setting_def	*d;
	struct out			*o;
	char				*value, *err = NULL;

	o = out_begin(ctx, config_cols, (int)nitems(config_cols));
	for (d = setting_defs; d->key != NULL; d++) {
		if ((value = current_value(ctx, d, &err)) == NULL) {
			out_abandon(o);
			return cmd_fail_take(ctx, TAM_FAIL, err);
		}
		if (strcmp(value, d->fallback) != 0)
			out_row_style(o, STYLE_BOLD);
		out_str(o, d->key);
		out_str(o, value);
		out_str(o, d->fallback);
		out_row_end(o);
		free(value);
	}
	out_finish(o);
	return TAM_OK;
}
