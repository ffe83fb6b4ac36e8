#!/usr/bin/env bats
# due.bats: tam due, the morning list (SPEC §8).  Today: Monday 2026-11-23.

bats_require_minimum_version 1.5.0
load helper

HEADER="task_id	kind	title	due	days	group	account_id	account	sfid	renewal_date	acv	strategic	cta_id	attendees	currency"

# Three accounts without renewal dates (no renewal work, no hygiene) and
# action items on dates the user gives, which stand as given.
actions() {
	tam -q account add Small --acv 10000 --tam alice
	tam -q account add Big --acv 400000 --tam bob
	tam -q account add Mid --acv 100000 --tam alice
	tam -q action Small custom --title "Call" --due 2026-11-20
	tam -q action Big custom --title "Deck" --due 2026-11-20
	tam -q action Mid custom --title "Demo" --due 2026-11-20
	tam -q action Small custom --title "Mail" --due 2026-11-23
	tam -q action Mid custom --title "Plan" --due 2026-11-30
	tam -q action Mid custom --title "Later" --due 2026-12-01
}

@test "groups, days and order: due date, strategic first, then ACV" {
	actions
	run_tam due
	assert_success
	assert_equal "$stderr" ""
	assert_output "$HEADER
2	custom	Deck	2026-11-20	-3	overdue	2	Big			400000	true			USD
3	custom	Demo	2026-11-20	-3	overdue	3	Mid			100000	false			USD
1	custom	Call	2026-11-20	-3	overdue	1	Small			10000	false			USD
4	custom	Mail	2026-11-23	0	today	1	Small			10000	false			USD
5	custom	Plan	2026-11-30	7	upcoming	3	Mid			100000	false			USD"
}

@test "the horizon: setting, --horizon, --all" {
	actions
	run_tam due --horizon 2w
	assert_line --index 6 --partial "Later	2026-12-01	8	upcoming"
	run_tam due --horizon 3
	assert_equal "${#lines[@]}" 5
	tam config set due.horizon 1m
	run_tam due
	assert_equal "${#lines[@]}" 7
	run_tam due --all
	assert_equal "${#lines[@]}" 7
}

@test "--tam shows one TAM's work" {
	actions
	run_tam due --tam ALICE --all
	assert_success
	assert_equal "${#lines[@]}" 6
	refute_output --partial "Big"
}

@test "due runs sync first; --no-sync does not" {
	tam -q account add Acme --renewal 2027-01-10 --tam alice
	run_tam due --no-sync
	assert_success
	refute_output --partial "renewal_review_1"
	run dbsql "select count(*) from cta"
	assert_output 0
	run_tam due
	assert_success
	assert_equal "$stderr" "tam: sync: opened 1 renewal CTA"
	assert_line --index 1 --partial "renewal_review_1	Renewal Review 1 (internal sync)	2026-11-23	0	today	1	Acme"
	run_tam due
	assert_equal "$stderr" ""
}

@test "review meetings carry their attendees" {
	tam -q account add Acme --acv 300000 --renewal 2026-12-31 --tam alice \
	    --sal bob --sa sam
	tam -q account add Small --acv 1000 --renewal 2026-12-30 --sal carol \
	    --sa sid --rsd rita
	tam -q sync
	run_tam due --format json
	assert_success
	echo "$output" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
by = {(r["account"], r["kind"]): r for r in rows}
a = by[("Acme", "renewal_review_1")]
assert a["attendees"] == ["alice (TAM)", "bob (SAL)", "sam (SA)",
    "(RSD: unassigned)", "(TAM manager: unassigned)"], a
assert a["strategic"] is True and a["acv"] == 300000
assert by[("Acme", "renewal_review_2")]["attendees"] == a["attendees"]
assert by[("Acme", "renewal_question")]["attendees"] == []
s = by[("Small", "renewal_review_1")]
assert s["attendees"] == ["(TAM: unassigned)", "carol (SAL)", "sid (SA)"], s
'
	# Without review.sa_always the SA comes only for an upsell.
	tam config set review.sa_always false
	tam -q account set Small --upsell
	run_tam due --format json
	echo "$output" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
by = {(r["account"], r["kind"]): r for r in rows}
assert "sam (SA)" not in by[("Acme", "renewal_review_1")]["attendees"]
assert "sid (SA)" in by[("Small", "renewal_review_1")]["attendees"]
'
}

