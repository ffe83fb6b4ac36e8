#!/usr/bin/env bats
# badinput.bats: every malformed input the SPEC names, thrown at every
# command that takes input.  Each must give a clear "tam: " error, the
# right exit code (2: the command line is wrong, 1: the work cannot be
# done), nothing on stdout, and leave the database exactly as it was.

load helper
load faults-helper

# A database with something in it, and its dump to compare with.
seed() {
	tam -q account add "Acme Corp" --sfid 0013t00001AbCdE --acv 300000 \
	    --renewal 2027-07-31 --tam alice --health 80
	tam -q account add Initech --renewal 2027-01-15
	BEFORE=$(dbdump)
}

# bad CODE MESSAGE ARGS...: tam ARGS fails with CODE, its first stderr
# line is "tam: MESSAGE" (any "tam: " line when MESSAGE is empty), every
# other stderr line is the usage, stdout is empty, the database unchanged.
bad() {
	local code=$1 msg=$2 shown line
	shift 2
	shown="tam ${*:1:6}"
	shown=${shown:0:200}
	run --separate-stderr "$TAM" "$@"
	[ "$status" -eq "$code" ] ||
	    fail "$shown: exit $status, expected $code; stderr: ${stderr:0:300}"
	[ -z "$output" ] || fail "$shown: wrote on stdout: ${output:0:300}"
	if [ -n "$msg" ]; then
		[ "${stderr_lines[0]}" = "tam: $msg" ] ||
		    fail "$shown: stderr '${stderr_lines[0]:0:300}', expected 'tam: $msg'"
	else
		[[ "${stderr_lines[0]}" == "tam: "?* ]] ||
		    fail "$shown: no 'tam: ' error: ${stderr:0:300}"
	fi
	for line in "${stderr_lines[@]:1}"; do
		# the usage after a misuse, every line "tam: " too (SPEC §2)
		[[ "$line" == "tam: usage: tam "* || "$line" == "tam:       tam "* ||
		    "$line" == "tam:        tam "* ||
		    "$line" == "tam:                 "* ]] ||
		    fail "$shown: stray stderr line '${line:0:200}'"
	done
	[ "${#stderr}" -lt 1200 ] || fail "$shown: a ${#stderr}-byte error"
	[ "$(dbdump)" = "$BEFORE" ] || fail "$shown: the database changed"
}

assert_stderr_regexp() {
	[[ "$stderr" =~ $1 ]] || fail "stderr '${stderr:0:300}' does not match $1"
}

DATE_MSG="is not a date (YYYY-MM-DD, M/D/YYYY, today, tomorrow, yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y)"

@test "malformed dates: every option and variable that takes one" {
	seed
	for d in 2026-02-30 2026-13-01 2026-00-10 2026-01-32 2025-02-29 \
	    26-01-01 2026/01/01 2026-1-1 " 2026-01-01" "2026-01-01 " \
	    "2026-01-01T00:00" 15/01/2027 01/15/27 +3 +0d -0d +1Y + tomorrow+ \
	    +99992m 1899-12-31 10000-01-01 "" "२०२६-०१-०१"; do
		bad 2 "--renewal: '$d' $DATE_MSG" account add X --renewal "$d"
		bad 2 "--renewal: '$d' $DATE_MSG" account set Initech \
		    --renewal "$d"
	done
	for d in 2026-02-30 today +1d 2026/01/01 "2026-01-01x"; do
		bad 2 "--today: '$d' is not a date (YYYY-MM-DD)" \
		    --today "$d" account add X
		TAM_TODAY="$d" bad 2 "TAM_TODAY: '$d' is not a date (YYYY-MM-DD)" \
		    account set Initech --tam bob
	done
}

@test "malformed amounts" {
	seed
	for a in 12,34 1,0000 ,100 100, abc '$' '$$5' 1.234 1. .5 --5 \
	    '- 5' 1e6 USD 'USD EUR 5' 'US 5' '5 USDX' 99999999999999999999 \
	    10000000000001 "" "5 000" "5'000" "١٢٣"; do
		bad 2 "'$a' is not an amount (like 250000, \$250,000 or USD 250,000.00)" \
		    account add X --acv "$a"
		bad 2 "'$a' is not an amount (like 250000, \$250,000 or USD 250,000.00)" \
		    account set Initech --acv "$a"
	done
	# an ACV is never negative
	bad 2 "'-5000' is not an amount (like 250000, \$250,000 or USD 250,000.00)" \
	    account add X --acv -5000
	for v in abc 12,34 -1 1e6; do
		bad 2 "" config set strategic.acv "$v"
	done
}

