/*
 * cmd-text.c: a free text that does not fit on the command line: read
 * from standard input ("-"), or written in the user's editor, like git
 * commit does it.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tam/cmd.h"

/*
 * Reads fp to its end, at most CMD_TEXT_MAX bytes and one more (so that
 * a longer text is seen, and refused, without reading it all).  NULL on
 * a read error.
 */
static char *
read_all(FILE *fp, size_t *len)
{
	char	*buf = xmalloc(CMD_TEXT_MAX + 2);
	size_t	 n = 0, r;

	while (n < CMD_TEXT_MAX + 1 &&
	    (r = fread(buf + n, 1, CMD_TEXT_MAX + 1 - n, fp)) > 0)
		n += r;
	if (ferror(fp)) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Drops trailing newlines and blanks: echo's newline is no part of it. */
static void
trim_end(char *s)
{
	size_t	n = strlen(s);

	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		s[--n] = '\0';
}

int
cmd_text_stdin(struct tam_ctx *ctx, const char *what, char **out)
{
	/*
	 * Read once for the process: a command a server runs again (a
	 * serialization failure) finds the same text, not an ended stream.
	 */
	static char	*text;
	static size_t	 len;
	char		*s;

	if (text == NULL && (text = read_all(stdin, &len)) == NULL)
		return cmd_fail(ctx, TAM_FAIL, "%s: cannot read standard "
		    "input: %s", what, strerror(errno));
	if (memchr(text, '\0', len) != NULL)
		return cmd_fail(ctx, TAM_USAGE, "%s: standard input holds a "
		    "NUL byte; give text", what);
	s = xstrdup(text);
	trim_end(s);
	*out = s;
	return cmd_check_text(ctx, what, s);
}

/* Lines starting with '#' go, as in git: the template explains itself. */
static void
drop_comments(char *s)
{
	char	*r = s, *w = s, *nl;
	size_t	 n;

	while (*r != '\0') {
		n = (nl = strchr(r, '\n')) != NULL ? (size_t)(nl - r) + 1 :
		    strlen(r);
		if (*r != '#') {
			memmove(w, r, n);
			w += n;
		}
		r += n;
	}
	*w = '\0';
	/* Leading blank lines too; a first line's indent stays. */
	for (r = w = s; *r == '\n' || *r == ' ' || *r == '\t'; r++)
		if (*r == '\n')
			w = r + 1;
	memmove(s, w, strlen(w) + 1);
	trim_end(s);
}

/* Runs the editor on path: its words through the shell, path as "$1". */
static int
run_editor(const char *editor, const char *path)
{
	struct sigaction	 ign, old_int, old_quit;
	pid_t			 pid;
	int			 status;
	char			*script;

	script = xasprintf("%s \"$@\"", editor);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	/* ^C belongs to the editor while it runs, as in git. */
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		execl("/bin/sh", "sh", "-c", script, editor, path,
		    (char *)NULL);
		_exit(127);
	}
	free(script);
	status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (pid < 0 || status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int
cmd_text_edit(struct tam_ctx *ctx, const char *what, const char *template,
    char **out)
{
	const char	*editor, *tmp;
	char		*path, *s;
	size_t		 len;
	FILE		*fp;
	int		 fd, rc;

	*out = NULL;
	if ((editor = getenv("VISUAL")) == NULL || *editor == '\0')
		if ((editor = getenv("EDITOR")) == NULL || *editor == '\0')
			editor = "vi";
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp != '/')
		tmp = "/tmp";
	/* mkstemp makes it 0600: a note may be private. */
	path = xasprintf("%s/tam-note-XXXXXX", tmp);
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w+")) == NULL) {
		rc = cmd_fail(ctx, TAM_FAIL, "%s: cannot make a file in %s: "
		    "%s", what, tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		free(path);
		return rc;
	}
	fputs(template, fp);
	if (fflush(fp) != 0) {
		rc = cmd_fail(ctx, TAM_FAIL, "%s: cannot write '%s': %s",
		    what, path, strerror(errno));
		goto out;
	}
	if ((rc = run_editor(editor, path)) != 0) {
		rc = cmd_fail(ctx, TAM_FAIL, "%s: the editor '%s' failed "
		    "(exit %d); nothing was added", what, editor, rc);
		goto out;
	}
	/* The editor may have written a new file under the name. */
	fclose(fp);
	if ((fp = fopen(path, "r")) == NULL ||
	    (s = read_all(fp, &len)) == NULL) {
		rc = cmd_fail(ctx, TAM_FAIL, "%s: cannot read '%s' back: %s",
		    what, path, strerror(errno));
		goto out;
	}
	if (memchr(s, '\0', len) != NULL)
		s[0] = '\0';
	drop_comments(s);
	*out = s;
	rc = cmd_check_text(ctx, what, s);
out:
	if (fp != NULL)
		fclose(fp);
	unlink(path);
	free(path);
	return rc;
}
