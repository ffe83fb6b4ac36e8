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
#include "tam/cmd-table.h"
#include "tam/db.h"
#include "tam/post.h"

/*
 * The note's text from the words: TEXT, or standard input for '-' (into
 * *text, allocated); with neither, *edit says the editor is to write it.
 */
static int
note_text(struct tam_ctx *ctx, int argc, char **argv, char **text,
    int *edit)
{
	int	rc;

	*text = NULL;
	*edit = 0;
	if (argc == 1) {
		/* The editor needs a person at a terminal; a script, text. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return cmd_misuse(ctx, "note: give ACCOUNT and TEXT "
			    "('-' reads it from standard input)");
		*edit = 1;
		return TAM_OK;
	}
	if (strcmp(argv[1], "-") == 0) {
		if ((rc = cmd_text_stdin(ctx, "note: TEXT", text)) != TAM_OK)
			return rc;
	} else if ((rc = cmd_check_text(ctx, "note: TEXT", argv[1])) !=
	    TAM_OK)
		return rc;
	if (*(*text != NULL ? *text : argv[1]) == '\0')
		return cmd_misuse(ctx, "note: the note is empty");
	return TAM_OK;
}

/*
 * The note written in the editor for account *a, into *text; *a is read
 * again after, as it may have changed while the editor ran.
 */
static int
note_edit(struct tam_ctx *ctx, struct account *a, char **text)
{
	char	*tmpl, *err = NULL;
	int64_t	 id = a->id;
	int	 rc;

	tmpl = xasprintf("\n# The note for account %" PRId64 " (%s). "
	    "Lines starting with '#' are\n# dropped; an empty note "
	    "adds nothing.\n", a->id, a->name);
	/*
	 * No transaction may wait on a person: the dispatcher's is ended
	 * (nothing was written) and begun again after.
	 */
	db_rollback(ctx->db);
	rc = cmd_text_edit(ctx, "note", tmpl, text);
	free(tmpl);
	if (rc != TAM_OK)
		return rc;
	if (db_begin(ctx->db, 1, &err) != 0)
		return cmd_fail_take(ctx, TAM_FAIL, err);
	if (**text == '\0')
		return cmd_fail(ctx, TAM_FAIL, "note: the note is empty; "
		    "nothing was added");
	account_release(a);
	account_init(a);
	return cmd_account_load(ctx, id, a);
}

int
cmd_note_exec(struct tam_ctx *ctx, int argc, char **argv)
{
	struct account	 a;
	char		 now[21], *err = NULL, *text;
	int64_t		 id;
	int		 rc, edit;

	account_init(&a);
	if ((rc = note_text(ctx, argc, argv, &text, &edit)) != TAM_OK ||
	    (rc = cmd_account_find(ctx, argv[0], &a)) != TAM_OK ||
	    (edit && (rc = note_edit(ctx, &a, &text)) != TAM_OK))
		goto out;
	tam_now(ctx, now);
	if (post_note(ctx->db, &a, ctx->user, now,
	    text != NULL ? text : argv[1], &id, &err) != 0)
		rc = cmd_fail_take(ctx, TAM_FAIL, err);
	else
		tam_info_done(ctx, "note %" PRId64 " added to account %" PRId64
		    " (%s)", id, a.id, a.name);
out:
	account_release(&a);
	free(text);
	return rc;
}
