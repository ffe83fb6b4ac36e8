#!/usr/bin/env bats
# sync.bats: tam sync, the renewal windows and their dates (SPEC §6, §8),
# re-planning when a renewal date changes.  Today is Monday 2026-11-23.

bats_require_minimum_version 1.5.0
load helper

# The open tasks as "kind due" lines, for one account.
tasks_of() {
	tam task list --account "$1" | awk -F'\t' 'NR > 1 { print $5, $7 }'
}

@test "sync opens the renewal CTA of an open window with its five tasks" {
	tam -q account add Acme --renewal 2027-05-15 --tam alice
	run_tam sync
	assert_success
	assert_output "opened renewal CTA 1 for Acme (account 1): Renewal 2027-05-15, 5 tasks"
	assert_equal "$stderr" "tam: sync: opened 1 renewal CTA"
	# W = 2026-11-15; R - 5m = 12-15; W + 60d = 2027-01-14; R - 3m = 02-15
	run tasks_of Acme
	assert_output "renewal_review_1 2026-12-15
renewal_question 2027-01-14
renewal_plan 2027-01-14
sentiment_update 2027-01-14
renewal_review_2 2027-02-15"
	run dbsql "select kind, title, playbook, status, opened_by, renewal_date from cta order by id"
	assert_output "renewal|Renewal 2027-05-15|Renewal|open|sync|2027-05-15"
	run dbsql "select title from task order by id"
	assert_output "Renewal Review 1 (internal sync)
Ask the renewal question
Renewal plan: action items into cadence and QBRs
Update TAM Sentiment
Renewal Review 2 (internal sync)"
}

@test "month end: R 2027-07-31, Review 1 on Friday 2027-02-26 (02-28 is a Sunday)" {
	tam -q account add Acme --renewal 2027-07-31
	TAM_TODAY=2027-01-31 run_tam sync
	assert_success
	run tasks_of Acme
	assert_output "renewal_review_1 2027-02-26
renewal_question 2027-04-01
renewal_plan 2027-04-01
sentiment_update 2027-04-01
renewal_review_2 2027-04-30"
}

@test "leap year: W 2028-02-29, W + 60 days a Saturday moves to Friday 2028-04-28" {
	tam -q account add Acme --renewal 2028-08-31
	TAM_TODAY=2028-02-28 run_tam sync
	assert_output ""
	assert_equal "$stderr" "tam: sync: nothing to do"
	TAM_TODAY=2028-02-29 run_tam sync
	assert_success
	run tasks_of Acme
	assert_output "renewal_review_1 2028-03-31
renewal_question 2028-04-28
renewal_plan 2028-04-28
sentiment_update 2028-04-28
renewal_review_2 2028-05-31"
}

@test "the weekend rule can be turned off" {
	tam -q account add Acme --renewal 2027-07-31
	tam config set schedule.skip_weekends false
	TAM_TODAY=2027-02-01 run_tam sync
	run tasks_of Acme
	assert_line --index 0 "renewal_review_1 2027-02-28"
}

@test "late start: an account inside its window gets its past work due today" {
	tam -q account add Acme --renewal 2027-01-10
	run_tam sync
	assert_success
	run tasks_of Acme
	assert_output "renewal_review_1 2026-11-23
renewal_question 2026-11-23
renewal_plan 2026-11-23
sentiment_update 2026-11-23
renewal_review_2 2026-11-23"
}

@test "late start on a Saturday stays on the Saturday" {
	tam -q account add Acme --renewal 2027-03-15
	TAM_TODAY=2026-11-21 run_tam sync
	assert_success
	# R - 5m, W + 60 are past: today; R - 3m = 2026-12-15 stands
	run tasks_of Acme
	assert_output "renewal_review_1 2026-11-21
renewal_question 2026-11-21
renewal_plan 2026-11-21
sentiment_update 2026-11-21
renewal_review_2 2026-12-15"
}

@test "a renewal today is still planned, a passed one is not" {
	tam -q account add Today --renewal 2026-11-23
	tam -q account add Passed --renewal 2026-11-22
	run_tam sync
	assert_success
	assert_output "opened renewal CTA 1 for Today (account 1): Renewal 2026-11-23, 5 tasks"
	run tam task list --account Passed
	assert_equal "${#lines[@]}" 1
}

@test "windows not open yet, archived accounts and no date: nothing" {
	tam -q account add Later --renewal 2027-05-24
	tam -q account add Gone --renewal 2027-01-15
	tam -q account archive Gone
	tam -q account add Nodate
	run_tam sync
	assert_success
	assert_output ""
	assert_equal "$stderr" "tam: sync: nothing to do"
	# The window of 2027-05-24 opens on 2026-11-24.
	TAM_TODAY=2026-11-24 run_tam sync
	assert_output "opened renewal CTA 1 for Later (account 1): Renewal 2027-05-24, 5 tasks"
}

@test "window.months applies to work planned from then on" {
	tam -q account add Acme --renewal 2027-07-01
	run_tam sync
	assert_equal "$stderr" "tam: sync: nothing to do"
	tam config set window.months 8
	run_tam sync
	assert_output --partial "Renewal 2027-07-01, 5 tasks"
}

