/*
 * cmd-note.c: tam note ACCOUNT [TEXT|-], a plain note on an account's
 * timeline; with no TEXT on a terminal, written in the editor.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/account.h"
#include "tam/cmd.h"
#include "tam/db.h"

static int
note_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account	 a;
	struct post	 p = { 0 };
	char		 now[21], *err = NULL, *text = NULL, *tmpl;
	int64_t		 id;
	int		 rc, edit = 0;

	if (argc == 1) {
		/* The editor needs a person at a terminal; a script, text. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return cmd_misuse(ctx, "note: give ACCOUNT and TEXT "
			    "('-' reads it from standard input)");
		edit = 1;
	} else if (strcmp(argv[1], "-") == 0) {
		if ((rc = cmd_text_stdin(ctx, "note: TEXT", &text)) != TAM_OK) {
			free(text);
			return rc;
		}
	} else if ((rc = cmd_check_text(ctx, "note: TEXT", argv[1])) !=
	    TAM_OK)
		return rc;
	if (!edit && *(text != NULL ? text : argv[1]) == '\0') {
		free(text);
		return cmd_misuse(ctx, "note: the note is empty");
	}
	account_init(&a);
	if ((rc = account_find(ctx, argv[0], &a)) != TAM_OK) {
		account_release(&a);
		free(text);
		return rc;
	}
	if (edit) {
		tmpl = xasprintf("\n# The note for account %" PRId64 " (%s). "
		    "Lines starting with '#' are\n# dropped; an empty note "
		    "adds nothing.\n", a.id, a.name);
		/*
		 * No transaction may wait on a person: the dispatcher's is
		 * ended (nothing was written) and begun again after.
		 */
		db_rollback(ctx->db);
		rc = cmd_text_edit(ctx, "note", tmpl, &text);
		free(tmpl);
		if (rc == TAM_OK && db_begin(ctx->db, 1, &err) != 0)
			rc = cmd_fail_take(ctx, TAM_FAIL, err);
		if (rc == TAM_OK && *text == '\0')
			rc = cmd_fail(ctx, TAM_FAIL, "note: the note is empty; "
			    "nothing was added");
		/* The account may have changed while the editor ran. */
		if (rc == TAM_OK) {
			id = a.id;
			account_release(&a);
			account_init(&a);
			rc = account_load(ctx, id, &a);
		}
		if (rc != TAM_OK) {
			account_release(&a);
			free(text);
			return rc;
		}
	}
	tam_now(ctx, now);
	p.account_id = a.id;
	p.at = now;
	p.type = "note";
	p.author = ctx->user;
	p.sentiment = a.sentiment;
	p.requires_triage = a.requires_triage;
	p.body = text != NULL ? text : argv[1];
	if (db_post_add(ctx->db, &p, &err) != 0)
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
	else
		tam_info_done(ctx, "note %" PRId64 " added to account %" PRId64
		    " (%s)", p.id, a.id, a.name);
	account_release(&a);
	free(text);
	return rc;
}

const struct cmd_entry cmd_note_entry = {
	.name = "note",
	.usage = "note ACCOUNT [TEXT|-]",
	.summary = "add a note to the timeline",
	.args = { 1, 2, "note: give ACCOUNT and TEXT",
	    "note: one TEXT only (quote a note with spaces)", NULL },
	.flags = CMD_DB | CMD_WRITE,
	.group = CMD_GROUP_ACCOUNTS,
	.examples = {
		"tam note Acme 'met the new VP of engineering'"
	},
	.exec = note_exec
};
