/*
 * db-team.h: the team of a server's database (team mode,
 * sql/pg/0005-team.sql): which login is which TAM, and who sees all.
 */
#ifndef TAM_DB_TEAM_H
#define TAM_DB_TEAM_H

struct tam_db;

struct team_member {
	const char	*login;
	const char	*tam;
	const char	*role;		/* "tam", "manager" or "admin" */
};

/*
 * Adds login to the team as role ("tam", "manager", "admin") for the TAM
 * of this name (fold: its folded form), or changes what it is; the login
 * role is created on the server when it has none.  0 or -1 with *err.
 */
int	db_team_add(struct tam_db *, const char *login, const char *tam,
	    const char *fold, const char *role, char **err);
/* 0, 1 when login was not on the team, -1 with *err. */
int	db_team_rm(struct tam_db *, const char *login, char **err);
/* Each member in login order; fn's non-zero stops (and is returned). */
int	db_team_each(struct tam_db *,
	    int (*fn)(void *, const struct team_member *), void *arg,
	    char **err);

#endif
