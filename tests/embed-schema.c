/*
 * embed-schema.c: writes, as a C array, what sqlite_schema holds after each
 * migration of sql/, so that tam can check a file against the schema its
 * own migrations make (engine-sqlite.c, check_schema) without replaying them at every
 * start (that costs about as much as the rest of a small `tam due`).
 *
 * The migrations are replayed on an empty database in memory, the way
 * db_open applies them, and each version's rows (type, name, tbl_name,
 * sql) are printed.  A migration may call a function that tam registers
 * on its connections (sqlite3_create_function): on an empty database such
 * a function never runs, it only has to exist, so a stand-in that returns
 * NULL is registered under that name and the replay starts again.  The
 * text SQLite stores does not depend on what a function computes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db-internal.h"

#define MAX_STUBS 64

static void
stub(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(c);
}

/* One C string literal a line, escaped for any byte and no trigraphs. */
static void
put_literal(const unsigned char *s)
{
	fputs("\"", stdout);
	for (; *s != '\0'; s++) {
		if (*s == '\n' && s[1] != '\0')
			fputs("\\n\"\n\t    \"", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\\' || *s == '"' || *s == '?')
			printf("\\%c", *s);
		else if (*s < 0x20 || *s >= 0x7f)
			printf("\\%03o", *s);
		else
			putchar(*s);
	}
	fputs("\"", stdout);
}

static void
put_text(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL)
		fputs("NULL", stdout);
	else
		put_literal(s);
}

/* Prints the rows of version v; returns how many. */
static int
dump(sqlite3 *h, int v)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	if (sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, sql FROM "
	    "sqlite_schema ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("\t{ %d, ", v);
		put_text(st, 0);
		fputs(", ", stdout);
		put_text(st, 1);
		fputs(", ", stdout);
		put_text(st, 2);
		fputs(",\n\t    ", stdout);
		put_text(st, 3);
		fputs(" },\n", stdout);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/*
 * Replays every migration; NULL when done, else the name of a missing
 * function (allocated) or "" for any other error (printed).
 */
static char *
replay(char stubs[][128], int nstubs, int print, int *total)
{
	static const char	 missing[] = "no such function: ";
	sqlite3			*h;
	const char		*msg;
	char			*name = NULL;
	int			 i, n;

	if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return strdup("");
	for (i = 0; i < nstubs; i++)
		sqlite3_create_function(h, stubs[i], -1, SQLITE_UTF8 |
		    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, stub, NULL,
		    NULL);
	for (i = 0; i < tam_nmigrations; i++) {
		if (sqlite3_exec(h, tam_migrations[i].sql, NULL, NULL,
		    NULL) != SQLITE_OK) {
			msg = sqlite3_errmsg(h);
			if (strncmp(msg, missing, sizeof missing - 1) == 0)
				name = strdup(msg + sizeof missing - 1);
			else {
				fprintf(stderr, "embed-schema: %s: %s\n",
				    tam_migrations[i].name, msg);
				name = strdup("");
			}
			break;
		}
		if (print) {
			if ((n = dump(h, tam_migrations[i].version)) < 0) {
				name = strdup("");
				break;
			}
			*total += n;
		}
	}
	sqlite3_close(h);
	return name;
}

int
main(void)
{
	static char	 stubs[MAX_STUBS][128];
	char		*name;
	int		 nstubs = 0, total = 0;

	/* First find every function the migrations need, then print. */
	while ((name = replay(stubs, nstubs, 0, &total)) != NULL) {
		if (*name == '\0' || nstubs == MAX_STUBS ||
		    strlen(name) >= sizeof stubs[0]) {
			free(name);
			return 1;
		}
		strcpy(stubs[nstubs++], name);
		free(name);
	}
	puts("/* Generated from the sql/ migrations by tests/embed-schema.c; "
	    "do not edit. */");
	puts("#include \"db-internal.h\"\n");
	puts("const struct schema_object tam_schema[] = {");
	if ((name = replay(stubs, nstubs, 1, &total)) != NULL) {
		free(name);
		return 1;
	}
	puts("};");
	printf("const int tam_nschema = %d;\n", total);
	return ferror(stdout) || fflush(stdout) != 0;
}
