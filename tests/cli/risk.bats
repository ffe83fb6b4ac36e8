#!/usr/bin/env bats
# risk.bats: the at-risk playbook end to end (tam sentiment, tam
# risk-update, tam cta open/update/close), and every state x every
# command: exit code, message, and a refused command changes nothing.

bats_require_minimum_version 1.5.0
load helper

acme() {
	tam -q account add "Acme Corp" --acv '$300,000' --renewal 2027-07-31 \
	    --tam alice "$@"
}

# One field of one row, by SQL (the tests read the database directly to
# see exactly what the playbook wrote).
q() {
	dbsql "$1"
}

@test "red: Risk Update post, no CTA until asked, exactly one post" {
	acme
	USER=alice run_tam sentiment acme red --note "champion left"
	assert_success
	assert_equal "$output" ""
	assert_equal "$stderr" "tam: account 1 (Acme Corp): sentiment red (was unset)"
	assert_equal "$(q "select sentiment, requires_triage from account order by id")" "red|0"
	assert_equal "$(q "select type, author, sentiment, requires_triage, body from timeline order by id")" \
	    "risk_update|alice|red|0|champion left"
	assert_equal "$(q "select count(*) from cta")" 0
}

@test "the red walk to a win: open, type and reason, monthly updates, won" {
	acme
	tam -q sentiment acme red --note "champion left"
	run_tam cta open acme
	assert_success
	assert_equal "$output" ""
	assert_equal "$(echo "$stderr" | head -1)" "tam: opened At-Risk CTA 1 on account 1 (Acme Corp)"
	assert_equal "$(q "select kind, title, playbook, status, opened_by, case when risk_type is null then 1 else 0 end from cta order by id")" \
	    "risk|At-Risk CTA|Account Triage|open|tam|1"
	assert_equal "$(q "select kind, due, status from task order by id")" \
	    "risk_cta_update|2026-11-23|open
risk_update|2026-12-23|open"

	run_tam cta update 1 --risk-type customer-churn
	assert_success
	# one of the two fields: the task stays open
	assert_equal "$(q "select status from task where kind = 'risk_cta_update'")" open
	run_tam cta update 1 --risk-reason LACK-OF-ENGAGEMENT-SPONSOR
	assert_success
	[[ "$stderr" == *"tam: task 'Set Risk Type and Risk Reason' done"* ]]
	assert_equal "$(q "select risk_type, risk_reason from cta order by id")" \
	    "Customer Churn|Lack of Engagement / Sponsor"
	assert_equal "$(q "select status from task where kind = 'risk_cta_update'")" done

	# the monthly Risk Update moves the next one, a period after the post
	TAM_TODAY=2026-12-21 run_tam risk-update acme --note "exec call booked"
	assert_success
	[[ "$stderr" == *"the next is due 2027-01-21"* ]]
	# 2027-02-20 is a Saturday: the next moves to the Friday before
	TAM_TODAY=2027-01-20 run_tam risk-update acme --note "POC running"
	assert_success
	assert_equal "$(q "select due, status from task where kind = 'risk_update' order by id")" \
	    "2026-12-23|done
2027-01-21|done
2027-02-19|open"

	TAM_TODAY=2027-02-10 run_tam cta close 1 --won --net-arr 5000 --note "sponsor back, renewed flat plus seats"
	assert_success
	[[ "$stderr" == *"closed At-Risk CTA 1: Closed-Won, net ARR change \$5,000"* ]]
	assert_equal "$(q "select status, outcome_note, net_arr_change_cents, case when closed_at like '2027-02-10T%' then 1 else 0 end from cta order by id")" \
	    "closed_won|sponsor back, renewed flat plus seats|500000|1"
	assert_equal "$(q "select sentiment, requires_triage, lifecycle_stage from account order by id")" \
	    "green|0|Adopting"
	assert_equal "$(q "select count(*) from task where status = 'open'")" 0
	assert_equal "$(q "select type, sentiment, body from timeline order by id desc limit 1")" \
	    "risk_update|green|Closed-Won (At-Risk CTA 1): sponsor back, renewed flat plus seats"
	# no sentiment-type post anywhere: the risk_update posts carry it
	assert_equal "$(q "select count(*) from timeline where type = 'sentiment'")" 0
}

