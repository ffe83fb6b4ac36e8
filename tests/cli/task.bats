#!/usr/bin/env bats
# task.bats: tam task list, done, skip, action.  Today: Monday 2026-11-23.

bats_require_minimum_version 1.5.0
load helper

LIST_HEADER="task_id	account_id	account	cta_id	kind	title	due	status	done_at	note"

# Acme: a renewal CTA (1) with tasks 1-5; Initech: the same, 6-10.
planned() {
	tam -q account add Acme --renewal 2027-05-15 --tam alice
	tam -q account add Initech --renewal 2027-05-20
	tam -q sync
}

@test "task list: open tasks by due date, the keys of §2" {
	planned
	run_tam task list --account Acme
	assert_success
	assert_output "$LIST_HEADER
1	1	Acme	1	renewal_review_1	Renewal Review 1 (internal sync)	2026-12-15	open		
2	1	Acme	1	renewal_question	Ask the renewal question	2027-01-14	open		
3	1	Acme	1	renewal_plan	Renewal plan: action items into cadence and QBRs	2027-01-14	open		
4	1	Acme	1	sentiment_update	Update TAM Sentiment	2027-01-14	open		
5	1	Acme	1	renewal_review_2	Renewal Review 2 (internal sync)	2027-02-15	open		"
	run_tam task list
	assert_equal "${#lines[@]}" 11
	run_tam task list --kind renewal_question --format json
	echo "$output" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert [r["task_id"] for r in rows] == [2, 7], rows
assert list(rows[0]) == ["task_id", "account_id", "account", "cta_id",
    "kind", "title", "due", "status", "done_at", "note"]
'
}

@test "task list --all shows closed tasks too; --open is the default" {
	planned
	tam -q done 1 --note "held it"
	run_tam task list --account Acme --open
	assert_equal "${#lines[@]}" 5
	run_tam task list --account Acme --all
	assert_equal "${#lines[@]}" 6
	assert_line --index 1 --regexp "^1	1	Acme	1	renewal_review_1	.*	done	2026-11-23T[0-9:]{8}Z	held it$"
}

@test "task list: misuse and unknown account" {
	run_tam task list --kind meeting
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --kind: 'meeting' is not a task kind (renewal_review_1, renewal_review_2, renewal_question, renewal_plan, sentiment_update, risk_cta_update, risk_update, action_architecture, action_utilization, action_roadmap, custom)"
	run_tam task list --open --all
	assert_failure 2
	run_tam task list --account Nobody
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'Nobody'; see 'tam account list'"
}

@test "done closes tasks with an optional note" {
	planned
	run_tam done 1 2 --note "went well"
	assert_success
	assert_equal "${stderr_lines[0]}" "tam: task 1 done: Renewal Review 1 (internal sync) (Acme)"
	assert_equal "${stderr_lines[1]}" "tam: task 2 done: Ask the renewal question (Acme)"
	run dbsql "select id, status, note from task where id <= 3 order by id"
	assert_output "1|done|went well
2|done|went well
3|open|"
}

@test "done review, question and plan leave their timeline posts" {
	planned
	dbsql "update account set sentiment = 'yellow' where id = 1"
	tam -q done 1 2 --note "renews; wants SSO"
	tam -q done 3
	tam -q skip 5 --note "merged with Review 1"
	tam -q done 4
	run dbsql "select type, sentiment, body from timeline order by id"
	assert_output "meeting|yellow|Renewal Review 1 (internal sync) done: renews; wants SSO
renewal_question|yellow|Ask the renewal question done: renews; wants SSO
renewal_plan|yellow|Renewal plan: action items into cadence and QBRs done"
}

@test "done on an unknown or closed task is exit 1 and changes nothing" {
	planned
	tam -q done 2
	before=$(dbdump)
	run_tam done 1 99
	assert_failure 1
	assert_equal "$stderr" "tam: no task 99; nothing changed (see 'tam task list')"
	[ "$(dbdump)" = "$before" ]
	run_tam done 1 2
	assert_failure 1
	assert_equal "$stderr" "tam: task 2 is done, not open; nothing changed"
	[ "$(dbdump)" = "$before" ]
	run_tam skip 3 2 --note "not needed"
	assert_failure 1
	assert_equal "$stderr" "tam: task 2 is done, not open; nothing changed"
	[ "$(dbdump)" = "$before" ]
}

@test "done and skip: misuse is exit 2 and changes nothing" {
	planned
	before=$(dbdump)
	run_tam done
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: done: which task? give its id (see 'tam due' or 'tam task list')"
	run_tam done 1x
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: done: '1x' is not a task id"
	run_tam skip 1
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: skip: --note TEXT is required: say why the task is skipped"
	run_tam skip 1 --note ""
	assert_failure 2
	run_tam done 1 --note
	assert_failure 2
	[ "$(dbdump)" = "$before" ]
}