@test "sync is idempotent: a second run changes nothing and says so" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q account add Initech --renewal 2027-01-15
	dbsql "update account set sentiment = 'red' where id = 2"
	tam -q sync
	before=$(dbdump)
	run_tam sync
	assert_success
	assert_output ""
	assert_equal "$stderr" "tam: sync: nothing to do"
	[ "$(dbdump)" = "$before" ]
}

@test "sync --dry-run says what it would do and writes nothing" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q account add Initech
	dbsql "update account set sentiment = 'red' where id = 2"
	before=$(dbdump)
	run_tam sync --dry-run
	assert_success
	assert_line --index 0 "would open renewal CTA for Acme (account 1): Renewal 2027-05-15, 5 tasks"
	assert_line --index 1 "would open At-Risk CTA for Initech (account 2): sentiment red"
	assert_equal "$stderr" "tam: sync: would open 1 renewal CTA, would open 1 At-Risk CTA (dry run, nothing written)"
	[ "$(dbdump)" = "$before" ]
}

@test "sync opens the At-Risk CTA of red and yellow+triage accounts only" {
	tam -q account add Red
	tam -q account add Triage
	tam -q account add Yellow
	tam -q account add Green
	dbsql "update account set sentiment = 'red' where id = 1;
	    update account set sentiment = 'yellow', requires_triage = 1 where id = 2;
	    update account set sentiment = 'yellow' where id = 3;
	    update account set sentiment = 'green' where id = 4"
	run_tam sync
	assert_success
	assert_output "opened At-Risk CTA 1 for Red (account 1): sentiment red
opened At-Risk CTA 2 for Triage (account 2): sentiment yellow (requires triage)"
	assert_equal "$stderr" "tam: sync: opened 2 At-Risk CTAs"
	run dbsql "select account_id, kind, title, playbook, opened_by from cta order by id"
	assert_output "1|risk|At-Risk CTA|Account Triage|sync
2|risk|At-Risk CTA|Account Triage|sync"
}

@test "sync closes a renewal CTA whose tasks are all done or skipped" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q sync
	dbsql "update task set status = 'done' where id <= 3;
	    update task set status = 'skipped' where id > 3"
	run_tam sync
	assert_success
	assert_output "closed renewal CTA 1 of Acme (account 1): Renewal 2027-05-15, all its tasks done or skipped"
	run dbsql "select status from cta order by id"
	assert_output "closed"
	# Closed, not reopened: the renewal date was planned once.
	run_tam sync
	assert_equal "$stderr" "tam: sync: nothing to do"
}

@test "a new renewal date cancels the old CTA's open tasks and plans the new one" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q sync
	tam -q done 1
	run_tam account set Acme --renewal 2027-04-30
	assert_success
	run dbsql "select id, status, renewal_date, opened_by from cta order by id"
	assert_output "1|cancelled|2027-05-15|sync
2|open|2027-04-30|sync"
	# Done stays done; the other four are cancelled.
	run dbsql "select id, status from task where cta_id = 1 order by id"
	assert_output "1|done
2|cancelled
3|cancelled
4|cancelled
5|cancelled"
	run dbsql "select type, body from timeline where type = 'cta' order by id"
	assert_output "cta|Renewal CTA for 2027-05-15 cancelled with its open tasks: the renewal date changed to 2027-04-30"
	# W = 2026-10-30: Review 1 (11-30), question etc. (12-29), Review 2
	run tasks_of Acme
	assert_output "renewal_review_1 2026-11-30
renewal_question 2026-12-29
renewal_plan 2026-12-29
sentiment_update 2026-12-29
renewal_review_2 2027-01-29"
	run_tam sync
	assert_equal "$stderr" "tam: sync: nothing to do"
}

@test "a new date outside the window: cancelled now, planned when it opens" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q sync
	tam -q account set Acme --renewal 2027-11-15
	run dbsql "select id, status from cta order by id"
	assert_output "1|cancelled"
	run tam task list --account Acme
	assert_equal "${#lines[@]}" 1
	TAM_TODAY=2027-05-15 run_tam sync
	assert_output "opened renewal CTA 2 for Acme (account 1): Renewal 2027-11-15, 5 tasks"
}

@test "back to the first date: it is planned afresh" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q sync
	tam -q account set Acme --renewal 2027-04-30
	tam -q account set Acme --renewal 2027-05-15
	run dbsql "select id, status, renewal_date from cta order by id"
	assert_output "1|cancelled|2027-05-15
2|cancelled|2027-04-30
3|open|2027-05-15"
}

@test "clearing the renewal date cancels the open renewal CTA" {
	tam -q account add Acme --renewal 2027-05-15
	tam -q sync
	tam -q account set Acme --clear renewal
	run dbsql "select status from cta order by id; select body from timeline where type = 'cta' order by id"
	assert_output "cancelled
Renewal CTA for 2027-05-15 cancelled with its open tasks: the renewal date changed to none"
}

