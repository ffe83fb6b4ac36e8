#!/usr/bin/env bats
# pictures.bats: the health sparkline and sentiment strip of `account
# show` and `tam review`, and the ACV bars of `report renewals`, as a
# terminal shows them (under a pseudo-terminal), in a UTF-8 and in the
# C locale, and their absence from the machine formats.

load helper

# Runs "$2..." in a pseudo-terminal $1 columns wide; prints the screen
# text with the terminal's carriage returns taken out.
pty() {
	local cols=$1
	shift
	script -qc "stty cols $cols; $*" /dev/null | tr -d '\r'
}

# Acme: five health scores and four sentiment changes in six months.
history_fixture() {
	tam -q account add Acme --acv 'USD 100,000' --renewal 2027-01-31
	local h t
	h="insert into health_history (id, account_id, date, health_score)
	    values ($(next_id health_history), 1"
	t="insert into timeline (id, account_id, at, type, author, sentiment,
	    body) values ($(next_id timeline), 1"
	dbsql "$h, '2026-06-01', 40); $h, '2026-07-01', 55);
	    $h, '2026-08-01', 60); $h, '2026-09-01', 70); $h, '2026-10-01', 85);
	    update account set sentiment = 'yellow' where id = 1;
	    $t, '2026-07-02T09:00:00Z', 'sentiment', 'alice', 'green', NULL);
	    $t, '2026-08-02T09:00:00Z', 'sentiment', 'alice', 'yellow', NULL);
	    $t, '2026-09-02T09:00:00Z', 'risk_update', 'alice', 'red', 'Champion left');
	    $t, '2026-10-02T09:00:00Z', 'sentiment', 'alice', 'yellow', NULL)"
}

# Renewals in two currencies; Beta ($40,000 in 2027-Q1) is at risk.
renewals_fixture() {
	tam -q account add Acme --acv 'USD 100,000' --renewal 2027-01-31
	tam -q account add Beta --acv 'USD 40,000' --renewal 2027-03-15
	tam -q account add Gamma --acv 'EUR 250,000' --renewal 2027-05-15
	tam -q account add Delta --acv 'USD 200,000' --renewal 2027-06-20
	tam -q sentiment Beta red --note 'champion left'
}

@test "account show draws the health sparkline and the sentiment trail in UTF-8" {
	history_fixture
	run pty 80 "NO_COLOR=1 LC_ALL=C.UTF-8 '$TAM' account show 1"
	assert_success
	assert_line "health history   ▁▃▄▆█  40 → 85 (+45)"
	assert_line "sentiment trail  ●◐○◐  (oldest first)"
}

@test "account show draws them in ASCII in the C locale" {
	history_fixture
	run pty 80 "NO_COLOR=1 LC_ALL=C '$TAM' account show 1"
	assert_success
	assert_line "health history   _.-=^  40 -> 85 (+45)"
	assert_line "sentiment trail  GYRY  (oldest first)"
	refute_output --partial "●"
}

@test "the sentiment trail is colored only with color on" {
	history_fixture
	esc=$'\033'
	run pty 80 "LC_ALL=C.UTF-8 '$TAM' account show 1"
	assert_output --partial "${esc}[32m●${esc}[0m${esc}[33m◐${esc}[0m${esc}[31m○${esc}[0m"
	run pty 80 "LC_ALL=C.UTF-8 '$TAM' --no-color account show 1"
	assert_line "sentiment trail  ●◐○◐  (oldest first)"
	refute_output --partial "$esc"
}

@test "one health score draws no sparkline; machine formats draw nothing" {
	history_fixture
	tam -q account add Solo --health 70
	run pty 80 "LC_ALL=C.UTF-8 '$TAM' account show Solo"
	assert_line --partial "health score     70"
	refute_output --partial "health history"
	refute_output --partial "sentiment trail"
	run pty 80 "LC_ALL=C.UTF-8 '$TAM' account show Acme"
	assert_line --partial "health history   ▁▃▄▆█"
	for f in tsv csv json jsonl; do
		run_tam account show Acme --format "$f"
		assert_success
		refute_output --partial "▁"
		refute_output --partial "●"
		refute_output --partial "trail"
	done
}

@test "review: the sparkline and the trail in code spans, plain in a file" {
	history_fixture
	LC_ALL=C.UTF-8 tam --color always review Acme > brief.md
	run cat brief.md
	assert_line "Trend: \`▁▃▄▆█\` 40 → 85 (+45)"
	assert_line "Trail, oldest first: \`●◐○◐\`"
	refute_output --partial $'\033'
	LC_ALL=C tam review Acme > brief.md
	run cat brief.md
	assert_line 'Trend: `_.-=^` 40 -> 85 (+45)'
	assert_line 'Trail, oldest first: `GYRY`'
}

@test "review on a terminal colors the trail, not without color" {
	history_fixture
	esc=$'\033'
	run pty 80 "LC_ALL=C.UTF-8 '$TAM' review Acme"
	assert_line "Trail, oldest first: \`${esc}[32m●${esc}[0m${esc}[33m◐${esc}[0m${esc}[31m○${esc}[0m${esc}[33m◐${esc}[0m\`"
	run pty 80 "NO_COLOR=1 LC_ALL=C.UTF-8 '$TAM' review Acme"
	assert_line "Trail, oldest first: \`●◐○◐\`"
}

@test "report renewals: a bar per period and currency, scaled to the terminal" {
	renewals_fixture
	run pty 60 "NO_COLOR=1 LC_ALL=C.UTF-8 '$TAM' report renewals"
	assert_success
	# 60 columns: the label (8) and 51 cells for the longest bar.
	assert_line "ACV by quarter, EUR (█ ACV, ▒ at risk):"
	assert_line "2027-Q2 $(printf '█%.0s' $(seq 51))"
	assert_line "ACV by quarter, USD (█ ACV, ▒ at risk):"
	# $140,000 of $200,000: 36 cells, $40,000 of them at risk: 10.
	assert_line "2027-Q1 $(printf '█%.0s' $(seq 26))$(printf '▒%.0s' $(seq 10))"
	assert_line "2026-Q4"
	run pty 40 "NO_COLOR=1 LC_ALL=C '$TAM' report renewals"
	assert_line "ACV by quarter, USD (# ACV, ! at risk):"
	assert_line "2027-Q2 $(printf '#%.0s' $(seq 31))"
	assert_line "2027-Q1 ################!!!!!!"
}

@test "report renewals: the at-risk part is red with color on; COLUMNS without a terminal" {
	renewals_fixture
	esc=$'\033'
	run pty 40 "LC_ALL=C '$TAM' report renewals"
	assert_output --partial "2027-Q1 ################${esc}[31m!!!!!!${esc}[0m"
	COLUMNS=30 LC_ALL=C run_tam report renewals --format table
	assert_line "2027-Q2 #####################"
	assert_line "2027-Q1 ###########!!!!"
	for f in tsv csv json jsonl; do
		run_tam report renewals --format "$f"
		assert_success
		refute_output --partial "ACV by"
		refute_output --partial "#"
	done
}