@test "the renewal CTA closes itself when all its tasks are done or skipped" {
	planned
	tam -q done 1 2 3
	run_tam skip 4 5 --note "covered in the QBR"
	assert_success
	assert_equal "${stderr_lines[2]}" "tam: renewal CTA 1 closed: all its tasks are done or skipped"
	run dbsql "select id, status from cta order by id"
	assert_output "1|closed
2|open"
	run dbsql "select note from task where id = 5"
	assert_output "covered in the QBR"
	run_tam sync
	assert_equal "$stderr" "tam: sync: nothing to do"
}

@test "an action item on the renewal CTA keeps it open until done" {
	planned
	tam -q done 1 2 3 4
	run_tam action Acme architecture
	assert_success
	assert_equal "$stderr" "tam: added task 11 to renewal CTA 1: Architecture review with Professional Services, due 2026-12-07"
	tam -q done 5
	run dbsql "select status from cta where id = 1"
	assert_output "open"
	tam -q done 11
	run dbsql "select status from cta where id = 1"
	assert_output "closed"
}

@test "action: kinds, default titles and the default due date rules" {
	tam -q account add Acme
	# Saturday + 14 days is a Saturday: the Friday before.
	TAM_TODAY=2026-11-21 run_tam action Acme utilization --note "CI only"
	assert_success
	assert_equal "$stderr" "tam: added task 1 (no open renewal CTA): Product utilization review, due 2026-12-04"
	tam -q action Acme roadmap
	tam -q action Acme custom --title "Check SSO" --due 2026-12-05
	run dbsql "select kind, title, due, cta_id, note from task order by id"
	assert_output "action_utilization|Product utilization review|2026-12-04||CI only
action_roadmap|Roadmap review|2026-12-07||
custom|Check SSO|2026-12-05||"
}

@test "action: misuse is exit 2, unknown account exit 1, nothing changed" {
	tam -q account add Acme
	before=$(dbdump)
	run_tam action Acme custom
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: action: custom needs --title TEXT"
	run_tam action Acme lunch
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: action: 'lunch' is not architecture, utilization, roadmap or custom"
	run_tam action Acme roadmap --due 2026-02-30
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --due: '2026-02-30' is not a date (YYYY-MM-DD, M/D/YYYY, today, tomorrow, yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y)"
	run_tam action Acme
	assert_failure 2
	run_tam action Nobody roadmap
	assert_failure 1
	[ "$(dbdump)" = "$before" ]
}

@test "a due date tam computes past 9999-12-31 is an error, never year 0000" {
	export TAM_TODAY=9999-12-20
	tam -q account add Acme
	before=$(dbdump)
	# The default of tam action: today + 14 days.
	run_tam action Acme roadmap
	assert_failure 1
	assert_equal "$stderr" "tam: action: the default due date (today + 14 days) is after 9999-12-31; give --due DATE"
	# A relative date from the command line: a bad date, exit 2.
	run_tam action Acme roadmap --due +1m
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --due: '+1m' is not a date (YYYY-MM-DD, M/D/YYYY, today, tomorrow, yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y)"
	[ "$(dbdump)" = "$before" ]
	run_tam action Acme roadmap --due +11d
	assert_success
	[ "$(dbsql "select due from task order by id")" = 9999-12-31 ]
	# The renewal plan: contact.days past the renewal date and 9999.
	tam -q config set contact.days 3650
	before=$(dbdump)
	TAM_TODAY=9999-07-01 run_tam account set Acme --renewal 9999-12-31
	assert_failure 1
	assert_equal "$stderr" "tam: account 1: a task of renewal 9999-12-31 would be due after 9999-12-31; lower contact.days or correct the renewal date"
	[ "$(dbdump)" = "$before" ]
	run dbsql "select count(*) from task where due like '0000%'"
	assert_output 0
}

q() {
	dbsql "$1"
}

@test "task set: another day, a title, a note; a timeline post; ics revision" {
	planned
	run_tam task set 1 --due thursday --title "Review with Bob" --note "room 4"
	assert_success
	assert_equal "$stderr" "tam: task 1 changed, due 2026-11-26 (was 2026-12-15), titled 'Review with Bob' (was 'Renewal Review 1 (internal sync)'), note: room 4"
	assert_equal "$(q "select due, title, note, status from task where id = 1")" \
	    "2026-11-26|Review with Bob|room 4|open"
	assert_equal "$(q "select type, body from timeline order by id desc limit 1")" \
	    "note|Task 1 (Renewal Review 1 (internal sync)) changed, due 2026-11-26 (was 2026-12-15), titled 'Review with Bob' (was 'Renewal Review 1 (internal sync)'), note: room 4"
	# the calendar sees a revision
	assert_equal "$(q "select revision from task_revision where task_id = 1")" 1
	tam -q task set 1 --due 2026-12-01
	assert_equal "$(q "select revision from task_revision where task_id = 1")" 2
	# nothing to change: no post, no revision
	before=$(dbdump)
	run_tam task set 1 --due 2026-12-01
	assert_success
	assert_equal "$stderr" "tam: task 1 unchanged: Review with Bob"
	assert_equal "$(dbdump)" "$before"
}

