/*
 * spark.h: small pictures made of text, for people at a terminal: the
 * sparkline of a series (health scores), the mark of a sentiment, and a
 * bar with a marked part (ACV, the part at risk).  Each has a UTF-8 form
 * and a plain ASCII one for a terminal that is not UTF-8.
 */
#ifndef TAM_SPARK_H
#define TAM_SPARK_H

#include <stdint.h>

/* Levels of a sparkline: "▁▂▃▄▅▆▇█" in UTF-8, "_.-=^" in ASCII. */
#define SPARK_LEVELS_UTF8	8
#define SPARK_LEVELS_ASCII	5

/*
 * Returns 1 when the character set of the LC_CTYPE locale (set by
 * setlocale(LC_CTYPE, "") at start) is UTF-8, else 0.
 */
int	 spark_utf8(void);

/*
 * The level, 0 to nlevels - 1, of v on the scale lo..hi (lo <= v <= hi),
 * rounded to the nearest; the middle level when lo == hi, so a flat
 * series draws a flat line.
 */
int	 spark_level(int v, int lo, int hi, int nlevels);

/*
 * Returns the sparkline of v[0..n-1], one glyph per value, scaled from
 * the least to the greatest value, as a new string (empty for n == 0).
 */
char	*spark_line(const int *v, int n, int utf8);

/*
 * Returns the summary after a sparkline: "40 → 85 (+45)" (ASCII "->"),
 * "85 (unchanged)" when first and last agree, as a new string; n > 0.
 */
char	*spark_change(const int *v, int n, int utf8);

/*
 * The cells of a bar for v >= 0 where max fills width cells: rounded to
 * the nearest, at least one cell for any v > 0, never more than width.
 */
int	 spark_cells(int64_t v, int64_t max, int width);

/*
 * Returns the bar of total (0 <= part <= total <= max, max filling width
 * cells) as a new string: the cells of total, the last cells (those of
 * part) marked "▒" ("!" in ASCII), the others "█" ("#").  A part that is
 * neither nothing nor everything keeps at least one cell of each kind
 * when the bar has two.  risk_on and risk_off (NULL: none) are written
 * around the marked cells, an ANSI color from the caller.
 */
char	*spark_bar(int64_t total, int64_t part, int64_t max, int width,
	    int utf8, const char *risk_on, const char *risk_off);

/*
 * The mark of a TAM sentiment (account.h SENT_*), told apart by shape,
 * not only by color: "●" green, "◐" yellow, "○" red, "·" none; in ASCII
 * "G", "Y", "R", ".".
 */
const char *spark_mark(int sentiment, int utf8);

/*
 * Returns the strip of sentiments v[0..n-1] (SENT_*), one mark each, as
 * a new string.  color (NULL: no color) holds an ANSI sequence for each
 * of SENT_NONE..SENT_RED, written before a mark with reset after it.
 */
char	*spark_strip(const int *v, int n, int utf8,
	    const char *const color[4], const char *reset);

/*
 * The ANSI colors of the sentiments, for spark_strip (none for
 * SENT_NONE), the red of the part at risk of a bar, and the reset.
 */
extern const char *const spark_sentiment_colors[4];
#define SPARK_RED	"\033[31m"
#define SPARK_RESET	"\033[0m"

#endif
