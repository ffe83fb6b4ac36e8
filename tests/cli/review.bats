#!/usr/bin/env bats
# review.bats: tam review ACCOUNT, the Renewal Review brief.  Today:
# Monday 2026-11-23.

bats_require_minimum_version 1.5.0
load helper

@test "the brief: header, attendees, the eight agenda items, action items" {
	tam -q account add Acme --acv 300000 --renewal 2027-05-15 --tam alice \
	    --sal bob --sa sam --licenses 200 --active-users 90 \
	    --objectives "Move CI to GitLab" --health 70
	run_tam review acme
	assert_success
	assert_line --index 0 "# Renewal Review: Acme"
	assert_line "- Renewal date: 2027-05-15 (in 173 days; the window opens 2026-11-15)"
	assert_line "- ACV: \$300,000 (strategic account)"
	assert_output --partial "## Attendees

- alice (TAM)
- bob (SAL)
- sam (SA)
- (RSD: unassigned)
- (TAM manager: unassigned)
"
	assert_output --partial "### 1. Business objectives and their progress

Move CI to GitLab"
	assert_output --partial "Health score over the last six months:

- 2026-11-23: 70"
	assert_line "- Utilization: 45% — **low** (under 50%): adoption risk"
	assert_line "### 4. Support issues and escalations"
	assert_line "### 5. High-priority feature requests"
	assert_line "### 6. Product utilization"
	assert_line "### 7. Known risks"
	assert_line "- no open At-Risk CTA and no Risk Update"
	assert_line "### 8. Who asks the renewal question"
	assert_line "- alice, the TAM: a soft question, early, to surface any risk while there is time to act"
	assert_line --partial "1. **Architecture review** with Professional Services"
	assert_line --partial "2. **Product utilization review**"
	assert_line --partial "3. **Roadmap review**"
}

@test "high utilization is an expansion opportunity; no licenses says so" {
	tam -q account add Acme --renewal 2027-05-15 --licenses 100 --active-users 95
	run_tam review Acme
	assert_line "- Utilization: 95% — **high** (over 90%): expansion opportunity"
	assert_line "- (TAM: unassigned)"
	tam -q account add Other --renewal 2027-05-15
	run_tam review Other
	assert_line "- no license data: set it with 'tam account set --licenses N --active-users N'"
}

@test "health history and sentiment changes of the last six months" {
	tam -q account add Acme --renewal 2027-05-15
	local h t
	h="insert into health_history (id, account_id, date, health_score)
	    values ($(next_id health_history), 1"
	t="insert into timeline (id, account_id, at, type, author, sentiment,
	    body) values ($(next_id timeline), 1"
	dbsql "$h, '2026-04-01', 90); $h, '2026-06-01', 80); $h, '2026-10-01', 60);
	    update account set sentiment = 'red' where id = 1;
	    $t, '2026-10-02T09:00:00Z', 'risk_update', 'alice', 'red', 'Champion left');
	    $t, '2026-01-02T09:00:00Z', 'sentiment', 'import', 'green', NULL)"
	tam -q sync
	run_tam review Acme
	assert_success
	assert_output --partial "Health score over the last six months:

- 2026-06-01: 80
- 2026-10-01: 60
"
	assert_line "- 2026-10-02: red (risk_update, alice): Champion left"
	refute_output --partial "2026-01-02"
	assert_line --regexp "^- At-Risk CTA 2, open since 2026-11-23: risk type not set, reason not set$"
	assert_line "- Risk Update 2026-10-02 (alice): Champion left"
}

@test "review: no renewal date is exit 1; misuse exit 2" {
	tam -q account add Acme
	run_tam review Acme
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "tam: account 1 (Acme) has no renewal date, so there is no renewal to review; set it with 'tam account set 1 --renewal DATE'"
	run_tam review Nobody
	assert_failure 1
	run_tam review
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: review: which account?"
}