@test "malformed enums, numbers and currencies" {
	seed
	for s in purple Green- "yellow red" "" RED!; do
		bad 2 "--sentiment: '$s' is not green, yellow or red" \
		    account list --sentiment "$s"
	done
	for f in xml TSV "" json,csv; do
		bad 2 "--format: '$f' is not a format (table, tsv, csv, json or jsonl)" \
		    account list --format "$f"
		TAM_FORMAT="$f" run_tam account list
		[ -z "$f" ] || assert_failure 2
	done
	for c in sometimes yes 1 ""; do
		bad 2 "--color: '$c' is not auto, always or never" \
		    account list --color "$c"
	done
	for h in 101 -1 1.5 abc 1e2 " 50" 0x10 99999999999999999999; do
		bad 2 "'$h' is not a health score (0 to 100)" \
		    account set Initech --health "$h"
	done
	for n in -4 1e3 abc 1.5 1000000000001 99999999999999999999; do
		bad 2 "'$n' is not a number of users" account add X --licenses "$n"
		bad 2 "'$n' is not a number of users" \
		    account set Initech --active-users "$n"
	done
	for c in EURO US 123 "" "E R"; do
		bad 2 "'$c' is not a currency code (like USD or EUR)" \
		    account add X --currency "$c"
	done
	for f in nonsense name "" sfid=x; do
		bad 2 "" account set Initech --clear "$f"
	done
	for kv in "window.months abc" "window.months 0" "window.months 25" \
	    "review.sa_always maybe" "schedule.skip_weekends 2" \
	    "risk_update.every 1y" "due.horizon 0" "sentiment.stale_days -1" \
	    "nosuch 1"; do
		bad 2 "" config set $kv
	done
	bad 2 "unknown setting 'nosuch'; see 'tam config list'" config get nosuch
}

@test "malformed periods" {
	seed
	for p in 0 -1 1y m 1.5m "2 w" 100001 1000000000000000000000 "" \
	    +1d 1dd 1D; do
		bad 2 "--renewing-within: '$p' is not a period (N, Nd, Nw or Nm)" \
		    account list --renewing-within "$p"
	done
}

@test "malformed and unknown IDs and account names" {
	seed
	for id in 123 0013t00001AbCdE! 0013t00001AbCdEA 0013t00001AbCdEAA \
	    0013t00001AbCdEAAVX 0013t00001AbCdEAA9 "0013t00001AbCdE " ""; do
		bad 2 "" account add X --sfid "$id"
	done
	for spec in 0 99 99999999999999999999 0013t00001XXXXX Nobody \
	    "Acme Corp Ltd" "%" "_"; do
		bad 1 "no account matches '$spec'; see 'tam account list'" \
		    account show "$spec"
		bad 1 "no account matches '$spec'; see 'tam account list'" \
		    account set "$spec" --tam bob
		bad 1 "no account matches '$spec'; see 'tam account list'" \
		    account archive "$spec"
		bad 1 "no account matches '$spec'; see 'tam account list'" \
		    account rm "$spec" --yes
	done
	bad 2 "the account name is empty" account show ""
	bad 2 "the account name is empty" account set "" --tam x
	bad 2 "" account show -1
	# a duplicate Salesforce ID, 15- or 18-character form
	bad 1 "" account add Other --sfid 0013t00001AbCdE
	bad 1 "" account add Other --sfid 0013T00001ABCDEAAV
	bad 1 "" account set Initech --sfid 0013t00001AbCdEAAV
}

@test "options that take no value, or need one" {
	seed
	bad 2 "option '--upsell' takes no value" account add X --upsell=yes
	bad 2 "option '--strategic' takes no value" account list --strategic=1
	bad 2 "option '--no-upsell' takes no value" account set Initech --no-upsell=1
	run_tam --quiet=1 account list
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: option '--quiet' takes no value"
	for o in --tam --acv --renewal --health --sfid --objectives; do
		bad 2 "option '$o' needs a value" account add X "$o"
	done
	bad 2 "option '--db' needs a value" account list --db
	bad 2 "" account add
	bad 2 "" account add A B
	bad 2 "" account set Initech
	bad 2 "" account rm Initech
}

