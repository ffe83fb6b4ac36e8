#!/usr/bin/env bats
# cta.bats: tam cta list|show in every format and filter; cta open and
# cta update options and their errors.

bats_require_minimum_version 1.5.0
load helper

# Two accounts: Acme with an open At-Risk CTA (1) and a renewal CTA (3),
# Initech with a concluded one (2).
three_ctas() {
	tam -q account add "Acme Corp" --acv 300000 --renewal 2027-07-31 --tam alice
	tam -q account add Initech --acv 50000 --tam bob
	tam -q sentiment acme red --note "champion left" --cta
	tam -q cta update 1 --risk-type competitor --risk-reason corporate-decision
	tam -q sentiment initech yellow --triage --note tickets --cta
	tam -q cta close 2 --lost contraction --net-arr -1000 --note "=lost seats, sadly"
	dbsql "insert into cta (id, account_id, kind, title, playbook,
	    status, opened_at, opened_by, renewal_date) values ($(next_id cta),
	    1, 'renewal', 'Renewal 2027-07-31', 'Renewal', 'open', '2026-11-23T08:00:00Z',
	    'sync', '2027-07-31')"
}

# Timestamps carry the time of day: tests compare them as T00:00:00Z.
notime() {
	sed 's/T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/T00:00:00Z/g'
}

KEYS='["cta_id","account_id","account","kind","title","playbook","status","risk_type","risk_reason","opened_at","opened_by","renewal_date","closed_at","outcome_note","net_arr_change"]'

@test "cta list tsv: the keys of SPEC §2, one line per CTA" {
	three_ctas
	run_tam cta list
	assert_success
	assert_equal "$(echo "$output" | notime)" "cta_id	account_id	account	kind	title	playbook	status	risk_type	risk_reason	opened_at	opened_by	renewal_date	closed_at	outcome_note	net_arr_change
1	1	Acme Corp	risk	At-Risk CTA	Account Triage	open	Competitor	Corporate Decision	2026-11-23T00:00:00Z	tam				
2	2	Initech	risk	At-Risk CTA	Account Triage	closed_lost			2026-11-23T00:00:00Z	tam		2026-11-23T00:00:00Z	=lost seats, sadly	-1000
3	1	Acme Corp	renewal	Renewal 2027-07-31	Renewal	open			2026-11-23T00:00:00Z	sync	2027-07-31			"
}

@test "cta list csv guards formula cells" {
	three_ctas
	run_tam cta list --format csv
	assert_success
	assert_equal "$(echo "$output" | notime)" "cta_id,account_id,account,kind,title,playbook,status,risk_type,risk_reason,opened_at,opened_by,renewal_date,closed_at,outcome_note,net_arr_change
1,1,Acme Corp,risk,At-Risk CTA,Account Triage,open,Competitor,Corporate Decision,2026-11-23T00:00:00Z,tam,,,,
2,2,Initech,risk,At-Risk CTA,Account Triage,closed_lost,,,2026-11-23T00:00:00Z,tam,,2026-11-23T00:00:00Z,\"'=lost seats, sadly\",-1000
3,1,Acme Corp,renewal,Renewal 2027-07-31,Renewal,open,,,2026-11-23T00:00:00Z,sync,2027-07-31,,,"
}

@test "cta list json and jsonl: keys, types, nulls" {
	three_ctas
	run_tam cta list --format json
	assert_success
	assert_equal "$(echo "$output" | jq -c '[.[0] | keys_unsorted[]]')" "$KEYS"
	assert_equal "$(echo "$output" | jq -c '[.[] | .cta_id]')" "[1,2,3]"
	assert_equal "$(echo "$output" | jq -c '.[1] | [.net_arr_change, .risk_type, .renewal_date, .outcome_note]')" \
	    '[-1000,null,null,"=lost seats, sadly"]'
	assert_equal "$(echo "$output" | jq -r '.[2].renewal_date')" 2027-07-31
	[[ "$(echo "$output" | jq -r '.[0].opened_at')" =~ ^2026-11-23T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]]
	run_tam cta list --format jsonl
	assert_success
	assert_equal "${#lines[@]}" 3
	assert_equal "$(echo "${lines[1]}" | jq -c '[.status, .kind, .account]')" '["closed_lost","risk","Initech"]'
}

