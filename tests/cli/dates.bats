#!/usr/bin/env bats
# dates.bats: dates and notes as people type them.  Today: Monday
# 2026-11-23 (helper.bash).

bats_require_minimum_version 1.5.0
load helper

FORMS="YYYY-MM-DD, M/D/YYYY, today, tomorrow, yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y"

q() {
	dbsql "$1"
}

renewal_of() {
	tam -q account set Acme --renewal "$1"
	q "select renewal_date from account where name = 'Acme'"
}

@test "dates: the words and forms, on --renewal" {
	tam -q account add Acme
	assert_equal "$(renewal_of tomorrow)" 2026-11-24
	assert_equal "$(renewal_of yesterday)" 2026-11-22
	# the next one strictly after today: Monday is in a week
	assert_equal "$(renewal_of monday)" 2026-11-30
	assert_equal "$(renewal_of Wed)" 2026-11-25
	assert_equal "$(renewal_of eow)" 2026-11-27
	assert_equal "$(renewal_of eom)" 2026-11-30
	assert_equal "$(renewal_of eoq)" 2026-12-31
	assert_equal "$(renewal_of +1y)" 2027-11-23
	assert_equal "$(renewal_of -2w)" 2026-11-09
	assert_equal "$(renewal_of 12/31/2027)" 2027-12-31
	assert_equal "$(renewal_of 3/4/2027)" 2027-03-04
	TAM_TODAY=2026-11-28 run_tam account set Acme --renewal eow
	assert_equal "$(q "select renewal_date from account order by id")" 2026-12-04
}

@test "dates: a bad date names its option, exit 2, nothing written" {
	tam -q account add Acme
	before=$(dbdump)
	run_tam account set Acme --renewal 2027-13-01
	assert_failure 2
	assert_equal "$stderr" "tam: --renewal: '2027-13-01' is not a date ($FORMS)"
	# D/M is never read: 25/12 is refused, not guessed
	run_tam account add X --renewal 25/12/2027
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --renewal: '25/12/2027' is not a date ($FORMS)"
	run_tam action Acme roadmap --due someday
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --due: 'someday' is not a date ($FORMS)"
	run_tam timeline Acme --since 1/1/26
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --since: '1/1/26' is not a date ($FORMS)"
	assert_equal "$(dbdump)" "$before"
}

@test "dates: --due and --since take them too" {
	tam -q account add Acme --renewal 2027-03-01
	tam -q sync
	run_tam action Acme roadmap --due friday
	assert_success
	[[ "$stderr" == *"due 2026-11-27"* ]]
	tam -q note Acme "kick-off"
	run_tam timeline Acme --since -1d --format tsv
	assert_success
	[ "${#lines[@]}" -gt 1 ]
	run_tam timeline Acme --since tomorrow --format tsv
	assert_success
	assert_equal "${#lines[@]}" 1
}

@test "note -: the text from standard input, limited and UTF-8" {
	tam -q account add Acme
	printf 'Call went well.\nNext: QBR.\n' | tam -q note Acme -
	assert_equal "$(q "select body from timeline where type = 'note' order by id")" \
	    $'Call went well.\nNext: QBR.'
	before=$(dbdump)
	run --separate-stderr "$TAM" note Acme - < <(head -c 65537 /dev/zero | tr '\0' x)
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: note: TEXT: value is longer than 65536 bytes"
	run --separate-stderr "$TAM" note Acme - < <(printf '\303(')
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: note: TEXT: value is not valid UTF-8"
	run --separate-stderr "$TAM" note Acme - < /dev/null
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: note: the note is empty"
	assert_equal "$(dbdump)" "$before"
	# --note - wherever a note is taken
	printf 'exec call booked\n' | tam -q sentiment Acme yellow --note -
	assert_equal "$(q "select count(*) from timeline where body like '%exec call booked%'")" 1
}

@test "note without text: not on a terminal, the error of old" {
	tam -q account add Acme
	run_tam note Acme < /dev/null
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: note: give ACCOUNT and TEXT ('-' reads it from standard input)"
}

# An editor that records how it was called and writes the note.
editor() {
	cat > "$BATS_TEST_TMPDIR/ed.sh" <<ED
#!/bin/sh
printf '%s\n' "\$#" > "$BATS_TEST_TMPDIR/argc"
stat -c %a "\$1" > "$BATS_TEST_TMPDIR/mode"
cp "\$1" "$BATS_TEST_TMPDIR/template"
printf '%s' "$1" > "\$1"
ED
	chmod +x "$BATS_TEST_TMPDIR/ed.sh"
}

@test "note on a terminal: the editor writes it, '#' lines dropped" {
	tam -q account add "Acme Corp"
	editor $'\n  \n# mine\n  Met the CFO.\n  budget ok\n\n'
	# a space in the file's folder: the name is an argument, not joined
	mkdir "$BATS_TEST_TMPDIR/t m p"
	TMPDIR="$BATS_TEST_TMPDIR/t m p" EDITOR="$BATS_TEST_TMPDIR/ed.sh" \
	    run script -qec "$TAM note acme" /dev/null
	assert_success
	[[ "$output" == *"note 1 added to account 1 (Acme Corp)"* ]]
	assert_equal "$(q "select body from timeline where type = 'note' order by id")" \
	    $'  Met the CFO.\n  budget ok'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/argc")" 1
	assert_equal "$(cat "$BATS_TEST_TMPDIR/mode")" 600
	grep -q "^# The note for account 1 (Acme Corp)" "$BATS_TEST_TMPDIR/template"
	# the file is gone
	assert_equal "$(ls "$BATS_TEST_TMPDIR/t m p")" ""
	# VISUAL comes before EDITOR
	editor "from visual"
	VISUAL="$BATS_TEST_TMPDIR/ed.sh" EDITOR=false \
	    run script -qec "$TAM note acme" /dev/null
	assert_success
	assert_equal "$(q "select count(*) from timeline where body = 'from visual'")" 1
}

@test "note on a terminal: an empty text cancels, a failed editor too" {
	tam -q account add Acme
	before=$(dbdump)
	editor $'# only a comment\n\n'
	EDITOR="$BATS_TEST_TMPDIR/ed.sh" run script -qec "$TAM note Acme" /dev/null
	assert_failure 1
	[[ "$output" == *"tam: note: the note is empty; nothing was added"* ]]
	EDITOR=false run script -qec "$TAM note Acme" /dev/null
	assert_failure 1
	[[ "$output" == *"tam: note: the editor 'false' failed (exit 1); nothing was added"* ]]
	assert_equal "$(dbdump)" "$before"
}

@test "note on a terminal: no database lock is held while the editor runs" {
	tam -q account add Acme
	# the editor's own tam writes: it would find the database busy
	cat > "$BATS_TEST_TMPDIR/ed.sh" <<ED
#!/bin/sh
TAM_BUSY_TIMEOUT=200 "$TAM" -q note Acme "meanwhile" || exit 3
printf 'after the edit\n' > "\$1"
ED
	chmod +x "$BATS_TEST_TMPDIR/ed.sh"
	EDITOR="$BATS_TEST_TMPDIR/ed.sh" run script -qec "$TAM note Acme" /dev/null
	assert_success
	assert_equal "$(q "select body from timeline where type = 'note' order by id")" \
	    $'meanwhile\nafter the edit'
}