@test "very long strings: the longest argument Linux passes, and 1 MB in all" {
	seed
	# One argument may hold at most 128 KiB (MAX_ARG_STRLEN): 1 MB in one
	# argument never reaches tam; this is the most that does.
	long=$(head -c 131071 /dev/zero | tr '\0' x)
	for o in --tam --sal --objectives --region --stage; do
		bad 2 "--${o#--}: value is longer than 65536 bytes" \
		    account add X "$o" "$long"
		bad 2 "--${o#--}: value is longer than 65536 bytes" \
		    account set Initech "$o" "$long"
	done
	bad 2 "--name: value is longer than 65536 bytes" account add "$long"
	bad 2 "" account add X --renewal "$long"
	bad 2 "" account add X --acv "$long"
	bad 2 "" account add X --sfid "$long"
	bad 2 "" account add X --health "$long"
	bad 2 "" account list --renewing-within "$long"
	bad 2 "" account list --sentiment "$long"
	bad 2 "" --today "$long" account list
	bad 2 "" config set window.months "$long"
	bad 1 "" account show "$long"
	# the error quotes the value, cut in the middle, not 128 KiB of it
	run_tam account show "$long"
	assert_stderr_regexp "^tam: no account matches 'x{400,}\.\.\.\([0-9]+ bytes cut\)\.\.\.x{400,}'; see 'tam account list'\$"
	# eight arguments of 128 KiB: 1 MB of command line
	bad 2 "" account add X --tam "$long" --sal "$long" --sa "$long" \
	    --rsd "$long" --region "$long" --segment "$long" --stage "$long"
	# just under the limit is fine, and comes back whole
	fine=$(head -c 65536 /dev/zero | tr '\0' y)
	run_tam -q account add Long --objectives "$fine"
	assert_success
	run dbsql "select length(objectives) from account where name = 'Long'"
	assert_output 65536
}

@test "invalid UTF-8 in any text is refused; ACCOUNT lookups find nothing" {
	seed
	for s in $'\xff' $'Bad\xfe\xffName' $'\xc3' $'\xc3\x28' $'\xe2\x82' \
	    $'\xed\xa0\x80' $'\xf4\x90\x80\x80' $'\xc0\xaf' $'ok\x80'; do
		bad 2 "--name: value is not valid UTF-8" account add "$s"
		bad 2 "--tam: value is not valid UTF-8" account add X --tam "$s"
		bad 2 "--objectives: value is not valid UTF-8" \
		    account set Initech --objectives "$s"
		bad 2 "--name: value is not valid UTF-8" \
		    account set Initech --name "$s"
		bad 1 "" account show "$s"
	done
	# valid UTF-8 of every length is fine
	run_tam -q account add "Zoë Ünal 東京 𝄞"
	assert_success
	run_tam account show "zoë" --format json
	assert_output --partial '"name":"Zoë Ünal 東京 𝄞"'
}

@test "NUL bytes: what the shell passes on is stored exactly" {
	seed
	# argv cannot carry a NUL: bash drops it from "$(printf 'a\0b')"
	# (with a warning), so tam sees "ab" and stores that, nothing cut.
	run_tam -q account set Initech --objectives "$(printf 'before\0after')"
	assert_success
	run dbsql "select objectives from account where name = 'Initech'"
	assert_output "beforeafter"
}

@test "control characters in text are stored and escaped, never raw in tsv" {
	seed
	run_tam -q account add $'Multi\nLine\tName\r' --tam $'a\\b'
	assert_success
	run_tam account list --format tsv
	assert_line --index 3 --partial $'Multi\\nLine\\tName\\r\ta\\\\b'
	assert_equal "${#lines[@]}" 4
}

# The renewal work: a window open on Initech, so there are tasks to name.
seed_work() {
	tam -q account add Initech --renewal 2027-01-15
	tam -q sync
	BEFORE=$(dbdump)
}