@test "cta list table: for people, closed CTAs too" {
	three_ctas
	run_tam cta list --format table
	assert_success
	assert_equal "$(echo "${lines[0]}" | tr -s ' ')" "ID ACCOUNT KIND TITLE STATUS RISK TYPE RISK REASON OPENED BY RENEWAL CLOSED NET ARR"
	[[ "${lines[2]}" == *"closed_lost"*"2026-11-23"*"-\$1,000"* ]]
	assert_equal "${#lines[@]}" 4
}

@test "cta list filters: --open, --kind, --tam" {
	three_ctas
	run_tam cta list --open
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "cta_id 1 3 "
	run_tam cta list --kind risk
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "cta_id 1 2 "
	run_tam cta list --kind renewal --open
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "cta_id 3 "
	run_tam cta list --tam BOB
	assert_equal "$(echo "$output" | cut -f1 | tr '\n' ' ')" "cta_id 2 "
	run_tam cta list --tam nobody
	assert_failure 1
	assert_equal "$stderr" "tam: no TAM named 'nobody'; TAMs in this book: alice, bob"
}

@test "cta list errors (exit 2)" {
	run_tam cta list --kind bogus
	assert_failure 2
	[[ "$stderr" == "tam: --kind: 'bogus' is not renewal or risk"* ]]
	run_tam cta list extra
	assert_failure 2
	run_tam cta list --frobnicate
	assert_failure 2
	run_tam cta
	assert_failure 2
	run_tam cta frob
	assert_failure 2
}

@test "cta show json: one object with its tasks" {
	three_ctas
	run_tam cta show 1 --format json
	assert_success
	assert_equal "$(echo "$output" | jq -r type)" object
	assert_equal "$(echo "$output" | jq -c '[keys_unsorted[]]')" "${KEYS%]},\"tasks\"]"
	assert_equal "$(echo "$output" | jq -c '[.tasks[] | [.task_id, .kind, .due, .status]]')" \
	    '[[1,"risk_cta_update","2026-11-23","done"],[2,"risk_update","2026-12-23","open"]]'
	assert_equal "$(echo "$output" | jq -c '.tasks[0] | keys_unsorted')" \
	    '["task_id","account_id","account","cta_id","kind","title","due","status","done_at","note"]'
	run_tam cta show 1 --format jsonl
	assert_equal "${#lines[@]}" 1
	assert_equal "$(echo "$output" | jq -c '.tasks | length')" 2
}

@test "cta show tsv and csv: the header and the one row" {
	three_ctas
	run_tam cta show 2
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_equal "$(echo "${lines[1]}" | notime)" "2	2	Initech	risk	At-Risk CTA	Account Triage	closed_lost			2026-11-23T00:00:00Z	tam		2026-11-23T00:00:00Z	=lost seats, sadly	-1000"
	run_tam cta show 3 --format csv
	assert_success
	assert_equal "${lines[1]}" "3,1,Acme Corp,renewal,Renewal 2027-07-31,Renewal,open,,,2026-11-23T08:00:00Z,sync,2027-07-31,,,"
}

@test "cta show table: fields, then the tasks" {
	three_ctas
	run_tam cta show 2 --format table
	assert_success
	assert_line --index 0 "cta            2"
	assert_line --index 1 "account        Initech (2)"
	assert_line "status         closed_lost"
	assert_line "outcome        =lost seats, sadly"
	assert_line "net ARR change -\$1,000"
	assert_line "tasks:"
	[[ "$output" == *"risk_cta_update  Set Risk Type and Risk Reason  2026-11-23  cancelled"* ]]
	[[ "$output" == *"risk_update      Risk Update                    2026-12-23  done"* ]]
}

@test "cta show errors" {
	run_tam cta show
	assert_failure 2
	run_tam cta show abc
	assert_failure 2
	[[ "$stderr" == "tam: cta show: 'abc' is not a CTA id"* ]]
	run_tam cta show 0
	assert_failure 2
	run_tam cta show 99
	assert_failure 1
	assert_equal "$stderr" "tam: no CTA with id 99; see 'tam cta list'"
}

@test "cta open with type and reason: the first task is done at once" {
	tam -q account add "Acme Corp"
	tam -q sentiment acme red --note "x"
	run_tam cta open acme --risk-type "Tier Downgrade" --risk-reason "product quality / availability" --note "see ticket 42"
	assert_success
	assert_equal "$(dbsql "select risk_type, risk_reason, opened_by from cta order by id")" \
	    "Tier Downgrade|Product Quality / Availability|tam"
	assert_equal "$(dbsql "select status from task where kind = 'risk_cta_update'")" done
	assert_equal "$(dbsql "select type, body from timeline order by id desc limit 1")" \
	    "cta|At-Risk CTA opened: see ticket 42"
	# no "next: set its Risk Type" hint when both are given
	[[ "$stderr" != *"next:"* ]]
}

