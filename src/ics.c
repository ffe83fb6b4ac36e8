/* ics.c: RFC 5545 content lines, folding and escaping, events and to-dos. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tam/date.h"
#include "tam/ics.h"
#include "tam/tam.h"

char *
ics_escape(const char *text)
{
	const unsigned char	*s = (const unsigned char *)text;
	char			*out, *p;

	/* Every input byte becomes at most two output bytes. */
	out = p = xmalloc(strlen(text) * 2 + 1);
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\':
		case ';':
		case ',':
			*p++ = '\\';
			*p++ = (char)*s;
			break;
		case '\r':
			if (s[1] == '\n')
				s++;
			/* FALLTHROUGH */
		case '\n':
			*p++ = '\\';
			*p++ = 'n';
			break;
		default:
			/* RFC 5545 TEXT allows no control but HTAB. */
			if ((*s < 0x20 && *s != '\t') || *s == 0x7f)
				*p++ = ' ';
			else
				*p++ = (char)*s;
			break;
		}
	}
	*p = '\0';
	return out;
}

void
ics_fold(FILE *fp, const char *line)
{
	const unsigned char	*s = (const unsigned char *)line;
	size_t			 len = strlen(line), room, cut;
	int			 first = 1;

	for (;;) {
		/* A continuation line spends one octet on its space. */
		room = first ? ICS_LINE_MAX : ICS_LINE_MAX - 1;
		if (len <= room) {
			if (!first)
				putc(' ', fp);
			fwrite(s, 1, len, fp);
			fputs("\r\n", fp);
			return;
		}
		/* Back off the continuation bytes of a character. */
		cut = room;
		while (cut > 0 && (s[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == 0)
			cut = room;	/* not UTF-8: any cut will do */
		if (!first)
			putc(' ', fp);
		fwrite(s, 1, cut, fp);
		fputs("\r\n", fp);
		s += cut;
		len -= cut;
		first = 0;
	}
}

/* Writes NAME:value for a TEXT value. */
static void
text_line(FILE *fp, const char *name, const char *text)
{
	char	*esc = ics_escape(text), *line;

	line = xasprintf("%s:%s", name, esc);
	ics_fold(fp, line);
	free(line);
	free(esc);
}

/* Writes NAME;VALUE=DATE:YYYYMMDD. */
static void
date_line(FILE *fp, const char *name, int date)
{
	int	y, m, d;

	date_to_ymd(date, &y, &m, &d);
	fprintf(fp, "%s;VALUE=DATE:%04d%02d%02d\r\n", name, y, m, d);
}

void
ics_begin(FILE *fp)
{
	ics_fold(fp, "BEGIN:VCALENDAR");
	ics_fold(fp, "VERSION:2.0");
	ics_fold(fp, "PRODID:-//tam//tam " TAM_VERSION "//EN");
	ics_fold(fp, "CALSCALE:GREGORIAN");
	ics_fold(fp, "METHOD:PUBLISH");
	ics_fold(fp, "X-WR-CALNAME:tam renewals");
}

/*
 * Writes NAME:YYYYMMDDTHHMMSSZ for a stored "YYYY-MM-DDTHH:MM:SSZ"; a
 * value of another shape writes nothing rather than a malformed line.
 */
static void
time_line(FILE *fp, const char *name, const char *at)
{
	static const char	shape[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t			i;

	if (at == NULL || strlen(at) != sizeof shape - 1)
		return;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? (at[i] < '0' || at[i] > '9') :
		    at[i] != shape[i])
			return;
	fprintf(fp, "%s:%.4s%.2s%.2sT%.2s%.2s%.2sZ\r\n", name, at, at + 5,
	    at + 8, at + 11, at + 14, at + 17);
}

void
ics_item(FILE *fp, const struct ics_item *it)
{
	const char	*comp = it->todo ? "VTODO" : "VEVENT", *status;
	int		 y, m, d;

	fprintf(fp, "BEGIN:%s\r\n", comp);
	fprintf(fp, "UID:task-%" PRId64 ".%s@tam\r\n", it->task_id,
	    it->db_uid != NULL ? it->db_uid : "");
	date_to_ymd(it->stamp, &y, &m, &d);
	fprintf(fp, "DTSTAMP:%04d%02d%02dT000000Z\r\n", y, m, d);
	fprintf(fp, "SEQUENCE:%" PRId64 "\r\n", it->sequence);
	time_line(fp, "LAST-MODIFIED", it->modified);
	if (it->status == ICS_OPEN)
		status = it->todo ? "NEEDS-ACTION" : "CONFIRMED";
	else if (it->status == ICS_DONE && it->todo)
		status = "COMPLETED";
	else
		status = "CANCELLED";	/* VEVENT has no COMPLETED */
	if (it->todo) {
		date_line(fp, "DUE", it->date);
		fprintf(fp, "STATUS:%s\r\n", status);
		if (it->status == ICS_DONE)
			time_line(fp, "COMPLETED", it->completed);
	} else {
		/* An all-day event ends the next day (RFC 5545 3.6.1). */
		date_line(fp, "DTSTART", it->date);
		date_line(fp, "DTEND", it->date + 1);
		fputs("TRANSP:TRANSPARENT\r\n", fp);
		fprintf(fp, "STATUS:%s\r\n", status);
	}
	text_line(fp, "SUMMARY", it->summary);
	if (it->description != NULL)
		text_line(fp, "DESCRIPTION", it->description);
	fprintf(fp, "END:%s\r\n", comp);
}

void
ics_end(FILE *fp)
{
	ics_fold(fp, "END:VCALENDAR");
}