@test "sync, due, task, done, skip, action, review: malformed input" {
	seed_work
	for p in 0 -1 1y "" 1.5w 100001; do
		bad 2 "--horizon: '$p' is not a period (N, Nd, Nw or Nm)" \
		    due --horizon "$p"
	done
	bad 2 "" due extra
	bad 2 "" sync extra
	bad 2 "" sync --dry-run=yes
	bad 2 "" task list --kind bogus
	bad 2 "" task list --open --all
	bad 1 "no account matches 'Nobody'; see 'tam account list'" \
	    task list --account Nobody
	for id in 0 -1 abc 1.5 99999999999999999999 "" " 1" 1e2 0x1; do
		bad 2 "" done "$id"
		bad 2 "" skip "$id" --note why
	done
	# all or nothing: one unknown id and no task is closed
	bad 1 "no task 999; nothing changed (see 'tam task list')" done 1 999
	bad 1 "no task 999; nothing changed (see 'tam task list')" \
	    skip 1 2 999 --note why
	bad 2 "" done
	bad 2 "" skip 1
	bad 2 "" skip 1 --note ""
	bad 2 "" action Initech bogus
	bad 2 "" action Initech custom
	bad 2 "" action Initech custom --title ""
	bad 1 "" action Nobody roadmap
	bad 1 "" review Nobody
	bad 2 "" review
	for d in 2026-02-30 +3 tomorrow+ 31/12/2027 +99992m ""; do
		bad 2 "" action Initech roadmap --due "$d"
	done
	long=$(head -c 131071 /dev/zero | tr '\0' x)
	for s in $'\xff' $'ok\xc3' "$long"; do
		bad 2 "" done 1 --note "$s"
		bad 2 "" skip 1 --note "$s"
		bad 2 "" action Initech custom --title "$s"
		bad 2 "" action Initech roadmap --note "$s"
		bad 1 "" review "$s"
		bad 1 "" task list --account "$s"
	done
}

@test "sentiment, risk-update, note, cta, timeline: malformed input" {
	seed_work
	for s in purple Green- "" "yellow - requires triage!"; do
		bad 2 "" sentiment Initech "$s" --note why
	done
	bad 2 "" sentiment Initech red --triage --note why
	bad 2 "" sentiment Initech red
	bad 2 "" sentiment Initech
	bad 1 "" sentiment Nobody green
	bad 2 "" risk-update Initech
	bad 1 "" risk-update Nobody --note x
	bad 2 "" note Initech ""
	bad 2 "" note Initech
	bad 1 "" note Nobody text
	bad 2 "" cta open Initech --risk-type bogus
	bad 2 "" cta open Initech --risk-reason bogus
	for id in 0 -1 abc 1.5 99999999999999999999 ""; do
		bad 2 "" cta show "$id"
		bad 2 "" cta update "$id" --title x
		bad 2 "" cta close "$id" --won --note x
	done
	bad 1 "" cta show 999
	bad 2 "" cta close 1 --won
	bad 2 "" cta close 1 --lost bogus --note x
	bad 2 "" cta close 1 --won --lost churn --note x
	bad 2 "" cta close 1 --won --net-arr 12,34 --note x
	bad 2 "" cta list --kind bogus
	bad 2 "" cta update 1
	for d in 2026-02-30 +3 tomorrow+ 31/12/2027 ""; do
		bad 2 "" timeline Initech --since "$d"
	done
	bad 2 "" timeline Initech --type bogus
	bad 1 "" timeline Nobody
	long=$(head -c 131071 /dev/zero | tr '\0' x)
	for s in $'\xff' $'ok\xe2\x82' "$long"; do
		bad 2 "" sentiment Initech red --note "$s"
		bad 2 "" risk-update Initech --note "$s"
		bad 2 "" note Initech "$s"
		bad 2 "" cta open Initech --note "$s"
		bad 2 "" cta update 1 --title "$s"
		bad 2 "" cta close 1 --won --note "$s"
	done
}

@test "report, export, restore, ics: malformed input" {
	seed_work
	for p in 0 -1 1y "" 1.5w; do
		bad 2 "" report renewals --within "$p"
		bad 2 "" ics --within "$p"
	done
	bad 2 "" report renewals --by week
	bad 2 "" report bogus
	bad 2 "" report
	bad 2 "" export --format csv
	bad 2 "" export --format ""
	# restore refuses a database that is not empty, whatever the input
	bad 1 "" restore /nonexistent
	printf '\x00\x01binary\xff' > bin.json
	TAM_DB=$(newdb fresh)
	for f in /nonexistent bin.json; do
		run_tam restore "$f"
		assert_failure 1
		[[ "${stderr_lines[0]}" == "tam: "?* ]]
	done
	echo '{"not": "a tam export"' > half.json
	run_tam restore half.json
	assert_failure 1
	# a failed restore leaves no database behind, or an empty one
	db_missing || [ "$(dbsql 'select count(*) from account')" = 0 ]
}

