/* cmd-note.c: tam note, a plain note on an account's timeline. */
#include <inttypes.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/db.h"

static int
note_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account	 a;
	struct post	 p = { 0 };
	char		 now[21], *err = NULL;
	int64_t		 id;
	int		 rc;

	if (cmd_getopt(ctx, argc, argv) != CMD_OPT_END)
		return TAM_USAGE;
	argc -= optind;
	argv += optind;
	if (*argv[1] == '\0')
		return cmd_misuse(ctx, "note: the note is empty");
	if ((rc = cmd_check_text(ctx, "note: TEXT", argv[1])) != TAM_OK)
		return rc;
	account_init(&a);
	if ((rc = account_resolve(ctx, argv[0], &id)) != TAM_OK ||
	    (rc = account_load(ctx, id, &a)) != TAM_OK) {
		account_release(&a);
		return rc;
	}
	tam_now(ctx, now);
	p.account_id = a.id;
	p.at = now;
	p.type = "note";
	p.author = ctx->user;
	p.sentiment = a.sentiment;
	p.requires_triage = a.requires_triage;
	p.body = argv[1];
	if (db_post_add(ctx->db, &p, &err) != 0)
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
	else
		tam_info_done(ctx, "note %" PRId64 " added to account %" PRId64
		    " (%s)", p.id, a.id, a.name);
	account_release(&a);
	return rc;
}

const struct cmd_entry cmd_note_entry = {
	.name = "note",
	.usage = "note ACCOUNT TEXT",
	.summary = "add a note to the timeline",
	.args = { 2, 2, "note: give ACCOUNT and TEXT",
	    "note: one TEXT only (quote a note with spaces)", NULL },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_ACCOUNTS,
	.examples = {
		"tam note Acme 'met the new VP of engineering'"
	},
	.exec = note_exec
};