@test "yellow with triage and --cta: the CTA at once, then lost to churn" {
	acme --stage Adopting
	run_tam sentiment acme yellow --triage --note "outage, exec escalation" --cta
	assert_success
	assert_equal "$(q "select sentiment, requires_triage from account order by id")" "yellow|1"
	assert_equal "$(q "select opened_by, status from cta order by id")" "tam|open"
	assert_equal "$(q "select type, sentiment, requires_triage from timeline order by id")" \
	    "risk_update|yellow|1
cta|yellow|1"
	run_tam cta close 1 --lost churn --note "moved to a competitor"
	assert_success
	assert_equal "$(q "select status, outcome_note, net_arr_change_cents from cta order by id")" \
	    "closed_lost|moved to a competitor|0"
	# lost: the sentiment stays, the stage is Will Churn
	assert_equal "$(q "select sentiment, requires_triage, lifecycle_stage from account order by id")" \
	    "yellow|1|Will Churn"
	assert_equal "$(q "select type, sentiment, body from timeline order by id desc limit 1")" \
	    "risk_update|yellow|Closed-Lost (churn) (At-Risk CTA 1): moved to a competitor"
	# every task went with the CTA: the update done, the rest cancelled
	assert_equal "$(q "select kind, status from task order by id")" \
	    "risk_cta_update|cancelled
risk_update|done"
}

@test "lost downgrade and lost contraction: stage Adopting, net ARR kept" {
	acme --stage "Will Churn"
	tam -q sentiment acme red --note "budget cut" --cta
	run_tam cta close 1 --lost downgrade --net-arr -50000 --note "Premium to Starter"
	assert_success
	assert_equal "$(q "select status, net_arr_change_cents from cta order by id")" "closed_lost|-5000000"
	assert_equal "$(q "select lifecycle_stage, sentiment from account order by id")" "Adopting|red"
	# a new risk can be opened after the conclusion
	run_tam cta open acme --risk-type seat-churn --risk-reason loss-of-budget
	assert_success
	run_tam cta close 2 --lost contraction --net-arr '-$1,200.50' --note "fewer seats"
	assert_success
	assert_equal "$(q "select status, risk_type, risk_reason, net_arr_change_cents from cta where id = 2")" \
	    "closed_lost|Seat Churn|Loss of Budget|-120050"
	assert_equal "$(q "select body from timeline order by id desc limit 1")" \
	    "Closed-Lost (contraction) (At-Risk CTA 2): fewer seats"
}

@test "recovering does not close the CTA; the post is its Risk Update" {
	acme
	tam -q sentiment acme red --note "champion left" --cta
	TAM_TODAY=2026-12-01 run_tam sentiment acme green
	assert_success
	[[ "$stderr" == *"tam: At-Risk CTA 1 stays open until it is concluded with 'tam cta close 1 --won|--lost ... --note REASONS'"* ]]
	assert_equal "$(q "select status from cta order by id")" open
	assert_equal "$(q "select due, status from task where kind = 'risk_update' order by id")" \
	    "2026-12-23|done
2027-01-01|open"
	# yellow without triage is not at risk either
	run_tam sentiment acme yellow
	assert_success
	assert_equal "$(q "select status from cta order by id")" open
}

@test "--cta while the CTA is open counts as the Risk Update, opens nothing" {
	acme
	tam -q sentiment acme red --note "champion left" --cta
	TAM_TODAY=2026-12-10 run_tam sentiment acme red --note "still red" --cta
	assert_success
	assert_equal "$(q "select count(*) from cta")" 1
	assert_equal "$(q "select due from task where kind = 'risk_update' and status = 'open'")" 2027-01-08
}