@test "json and jsonl carry every key; a hygiene row has task_id and due null" {
	tam -q account add Acme --acv 300000 --renewal 2027-01-10 --sfid 0013t00001AbCdE
	tam -q account add Old --renewal 2026-10-01
	run_tam due --format json
	assert_success
	echo "$output" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
keys = ["task_id", "kind", "title", "due", "days", "group", "account_id",
    "account", "sfid", "renewal_date", "acv", "strategic", "cta_id",
    "attendees"]
for r in rows:
    assert list(r)[:len(keys)] == keys, list(r)
t = rows[0]
assert t["task_id"] == 1 and t["due"] == "2026-11-23" and t["days"] == 0
assert t["group"] == "today" and t["cta_id"] == 1
assert t["sfid"] == "0013t00001AbCdEAAV" and t["renewal_date"] == "2027-01-10"
h = [r for r in rows if r["kind"] == "renewal_passed"][0]
assert h["task_id"] is None and h["due"] is None and h["days"] is None
assert h["group"] == "hygiene" and h["account"] == "Old"
assert h["renewal_date"] == "2026-10-01" and h["attendees"] == []
'
	run_tam due --format jsonl
	assert_success
	for l in "${lines[@]}"; do
		echo "$l" | python3 -c 'import json,sys; json.loads(sys.stdin.read())'
	done
	run_tam due --format csv
	assert_line --index 0 "task_id,kind,title,due,days,group,account_id,account,sfid,renewal_date,acv,strategic,cta_id,attendees,currency"
}

@test "hygiene: renewal date passed" {
	tam -q account add Old --renewal 2026-10-01 --acv 5000
	run_tam due
	assert_success
	assert_line --index 1 "	renewal_passed	Renewal date 2026-10-01 passed: set the next one (tam account set 1 --renewal DATE)			hygiene	1	Old		2026-10-01	5000	false			USD"
	run dbsql "select count(*) from cta"
	assert_output 0
}

@test "hygiene: a risk CTA whose sentiment recovered; at risk with no CTA" {
	tam -q account add Acme
	dbsql "update account set sentiment = 'red' where id = 1"
	run_tam due --no-sync
	assert_line --index 1 --partial "risk_cta_missing	At risk (red) with no At-Risk CTA yet: tam sync opens it			hygiene	1	Acme"
	run_tam due
	assert_equal "$stderr" "tam: sync: opened 1 At-Risk CTA"
	refute_output --partial "risk_cta_missing"
	dbsql "update account set sentiment = 'green' where id = 1"
	run_tam due --no-sync
	assert_output --partial "sentiment_recovered	Sentiment recovered (green) — conclude the CTA (tam cta close 1)			hygiene	1	Acme"
	assert_output --regexp "sentiment_recovered.*	1		USD$"
}

@test "hygiene: sentiment not updated for sentiment.stale_days in an open window" {
	tam -q account add Acme --renewal 2027-01-10
	tam -q account add Later --renewal 2027-08-10
	# Never a sentiment: counted from the day the account was added.
	dbsql "update account set created_at = '2026-08-24T09:00:00Z'"
	run_tam due --no-sync
	assert_output --partial "sentiment_stale	No TAM Sentiment set since the account was added over 90 days ago (tam sentiment)"
	refute_output --partial "Later"
	# 90 days ago (2026-08-25) is not stale yet; 91 days ago is.
	dbsql "update account set sentiment = 'green' where id = 1;
	    insert into timeline (id, account_id, at, type, author, sentiment)
	    values ($(next_id timeline), 1, '2026-08-24T09:00:00Z', 'sentiment',
	    'alice', 'green')"
	run_tam due --no-sync
	assert_output --partial "sentiment_stale	Sentiment not updated for 90 days in the renewal window (tam sentiment)"
	dbsql "insert into timeline (id, account_id, at, type, author, sentiment)
	    values ($(next_id timeline), 1, '2026-08-25T09:00:00Z', 'risk_update',
	    'alice', 'green')"
	run_tam due --no-sync
	refute_output --partial "sentiment_stale"
}

