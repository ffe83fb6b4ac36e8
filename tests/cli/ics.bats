#!/usr/bin/env bats
# ics.bats: tam ics, the open work as an RFC 5545 calendar.

bats_require_minimum_version 1.5.0
load helper

# Debian's python3 has python3-icalendar (tests/debian-packages.txt); a
# python3 earlier on PATH (pyenv) may not.
PY=/usr/bin/python3

sql() {
	dbsql "$@"
}

# The database's random identifier, in every UID.
dbuid() {
	sql "SELECT uid FROM database_uid"
}

# Today is 2026-11-23.  Tasks go in with SQL until sync lands.
ics_fixture() {
	tam -q account add 'Acme, Inc.' --sfid 0013t00001AbCdE --acv '$300,000' \
	    --renewal 2027-07-31 --tam alice --sal bob --sa sam \
	    --tam-manager max
	tam -q account add 'Café Zürich; Ltd' --acv 1000 --renewal 2027-03-01 \
	    --tam bob
	tam -q account add Archived --tam alice
	tam -q account archive Archived
	sql "INSERT INTO task (id, account_id, kind, title, due, status,
	        created_at, note) VALUES
	    (1, 1, 'renewal_review_1', 'Renewal Review 1 (internal sync)',
	     '2027-02-26', 'open', '2026-11-23T07:00:00Z', NULL),
	    (2, 1, 'renewal_question', 'Ask the renewal question',
	     '2026-12-15', 'open', '2026-11-23T07:00:00Z', NULL),
	    (3, 1, 'renewal_review_2', 'Renewal Review 2 (internal sync)',
	     '2027-04-30', 'open', '2026-11-23T07:00:00Z', NULL),
	    (4, 1, 'renewal_plan', 'Done already', '2026-12-01', 'done',
	     '2026-11-23T07:00:00Z', NULL),
	    (5, 1, 'sentiment_update', 'Cancelled', '2026-12-01', 'cancelled',
	     '2026-11-23T07:00:00Z', NULL),
	    (6, 2, 'custom', 'Überprüfung der Verträge, Preise; Rabatte \\ Zusagen — jetzt',
	     '2026-10-01', 'open', '2026-09-01T07:00:00Z', 'Ruf an:
	Montag, 9 Uhr'),	-- the tab stays: TEXT allows it
	    (7, 2, 'action_roadmap', 'Roadmap review', '2028-01-03', 'open',
	     '2026-11-23T07:00:00Z', NULL),
	    (8, 3, 'custom', 'Archived work', '2026-12-01', 'open',
	     '2026-11-23T07:00:00Z', NULL);"
}

@test "ics: events for reviews, to-dos for the rest, overdue included" {
	ics_fixture
	run_tam ics
	assert_success
	assert_equal "$stderr" "tam: 2 review meetings, 2 tasks"
	printf '%s' "$output" > cal.ics
	$PY - cal.ics "$(dbuid)" <<'PY'
import sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert str(cal['VERSION']) == '2.0'
ev = {str(e['UID']).replace('.' + sys.argv[2], ''): e for e in cal.walk('VEVENT')}
td = {str(t['UID']).replace('.' + sys.argv[2], ''): t for t in cal.walk('VTODO')}
assert sorted(ev) == ['task-1@tam', 'task-3@tam'], sorted(ev)
assert sorted(td) == ['task-2@tam', 'task-6@tam'], sorted(td)
r1 = ev['task-1@tam']
assert r1['DTSTART'].dt == datetime.date(2027, 2, 26)
assert r1['DTEND'].dt == datetime.date(2027, 2, 27)
assert str(r1['SUMMARY']) == 'Renewal Review 1 (internal sync): Acme, Inc.'
assert str(r1['DESCRIPTION']) == (
    'Attendees: alice (TAM), bob (SAL), sam (SA), (RSD: unassigned), '
    'max (TAM manager)\n'
    'Account: Acme, Inc. (tam id 1, Salesforce 0013t00001AbCdEAAV)\n'
    'Renewal date: 2027-07-31\nACV: $300,000\nWhen done: tam done 1'
), repr(str(r1['DESCRIPTION']))
assert r1['DTSTAMP'].dt == datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc) or \
    r1['DTSTAMP'].dt.replace(tzinfo=None) == datetime.datetime(2026, 11, 23)
late = td['task-6@tam']
assert late['DUE'].dt == datetime.date(2026, 10, 1)
assert str(late['SUMMARY']) == \
    'Überprüfung der Verträge, Preise; Rabatte \\ Zusagen — jetzt: Café Zürich; Ltd'
