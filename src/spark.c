/*
 * spark.c: sparklines, bars and sentiment marks in text (spark.h).  Pure:
 * the caller decides the locale's form and the colors and writes the
 * strings where it likes.
 */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tam/account.h"
#include "tam/spark.h"
#include "tam/tam.h"

static const char *const levels_utf8[SPARK_LEVELS_UTF8] = {
	"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
	"\u2588"
};
static const char levels_ascii[SPARK_LEVELS_ASCII + 1] = "_.-=^";

const char *const spark_sentiment_colors[4] = {
	NULL, "\033[32m", "\033[33m", SPARK_RED
};

int
spark_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "UTF8") == 0);
}

int
spark_level(int v, int lo, int hi, int nlevels)
{
	int64_t	span = (int64_t)hi - lo, off = (int64_t)v - lo;

	if (nlevels <= 1 || span <= 0)
		return nlevels > 1 ? (nlevels - 1) / 2 : 0;
	if (off <= 0)
		return 0;
	if (off >= span)
		return nlevels - 1;
	/* Nearest level: off / span of the way from the first to the last. */
	return (int)((off * (nlevels - 1) * 2 + span) / (span * 2));
}

char *
spark_line(const int *v, int n, int utf8)
{
	char	*s, *p;
	int	 i, lo, hi, k;
	int	 nl = utf8 ? SPARK_LEVELS_UTF8 : SPARK_LEVELS_ASCII;

	p = s = xmalloc((size_t)n * 3 + 1);
	lo = hi = n > 0 ? v[0] : 0;
	for (i = 1; i < n; i++) {
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	for (i = 0; i < n; i++) {
		k = spark_level(v[i], lo, hi, nl);
		if (utf8) {
			memcpy(p, levels_utf8[k], 3);
			p += 3;
		} else
			*p++ = levels_ascii[k];
	}
	*p = '\0';
	return s;
}

char *
spark_change(const int *v, int n, int utf8)
{
	int	first = v[0], last = v[n - 1];

	if (first == last)
		return xasprintf("%d (unchanged)", last);
	return xasprintf("%d %s %d (%+d)", first, utf8 ? "\u2192" : "->", last,
	    last - first);
}

int
spark_cells(int64_t v, int64_t max, int width)
{
	int64_t	c;

	if (v <= 0 || max <= 0 || width <= 0)
		return 0;
	if (v >= max)
		return width;
	/* v < max here; v * width may not fit, long double keeps it. */
	if (v <= INT64_MAX / 2 / width)
		c = (v * width * 2 + max) / (max * 2);
	else
		c = (int64_t)((long double)v * width / max + 0.5L);
	if (c < 1)
		c = 1;
	return c > width ? width : (int)c;
}

/* Appends n copies of glyph g to *p. */
static void
repeat(char **p, const char *g, int n)
{
	size_t	len = strlen(g);

	while (n-- > 0) {
		memcpy(*p, g, len);
		*p += len;
	}
}

char *
spark_bar(int64_t total, int64_t part, int64_t max, int width, int utf8,
    const char *risk_on, const char *risk_off)
{
	char	*s, *p;
	int	 cells, marked;

	if (part > total)
		part = total;
	cells = spark_cells(total, max, width);
	marked = part == total ? cells : spark_cells(part, max, width);
	if (marked > cells)
		marked = cells;
	if (part > 0 && part < total && cells >= 2 && marked == cells)
		marked = cells - 1;
	risk_on = risk_on != NULL && marked > 0 ? risk_on : "";
	risk_off = risk_off != NULL && marked > 0 ? risk_off : "";
	p = s = xmalloc((size_t)cells * 3 + strlen(risk_on) +
	    strlen(risk_off) + 1);
	repeat(&p, utf8 ? "\u2588" : "#", cells - marked);
	repeat(&p, risk_on, 1);
	repeat(&p, utf8 ? "\u2592" : "!", marked);
	repeat(&p, risk_off, 1);
	*p = '\0';
	return s;
}

const char *
spark_mark(int sentiment, int utf8)
{
	switch (sentiment) {
	case SENT_GREEN:
		return utf8 ? "\u25cf" : "G";
	case SENT_YELLOW:
		return utf8 ? "\u25d0" : "Y";
	case SENT_RED:
		return utf8 ? "\u25cb" : "R";
	default:
		return utf8 ? "\u00b7" : ".";
	}
}

char *
spark_strip(const int *v, int n, int utf8, const char *const color[4],
    const char *reset)
{
	const char	*on, *mark;
	char		*s, *t;
	size_t		 len = 0, size = 1;
	int		 i, k;

	if (reset == NULL)
		reset = "";
	for (i = 0; i < n; i++) {
		k = v[i] >= SENT_NONE && v[i] <= SENT_RED ? v[i] : SENT_NONE;
		on = color != NULL && color[k] != NULL ? color[k] : "";
		size += strlen(on) + 3 + (*on != '\0' ? strlen(reset) : 0);
	}
	s = xmalloc(size);
	for (i = 0; i < n; i++) {
		k = v[i] >= SENT_NONE && v[i] <= SENT_RED ? v[i] : SENT_NONE;
		on = color != NULL && color[k] != NULL ? color[k] : "";
		mark = spark_mark(k, utf8);
		t = s + len;
		len += (size_t)snprintf(t, size - len, "%s%s%s", on, mark,
		    *on != '\0' ? reset : "");
	}
	s[len] = '\0';
	return s;
}