@test "the first weekday of the month shows the monthly review in today" {
	tam -q account add A --renewal 2027-01-15
	tam -q account add B --renewal 2027-06-01
	tam -q account add C --renewal 2027-06-02 --tam alice
	# 2026-12-01 is a Tuesday, the first weekday of December.
	TAM_TODAY=2026-12-01 run_tam due --no-sync
	assert_line --index 1 "	monthly_review	Monthly review of renewal dates: 2 accounts renewing within 6m (tam account list --renewing-within 6m)	2026-12-01	0	today						false			"
	TAM_TODAY=2026-12-01 run_tam due --no-sync --tam alice --format json
	echo "$output" | python3 -c '
import json, sys
r = json.load(sys.stdin)[0]
assert r["kind"] == "monthly_review" and r["task_id"] is None, r
assert r["title"].endswith("0 accounts renewing within 6m (tam account list --tam alice --renewing-within 6m)"), r
'
	TAM_TODAY=2026-12-02 run_tam due --no-sync
	refute_output --partial "monthly_review"
	# November 2026 starts on a Sunday: Monday the 2nd.
	TAM_TODAY=2026-11-02 run_tam due --no-sync
	assert_output --partial "monthly_review"
}

@test "table: headings, strategic marks, a footer" {
	actions
	tam -q account add Old --renewal 2026-10-01
	run_tam due --format table
	assert_success
	assert_output "  ID  DUE         DAYS  TASK
OVERDUE (3)
Big *  \$400,000
   2  2026-11-20    -3  Deck
Mid  \$100,000
   3  2026-11-20    -3  Demo
Small  \$10,000
   1  2026-11-20    -3  Call

TODAY (1)
Small  \$10,000
   4  2026-11-23     0  Mail

UPCOMING to 2026-11-30 (1)
Mid  \$100,000
   5  2026-11-30    +7  Plan

DATA HYGIENE (1)
Old  renews 2026-10-01
   -                    Renewal date 2026-10-01 passed: set the next one
      fix: tam account set 4 --renewal DATE

3 overdue, 1 today, 1 upcoming, 1 to tidy up
* strategic account"
}

@test "table on an 80-column terminal: the account's line cut, never wrapped" {
	command -v script >/dev/null || skip "script(1) is not installed"
	tam -q account add "Globex International Holdings" --acv 900000 \
	    --renewal 2027-01-10 --tam alice --sal bob
	tam -q sync
	run script -qc "stty cols 80; '$TAM' due" /dev/null
	assert_success
	output=$(printf '%s' "$output" | sed 's/\x1b\[[0-9;]*m//g; s/\r$//')
	assert_output --partial "   1  2026-11-23     0  Renewal Review 1 (internal sync)"
	assert_output --partial "Globex International Holdings *  renews 2027-01-10  \$900,000  with alice (TAM),…"
	while IFS= read -r l; do
		[ "$(printf '%s' "$l" | wc -m)" -le 80 ]
	done <<<"$output"
}

@test "table: color on request, and a friendly line when there is nothing" {
	actions
	run_tam due --format table --color always
	assert_output --partial $'\033[31m  -3\033[0m'
	assert_output --partial $'\033[1mTODAY (1)\033[0m'
	TAM_DB=$(newdb empty)
	run_tam due --format table
	assert_success
	assert_output "No accounts yet: start with tam import FILE (a Salesforce export), or tam account add NAME."
	tam -q account add Later --renewal 2028-06-01
	run_tam due --format table
	assert_output "Nothing due through 2026-11-30, and nothing to tidy up. Have a good day."
	run_tam due --format table --all --no-sync
	assert_output "Nothing open, and nothing to tidy up. Have a good day."
	run_tam due
	assert_output "$HEADER"
	run_tam due --format json
	assert_output "[]"
}

@test "misuse is exit 2 and changes nothing" {
	tam -q account add Acme --renewal 2027-01-10
	before=$(dbdump)
	run_tam due --horizon soon
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: --horizon: 'soon' is not a period (N, Nd, Nw or Nm)"
	run_tam due --horizon 1w --all
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: due: --all and --horizon do not go together (--all ignores the horizon)"
	run_tam due today
	assert_failure 2
	run_tam due --tam
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: option '--tam' needs a value"
	[ "$(dbdump)" = "$before" ]
}