assert str(late['DESCRIPTION']) == (
    'Account: Café Zürich; Ltd (tam id 2)\nRenewal date: 2027-03-01\n'
    'ACV: $1,000\nNote: Ruf an:\n\tMontag, 9 Uhr\nWhen done: tam done 6'
), repr(str(late['DESCRIPTION']))
assert str(td['task-2@tam']['STATUS']) == 'NEEDS-ACTION'
PY
}

@test "ics: CRLF everywhere, no line over 75 octets, escaped text" {
	ics_fixture
	tam -q ics > cal.ics
	# Every line ends in CRLF: as many CRs as LFs, each just before one.
	[ "$(tr -cd '\n' < cal.ics | wc -c)" -eq "$(grep -c $'\r$' cal.ics)" ]
	[ "$(tr -cd '\r' < cal.ics | wc -c)" -eq "$(tr -cd '\n' < cal.ics | wc -c)" ]
	# 75 octets and the CR.
	run env LC_ALL=C awk 'length($0) > 76 { print }' cal.ics
	assert_output ""
	# Something was long enough to fold, and folds start with a space.
	grep -q $'^ ' cal.ics
	# Unfolded, the text carries its escapes.
	run bash -c "tr -d '\r' < cal.ics | sed -e ':a' -e '\$!N;s/\n //;ta' -e 'P;D' | grep '^SUMMARY:Über'"
	assert_output 'SUMMARY:Überprüfung der Verträge\, Preise\; Rabatte \\ Zusagen — jetzt: Café Zürich\; Ltd'
	head -n 1 cal.ics | cmp - <(printf 'BEGIN:VCALENDAR\r\n')
	tail -n 1 cal.ics | cmp - <(printf 'END:VCALENDAR\r\n')
}

@test "ics: a second run gives the same calendar, UIDs stay" {
	ics_fixture
	tam -q ics > one.ics
	tam -q ics > two.ics
	cmp one.ics two.ics
	TAM_TODAY=2026-12-01 tam -q ics > later.ics
	grep '^UID:' one.ics > uids-one
	grep '^UID:' later.ics > uids-later
	cmp uids-one uids-later
	grep -q '^DTSTAMP:20261201T000000Z' later.ics
}

@test "ics --within and --tam choose the tasks" {
	ics_fixture
	run_tam ics --within 14m
	assert_success
	assert_equal "$(grep -c '^UID:' <<<"$output")" 5
	assert_output --partial "UID:task-7.$(dbuid)@tam"
	run_tam ics --within 1m
	assert_equal "$(grep '^UID:' <<<"$output" | tr -d '\r' | tr '\n' ' ')" "UID:task-6.$(dbuid)@tam UID:task-2.$(dbuid)@tam "
	run_tam ics --tam BOB --within 2w
	assert_equal "$(grep '^UID:' <<<"$output" | tr -d '\r')" "UID:task-6.$(dbuid)@tam"
	assert_equal "$stderr" "tam: 0 review meetings, 1 task"
}

@test "ics: review.sa_always off leaves the SA out unless upsell" {
	ics_fixture
	tam -q config set review.sa_always false
	tam -q ics > cal.ics
	$PY - cal.ics <<'PY'
import sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
d = str([e for e in cal.walk('VEVENT')][0]['DESCRIPTION'])
assert d.startswith('Attendees: alice (TAM), bob (SAL), (RSD: unassigned), max (TAM manager)\n'), d
PY
	tam -q account set Acme --upsell
	tam -q ics | grep -q 'sam (SA)'
}

@test "ics on an empty database is an empty calendar" {
	run_tam ics
	assert_success
	assert_equal "$(printf '%s' "$output" | grep -c VEVENT)" 0
	printf '%s' "$output" > cal.ics
	$PY -c 'import sys; from icalendar import Calendar; c = Calendar.from_ical(open(sys.argv[1], "rb").read()); assert not c.subcomponents' cal.ics
}

@test "ics: misuse is exit 2 and changes nothing" {
	ics_fixture
	before=$(dbdump)
	run_tam ics --within soon
	assert_failure 2
	assert_equal "$stderr" "tam: --within: 'soon' is not a period (N, Nd, Nw or Nm)"
	assert_equal "$output" ""
	run_tam ics calendar.ics
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: ics: unexpected argument 'calendar.ics'"
	run_tam ics --horizon 3m
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--horizon'"
	run_tam ics --tam
	assert_failure 2
	[ "$(dbdump)" = "$before" ]
}

