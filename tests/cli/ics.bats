#!/usr/bin/env bats
# ics.bats: tam ics, the open work as an RFC 5545 calendar.

bats_require_minimum_version 1.5.0
load helper

# Debian's python3 has python3-icalendar (tests/debian-packages.txt); a
# python3 earlier on PATH (pyenv) may not.
PY=/usr/bin/python3

sql() {
	sqlite3 "$TAM_DB" "$@"
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
	$PY - cal.ics <<'PY'
import sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert str(cal['VERSION']) == '2.0'
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
td = {str(t['UID']): t for t in cal.walk('VTODO')}
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
	assert_output --partial 'UID:task-7@tam'
	run_tam ics --within 1m
	assert_equal "$(grep '^UID:' <<<"$output" | tr -d '\r' | tr '\n' ' ')" "UID:task-6@tam UID:task-2@tam "
	run_tam ics --tam BOB --within 2w
	assert_equal "$(grep '^UID:' <<<"$output" | tr -d '\r')" "UID:task-6@tam"
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
	# Marking a task done takes it off the next calendar.
	id=$(grep -m1 '^UID:' cal.ics | tr -dc 0-9)
	tam -q done "$id"
	run_tam ics
	refute_output --partial "UID:task-$id@tam"
}
