#!/usr/bin/env bats
# report.bats: tam report renewals and tam report at-risk.

bats_require_minimum_version 1.5.0
load helper

# Sentiment, CTAs and timeline posts go in with plain SQL until the
# commands that write them land; accounts with the real command.
sql() {
	dbsql "$@"
}

# Today is 2026-11-23 (helper.bash).
renewals_fixture() {
	tam -q account add Acme --acv '$300,000' --renewal 2027-01-15 --tam alice
	tam -q account add Beta --acv 1000.50 --renewal 2026-12-01 --tam alice
	tam -q account add Gamma --acv 250000 --renewal 2027-02-28 --tam bob
	tam -q account add Old --acv 999 --renewal 2026-11-01 --tam alice
	tam -q account add Far --acv 400000 --renewal 2028-01-10 --tam bob
	tam -q account add Arch --acv 777 --renewal 2027-01-20 --tam alice
	tam -q account archive Arch
	tam -q account add Today --renewal 2026-11-23 --tam bob
	sql "UPDATE account SET sentiment = 'red' WHERE name = 'Acme';
	    UPDATE account SET sentiment = 'yellow', requires_triage = 1
	    WHERE name = 'Beta';
	    UPDATE account SET sentiment = 'yellow' WHERE name = 'Gamma';
	    UPDATE account SET sentiment = 'red' WHERE name = 'Old';"
}

@test "report renewals: quarters over 12 months by default" {
	renewals_fixture
	run_tam report renewals
	assert_success
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-Q4	2	1000.5	1000.5	0	USD
2027-Q1	2	550000	300000	1	USD
2027-Q2	0	0	0	0	USD
2027-Q3	0	0	0	0	USD
2027-Q4	0	0	0	0	USD"
	assert_equal "$stderr" ""
}

@test "report renewals --by month: every month from today's to the end" {
	renewals_fixture
	run_tam report renewals --by month
	assert_success
	assert_equal "${#lines[@]}" 14
	assert_line --index 1 "2026-11	1	0	0	0	USD"
	assert_line --index 2 "2026-12	1	1000.5	1000.5	0	USD"
	assert_line --index 3 "2027-01	1	300000	300000	1	USD"
	assert_line --index 4 "2027-02	1	250000	0	0	USD"
	assert_line --index 13 "2027-11	0	0	0	0	USD"
}

@test "report renewals --within reaches further or less far" {
	renewals_fixture
	run_tam report renewals --within 15m
	assert_success
	assert_line --index 6 "2028-Q1	1	400000	0	1	USD"
	run_tam report renewals --within 10d --by month
	assert_success
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-11	1	0	0	0	USD
2026-12	1	1000.5	1000.5	0	USD"
	run_tam report renewals --within 7 --by quarter
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-Q4	1	0	0	0	USD"
}

@test "report renewals --tam filters, any case" {
	renewals_fixture
	run_tam report renewals --tam BOB --within 2m
	assert_success
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-Q4	1	0	0	0	USD
2027-Q1	0	0	0	0	USD"
}

@test "report renewals: the strategic threshold is the setting" {
	renewals_fixture
	tam -q config set strategic.acv 200000
	run_tam report renewals --within 4m
	assert_line --index 2 "2027-Q1	2	550000	300000	2	USD"
}

@test "report renewals: the totals line is for the table only" {
	renewals_fixture
	run_tam report renewals --format table
	assert_success
	assert_line --index 0 --regexp '^PERIOD +ACCOUNTS +ACV +AT RISK +STRATEGIC$'
	assert_line --index 2 --regexp '^2027-Q1 +2 +\$550,000 +\$300,000 +1$'
	assert_line --index 6 "total 2026-11-23 to 2027-11-23: 4 accounts, ACV \$551,000.50, at risk \$301,000.50, 1 strategic"
	for f in tsv csv json jsonl; do
		run_tam report renewals --format $f
		refute_output --partial total
	done
}