@test "ics after a real sync: the renewal playbook on the calendar" {
	tam -q account add Acme --acv '$300,000' --renewal 2027-03-31 \
	    --tam alice --sal bob
	tam -q sync
	run_tam ics
	assert_success
	assert_equal "$stderr" "tam: 2 review meetings, 3 tasks"
	printf '%s' "$output" > cal.ics
	$PY - cal.ics <<'PY'
import sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = sorted((e['DTSTART'].dt, str(e['SUMMARY'])) for e in cal.walk('VEVENT'))
# R - 5 months = 2026-10-31 is past: due today (late start); R - 3 months.
assert ev == [(datetime.date(2026, 11, 23), 'Renewal Review 1 (internal sync): Acme'),
              (datetime.date(2026, 12, 31), 'Renewal Review 2 (internal sync): Acme')], ev
d = str(cal.walk('VEVENT')[0]['DESCRIPTION'])
assert d.startswith('Attendees: alice (TAM), bob (SAL), (RSD: unassigned), (TAM manager: unassigned)\n'), d
# W + 60 days = 2026-11-29, a Sunday: the Friday before.
assert [t['DUE'].dt for t in cal.walk('VTODO')] == [datetime.date(2026, 11, 27)] * 3
PY
	# Marking a task done keeps it on the next calendar, no longer open.
	id=$(grep -m1 '^UID:' cal.ics | sed 's/^UID:task-\([0-9]*\)\..*/\1/')
	tam -q done "$id"
	run_tam ics
	assert_output --partial "UID:task-$id.$(dbuid)@tam"
	assert_equal "$stderr" "tam: 1 review meeting, 3 tasks, 1 closed"
}

# Loads the entries of a calendar file by "task-N" (the UID before its
# database identifier), for the Python checks below.
ICS_LOAD='
import sys, datetime
from icalendar import Calendar
def load(f):
    cal = Calendar.from_ical(open(f, "rb").read())
    return {str(c["UID"]).split(".")[0]: c for c in cal.walk()
            if c.name in ("VEVENT", "VTODO")}
'

# Acme's renewal playbook, made 2026-11-23: tasks 1 and 5 are the
# reviews (events), 2, 3 and 4 to-dos.
playbook() {
	tam -q account add Acme --acv '$300,000' --renewal 2027-03-31 \
	    --tam alice --sal bob
	tam -q sync
}

@test "ics: closed work stays, with its status, SEQUENCE and LAST-MODIFIED" {
	playbook
	tam -q ics > before.ics
	export TAM_TODAY=2026-11-25
	tam -q done 1 --note held
	tam -q done 2
	tam -q skip 3 --note "not this year"
	run_tam ics
	assert_success
	assert_equal "$stderr" "tam: 1 review meeting, 1 task, 3 closed"
	# The same state gives the same file: a calendar sees no change.
	tam -q ics > after.ics
	tam -q ics | cmp - after.ics
	$PY - before.ics after.ics <<PY
$ICS_LOAD
b, a = load(sys.argv[1]), load(sys.argv[2])
assert sorted(a) == sorted(b) == ["task-%d" % i for i in range(1, 6)], sorted(a)
for c in b.values():
    assert int(c["SEQUENCE"]) == 0, c
    assert str(c["STATUS"]) in ("NEEDS-ACTION", "CONFIRMED"), c
    assert c["LAST-MODIFIED"].dt.date() == datetime.date(2026, 11, 23)
got = {k: (c.name, str(c["STATUS"]), int(c["SEQUENCE"])) for k, c in a.items()}
assert got == {
    "task-1": ("VEVENT", "CANCELLED", 1),
    "task-2": ("VTODO", "COMPLETED", 1),
    "task-3": ("VTODO", "CANCELLED", 1),
    "task-4": ("VTODO", "NEEDS-ACTION", 0),
    "task-5": ("VEVENT", "CONFIRMED", 0)}, got
day = datetime.date(2026, 11, 25)
for k in ("task-1", "task-2", "task-3"):
    assert a[k]["LAST-MODIFIED"].dt.date() == day, k
assert a["task-2"]["COMPLETED"].dt.date() == day
assert "COMPLETED" not in a["task-3"]
assert a["task-4"]["LAST-MODIFIED"].dt.date() == datetime.date(2026, 11, 23)
d = str(a["task-3"]["DESCRIPTION"])
assert d.endswith("Note: not this year\nClosed: skipped on 2026-11-25"), d
assert "When done" not in d
assert str(a["task-4"]["DESCRIPTION"]).endswith("When done: tam done 4")
PY
}

@test "ics: a new renewal date cancels the old work on the calendar" {
	playbook
	tam -q account set Acme --renewal 2027-02-28
	tam -q ics > cal.ics
	$PY - cal.ics <<PY
$ICS_LOAD
a = load(sys.argv[1])
old = {k: str(a[k]["STATUS"]) for k in ("task-%d" % i for i in range(1, 6))}
assert set(old.values()) == {"CANCELLED"}, old
assert all(int(a["task-%d" % i]["SEQUENCE"]) == 1 for i in range(1, 6))
new = [c for k, c in a.items() if k not in old]
assert len(new) == 5 and all(str(c["STATUS"]) in ("NEEDS-ACTION", "CONFIRMED")
    for c in new), new
PY
}