@test "task set: refusals change nothing" {
	planned
	tam -q done 2
	before=$(dbdump)
	run_tam task set 2 --due +1w
	assert_failure 1
	assert_equal "$stderr" "tam: task 2 is done: its date is history; 'tam task reopen 2' first"
	run_tam task set 99 --title x
	assert_failure 1
	assert_equal "$stderr" "tam: no task 99; 'tam task list --all' shows them"
	run_tam task set 1
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: task set: give --due, --title or --note"
	run_tam task set 1 --due 2026-02-30
	assert_failure 2
	[[ "${stderr_lines[0]}" == "tam: --due: '2026-02-30' is not a date ("* ]]
	run_tam task set 1 --title ""
	assert_failure 2
	run_tam task set x --title y
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: task set: 'x' is not a task id"
	assert_equal "$(dbdump)" "$before"
	# a closed task's title and note may still be put right
	run_tam task set 2 --note "asked on the phone"
	assert_success
}

@test "task set --note - reads the note from standard input" {
	planned
	printf 'line one\nline two\n\n' | tam -q task set 1 --note -
	assert_equal "$(q "select note from task where id = 1")" $'line one\nline two'
	run --separate-stderr "$TAM" task set 1 --note - < <(printf '\377')
	assert_failure 2
	assert_equal "$stderr" "tam: --note: value is not valid UTF-8"
}

@test "task reopen: a mistaken done comes back, the complete renewal CTA too" {
	planned
	tam -q done 1 2 3 4 5
	assert_equal "$(q "select status from cta where id = 1")" closed
	run_tam task reopen 3
	assert_success
	assert_equal "$stderr" "tam: task 3 reopened
tam: renewal CTA 1 reopened: it has an open task again"
	assert_equal "$(q "select status, case when done_at is null then 1 else 0 end from task where id = 3")" "open|1"
	assert_equal "$(q "select status, case when closed_at is null then 1 else 0 end from cta where id = 1")" "open|1"
	assert_equal "$(q "select type, body from timeline order by id desc limit 1")" \
	    "note|Task 3 (Renewal plan: action items into cadence and QBRs) reopened: it was done"
	# done again: the CTA closes again
	run_tam done 3
	assert_success
	assert_equal "$(q "select status from cta where id = 1")" closed
}

@test "task reopen: refusals change nothing" {
	planned
	tam -q done 6
	# Initech's renewal moved: its CTA 2 and open tasks 7-10 cancelled
	tam -q account set Initech --renewal 2027-08-20
	tam -q sentiment Acme red --note "champion left"
	tam -q cta open Acme
	tam -q done 12
	tam -q cta close 3 --lost churn --note "went elsewhere"
	before=$(dbdump)
	run_tam task reopen 7
	assert_failure 1
	assert_equal "$stderr" "tam: task 7 was cancelled: the plan changed, so it does not come back; add a new task with 'tam action'"
	run_tam task reopen 6
	assert_failure 1
	assert_equal "$stderr" "tam: task 6 belongs to CTA 2, which is cancelled: that outcome stands; add a new task with 'tam action'"
	run_tam task reopen 12
	assert_failure 1
	assert_equal "$stderr" "tam: task 12 belongs to CTA 3, which is closed_lost: that outcome stands; add a new task with 'tam action'"
	run_tam task reopen 1
	assert_failure 1
	assert_equal "$stderr" "tam: task 1 is open already"
	run_tam task reopen 99
	assert_failure 1
	run_tam task reopen
	assert_failure 2
	run_tam task reopen 1 2
	assert_failure 2
	assert_equal "$(dbdump)" "$before"
}

@test "task reopen: a risk update takes back its place, one open per risk CTA" {
	planned
	tam -q sentiment Acme red --note "champion left"
	tam -q cta open Acme
	ru=$(q "select id from task where kind = 'risk_update' and status = 'open'")
	tam -q done "$ru"
	assert_equal "$(q "select count(*) from task where kind = 'risk_update' and status = 'open'")" 1
	run_tam task reopen "$ru"
	assert_success
	[[ "$stderr" == *"the next Risk Update of CTA 3 cancelled: task $ru is the open one again"* ]]
	assert_equal "$(q "select id from task where kind = 'risk_update' and status = 'open'")" "$ru"
	assert_equal "$(q "select count(*) from task where kind = 'risk_update' and status = 'cancelled'")" 1
}

@test "task reopen: a complete renewal CTA stays closed once another is open" {
	planned
	tam -q done 1 2 3 4 5
	tam -q account set Acme --renewal 2027-04-01
	assert_equal "$(q "select status from cta where account_id = 1 order by id")" \
	    $'closed\nopen'
	before=$(dbdump)
	run_tam task reopen 3
	assert_failure 1
	assert_equal "$stderr" "tam: task 3 belongs to CTA 1, closed, and the account has another open renewal CTA now; add a new task with 'tam action'"
	assert_equal "$(dbdump)" "$before"
}
