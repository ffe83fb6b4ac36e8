/* cmd-init.c: tam init, which creates the database and says where. */
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db.h"

int
cmd_init_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	/* The dispatcher opened (and so created and migrated) the file. */
	tam_info_done(ctx, "database ready at '%s' (schema %d)", ctx->db_name,
	    db_schema_version());
	return TAM_OK;
}