@test "risk_update.every 1w gives the weekly cadence" {
	acme
	tam -q config set risk_update.every 1w
	tam -q sentiment acme red --note "x" --cta
	assert_equal "$(q "select due from task where kind = 'risk_update'")" 2026-11-30
	TAM_TODAY=2026-11-27 tam -q risk-update acme --note "week 1"
	assert_equal "$(q "select due from task where kind = 'risk_update' and status = 'open'")" 2026-12-04
}

@test "risk-update with no open At-Risk CTA says what to do" {
	acme
	tam -q sentiment acme red --note "x"
	run_tam risk-update acme --note "update"
	assert_failure 1
	assert_equal "$stderr" "tam: account 'Acme Corp' has no open At-Risk CTA for a Risk Update to belong to: open it with 'tam cta open 1' (or log the sentiment with 'tam sentiment 1 ... --cta')"
}

@test "a second cta open names the open one" {
	acme
	tam -q sentiment acme red --note "x" --cta
	run_tam cta open acme
	assert_failure 1
	assert_equal "$stderr" "tam: account 'Acme Corp' already has an open At-Risk CTA, 1 (one per account): change it with 'tam cta update 1' or conclude it with 'tam cta close 1'"
}

@test "won with a negative net ARR: a contraction is closed-lost" {
	acme
	tam -q sentiment acme red --note "x" --cta
	before=$(dbdump)
	run_tam cta close 1 --won --net-arr -1 --note "kept them"
	assert_failure 1
	assert_equal "$stderr" "tam: CTA 1 cannot be closed won with a negative net ARR: a contraction is closed-lost; use --lost contraction (or --lost downgrade)"
	assert_equal "$(dbdump)" "$before"
}

@test "usage errors of sentiment, risk-update and cta close (exit 2)" {
	acme
	run_tam sentiment acme red
	assert_failure 2
	[[ "$stderr" == "tam: sentiment: --note is required with red and yellow --triage: give the context of the risk"* ]]
	run_tam sentiment acme yellow --triage
	assert_failure 2
	run_tam sentiment acme red --triage --note x
	assert_failure 2
	[[ "$stderr" == "tam: sentiment: --triage goes only with yellow"* ]]
	run_tam sentiment acme green --cta
	assert_failure 2
	[[ "$stderr" == "tam: sentiment: --cta opens the At-Risk CTA and goes only with red or yellow --triage"* ]]
	run_tam sentiment acme purple
	assert_failure 2
	[[ "$stderr" == "tam: sentiment: 'purple' is not green, yellow or red"* ]]
	run_tam sentiment acme
	assert_failure 2
	run_tam sentiment acme red --note ""
	assert_failure 2
	run_tam risk-update acme
	assert_failure 2
	[[ "$stderr" == "tam: risk-update: --note is required"* ]]
	run_tam cta close 1 --won
	assert_failure 2
	[[ "$stderr" == "tam: cta close: --note REASONS is required"* ]]
	run_tam cta close 1 --won --lost churn --note x
	assert_failure 2
	run_tam cta close 1 --note x
	assert_failure 2
	[[ "$stderr" == "tam: cta close: give either --won or --lost churn|downgrade|contraction"* ]]
	run_tam cta close 1 --lost shrink --note x
	assert_failure 2
	run_tam cta close 1 --won --net-arr lots --note x
	assert_failure 2
	# a usage error comes before the account is looked up
	run_tam sentiment nobody red
	assert_failure 2
	run_tam sentiment nobody red --note x
	assert_failure 1
	[[ "$stderr" == "tam: "*"'nobody'"* ]]
}

@test "tam sentiment writes one risk_update post, never a sentiment post" {
	acme
	tam -q sentiment acme red --note a
	tam -q sentiment acme yellow --triage --note b
	tam -q sentiment acme green
	tam -q sentiment acme green
	assert_equal "$(q "select type || ':' || sentiment || ':' || requires_triage || ':' || coalesce(body, '') from timeline order by id")" \
	    "risk_update:red:0:a
risk_update:yellow:1:b
risk_update:green:0:
risk_update:green:0:"
	# tam account set still writes its sentiment-type posts elsewhere:
	# account_save's default is unchanged
	assert_equal "$(q "select count(*) from timeline where type = 'sentiment'")" 0
}