@test "report renewals in csv, json and jsonl" {
	renewals_fixture
	run_tam report renewals --format csv --within 4m
	assert_success
	assert_equal "$output" "period,accounts,acv,acv_at_risk,strategic,currency
2026-Q4,2,1000.5,1000.5,0,USD
2027-Q1,2,550000,300000,1,USD"
	run_tam report renewals --format json
	assert_success
	echo "$output" | jq -e 'length == 5 and .[1] == {"period":"2027-Q1","accounts":2,"acv":550000,"acv_at_risk":300000,"strategic":1,"currency":"USD"}'
	run_tam report renewals --format jsonl --by month
	assert_equal "${#lines[@]}" 13
	echo "${lines[1]}" | jq -e '.period == "2026-12" and .acv == 1000.5'
	# The sums a pipeline makes match the table's totals.
	run bash -c "'$TAM' report renewals --format json | jq '[.[].acv] | add'"
	assert_output 551000.5
}

@test "report renewals on an empty database lists the periods" {
	run_tam report renewals --within 1m
	assert_success
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-Q4	0	0	0	0	USD"
}

@test "report renewals: one row per period and currency, never a mixed sum" {
	tam -q account add Euro --acv 'EUR 1,000' --renewal 2027-01-01
	tam -q account add Dollar --acv 5 --renewal 2027-01-02
	run_tam report renewals --within 2m
	assert_success
	assert_equal "$output" "period	accounts	acv	acv_at_risk	strategic	currency
2026-Q4	0	0	0	0	EUR
2026-Q4	0	0	0	0	USD
2027-Q1	1	1000	0	0	EUR
2027-Q1	1	5	0	0	USD"
	assert_equal "$stderr" ""
}

@test "report renewals: bad values and options are exit 2, nothing changes" {
	renewals_fixture
	before=$(dbdump)
	run_tam report renewals --by week
	assert_failure 2
	assert_equal "$stderr" "tam: --by: 'week' is not month or quarter"
	run_tam report renewals --within 0
	assert_failure 2
	assert_equal "$stderr" "tam: --within: '0' is not a period (N, Nd, Nw or Nm)"
	run_tam report renewals --within 3y
	assert_failure 2
	run_tam report renewals --by
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: option '--by' needs a value"
	run_tam report renewals --nope
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--nope'"
	run_tam report renewals extra
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: report renewals: unexpected argument 'extra'"
	run_tam report
	assert_failure 2
	run_tam report nope
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'report nope'"
	[ "$(dbdump)" = "$before" ]
}

@test "report --help and help report renewals print the usage" {
	run_tam report renewals --help
	assert_success
	assert_line --index 0 "usage: tam report renewals [--by month|quarter] [--within PERIOD] [--tam P]"
	run_tam help report at-risk
	assert_success
	assert_line --index 0 "usage: tam report at-risk [--tam P]"
}

# Acme red with an open risk CTA and two Risk Updates; Beta yellow+triage
# without a CTA; Delta green again with its risk CTA still open; Gamma
# yellow with a closed one; Arch red but archived.
at_risk_fixture() {
	tam -q account add Acme --sfid 0013t00001AbCdE --acv '$300,000' \
	    --renewal 2027-01-15 --tam alice
	tam -q account add Beta --acv 1000.50 --renewal 2026-12-01 --tam bob
	tam -q account add Delta --acv 20000 --tam alice
	tam -q account add Gamma --acv 50000 --renewal 2027-03-01 --tam alice
	tam -q account add Arch --acv 10 --tam alice
	tam -q account archive Arch
	sql "UPDATE account SET sentiment = 'red' WHERE name IN ('Acme', 'Arch');
	    UPDATE account SET sentiment = 'yellow', requires_triage = 1
	    WHERE name = 'Beta';
	    UPDATE account SET sentiment = 'green' WHERE name = 'Delta';
	    UPDATE account SET sentiment = 'yellow' WHERE name = 'Gamma';
	    INSERT INTO cta (id, account_id, kind, title, playbook, status,
	        risk_type, risk_reason, opened_at, opened_by) VALUES
	        (1, 1, 'risk', 'At-Risk CTA', 'Account Triage', 'open',
	         'Competitor', 'Product Value / Gaps', '2026-10-01T09:00:00Z', 'tam'),
	        (2, 3, 'risk', 'At-Risk CTA', 'Account Triage', 'open',
	         NULL, NULL, '2026-11-20T09:00:00Z', 'sync'),
	        (3, 4, 'risk', 'At-Risk CTA', 'Account Triage', 'closed_won',
	         NULL, NULL, '2026-09-01T09:00:00Z', 'tam'),
	        (4, 5, 'risk', 'At-Risk CTA', 'Account Triage', 'open',
	         NULL, NULL, '2026-09-01T09:00:00Z', 'tam');
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment, body)
	    VALUES ($(next_id timeline), 1, '2026-10-01T09:00:00Z', 'risk_update', 'alice', 'red', 'first');
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment, body)
	    VALUES ($(next_id timeline), 1, '2026-11-01T17:30:00Z', 'risk_update', 'alice', 'red', 'second');
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment, body)
	    VALUES ($(next_id timeline), 1, '2026-11-22T10:00:00Z', 'note', 'alice', 'red', 'not a risk update');
	    INSERT INTO timeline (id, account_id, at, type, author, sentiment, body)
	    VALUES ($(next_id timeline), 4, '2026-11-22T10:00:00Z', 'risk_update', 'alice', 'yellow', 'x');"
}