@test "cta open and update: a bad Risk Type or Reason lists the valid ones" {
	tam -q account add "Acme Corp"
	tam -q sentiment acme red --note "x"
	before=$(dbdump)
	run_tam cta open acme --risk-type churn
	assert_failure 2
	assert_equal "$stderr" "tam: --risk-type: 'churn' is not a Risk Type; one of: 'Customer Churn' (customer-churn), 'Tier Downgrade' (tier-downgrade), 'Seat Churn' (seat-churn), 'Customer Sentiment' (customer-sentiment), 'Competitor' (competitor), 'Stage Name' (stage-name)"
	run_tam cta open acme --risk-reason budget
	assert_failure 2
	assert_equal "$stderr" "tam: --risk-reason: 'budget' is not a Risk Reason; one of: 'Lack of adoption' (lack-of-adoption), 'Product Value / Gaps' (product-value-gaps), 'Product Quality / Availability' (product-quality-availability), 'Lack of Engagement / Sponsor' (lack-of-engagement-sponsor), 'Loss of Budget' (loss-of-budget), 'Corporate Decision' (corporate-decision), 'Other' (other)"
	assert_equal "$(dbdump)" "$before"
	tam -q cta open acme
	before=$(dbdump)
	run_tam cta update 1 --risk-reason "Product_Value_Gaps"
	assert_failure 2
	assert_equal "$(dbdump)" "$before"
}

@test "cta open errors" {
	run_tam cta open
	assert_failure 2
	run_tam cta open nobody
	assert_failure 1
	tam -q account add "Acme Corp"
	run_tam cta open acme extra
	assert_failure 2
}

@test "cta update: title, both fields complete the task, errors" {
	tam -q account add "Acme Corp"
	tam -q sentiment acme red --note "x" --cta
	run_tam cta update 1 --title "At-Risk: platform migration"
	assert_success
	assert_equal "$(dbsql "select title, case when risk_type is null then 1 else 0 end from cta order by id")" "At-Risk: platform migration|1"
	assert_equal "$(dbsql "select status from task where kind = 'risk_cta_update'")" open
	run_tam cta update 1 --risk-type stage-name --risk-reason other
	assert_success
	assert_equal "$(dbsql "select risk_type, risk_reason from cta order by id")" "Stage Name|Other"
	assert_equal "$(dbsql "select status from task where kind = 'risk_cta_update'")" done
	# changing them later is allowed ("update CTA as necessary")
	run_tam cta update 1 --risk-type seat-churn
	assert_success
	assert_equal "$(dbsql "select risk_type from cta order by id")" "Seat Churn"
	run_tam cta update 1
	assert_failure 2
	[[ "$stderr" == "tam: cta update: nothing to change; give --risk-type, --risk-reason or --title"* ]]
	run_tam cta update 1 --title ""
	assert_failure 2
	run_tam cta update x --title y
	assert_failure 2
	run_tam cta update 7 --title y
	assert_failure 1
}

@test "a renewal CTA takes a title, not a risk type, and is not closed by hand" {
	tam -q account add "Acme Corp" --renewal 2027-03-31
	dbsql "insert into cta (id, account_id, kind, title, playbook,
	    status, opened_at, opened_by, renewal_date) values ($(next_id cta),
	    1, 'renewal', 'Renewal 2027-03-31', 'Renewal', 'open', '2026-11-23T08:00:00Z',
	    'sync', '2027-03-31')"
	run_tam cta update 1 --title "Renewal 2027-03-31 (multi-year)"
	assert_success
	before=$(dbdump)
	run_tam cta update 1 --risk-type competitor --title x
	assert_failure 1
	assert_equal "$stderr" "tam: CTA 1 is a renewal CTA: Risk Type and Risk Reason belong to the At-Risk CTA; only --title can change here"
	run_tam cta close 1 --won --note x
	assert_failure 1
	assert_equal "$stderr" "tam: CTA 1 is a renewal CTA: it closes itself when all its tasks are done or skipped ('tam done', 'tam skip'); --won and --lost conclude an At-Risk CTA"
	assert_equal "$(dbdump)" "$before"
}