# --- every state x every command ------------------------------------------

# The states, built on a fresh database.
#  S1 no sentiment, no CTA      S7 recovered: green, At-Risk CTA open
#  S2 green                     S8 concluded: green, CTA closed_won
#  S3 yellow                    S9 concluded: red, CTA closed_lost
#  S4 yellow+triage, no CTA     S10 red, a renewal CTA open (id 1)
#  S5 red, no CTA               S11 green, a renewal CTA cancelled (id 1)
#  S6 red, At-Risk CTA 1 open
build_state() {
	acme
	case $1 in
	S1)	;;
	S2)	tam -q sentiment acme green ;;
	S3)	tam -q sentiment acme yellow ;;
	S4)	tam -q sentiment acme yellow --triage --note t ;;
	S5)	tam -q sentiment acme red --note r ;;
	S6)	tam -q sentiment acme red --note r --cta ;;
	S7)	tam -q sentiment acme red --note r --cta
		tam -q sentiment acme green ;;
	S8)	tam -q sentiment acme red --note r --cta
		tam -q cta close 1 --won --note w ;;
	S9)	tam -q sentiment acme red --note r --cta
		tam -q cta close 1 --lost churn --note l ;;
	S10|S11)
		[ "$1" = S10 ] && tam -q sentiment acme red --note r
		[ "$1" = S11 ] && tam -q sentiment acme green
		q "insert into cta (id, account_id, kind, title, playbook, status,
		    opened_at, opened_by, renewal_date) values ($(next_id cta), 1, 'renewal',
		    'Renewal 2027-07-31', 'Renewal',
		    '$([ "$1" = S10 ] && echo open || echo cancelled)',
		    '2026-11-23T08:00:00Z', 'sync', '2027-07-31')" ;;
	esac
	dbsave state
}

# What a cell means: the exit status and a piece of the message.
declare -gA CODE=(
	[0]=0
	[N]=1 [A]=1 [R]=1 [X]=1 [C]=1 [E]=1 [F]=1 [L]=1
	[n]=2 [t]=2 [c]=2 [k]=2 [w]=2 [l]=2
)
declare -gA MSG=(
	[0]=""
	[N]="tam: account 'Acme Corp' is not at risk"
	[A]="tam: account 'Acme Corp' already has an open At-Risk CTA, 1 (one per account)"
	[R]="tam: account 'Acme Corp' has no open At-Risk CTA for a Risk Update"
	[X]="tam: no CTA with id 1; see 'tam cta list'"
	[C]="tam: CTA 1 is "
	[E]="tam: CTA 1 is a renewal CTA: "
	[F]="tam: CTA 1 is a renewal CTA that is cancelled and does not change"
	[L]="tam: CTA 1 cannot be closed won with a negative net ARR: a contraction is closed-lost"
	[n]="--note"
	[t]="--triage goes only with yellow"
	[c]="--cta opens the At-Risk CTA"
	[k]="tam: --risk-type: 'bogus' is not a Risk Type; one of: 'Customer Churn' (customer-churn)"
	[w]="give either --won or --lost"
	[l]="tam: --lost: 'shrink' is not churn, downgrade or contraction"
)