# bad_import CODE MESSAGE FILE [OPTIONS]: like bad, for tam import; the
# message is the last stderr line.
bad_import() {
	local code=$1 msg=$2
	shift 2
	run --separate-stderr "$TAM" import "$@"
	[ "$status" -eq "$code" ] ||
	    fail "import $*: exit $status, expected $code; ${stderr:0:300}"
	[ -z "$output" ] || fail "import $*: wrote on stdout"
	for line in "${stderr_lines[@]}"; do
		[[ "$line" == "tam: "* ]] ||
		    fail "import $*: stray stderr line '${line:0:200}'"
	done
	[ -z "$msg" ] || [ "${stderr_lines[-1]}" = "tam: $msg" ] ||
	    fail "import $*: last line '${stderr_lines[-1]:0:300}', expected 'tam: $msg'"
	[ "$(dbdump)" = "$BEFORE" ] || fail "import $*: the database changed"
}

@test "import: binary, NUL, invalid UTF-8, huge fields, broken CSV" {
	need_import
	seed
	printf 'Account Name,TAM\nAc\0me,alice\n' > nul.csv
	bad_import 1 "nul.csv:2: not a CSV file: it holds binary data (a NUL byte); give a CSV export" nul.csv
	head -c 4096 /dev/urandom > random.bin
	bad_import 1 "" random.bin
	printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > image.csv
	bad_import 1 "" image.csv
	printf 'Account Name,TAM\nAc\xffme,alice\n' > latin1.csv
	bad_import 1 "import rejected: 1 of 1 row invalid, nothing written" latin1.csv
	printf 'Account \xffName,TAM\nAcme,alice\n' > badheader.csv
	bad_import 1 "" badheader.csv
	{ printf 'Account Name,TAM\nBig,'; head -c 1100000 /dev/zero | tr '\0' x; echo; } > huge.csv
	bad_import 1 "huge.csv:2: field too long: tam reads fields of up to 1 MB; is this a Salesforce CSV export?" huge.csv
	{ printf 'Account Name,TAM\nBig,'; head -c 70000 /dev/zero | tr '\0' x; echo; } > long.csv
	bad_import 1 "" long.csv
	printf 'Account Name,TAM\n"Acme,alice\nInitech,bob\n' > open-quote.csv
	bad_import 1 "" open-quote.csv
	: > empty.csv
	bad_import 1 "" empty.csv
	printf '\n\n\n' > blank.csv
	bad_import 1 "" blank.csv
	printf 'Region,Segment\nEMEA,Enterprise\n' > nokey.csv
	bad_import 1 "" nokey.csv
	bad_import 1 "" /nonexistent.csv
	bad_import 1 "" "$BATS_TEST_TMPDIR"
	# the same through stdin
	run --separate-stderr "$TAM" import - < nul.csv
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: stdin:2: not a CSV file: it holds binary data (a NUL byte); give a CSV export"
	[ "$(dbdump)" = "$BEFORE" ]
}

@test "import: malformed options" {
	need_import
	seed
	printf 'Account Name,TAM\nAcme Corp,alice\n' > ok.csv
	bad_import 2 "" ok.csv --date-format xyz
	bad_import 2 "" ok.csv --key email
	bad_import 2 "" ok.csv --delimiter ''
	bad_import 2 "" ok.csv --map 'TAM=bogus'
	bad_import 2 "" ok.csv --map 'no equals sign'
	bad_import 2 "" ok.csv --bogus
	bad_import 2 "" ok.csv other.csv
}

