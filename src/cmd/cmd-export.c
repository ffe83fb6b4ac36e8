/* cmd-export.c: tam export, the whole database as JSON for backup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "tam/backup.h"
#include "tam/cmd.h"
#include "tam/cmd-table.h"
#include "tam/db-export.h"

struct export_run {
	const struct dbx_table	*table;
	int			 jsonl;
	long long		 rows;		/* all tables */
	long long		 in_table;	/* this table */
};

/* Prints one row: a line of its own in both forms, so backups diff well. */
static int
export_row(void *arg, const struct dbx_value *v)
{
	struct export_run	*run = arg;
	cJSON			*obj;
	char			*s;

	obj = backup_row_json(run->table, v, run->jsonl ? run->table->key :
	    NULL);
	if ((s = cJSON_PrintUnformatted(obj)) == NULL) {
		fputs("tam: out of memory\n", stderr);
		abort();
	}
	if (!run->jsonl)
		fputs(run->in_table == 0 ? "\n" : ",\n", stdout);
	fputs(s, stdout);
	if (run->jsonl)
		putc('\n', stdout);
	cJSON_free(s);
	cJSON_Delete(obj);
	run->rows++;
	run->in_table++;
	return 0;
}

/*
 * json: {"format":..., "version":..., "accounts": [rows], ...}, one row
 * per line; jsonl: a header line, one line per row naming its table, and
 * an end line with the row count that proves the file is whole.
 */
static int
export_all(struct tam_ctx *ctx, int jsonl)
{
	const struct dbx_table	*t;
	struct export_run	 run;
	char			*err = NULL;

	memset(&run, 0, sizeof run);
	run.jsonl = jsonl;
	printf("{\"format\":\"%s\",\"version\":%d%s", BACKUP_FORMAT,
	    BACKUP_VERSION, jsonl ? "}\n" : ",\n");
	for (t = dbx_tables; t->key != NULL; t++) {
		run.table = t;
		run.in_table = 0;
		if (!jsonl)
			printf("\"%s\":[", t->key);
		if (db_export_each(ctx->db, t, export_row, &run, &err) != 0)
			return cmd_fail_take(ctx, TAM_FAIL, err);
		if (!jsonl)
			printf("%s]%s\n", run.in_table ? "\n" : "",
			    t[1].key != NULL ? "," : "}");
	}
	if (jsonl)
		printf("{\"end\":true,\"rows\":%lld}\n", run.rows);
	tam_info_done(ctx, "exported %lld row%s", run.rows,
	    run.rows == 1 ? "" : "s");
	return TAM_OK;
}

int
cmd_export_exec(struct tam_ctx *ctx, CMD_UNUSED int argc, CMD_UNUSED char **argv)
{
	const char	*env = getenv("TAM_FORMAT");
	int		 jsonl = 0;

	/*
	 * A backup is JSON even on a terminal.  --format may pick jsonl;
	 * TAM_FORMAT, a preference for lists, counts only when it names
	 * a JSON form.
	 */
	if (ctx->opt_format != NULL) {
		if (ctx->format != FMT_JSON && ctx->format != FMT_JSONL)
			return cmd_fail(ctx, TAM_USAGE, "export: --format "
			    "'%s' cannot hold a database; use json or jsonl",
			    ctx->opt_format);
		jsonl = ctx->format == FMT_JSONL;
	} else if (env != NULL && strcmp(env, "jsonl") == 0)
		jsonl = 1;
	return export_all(ctx, jsonl);
}