@test "sentiment_stale: a new account is not stale on the day it is added" {
	printf 'Account Name,Renewal Date\nAcme,2027-04-01\nBeta,2027-05-01\n' > book.csv
	tam -q import book.csv
	# Day one of a first import: the task, not a second reminder.
	run_tam due
	assert_success
	assert_output --partial $'sentiment_update\tUpdate TAM Sentiment'
	refute_output --partial "sentiment_stale"
	# Counted from the day it was added: 90 days on, not yet ...
	TAM_TODAY=2027-02-21 run_tam due --no-sync
	refute_output --partial "sentiment_stale"
	# ... 91 days on, stale.
	TAM_TODAY=2027-02-22 run_tam due --no-sync
	assert_output --partial $'sentiment_stale\tNo TAM Sentiment set since the account was added over 90 days ago (tam sentiment)\t\t\thygiene\t1\tAcme'
	# A sentiment set since counts from its post instead.
	TAM_TODAY=2027-02-01 tam -q sentiment Beta green
	TAM_TODAY=2027-02-22 run_tam due --no-sync
	refute_line --regexp 'sentiment_stale.*Beta'
	TAM_TODAY=2027-04-20 tam -q config set sentiment.stale_days 60
	TAM_TODAY=2027-04-20 run_tam due --no-sync
	assert_output --partial $'sentiment_stale\tSentiment not updated for 60 days in the renewal window (tam sentiment)\t\t\thygiene\t2\tBeta'
}

@test "sentiment_stale counts local days, not UTC ones" {
	# Added at 20:00 in Los Angeles on 2026-11-23 (04:00 UTC the 24th).
	# libfaketime deadlocks with ASan at start-up (see timeline.bats).
	[ -z "${ASAN_OPTIONS:-}" ] ||
	    skip "libfaketime deadlocks with AddressSanitizer at start-up"
	TZ=America/Los_Angeles ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	    frozen '2026-11-23 20:00:00' "$TAM" -q account add Acme --renewal 2027-04-01
	TZ=America/Los_Angeles TAM_TODAY=2027-02-21 run_tam due --no-sync
	refute_output --partial "sentiment_stale"
	TZ=America/Los_Angeles TAM_TODAY=2027-02-22 run_tam due --no-sync
	assert_output --partial $'sentiment_stale\tNo TAM Sentiment set'
}

@test "due --tam P syncs P's accounts only; due without it, the book" {
	tam -q account add Acme --renewal 2027-09-30 --tam "Alice Chen"
	tam -q account add Beta --renewal 2027-09-30 --tam "Bob Stone"
	export TAM_TODAY=2027-04-01
	run_tam due --tam alice
	assert_success
	assert_equal "$stderr" "tam: sync: opened 1 renewal CTA"
	[ "$(dbsql "select a.name from cta c join account a on a.id = c.account_id order by a.name")" = Acme ]
	run_tam due --all --tam alice --no-sync
	assert_success
	refute_output --partial "Beta"
	run_tam due
	assert_success
	assert_equal "$stderr" "tam: sync: opened 1 renewal CTA"
	assert_output --partial "Beta"
}

# CTAs and tasks carry their account's folded TAM (sql/0007-tam-pages.sql):
# one TAM's morning walks it.  It must follow the account everywhere.
tam_copies_agree() {
	[ "$(dbsql "SELECT count(*) FROM cta c JOIN account a ON a.id = c.account_id
	    WHERE coalesce(c.tam_fold, '-') <> coalesce(a.tam_fold, '-')")" = 0 ] &&
	[ "$(dbsql "SELECT count(*) FROM task t JOIN account a ON a.id = t.account_id
	    WHERE coalesce(t.tam_fold, '-') <> coalesce(a.tam_fold, '-')")" = 0 ]
}