# The commands, and the expected cell for S1 .. S11.
GRID='
sentiment acme green                                 |0 0 0 0 0 0 0 0 0 0 0
sentiment acme yellow                                |0 0 0 0 0 0 0 0 0 0 0
sentiment acme yellow --triage --note n              |0 0 0 0 0 0 0 0 0 0 0
sentiment acme red --note n                          |0 0 0 0 0 0 0 0 0 0 0
sentiment acme red --note n --cta                    |0 0 0 0 0 0 0 0 0 0 0
sentiment acme yellow --triage --note n --cta        |0 0 0 0 0 0 0 0 0 0 0
sentiment acme green --cta                           |c c c c c c c c c c c
sentiment acme yellow --cta                          |c c c c c c c c c c c
sentiment acme red                                   |n n n n n n n n n n n
sentiment acme red --triage --note n                 |t t t t t t t t t t t
cta open acme                                        |N N N 0 0 A A N 0 0 N
cta open acme --risk-type competitor --note n        |N N N 0 0 A A N 0 0 N
risk-update acme --note n                            |N N N R R 0 0 N R R N
risk-update acme                                     |n n n n n n n n n n n
cta update 1 --title t                               |X X X X X 0 0 C C 0 F
cta update 1 --risk-type competitor                  |X X X X X 0 0 C C E F
cta update 1 --risk-reason other --title t           |X X X X X 0 0 C C E F
cta update 1 --risk-type bogus                       |k k k k k k k k k k k
cta close 1 --won --note n                           |X X X X X 0 0 C C E F
cta close 1 --won --net-arr 10 --note n              |X X X X X 0 0 C C E F
cta close 1 --won --net-arr -1 --note n              |X X X X X L L C C E F
cta close 1 --lost churn --note n                    |X X X X X 0 0 C C E F
cta close 1 --lost downgrade --net-arr -5 --note n   |X X X X X 0 0 C C E F
cta close 1 --lost contraction --note n              |X X X X X 0 0 C C E F
cta close 1 --won                                    |n n n n n n n n n n n
cta close 1 --won --lost churn --note n              |w w w w w w w w w w w
cta close 1 --lost shrink --note n                   |l l l l l l l l l l l
'

# Runs every command of the grid on a copy of the state's database.  A
# command that changed nothing (proved by the dump) leaves the copy as
# it was: only a write makes the next command start from a new copy.
walk_state() {
	local col=$1 line cmd cells cell want msg before after fails=0
	build_state "S$col"
	before=$(dbdump)
	while IFS='|' read -r cmd cells; do
		[ -n "$cmd" ] || continue
		cell=$(echo "$cells" | awk -v c="$col" '{ print $c }')
		want=${CODE[$cell]:?"S$col: tam $cmd: no cell '$cell'"}
		msg=${MSG[$cell]}
		# shellcheck disable=SC2086
		run_tam $cmd
		after=$(dbdump)
		if [ "$status" -ne "$want" ]; then
			echo "S$col: tam $cmd: exit $status, want $want: $stderr"
			fails=$((fails + 1))
		fi
		if [ -n "$msg" ] && [[ "$stderr" != *"$msg"* ]]; then
			echo "S$col: tam $cmd: stderr '$stderr' lacks '$msg'"
			fails=$((fails + 1))
		fi
		if [ -n "$stderr" ] && echo "$stderr" | grep -qv '^tam: \|^usage: \|^ '; then
			echo "S$col: tam $cmd: a stderr line without 'tam: ': $stderr"
			fails=$((fails + 1))
		fi
		if [ "$want" -ne 0 ] && [ "$before" != "$after" ]; then
			echo "S$col: tam $cmd: refused but changed the database"
			fails=$((fails + 1))
		fi
		if [ "$want" -eq 0 ] && [ "$before" = "$after" ]; then
			echo "S$col: tam $cmd: allowed but wrote nothing"
			fails=$((fails + 1))
		fi
		[ "$before" = "$after" ] || dbload state
	done <<<"$GRID"
	[ "$fails" -eq 0 ]
}

@test "S1 no sentiment: every command" { walk_state 1; }
@test "S2 green: every command" { walk_state 2; }
@test "S3 yellow: every command" { walk_state 3; }
@test "S4 yellow+triage, no CTA: every command" { walk_state 4; }
@test "S5 red, no CTA: every command" { walk_state 5; }
@test "S6 red, At-Risk CTA open: every command" { walk_state 6; }
@test "S7 recovered, At-Risk CTA open: every command" { walk_state 7; }
@test "S8 closed won: every command" { walk_state 8; }
@test "S9 closed lost: every command" { walk_state 9; }
@test "S10 red, renewal CTA open: every command" { walk_state 10; }
@test "S11 green, renewal CTA cancelled: every command" { walk_state 11; }

