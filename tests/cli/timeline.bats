#!/usr/bin/env bats
# timeline.bats: tam timeline in every format and filter, and tam note.

bats_require_minimum_version 1.5.0
load helper

notime() {
	sed 's/T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/T00:00:00Z/g'
}

# Posts on three days: a note, a Risk Update (red), a note.
three_posts() {
	tam -q account add "Acme Corp"
	TAM_TODAY=2026-10-01 USER=alice tam -q note acme "kick-off, champion: Dana"
	TAM_TODAY=2026-11-02 USER=alice tam -q sentiment acme yellow --triage --note "outage; exec escalation"
	TAM_TODAY=2026-11-20 USER=bob tam -q note acme "=SUM(A1), tab	here"
}

@test "timeline tsv: the keys of SPEC §2, newest first" {
	three_posts
	run_tam timeline acme
	assert_success
	assert_equal "$(echo "$output" | notime)" "post_id	account_id	at	type	author	sentiment	requires_triage	body
3	1	2026-11-20T00:00:00Z	note	bob	yellow	true	=SUM(A1), tab\\there
2	1	2026-11-02T00:00:00Z	risk_update	alice	yellow	true	outage; exec escalation
1	1	2026-10-01T00:00:00Z	note	alice		false	kick-off, champion: Dana"
}

@test "timeline csv guards formula cells; json and jsonl" {
	three_posts
	run_tam timeline acme --format csv
	assert_success
	assert_equal "$(echo "${lines[1]}" | notime)" "3,1,2026-11-20T00:00:00Z,note,bob,yellow,true,\"'=SUM(A1), tab	here\""
	run_tam timeline acme --format json
	assert_success
	assert_equal "$(echo "$output" | jq -c '[.[0] | keys_unsorted[]]')" \
	    '["post_id","account_id","at","type","author","sentiment","requires_triage","body"]'
	assert_equal "$(echo "$output" | jq -c '[.[] | [.post_id, .sentiment, .requires_triage]]')" \
	    '[[3,"yellow",true],[2,"yellow",true],[1,null,false]]'
	[[ "$(echo "$output" | jq -r '.[2].at')" =~ ^2026-10-01T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]]
	run_tam timeline acme --format jsonl
	assert_equal "${#lines[@]}" 3
	assert_equal "$(echo "${lines[1]}" | jq -r .type)" risk_update
}

@test "timeline table: for people" {
	three_posts
	run_tam timeline acme --format table
	assert_success
	assert_equal "$(echo "${lines[0]}" | tr -s ' ')" "ID AT TYPE AUTHOR SENTIMENT BODY"
	[[ "${lines[2]}" == *"risk_update  alice   yellow+triage  outage; exec escalation"* ]]
}

@test "timeline --type and --since" {
	three_posts
	run_tam timeline acme --type risk_update
	assert_success
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "post_id 2 "
	run_tam timeline acme --type note --since 2026-11-01
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "post_id 3 "
	run_tam timeline acme --since 2026-11-02
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "post_id 3 2 "
	run_tam timeline acme --since today
	assert_equal "${#lines[@]}" 1
	run_tam timeline acme --type meeting
	assert_success
	assert_equal "$output" "post_id	account_id	at	type	author	sentiment	requires_triage	body"
}

@test "timeline errors" {
	tam -q account add "Acme Corp"
	run_tam timeline acme --type bogus
	assert_failure 2
	[[ "$stderr" == "tam: --type: 'bogus' is not a post type (risk_update, note, meeting, sentiment, renewal_question, renewal_plan, cta, import or renewal_date)"* ]]
	run_tam timeline acme --type Risk_Update
	assert_failure 2
	run_tam timeline acme --since 2026-02-30
	assert_failure 2
	[[ "$stderr" == "tam: --since: '2026-02-30' is not a date"* ]]
	run_tam timeline
	assert_failure 2
	run_tam timeline nobody
	assert_failure 1
}

@test "tam note: a note post with the sentiment as it stands" {
	tam -q account add "Acme Corp"
	tam -q sentiment acme red --note "x"
	USER=carol run_tam note acme "QBR moved to March"
	assert_success
	assert_equal "$stderr" "tam: note 2 added to account 1 (Acme Corp)"
	assert_equal "$(dbsql "select type, author, sentiment, body from timeline where id = 2")" \
	    "note|carol|red|QBR moved to March"
	# a note is not a Risk Update: no CTA, nothing moved
	assert_equal "$(dbsql "select count(*) from task")" 0
}

@test "tam note errors change nothing" {
	tam -q account add "Acme Corp"
	before=$(dbdump)
	run_tam note acme
	assert_failure 2
	run_tam note acme ""
	assert_failure 2
	run_tam note acme two words
	assert_failure 2
	[[ "$stderr" == "tam: note: one TEXT only (quote a note with spaces)"* ]]
	run_tam note nobody "text"
	assert_failure 1
	assert_equal "$(dbdump)" "$before"
}

@test "the timeline is append-only" {
	tam -q account add "Acme Corp"
	tam -q note acme "first"
	run dbsql "update timeline set body = 'changed'"
	assert_failure
	assert_output --partial "append-only"
	run dbsql "delete from timeline"
	assert_failure
	assert_equal "$(dbsql "select body from timeline order by id")" first
}

# Runs tam at a frozen local wall-clock time (libfaketime: with -f an
# absolute date stands still; without, the clock runs from it).  Not
# under AddressSanitizer: libfaketime's start-up calls dlsym, whose
# malloc reaches ASan's allocator, which reads the clock libfaketime has
# not set up yet, and the process deadlocks (seen in make check-asan).
# make check runs these tests; the ASan run skips them.
tam_at() {
	local when=$1
	shift
	[ -z "${ASAN_OPTIONS:-}" ] ||
	    skip "libfaketime deadlocks with AddressSanitizer at start-up"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    frozen "$when" "$TAM" "$@"
}

