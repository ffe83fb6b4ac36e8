/* cmd-config.c: tam config get|set|list, the settings of §8. */
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
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

static int
config_get(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
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

static int
config_set(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
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

static int
config_list(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
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

static const struct cmd_entry config_get_entry = {
	.name = "get",
	.usage = "config get KEY",
	.summary = "print a setting",
	.args = CMD_ARGS_EXACTLY(1, "config get: which KEY?"),
	.flags = CMD_DB,
	.examples = {
		"tam config get due.horizon"
	},
	.exec = config_get
};
static const struct cmd_entry config_set_entry = {
	.name = "set",
	.usage = "config set KEY VALUE",
	.summary = "change a setting",
	.args = CMD_ARGS_EXACTLY(2, "config set: give KEY and VALUE"),
	.flags = CMD_DB | CMD_WRITE,
	.examples = {
		"tam config set due.horizon 14d"
	},
	.exec = config_set
};
static const struct cmd_entry config_list_entry = {
	.name = "list",
	.usage = "config list",
	.summary = "list the settings",
	.args = { .extra = "config list takes no arguments" },
	.flags = CMD_DB,
	.examples = {
		"tam config list",
		"tam config list --format json"
	},
	.exec = config_list
};
static const struct cmd_entry *const config_subs[] = {
	&config_get_entry, &config_set_entry, &config_list_entry, NULL
};

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.usage = "config get|set|list [KEY [VALUE]]",
	.summary = "read and change settings",
	.group = CMD_GROUP_DATA,
	.examples = {
		"tam config list",
		"tam config set due.horizon 14d"
	},
	.sub = config_subs
};