@test "report at-risk: at-risk accounts and open risk CTAs, by renewal" {
	at_risk_fixture
	run_tam report at-risk
	assert_success
	assert_equal "$output" "account_id	account	sfid	tam	sentiment	requires_triage	cta_id	risk_type	risk_reason	days_since_update	renewal_date	acv	currency
2	Beta		bob	yellow	true					2026-12-01	1000.5	USD
1	Acme	0013t00001AbCdEAAV	alice	red	false	1	Competitor	Product Value / Gaps	22	2027-01-15	300000	USD
3	Delta		alice	green	false	2					20000	USD"
}

@test "report at-risk --tam and the table total" {
	at_risk_fixture
	run_tam report at-risk --tam Alice --format table
	assert_success
	assert_line --index 0 --regexp '^ID +ACCOUNT +TAM +SENTIMENT +CTA +RISK TYPE +RISK REASON +SINCE UPDATE +RENEWAL +ACV$'
	assert_line --index 1 --regexp '^ 1 +Acme +alice +red +1 +Competitor +Product Value / Gaps +22 +2027-01-15 +\$300,000$'
	assert_line --index 2 --regexp '^ 3 +Delta +alice +green +2 +\$20,000$'
	assert_line --index 3 "total ACV at risk: \$320,000 (2 accounts)"
	run_tam report at-risk --format table --tam bob
	assert_line --index 1 --regexp 'Beta +bob +yellow\+triage'
	assert_line --index 2 "total ACV at risk: \$1,000.50 (1 account)"
}

@test "report at-risk in json, jsonl and csv" {
	at_risk_fixture
	run_tam report at-risk --format json
	assert_success
	echo "$output" | jq -e 'length == 3 and .[1] == {"account_id":1,"account":"Acme","sfid":"0013t00001AbCdEAAV","tam":"alice","sentiment":"red","requires_triage":false,"cta_id":1,"risk_type":"Competitor","risk_reason":"Product Value / Gaps","days_since_update":22,"renewal_date":"2027-01-15","acv":300000,"currency":"USD"}'
	echo "$output" | jq -e '.[0].requires_triage == true and .[0].cta_id == null and .[0].days_since_update == null'
	run_tam report at-risk --format jsonl
	assert_equal "${#lines[@]}" 3
	echo "${lines[2]}" | jq -e '.account == "Delta" and .renewal_date == null'
	run_tam report at-risk --format csv
	assert_line --index 0 "account_id,account,sfid,tam,sentiment,requires_triage,cta_id,risk_type,risk_reason,days_since_update,renewal_date,acv,currency"
	assert_line --index 2 "1,Acme,0013t00001AbCdEAAV,alice,red,false,1,Competitor,Product Value / Gaps,22,2027-01-15,300000,USD"
	run bash -c "'$TAM' report at-risk --format json | jq -r '.[] | select(.sentiment == \"red\") | .account'"
	assert_output Acme
}

@test "report at-risk on a database with nothing at risk" {
	tam -q account add Fine --acv 5
	run_tam report at-risk
	assert_success
	assert_output "account_id	account	sfid	tam	sentiment	requires_triage	cta_id	risk_type	risk_reason	days_since_update	renewal_date	acv	currency"
	run_tam report at-risk --format table
	assert_output "total ACV at risk: \$0 (0 accounts)"
	run_tam report at-risk --format json
	assert_output "[]"
}