@test "an account moved to another TAM takes its CTAs and tasks to that TAM's morning" {
	export TAM_TODAY=2027-04-01
	tam -q account add Acme --renewal 2027-09-30 --tam "Alice Chen"
	tam -q account add Beta --renewal 2027-09-30
	tam -q account add Gamma --tam "alice chen"
	tam -q sentiment Acme red --note "sponsor left"
	tam -q sync
	tam -q action Beta custom --title "Call" --due 2027-04-01
	tam_copies_agree
	run_tam due --all --tam alice --no-sync
	assert_success
	assert_output --partial "Acme"
	assert_output --partial "renewal_review_1"
	assert_output --partial "risk_cta_update"
	tam -q account set Acme --tam "Bob Stone"
	tam -q account set Beta --tam "bob stone"
	tam_copies_agree
	run_tam due --all --tam alice --no-sync
	assert_success
	refute_output --partial "Acme"
	run_tam due --all --tam bob --no-sync
	assert_success
	assert_output --partial "Acme"
	assert_output --partial "renewal_review_1"
	assert_output --partial "risk_cta_update"
	assert_output --partial "Call"
	# and one without a TAM any more
	tam -q account set Acme --clear tam
	tam_copies_agree
	run_tam due --all --tam bob --no-sync
	refute_output --partial "Acme"
}

@test "CTAs and tasks written by other programs, and a restored book, carry the TAM too" {
	export TAM_TODAY=2027-04-01
	tam -q account add Acme --renewal 2027-09-30 --tam "Alice Chen"
	tam -q account add Beta --tam "Bob Stone"
	dbsql "INSERT INTO cta (id, account_id, kind, title, playbook, status,
	        opened_at, opened_by) VALUES ($(next_id cta), 1, 'risk', 'At risk',
	        'risk', 'open', '2027-03-01T09:00:00Z', 'tam');
	    INSERT INTO task (id, account_id, cta_id, kind, title, due, status,
	        created_at) VALUES ($(next_id task), 1, NULL, 'custom', 'By hand',
	        '2027-04-01', 'open', '2027-03-01T09:00:00Z')"
	# the book's sync gives them the copy (a server's trigger already has)
	tam -q sync --dry-run
	on_pg || ! tam_copies_agree
	tam -q sync
	tam_copies_agree
	# moved to another account by hand: follows at once
	dbsql "UPDATE task SET account_id = 2 WHERE title = 'By hand'"
	tam_copies_agree
	run_tam due --all --tam bob --no-sync
	assert_output --partial "By hand"
	tam -q export > book.json
	new=$(newdb new)
	tam -q --db "$new" restore book.json
	TAM_DB=$new tam_copies_agree
	run_tam --db "$new" due --all --tam alice --no-sync
	assert_success
	assert_output --partial "renewal_review_1"
}

@test "an account keeps the time of its last sentiment post: the stale rule reads it, for one TAM and the book" {
	export TAM_TODAY=2026-12-01
	tam -q account add Acme --renewal 2027-03-01 --tam alice
	tam -q account add Beta --renewal 2027-03-01 --tam alice
	dbsql "update account set created_at = '2026-01-01T09:00:00Z'"
	TAM_TODAY=2026-08-23 tam -q sentiment Acme green
	tam -q sentiment Beta green
	# An older post, written after the newer one: the newer one stands.
	dbsql "insert into timeline (id, account_id, at, type, author, sentiment)
	    values ($(next_id timeline), 2, '2026-02-01T09:00:00Z', 'sentiment',
	    'alice', 'green')"
	for who in alice all; do
		run_tam due --no-sync --tam $who --format tsv
		assert_success
		assert_equal "$(grep -c 'sentiment_stale' <<<"$output")" 1
		assert_line --regexp "^	sentiment_stale	Sentiment not updated for 90 days.*	Acme	"
	done
	assert_equal "$(dbsql "select name from account where
	    sentiment_posted_at >= '2026-12-01' order by id")" "Beta"
	# A post another program writes counts as well.
	dbsql "insert into timeline (id, account_id, at, type, author,
	    sentiment) values ($(next_id timeline), 1, '2026-12-01T08:00:00Z',
	    'sentiment', 'alice', 'green')"
	run_tam due --no-sync --tam alice
	refute_output --partial "sentiment_stale"
}