# The open Risk Update tasks of CTA 1, "id due" per line.
open_updates() {
	dbsql "select id || ' ' || due from task where cta_id = 1
	    and kind = 'risk_update' and status = 'open' order by id"
}

@test "done on a Risk Update task schedules the next one period later" {
	tam -q account add Acme --renewal 2028-06-30
	tam -q sentiment Acme red --note "budget cut" --cta
	assert_equal "$(open_updates)" "2 2026-12-23"
	# A month on, the TAM ticks it off instead of posting.
	TAM_TODAY=2026-12-23 run_tam done 2
	assert_success
	assert_equal "${stderr_lines[1]}" "tam: the next Risk Update of At-Risk CTA 1 is due 2027-01-22; log each one on the timeline with 'tam risk-update 1 --note TEXT'"
	assert_equal "$(open_updates)" "3 2027-01-22"
	# Skipped too (a month with nothing new): the cadence goes on.
	TAM_TODAY=2027-01-22 run_tam skip 3 --note "customer on leave"
	assert_success
	assert_equal "$(open_updates)" "4 2027-02-22"
	# The same id twice closes it once and adds one, not two.
	TAM_TODAY=2027-02-22 run_tam done 4 4
	assert_success
	assert_equal "$(open_updates)" "5 2027-03-22"
	# An overdue one shows in tam due until it is dealt with.
	TAM_TODAY=2027-03-29 run_tam due --no-sync
	assert_output --partial $'5\trisk_update\tRisk Update\t2027-03-22\t-7\toverdue'
	# Once the CTA is concluded, a Risk Update closed late adds none.
	tam -q cta close 1 --won --note "won back"
	dbsql "update task set status = 'open' where id = 5"
	run_tam done 5
	assert_success
	[[ "$stderr" != *"next Risk Update"* ]]
	[ "$(dbsql "select count(*) from task where kind = 'risk_update'")" = 4 ]
}

@test "a Risk Update cadence past 9999-12-31 is an error, not year 0000" {
	export TAM_TODAY=9999-12-15
	tam -q account add Acme
	before=$(dbdump)
	run_tam sentiment Acme red --note "late" --cta
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: the next Risk Update would be due after 9999-12-31; set a shorter risk_update.every (tam config set risk_update.every 1m)"
	assert_equal "$(dbdump)" "$before"
	TAM_TODAY=9999-10-01 tam -q sentiment Acme red --note "early" --cta
	tam -q config set risk_update.every 3m
	run_tam risk-update Acme --note "still red"
	assert_failure 1
	[[ "$stderr" != *"0000-"* ]]
	[[ "$stderr" == *"due after 9999-12-31"* ]]
	run_tam done 2
	assert_failure 1
	assert_equal "${stderr_lines[-1]}" "tam: the next Risk Update would be due after 9999-12-31; set a shorter risk_update.every (tam config set risk_update.every 1m)"
	[ "$(dbsql "select status from task where id = 2")" = open ]
}

@test "a done that fails after closing its task says no task done" {
	TAM_TODAY=9999-10-01 tam -q account add Acme
	TAM_TODAY=9999-10-01 tam -q sentiment Acme red --note "early" --cta
	tam -q config set risk_update.every 3m
	export TAM_TODAY=9999-12-15
	before=$(dbdump)
	run_tam done 2
	assert_failure 1
	assert_equal "${#stderr_lines[@]}" 1
	[[ "$stderr" != *"task 2 done"* ]] || fail "success claimed: $stderr"
	assert_equal "$(dbdump)" "$before"
	run_tam sentiment Acme yellow --note "better"
	assert_failure 1
	assert_equal "${#stderr_lines[@]}" 1
	[[ "$stderr" != *"sentiment yellow"* ]] || fail "success claimed: $stderr"
}