@test "report at-risk: misuse is exit 2 and changes nothing" {
	at_risk_fixture
	before=$(dbdump)
	run_tam report at-risk --by month
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--by'"
	run_tam report at-risk Acme
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: report at-risk: unexpected argument 'Acme'"
	run_tam report at-risk --tam
	assert_failure 2
	[ "$(dbdump)" = "$before" ]
}

@test "report at-risk and renewals after the real at-risk playbook" {
	tam -q account add Acme --acv '$300,000' --renewal 2027-03-31 --tam alice
	tam -q account add Calm --acv 1000 --renewal 2027-01-10 --tam alice
	tam -q sentiment Acme red --note "sponsor left" --cta
	tam -q cta update 1 --risk-type competitor --risk-reason loss-of-budget
	TAM_TODAY=2026-11-25 tam -q risk-update Acme --note "call booked"
	run_tam report at-risk --today 2026-12-01 --format jsonl
	assert_success
	assert_equal "${#lines[@]}" 1
	echo "$output" | jq -e '.account == "Acme" and .cta_id == 1 and .risk_type == "Competitor" and .risk_reason == "Loss of Budget" and .days_since_update == 6'
	run_tam report renewals --within 6m --format csv
	assert_line --index 2 "2027-Q1,2,301000,300000,1,USD"
	# Recovered but not concluded: still on the dashboard.
	tam -q sentiment Acme green
	run_tam report at-risk --format json
	echo "$output" | jq -e '.[0].sentiment == "green" and .[0].cta_id == 1'
	run_tam report renewals --within 6m --format csv
	assert_line --index 2 "2027-Q1,2,301000,0,1,USD"
}

# An EUR account beside USD ones, both at risk.
currency_fixture() {
	tam -q account add Euro --acv 'EUR 300,000' --renewal 2027-01-15 --tam alice
	tam -q account add Dollar --acv 250000 --renewal 2027-02-01 --tam alice
	tam -q account add Cents --acv 0.50 --renewal 2027-02-02 --tam alice
	sql "UPDATE account SET sentiment = 'red'"
}

@test "report at-risk: each ACV in its currency, one total per currency" {
	currency_fixture
	run_tam report at-risk --format table
	assert_success
	assert_line --index 1 --regexp '^ 1 +Euro +alice +red +2027-01-15 +EUR 300,000$'
	assert_line --index 2 --regexp '^ 2 +Dollar +alice +red +2027-02-01 +\$250,000$'
	assert_line --index 4 "total ACV at risk: EUR 300,000 (1 account)"
	assert_line --index 5 "total ACV at risk: \$250,000.50 (2 accounts)"
	assert_equal "${#lines[@]}" 6
	# machine rows: acv as a number, its currency last
	run_tam report at-risk --format csv
	assert_line --index 1 "1,Euro,,alice,red,false,,,,,2027-01-15,300000,EUR"
}

@test "report renewals: a total per currency, never EUR added to USD" {
	currency_fixture
	run_tam report renewals --within 3m --format table
	assert_success
	assert_line --index 1 --regexp '^2026-Q4 +0 +EUR 0 +EUR 0 +0$'
	assert_line --index 2 --regexp '^2026-Q4 +0 +\$0 +\$0 +0$'
	assert_line --index 3 --regexp '^2027-Q1 +1 +EUR 300,000 +EUR 300,000 +1$'
	assert_line --index 4 --regexp '^2027-Q1 +2 +\$250,000.50 +\$250,000.50 +0$'
	assert_line --index 5 "total 2026-11-23 to 2027-02-23: 1 account, ACV EUR 300,000, at risk EUR 300,000, 1 strategic"
	assert_line --index 6 "total 2026-11-23 to 2027-02-23: 2 accounts, ACV \$250,000.50, at risk \$250,000.50, 0 strategic"
	refute_output --partial '550,000'
	run_tam report renewals --within 3m --format json
	echo "$output" | jq -e 'length == 4 and .[2] == {"period":"2027-Q1","accounts":1,"acv":300000,"acv_at_risk":300000,"strategic":1,"currency":"EUR"}'
	# what a pipeline sums per currency matches the table
	echo "$output" | jq -e '[.[] | select(.currency == "USD") | .acv] | add == 250000.5'
}