@test "timestamps are UTC instants in Los Angeles: 17:01 comes after 16:59" {
	tam -q account add Acme
	TZ=America/Los_Angeles tam_at '2026-11-23 16:59:00' -q note Acme "at 16:59"
	TZ=America/Los_Angeles tam_at '2026-11-23 17:01:00' -q note Acme "at 17:01"
	run_tam --format tsv timeline Acme
	assert_success
	assert_line --index 1 --regexp $'^2\t1\t2026-11-24T01:01:00Z\tnote\t.*\tat 17:01$'
	assert_line --index 2 --regexp $'^1\t1\t2026-11-24T00:59:00Z\tnote\t.*\tat 16:59$'
}

@test "timestamps are UTC instants in Tokyo: 08:00 is 23:00 UTC the day before" {
	tam -q account add Acme
	unset TAM_TODAY
	TZ=Asia/Tokyo tam_at '2026-11-23 08:00:00' -q note Acme "morning"
	TZ=Asia/Tokyo tam_at '2026-11-23 09:30:00' -q note Acme "later"
	run_tam --format tsv timeline Acme
	assert_line --index 1 --regexp $'\t2026-11-23T00:30:00Z\tnote\t.*\tlater$'
	assert_line --index 2 --regexp $'\t2026-11-22T23:00:00Z\tnote\t.*\tmorning$'
	# "Today" there is the local date, 2026-11-23, not the UTC one.
	TZ=Asia/Tokyo tam_at '2026-11-23 08:00:00' -q account set Acme --renewal today
	[ "$(dbsql "select renewal_date from account order by id")" = 2026-11-23 ]
}

@test "--today changes the date part only: local time of day on that date, in UTC" {
	tam -q account add Acme
	# 17:01 in Los Angeles, put on 2026-11-20 (PST) and 2026-07-04 (PDT).
	TZ=America/Los_Angeles tam_at '2026-11-25 17:01:00' -q --today 2026-11-20 note Acme "backfill"
	TZ=America/Los_Angeles tam_at '2026-11-25 17:01:00' -q --today 2026-07-04 note Acme "summer"
	TZ=Asia/Tokyo tam_at '2026-11-25 08:00:00' -q --today 2026-12-01 note Acme "tokyo"
	run dbsql "select at || ' ' || body from timeline order by id"
	assert_output "2026-11-21T01:01:00Z backfill
2026-07-05T00:01:00Z summer
2026-11-30T23:00:00Z tokyo"
}

@test "an evening in Los Angeles is that day, not the UTC one, wherever a day is shown" {
	export TZ=America/Los_Angeles
	tam -q account add Acme --renewal 2027-01-10
	# 17:01 on 2026-11-23 in Los Angeles is 2026-11-24T01:01:00Z.
	tam_at '2026-11-23 17:01:00' -q sentiment Acme red --note "evening" --cta
	tam_at '2026-11-23 17:05:00' -q done 1
	[ "$(dbsql "select min(at) from timeline")" = 2026-11-24T01:01:00Z ]
	run_tam review Acme
	assert_success
	assert_line -- "- 2026-11-23: red (risk_update, tam): evening"
	assert_line --partial "open since 2026-11-23:"
	assert_line -- "- Risk Update 2026-11-23 (tam): evening"
	refute_output --partial 2026-11-24
	run_tam --format table cta list
	assert_line --index 1 --regexp '^ +1 +Acme +risk .* 2026-11-23 +tam '
	run_tam --format tsv report at-risk
	assert_line --index 1 --regexp $'\tred\tfalse\t1\t\t\t0\t2027-01-10\t'
	run_tam --format table account show Acme
	assert_line --regexp '^  2026-11-23  risk_update +evening'
	# the calendar's lines unfolded (RFC 5545 §3.1)
	run sh -c '"$0" ics | tr -d "\r" | sed ":a;N;\$!ba;s/\n //g"' "$TAM"
	assert_output --partial 'Closed: done on 2026-11-23'
}

@test "timeline --since DATE takes the local day, from the instant it began" {
	export TZ=America/Los_Angeles
	unset TAM_TODAY
	tam -q account add Acme
	tam_at '2026-11-22 20:00:00' -q note Acme "sunday evening"
	tam_at '2026-11-23 17:01:00' -q note Acme "monday evening"
	run_tam --format tsv timeline Acme --since 2026-11-23
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "monday evening"
	run_tam --format tsv timeline Acme --since 2026-11-24
	assert_equal "${#lines[@]}" 1
	run_tam --format tsv timeline Acme --since 2026-11-22
	assert_equal "${#lines[@]}" 3
}

@test "ics --within: work closed from the local day the window opens, not the UTC one" {
	export TZ=America/Los_Angeles
	tam -q account add Acme
	tam -q action Acme custom --title "Sunday" --due 2026-11-20
	tam -q action Acme custom --title "Monday" --due 2026-11-20
	# 20:00 on 2026-11-08 in Los Angeles is 2026-11-09T04:00:00Z
	tam_at '2026-11-08 20:00:00' -q --today 2026-11-08 done 1
	tam_at '2026-11-09 08:00:00' -q --today 2026-11-09 done 2
	[ "$(dbsql "select done_at from task where id = 1")" = 2026-11-09T04:00:00Z ]
	# the window opens on 2026-11-09, local
	run_tam ics --within 2w
	assert_success
	assert_output --partial "SUMMARY:Monday: Acme"
	refute_output --partial "SUMMARY:Sunday"
}