@test "sync: misuse is exit 2" {
	run_tam sync now
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: sync: unexpected argument 'now'"
	run_tam sync --dry
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--dry'; did you mean '--dry-run'? (long options are written in full)"
	run_tam sync --wet
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--wet'"
}

@test "sync does not reopen an At-Risk CTA concluded since the sentiment was set" {
	tam -q account add Acme --renewal 2028-06-30
	tam -q sentiment Acme red --note "budget cut" --cta
	tam -q cta close 1 --lost churn --note "moving to a competitor"
	run_tam sync
	assert_success
	assert_equal "$stderr" "tam: sync: nothing to do"
	[ "$(dbsql "select count(*) from cta where kind='risk'")" = 1 ]
	# Flagged again later: a new CTA is due.
	sleep 1
	tam -q sentiment Acme red --note "new risk: reorg"
	run_tam sync
	assert_success
	[ "$(dbsql "select count(*) from cta where kind='risk' and status='open'")" = 1 ]
}

@test "sync gives an open At-Risk CTA without a Risk Update task its next one" {
	tam -q account add Acme --renewal 2028-06-30
	tam -q account add Beta --renewal 2028-06-30
	tam -q sentiment Acme red --note "budget cut" --cta
	tam -q sentiment Beta red --note "sponsor left" --cta
	# As an older tam left them: the Risk Update closed, none after.
	dbsql "update task set status = 'done' where kind = 'risk_update'"
	TAM_TODAY=2026-12-01 tam -q risk-update Beta --note "call booked"
	dbsql "update task set status = 'done' where kind = 'risk_update'"
	TAM_TODAY=2026-12-20 run_tam sync --dry-run
	assert_success
	assert_output "would add the missing Risk Update task to At-Risk CTA 1 of Acme (account 1)
would add the missing Risk Update task to At-Risk CTA 2 of Beta (account 2)"
	assert_equal "$stderr" "tam: sync: would add 2 missing Risk Update tasks (dry run, nothing written)"
	# One period after the last Risk Update: Acme's at the opening
	# (11-23), Beta's on 12-01.
	TAM_TODAY=2026-12-20 run_tam sync
	assert_success
	assert_output "added the missing Risk Update task to At-Risk CTA 1 of Acme (account 1), due 2026-12-23
added the missing Risk Update task to At-Risk CTA 2 of Beta (account 2), due 2027-01-01"
	assert_equal "$stderr" "tam: sync: added 2 missing Risk Update tasks"
	TAM_TODAY=2026-12-20 run_tam sync
	assert_equal "$stderr" "tam: sync: nothing to do"
	[ "$(dbsql "select count(*) from task where kind = 'risk_update' and status = 'open'")" = 2 ]
	# Long overdue: due the day sync finds it, shown in tam due.
	dbsql "update task set status = 'done' where kind = 'risk_update'"
	TAM_TODAY=2027-03-01 run_tam due
	assert_output --partial $'8\trisk_update\tRisk Update\t2027-03-01\t0\ttoday\t1\tAcme'
	assert_output --partial $'9\trisk_update\tRisk Update\t2027-03-01\t0\ttoday\t2\tBeta'
}

@test "sync --tam P runs every rule on P's accounts only" {
	tam -q account add Acme --renewal 2027-09-30 --tam "Alice Chen"
	tam -q account add Beta --renewal 2027-09-30 --tam "Bob Stone"
	tam -q account add Cara --renewal 2028-06-30 --tam "Alice Chen"
	tam -q account add Dora --renewal 2028-06-30 --tam "Bob Stone"
	tam -q sentiment Cara red --note "budget cut"
	tam -q sentiment Dora red --note "sponsor left"
	dbsql "delete from task; delete from cta"
	export TAM_TODAY=2027-04-01
	run_tam sync --tam alice --dry-run
	assert_success
	assert_output --partial "would open renewal CTA for Acme"
	assert_output --partial "would open At-Risk CTA for Cara"
	refute_output --partial "Beta"
	refute_output --partial "Dora"
	run_tam sync --tam alice
	assert_success
	assert_equal "$stderr" "tam: sync: opened 1 renewal CTA, opened 1 At-Risk CTA"
	# Bob's are the whole-book sync's (or his own --tam).
	run_tam sync
	assert_success
	assert_output --partial "for Beta"
	assert_output --partial "for Dora"
	refute_output --partial "Acme"
	refute_output --partial "Cara"
	# Every task done by hand: the renewal CTAs close, the cadences
	# are repaired, each TAM's on their own.
	dbsql "update task set status = 'done'"
	run_tam sync --tam "alice chen"
	assert_success
	assert_equal "$stderr" "tam: sync: closed 1 renewal CTA, added 1 missing Risk Update task"
	assert_output --partial "of Acme"
	assert_output --partial "of Cara"
	run_tam sync --tam bob
	assert_success
	assert_equal "$stderr" "tam: sync: closed 1 renewal CTA, added 1 missing Risk Update task"
	assert_output --partial "of Beta"
	assert_output --partial "of Dora"
	run_tam sync --tam nobody
	assert_failure 1
	assert_equal "$stderr" "tam: no TAM named 'nobody'; TAMs in this book: Alice Chen, Bob Stone"
}
