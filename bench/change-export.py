#!/usr/bin/env python3
"""change-export.py: copies an export made by gen-export.py, changing 1% of it.

usage: change-export.py INPUT OUTPUT [EVERY]

Every EVERY-th data row (default 100, i.e. 1%) gets one field changed, in
turn: the health score, the TAM sentiment, the ACV and the renewal date
(one year later) -- the four changes that make tam write something besides
the account row (health history, timeline posts, re-planning).  Every other
byte is copied as it was (BOM, quoting, CRLF, the report footer), so a
re-import of OUTPUT over INPUT's database finds exactly those rows changed.
This is not a second generator: it only edits what gen-export.py wrote, and
is as deterministic as it (no randomness at all).
"""
import csv
import sys

SENTIMENT_NEXT = {
    "Green": "Yellow", "Yellow": "Red", "Red": "Green",
    "Yellow - Requires Triage": "Green", "": "Yellow",
}


def change(row, col, turn):
    if turn == 0:
        h = row[col["Health Score"]]
        row[col["Health Score"]] = str((int(h) + 37) % 101) if h else "50"
    elif turn == 1:
        s = row[col["TAM Sentiment"]]
        row[col["TAM Sentiment"]] = SENTIMENT_NEXT.get(s, "Green")
    elif turn == 2:
        row[col["Annual Contract Value"]] = "$123,456.78"
    else:
        m, d, y = row[col["Renewal Date"]].split("/")
        row[col["Renewal Date"]] = "%s/%s/%d" % (m, d, int(y) + 1)


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: change-export.py INPUT OUTPUT [EVERY]\n")
        return 2
    every = int(argv[3]) if len(argv) == 4 else 100
    with open(argv[1], encoding="utf-8-sig", newline="") as f, \
            open(argv[2], "w", encoding="utf-8", newline="") as o:
        rd = csv.reader(f)
        wr = csv.writer(o, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        header = next(rd)
        col = {h: i for i, h in enumerate(header)}
        o.write("\ufeff")
        wr.writerow(header)
        n = 0
        for row in rd:
            if len(row) == len(header):
                n += 1
                if every > 0 and n % every == 0:
                    change(row, col, (n // every) % 4)
            wr.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
