#!/usr/bin/env bats
# terminal.bats: what a person sees on a terminal.  Tables fit its width
# in display cells (CJK two, combining marks none), never wrap, and tam
# due reads like a plan.  tam runs under a pseudo-terminal (script(1))
# of the width each test sets.

load helper

# Runs tam on a pseudo-terminal `cols` cells wide; $output is the screen
# text (CR removed, colors off).
on_term() {
	local cols=$1 cmd q
	shift
	printf -v q '%q ' "$TAM" --no-color "$@"
	cmd="stty cols $cols rows 500; $q"
	run bash -c "script -qec \"\$1\" /dev/null | tr -d '\r'" _ "$cmd"
}

# Fails, naming the line, if a line of $output is wider than $1 cells.
fits() {
	printf '%s\n' "$output" | python3 -c '
import sys, unicodedata, re
w = int(sys.argv[1]); bad = 0
for line in sys.stdin.read().split("\n"):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    n = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    if n > w:
        print("%d cells > %d: %s" % (n, w, line)); bad = 1
sys.exit(bad)' "$1"
}

# The display cells before the first occurrence of $2 in line $1.
col_of() {
	python3 -c '
import sys, unicodedata
line, word = sys.argv[1], sys.argv[2]
pre = line[:line.index(word)]
print(sum(0 if unicodedata.combining(c) else
    2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in pre))' "$1" "$2"
}

sample() {
	tam import "$DATA/sample-export.csv" >/dev/null 2>&1
	tam account add "東京システム株式会社" --tam "Alice Chen" \
	    --sal "Bob Stone" --acv 50000 --renewal 2027-01-10 >/dev/null
	tam account add "Cafe\u0301 Crème" >/dev/null 2>&1 || true
	tam sync >/dev/null 2>&1
}

@test "terminal: no line of the list commands is wider than the terminal" {
	sample
	for cols in 60 80 100 120; do
		for c in "due" "account list" "report at-risk" "cta list" \
		    "task list"; do
			# shellcheck disable=SC2086
			on_term "$cols" $c
			assert_success
			fits "$cols" || fail "tam $c at $cols columns"
		done
	done
}

@test "terminal: enum columns are never cut; free text is" {
	sample
	tam sentiment Wayne yellow --triage --note "exec sponsor left" \
	    >/dev/null
	on_term 80 report at-risk
	assert_success
	assert_output --partial "yellow+triage"
	refute_output --partial "yellow+tria…"
	on_term 60 account list
	assert_output --partial "yellow+triage"
	assert_output --partial "…"
	# SAL goes first, before the names are cut to nothing
	refute_output --partial "SAL"
}

@test "terminal: CJK names line up with the others" {
	sample
	on_term 120 account list
	assert_success
	local cjk acme
	cjk=$(printf '%s\n' "$output" | grep "東京")
	acme=$(printf '%s\n' "$output" | grep "Acme Corporation")
	[ "$(col_of "$cjk" 2027-01-10)" = "$(col_of "$acme" 2027-01-15)" ] ||
	    fail "renewal column at $(col_of "$cjk" 2027-01-10) and $(col_of "$acme" 2027-01-15)"
}

@test "terminal: COLUMNS gives the width when stdout is not a terminal" {
	sample
	run env COLUMNS=60 "$TAM" --format table account list
	assert_success
	fits 60
	run "$TAM" --format table account list
	refute fits 60
}

@test "terminal: an empty list says so; in a pipe it stays empty" {
	tam init >/dev/null 2>&1 || true
	on_term 80 cta list
	assert_success
	assert_output "nothing to list"
	run_tam --format table cta list
	assert_output ""
}

@test "terminal: json is indented on a terminal, one line in a pipe" {
	sample
	on_term 80 --format json account list
	assert_success
	assert_line --index 0 "["
	assert_line --index 1 $'\t{'
	run_tam --format json account list
	assert_line --index 1 --regexp '^\{"id":'
}

@test "terminal: TERM=dumb has no color" {
	sample
	run bash -c "TERM=dumb script -qec '$TAM account list' /dev/null"
	assert_success
	refute_output --partial $'\033['
	run bash -c "TERM=xterm script -qec '$TAM account list' /dev/null"
	assert_output --partial $'\033['
}

@test "due: each account's line once, its rows under it" {
	sample
	on_term 100 due
	assert_success
	[ "$(printf '%s\n' "$output" | grep -c '^Globex, Inc\.')" = 1 ]
	assert_output --partial "Globex, Inc. *  renews 2026-12-04  \$312,500"
	assert_line --regexp '^ +6  2026-11-23 +0  Renewal Review 1'
	# the account is not repeated on its rows
	refute_line --regexp '^ +7 .*Globex'
}

@test "due: a hygiene row's fix on a line of its own, never cut" {
	sample
	tam account set Wayne --renewal 2026-09-30 >/dev/null 2>&1 || true
	on_term 60 due --all
	assert_success
	assert_line --regexp '^ +fix: tam account set [0-9]+ --renewal DATE$'
	fits 60
}

@test "due: --limit keeps the first N rows in every format" {
	sample
	run_tam --format tsv due
	local all=("${lines[@]}")
	run_tam --format tsv due --limit 3
	assert_success
	[ "${#lines[@]}" = 4 ]
	[ "${lines[1]}" = "${all[1]}" ] && [ "${lines[3]}" = "${all[3]}" ]
	on_term 100 due --limit 3
	assert_output --regexp "[0-9]+ more not shown \(--limit\)"
	run_tam due --limit 0
	assert_failure 2
	[[ $stderr == tam:* ]]
}

@test "due: --account keeps that account's rows in every format" {
	sample
	run_tam --format tsv due --account Globex
	assert_success
	[ "${#lines[@]}" -gt 2 ]
	printf '%s\n' "${lines[@]:1}" | cut -f8 | sort -u > got
	[ "$(cat got)" = 'Globex, Inc.' ] || fail "$(cat got)"
	on_term 100 due --account Globex
	refute_output --partial "Acme"
	run_tam due --account "No Such Co"
	assert_failure 1
	[[ $stderr == tam:* ]]
}

@test "due: an empty database says how to start" {
	on_term 80 due
	assert_success
	assert_output --partial "tam import FILE"
}

@test "terminal: account list says what it did not find" {
	tam -q account add Gone
	tam -q account archive Gone
	on_term 80 account list
	assert_success
	assert_output "no accounts to list (archived ones: --archived)"
	on_term 80 account list --strategic --archived
	assert_output "no accounts, archived or not"
}
