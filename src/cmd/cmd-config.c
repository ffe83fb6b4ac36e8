/* cmd-config.c: tam config get|set|list, the settings of §8. */
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/db.h"
#include "tam/out.h"
#include "tam/settings.h"

static const struct out_col config_cols[] = {
	{ "key",	"KEY",		OUT_STR },
	{ "value",	"VALUE",	OUT_STR },
	{ "default",	"DEFAULT",	OUT_STR },
};

static int
no_options(struct tam_ctx *ctx, int argc, char **argv)
{
	int	ch;

	CMD_GETOPT_RESET();
	while ((ch = getopt_long(argc, argv, ":", NULL, NULL)) != -1)
		return cmd_bad_option(ctx, argv, ch);
	return TAM_OK;
}

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
config_get(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct setting_def	*d;
	char				*value, *err = NULL;
	int				 rc;

	if ((rc = no_options(ctx, argc, argv)) != TAM_OK)
		return rc;
	if (argc - optind != 1)
		return cmd_misuse(ctx, "config get: which KEY?");
	if ((d = known_key(ctx, argv[optind])) == NULL)
		return TAM_USAGE;
	if ((value = current_value(ctx, d, &err)) == NULL)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	printf("%s\n", value);
	free(value);
	return TAM_OK;
}

static int
config_set(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct setting_def	*d;
	char				*canon, *err = NULL;

	if (no_options(ctx, argc, argv) != TAM_OK)
		return TAM_USAGE;
	if (argc - optind != 2)
		return cmd_misuse(ctx, "config set: give KEY and VALUE");
	if ((d = known_key(ctx, argv[optind])) == NULL)
		return TAM_USAGE;
	if ((canon = setting_canonical(d, argv[optind + 1], &err)) == NULL)
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
config_list(struct tam_ctx *ctx, int argc, char **argv)
{
	const struct setting_def	*d;
	struct out			*o;
	char				*value, *err = NULL;
	int				 rc;

	if ((rc = no_options(ctx, argc, argv)) != TAM_OK)
		return rc;
	if (argc != optind)
		return cmd_misuse(ctx, "config list takes no arguments");
	o = out_begin(ctx, config_cols, 3);
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
	"get", "config get KEY", "print a setting", ":", NULL, CMD_DB,
	config_get, NULL
};
static const struct cmd_entry config_set_entry = {
	"set", "config set KEY VALUE", "change a setting", ":", NULL,
	CMD_DB | CMD_WRITE, config_set, NULL
};
static const struct cmd_entry config_list_entry = {
	"list", "config list", "list the settings", ":", NULL, CMD_DB,
	config_list, NULL
};
static const struct cmd_entry *const config_subs[] = {
	&config_get_entry, &config_set_entry, &config_list_entry, NULL
};

const struct cmd_entry cmd_config_entry = {
	"config", "config get|set|list [KEY [VALUE]]",
	"read and change settings", NULL, NULL, 0, NULL, config_subs
};
