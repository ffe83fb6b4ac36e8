/*
 * db-export.h: every table of the database as rows of typed values, for
 * `tam export` and `tam restore`.  The tables are listed in the order a
 * restore must insert them (an account before its CTAs, a CTA before its
 * tasks).  Functions return 0 and -1 with *err (allocated) like db.h.
 */
#ifndef TAM_DB_EXPORT_H
#define TAM_DB_EXPORT_H

#include <stdint.h>

struct tam_db;

enum dbx_type {
	DBX_INT,	/* integer */
	DBX_TEXT,	/* text */
	DBX_BOOL,	/* 0 or 1 */
	DBX_MONEY,	/* integer cents */
	DBX_DATE,	/* "YYYY-MM-DD" text */
	DBX_TIME	/* "YYYY-MM-DDTHH:MM:SSZ" text */
};

struct dbx_col {
	const char	*key;		/* the export's key ("acv") */
	enum dbx_type	 type;
	int		 nullable;
};

struct dbx_value {
	int		 null;
	int64_t		 i;		/* DBX_INT, DBX_BOOL, DBX_MONEY */
	const char	*s;		/* the text types; borrowed */
};

struct dbx_table {
	const char		*key;	/* the export's key ("accounts") */
	const struct dbx_col	*cols;
	int			 ncols;
	const char		*select_sql;	/* private to src/db */
	const char		*insert_sql;	/* private to src/db */
	int			 since;	/* the export version that added it */
};

/*
 * The tables, in restore order, ending with a NULL key.  The last two
 * are the calendar's bookkeeping (SPEC §9): "task_revisions" (each
 * entry's SEQUENCE) and "database_uid", the one row of the database's
 * random identifier, which a restore writes over the new database's own.
 */
extern const struct dbx_table dbx_tables[];

/*
 * Calls fn with the values of each row of table t (ncols of them, in
 * column order), by primary key.  A value whose storage type does not
 * match its column (text in an integer column) is an error naming the
 * row.  A non-zero return of fn stops the walk and is returned.
 */
int	 db_export_each(struct tam_db *, const struct dbx_table *t,
	    int (*fn)(void *, const struct dbx_value *), void *arg,
	    char **err);
/*
 * Inserts one row of table t, ids as given.  A constraint the row breaks
 * is an error.
 */
int	 db_restore_row(struct tam_db *, const struct dbx_table *t,
	    const struct dbx_value *v, char **err);
/* Sets *empty to 1 when no table holds a row. */
int	 db_is_empty(struct tam_db *, int *empty, char **err);

#endif
