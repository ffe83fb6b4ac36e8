/*
 * cmd-team.c: tam team add|list|rm, who is on a server's team (team
 * mode): each login a TAM, a manager or an admin.  What each may see
 * is the server's row-level security (sql/pg/0005-team.sql).
 */
#include <stdlib.h>
#include <string.h>

#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db.h"
#include "tam/db-team.h"
#include "tam/out.h"
#include "tam/text.h"

#define OPT_TAM		1000
#define OPT_MANAGER	1001
#define OPT_ADMIN	1002

/* PostgreSQL's longest name (NAMEDATALEN - 1). */
#define LOGIN_MAX	63

static const struct out_col team_cols[] = {
	{ "login",	"LOGIN",	OUT_STR, 0 },
	{ "tam",	"TAM",		OUT_STR, OUT_SHRINK },
	{ "role",	"ROLE",		OUT_STR, 0 },
};

const struct cmd_option cmd_team_add_options[] = {
	{ "tam", 0, required_argument, "NAME",
	    "the TAM the login is, as the book names them", NULL, OPT_TAM,
	    CMD_OPT_TEXT },
	{ "manager", 0, no_argument, NULL,
	    "a manager: sees and changes the whole book", NULL, OPT_MANAGER,
	    0 },
	{ "admin", 0, no_argument, NULL,
	    "an admin: the whole book, the team, the nightly import", NULL,
	    OPT_ADMIN, 0 },
	CMD_OPTIONS_END
};

/* The team is a server's: refuses a file, and who may not change it. */
static int
check_team(struct tam_ctx *ctx, int change)
{
	enum db_role	role = db_login_role(ctx->db);

	if (role == DB_ROLE_FILE)
		return cmd_fail(ctx, TAM_FAIL, "%s: a team shares a "
		    "PostgreSQL database (--db postgresql://...); a file is "
		    "one person's", ctx->cmd);
	if (change && role != DB_ROLE_OWNER && role != DB_ROLE_ADMIN)
		return cmd_fail(ctx, TAM_FAIL, "%s: only the database's "
		    "owner or an admin changes the team; you are '%s'",
		    ctx->cmd, db_login(ctx->db));
	if (!change && role == DB_ROLE_TAM)
		return cmd_fail(ctx, TAM_FAIL, "%s: a TAM sees their own "
		    "book only; ask a manager or the owner", ctx->cmd);
	return TAM_OK;
}

static int
check_login(struct tam_ctx *ctx, const char *login)
{
	const char	*p;

	if (*login == '\0' || strlen(login) > LOGIN_MAX)
		return cmd_fail(ctx, TAM_USAGE, "%s: a login is 1 to %d "
		    "bytes", ctx->cmd, LOGIN_MAX);
	for (p = login; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return cmd_fail(ctx, TAM_USAGE, "%s: a login has no "
			    "control characters", ctx->cmd);
	/* The server's own roles, and tam's. */
	if (strncmp(login, "pg_", 3) == 0 || strncmp(login, "tam_", 4) == 0)
		return cmd_fail(ctx, TAM_USAGE, "%s: '%s' is a name the "
		    "server or tam keeps for itself (pg_..., tam_...); give "
		    "the person's login", ctx->cmd, login);
	return TAM_OK;
}

int
cmd_team_add_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	const char	*tam, *role = "tam", *login;
	char		*err = NULL, *fold;
	int		 ch, rc;

	while ((ch = cmd_getopt(ctx, argc, argv)) > 0) {
		if (ch != OPT_MANAGER && ch != OPT_ADMIN)
			continue;
		if (strcmp(role, "tam") != 0)
			return cmd_misuse(ctx, "team add: --manager or --admin, "
			    "not both");
		role = ch == OPT_MANAGER ? "manager" : "admin";
	}
	if (ch == CMD_OPT_ERROR)
		return TAM_USAGE;
	tam = cmd_opt_arg(OPT_TAM);
	login = argv[optind];
	if ((rc = check_login(ctx, login)) != TAM_OK)
		return rc;
	if (tam == NULL || *tam == '\0')
		return cmd_misuse(ctx, "team add: which TAM is '%s'? give "
		    "--tam \"Full Name\"", login);
	if ((rc = check_team(ctx, 1)) != TAM_OK)
		return rc;
	fold = text_fold(tam);
	rc = db_team_add(ctx->db, login, tam, fold, role, &err);
	free(fold);
	if (rc != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	tam_info_done(ctx, "team: %s is %s %s", login,
	    strcmp(role, "tam") == 0 ? "the TAM" : strcmp(role, "manager") ==
	    0 ? "a manager, as" : "an admin, as", tam);
	return TAM_OK;
}

static int
member_row(void *arg, const struct team_member *m)
{
	struct out	*o = arg;

	out_str(o, m->login);
	out_str(o, m->tam);
	out_str(o, m->role);
	out_row_end(o);
	return 0;
}

int
cmd_team_list_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	struct out	*o;
	char		*err = NULL;
	int		 rc;

	if ((rc = check_team(ctx, 0)) != TAM_OK)
		return rc;
	o = out_begin(ctx, team_cols, (int)nitems(team_cols));
	out_empty(o, "nobody is on the team yet: tam team add LOGIN --tam "
	    "NAME");
	rc = db_team_each(ctx->db, member_row, o, &err);
	return cmd_list_end(ctx, o, rc, err);
}

int
cmd_team_rm_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, char **argv)
{
	const char	*login;
	char		*err = NULL;
	int		 rc;

	login = argv[0];
	if ((rc = check_team(ctx, 1)) != TAM_OK)
		return rc;
	if ((rc = db_team_rm(ctx->db, login, &err)) < 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (rc == 1)
		return cmd_fail(ctx, TAM_FAIL, "team rm: '%s' is not on the "
		    "team; see 'tam team list'", login);
	tam_info_done(ctx, "team: %s is off the team (the login stays on "
	    "the server)", login);
	return TAM_OK;
}