@test "a Salesforce ID with a wrong checksum suffix: one rule, a true message" {
	need_import
	seed
	msg="'001A0000006Vm9rAAA' is not a Salesforce ID: its checksum suffix 'AAA' does not match the first 15 characters, which call for 'IAC' (001A0000006Vm9rIAC)"
	bad 2 "$msg" account add X --sfid 001A0000006Vm9rAAA
	bad 2 "$msg" account set Initech --sfid 001A0000006Vm9rAAA
	printf 'Account ID,Account Name\n001A0000006Vm9rAAA,X\n' > suffix.csv
	bad_import 1 "import rejected: 1 of 1 row invalid, nothing written" \
	    suffix.csv
	assert_equal "${stderr_lines[0]}" "tam: suffix.csv:2: column 'Account ID': $msg"
	# the shape message stays for what is not 15 or 18 letters and digits
	printf 'Account ID,Account Name\n001A0000006Vm9r!,X\n' > shape.csv
	bad_import 1 "" shape.csv
	assert_equal "${stderr_lines[0]}" "tam: shape.csv:2: column 'Account ID': '001A0000006Vm9r!' is not a Salesforce ID (15 or 18 letters and digits)"
	# a case-folded ID gets its case back from the suffix, everywhere
	tam -q account add Folded --sfid 001a0000006vm9riac
	run_tam account show 001A0000006VM9RIAC --format json
	assert_success
	echo "$output" | jq -e '.sfid == "001A0000006Vm9rIAC"'
}

@test "argument counts: each command's own words, and its usage" {
	seed
	local task="which task? give its id (see 'tam due' or 'tam task list')"
	bad 2 "done: $task" done
	bad 2 "done: $task" done --note fixed
	bad 2 "skip: $task" skip --note "not needed"
	bad 2 "cta show: which CTA? (an id from 'tam cta list')" cta show
	bad 2 "cta update: which CTA? (an id from 'tam cta list')" \
	    cta update 1 2 --title T
	bad 2 "cta close: which CTA? (an id from 'tam cta list')" \
	    cta close --won --note why
	bad 2 "cta open: which account?" cta open
	bad 2 "account archive: which account?" account archive
	bad 2 "account archive: which account?" account archive Initech Acme
	bad 2 "account rm: which account?" account rm --yes
	bad 2 "account show: which account?" account show
	bad 2 "account set: one ACCOUNT only" account set Initech Acme --sa x
	bad 2 "account add: the account name is missing" account add --sa x
	bad 2 "unknown option '--yes'" account archive Initech --yes
	bad 2 "export: unexpected argument 'x'; the export goes to standard output" \
	    export x
	bad 2 "init takes no arguments" init x
	bad 2 "config list takes no arguments" config list x
	bad 2 "config set: give KEY and VALUE" config set due.horizon
	bad 2 "report at-risk: unexpected argument 'x'" report at-risk x
	bad 2 "note: one TEXT only (quote a note with spaces)" note Initech a b
	bad 2 "restore: one FILE only" restore a b
	bad 2 "timeline: which account?" timeline
	bad 2 "review: which account?" review
	bad 2 "sentiment: give ACCOUNT and green, yellow or red" \
	    sentiment Initech
	# --yes is rm's: the table says so, and rm still asks for it
	run_tam account rm Initech
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: account rm deletes the account and all its history; add --yes to confirm (or use 'tam account archive')"
	[ "$(dbdump)" = "$BEFORE" ]
}

@test "misuse is told in one order: options, their texts, then the count" {
	seed
	# an option is read before the arguments are counted
	bad 2 "unknown option '-x'" sync -x extra
	bad 2 "--kind: 'x' is not renewal or risk" cta list --kind x extra
	bad 2 "unknown option '-x'" done -x
	# a free text is checked before the count, --title before --note
	bad 2 "--title: value is not valid UTF-8" action --title $'\xff'
	bad 2 "--title: value is not valid UTF-8" \
	    action Initech roadmap --note $'\xfe' --title $'\xff'
	bad 2 "--note: value is not valid UTF-8" \
	    action Initech roadmap --note $'\xfe'
	bad 2 "--note: value is not valid UTF-8" done --note $'\xff'
	# the count before what the command checks itself
	bad 2 "skip: which task? give its id (see 'tam due' or 'tam task list')" \
	    skip
	bad 2 "skip: 'x' is not a task id" skip x
	bad 2 "cta show: 'x' is not a CTA id" cta show x
	bad 2 "action: give the ACCOUNT and the kind of action (architecture, utilization, roadmap or custom)" \
	    action Initech --title T
}