@test "ics: SEQUENCE grows with each change and holds between runs" {
	playbook
	seq_of() {
		tam -q ics | tr -d '\r' |
		    sed -n "/^UID:task-$1\./,/^END:/s/^SEQUENCE://p"
	}
	[ "$(seq_of 2)" = 0 ]
	# No command moves a due date yet; the count is kept by the schema
	# whatever writes the change.
	sql "UPDATE task SET due = '2026-12-04' WHERE id = 2"
	[ "$(seq_of 2)" = 1 ]
	[ "$(seq_of 2)" = 1 ]
	# No time is kept for that change, so no LAST-MODIFIED is claimed.
	run bash -c "'$TAM' -q ics | tr -d '\r' | sed -n '/^UID:task-2\./,/^END:/p'"
	refute_output --partial "LAST-MODIFIED"
	assert_output --partial "DUE;VALUE=DATE:20261204"
	sql "UPDATE task SET due = '2026-12-05' WHERE id = 2"
	[ "$(seq_of 2)" = 2 ]
	# Writing the same values is no change.
	sql "UPDATE task SET due = due, title = title, note = note WHERE id = 2"
	[ "$(seq_of 2)" = 2 ]
	sql "UPDATE task SET title = 'Ask it now' WHERE id = 2"
	[ "$(seq_of 2)" = 3 ]
	tam -q done 2
	[ "$(seq_of 2)" = 4 ]
	[ "$(seq_of 3)" = 0 ]
}

@test "ics: work closed longer ago than the period leaves the calendar" {
	playbook
	tam -q done 2
	TAM_TODAY=2026-12-23 tam -q ics --within 1m | grep -q '^UID:task-2\.'
	run bash -c "TAM_TODAY=2026-12-24 '$TAM' -q ics --within 1m | grep '^UID:task-2\.'"
	assert_failure
	# Open work stays however overdue it is.
	TAM_TODAY=2027-06-01 tam -q ics --within 1m | grep -q '^UID:task-3\.'
}

@test "ics: UIDs carry the database's random identifier, kept by the database" {
	local one two db1 db2
	db1=$(newdb one)
	db2=$(newdb two)
	TAM_DB=$db1 playbook
	TAM_DB=$db2 playbook
	TAM_DB=$db1 tam -q ics > one.ics
	TAM_DB=$db2 tam -q ics > two.ics
	grep '^UID:' one.ics > one.uids
	grep '^UID:' two.ics > two.uids
	[ "$(wc -l < one.uids)" -eq 5 ]
	# The same tasks of two databases never share a UID.
	run comm -12 <(sort one.uids) <(sort two.uids)
	assert_output ""
	one=$(dbsql --db "$db1" "SELECT uid FROM database_uid")
	two=$(dbsql --db "$db2" "SELECT uid FROM database_uid")
	[[ $one =~ ^[0-9a-f]{32}$ && $two =~ ^[0-9a-f]{32}$ && $one != "$two" ]]
	run grep -cE "^UID:task-[1-5]\.$one@tam"$'\r$' one.ics
	assert_output 5
	# The identifier stays: the next run gives the same UIDs.
	TAM_DB=$db1 TAM_TODAY=2026-12-01 tam -q ics | grep '^UID:' |
	    cmp - one.uids
	# Parsed, every UID is unique within the file too.
	$PY - one.ics two.ics <<'PY'
import sys
from icalendar import Calendar
uids = [str(c["UID"]) for f in sys.argv[1:]
        for c in Calendar.from_ical(open(f, "rb").read()).walk()
        if c.name in ("VEVENT", "VTODO")]
assert len(uids) == 10 == len(set(uids)), uids
PY
}

# SQLite only: SQLite's migrations
# bats test_tags=sqlite-only
@test "ics: a database made before the identifier gets one when migrated" {
	local sqldir=$BATS_TEST_DIRNAME/../../sql a b
	# A schema-2 database, as tam made it before migration 4.
	cat "$sqldir"/0001-*.sql "$sqldir"/0002-*.sql | sqlite3 old.db
	sqlite3 old.db "PRAGMA application_id = $((0x54414d31));
	    PRAGMA user_version = 2"
	cp old.db a.db
	cp old.db b.db
	TAM_DB=a.db playbook
	TAM_DB=b.db playbook
	[ "$(sqlite3 a.db 'PRAGMA user_version')" -ge 4 ]
	a=$(sqlite3 a.db "SELECT uid FROM database_uid")
	b=$(sqlite3 b.db "SELECT uid FROM database_uid")
	[[ $a =~ ^[0-9a-f]{32}$ && $b =~ ^[0-9a-f]{32}$ && $a != "$b" ]]
	TAM_DB=a.db tam -q ics | grep -q "^UID:task-1\.$a@tam"
}
