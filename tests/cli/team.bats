#!/usr/bin/env bats
# team.bats: team mode on a real PostgreSQL server: logins mapped to TAMs,
# row-level security, and tam following it (sql/pg/0005-team.sql).  Two
# TAMs (Alice Chen, Jun Sato) and a manager (Vera Cho) over the bundled
# sample export; every login is checked through tam and through psql.

load helper

# The test's database as LOGIN sees it.
as() {
	local login=$1
	shift
	"$TAM" --db "postgresql://$login@/$TAM_TEST_PGDB" "$@"
}

run_as() {
	local login=$1
	shift
	run --separate-stderr "$TAM" --db "postgresql://$login@/$TAM_TEST_PGDB" "$@"
}

# psql as LOGIN on the test's database.
psql_as() {
	local login=$1
	shift
	pg_psql -U "$login" -d "$TAM_TEST_PGDB" "$@"
}

# The sample book and its team: alice and jun are TAMs, vera a manager.
team_book() {
	tam -q import "$DATA/sample-export.csv"
	tam -q sync > /dev/null
	tam -q team add alice --tam 'Alice Chen'
	tam -q team add jun --tam 'Jun Sato'
	tam -q team add vera --tam 'Vera Cho' --manager
	pg_psql -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eve') THEN CREATE ROLE eve LOGIN; END IF; END \$\$"
}

@test "team on a file: a team shares a PostgreSQL database" {
	on_pg && skip "the file's answer"
	run_tam team list
	assert_failure 1
	assert_equal "$stderr" "tam: team list: a team shares a PostgreSQL database (--db postgresql://...); a file is one person's"
	run_tam team add alice --tam 'Alice Chen'
	assert_failure 1
}

@test "team add, list in every format, rm" {
	on_pg || skip "PostgreSQL only"
	team_book
	run_tam team list
	assert_success
	assert_output "$(printf 'login\ttam\trole\nalice\tAlice Chen\ttam\njun\tJun Sato\ttam\nvera\tVera Cho\tmanager')"
	run_tam team list --format csv
	assert_line --index 0 "login,tam,role"
	assert_line --index 3 "vera,Vera Cho,manager"
	run_tam team list --format json
	[ "$(jq -r '.[1].login + "=" + .[1].tam + "=" + .[1].role' <<<"$output")" = "jun=Jun Sato=tam" ]
	run_tam team list --format jsonl
	[ "$(jq -s length <<<"$output")" = 3 ]
	# the login roles exist, with the role of their kind
	[ "$(pg_psql -d postgres -c "SELECT pg_has_role('vera', 'tam_manager', 'MEMBER'), pg_has_role('alice', 'tam_tam', 'MEMBER')")" = "t|t" ]
	# a change of kind
	tam -q team add jun --tam 'Jun Sato' --admin
	[ "$(dbsql "SELECT role FROM team WHERE login = 'jun'")" = admin ]
	run_tam team rm jun
	assert_success
	assert_equal "$stderr" "tam: team: jun is off the team (the login stays on the server)"
	run_tam team rm jun
	assert_failure 1
	assert_equal "$stderr" "tam: team rm: 'jun' is not on the team; see 'tam team list'"
	# misuse
	run_tam team add bob
	assert_failure 2
	run_tam team add pg_monitor --tam X
	assert_failure 2
	run_tam team add bob --tam X --manager --admin
	assert_failure 2
}

@test "each login sees its own book, through tam and through psql" {
	on_pg || skip "PostgreSQL only"
	team_book
	local all alice jun
	all=$(dbsql "SELECT count(*) FROM account")
	alice=$(dbsql "SELECT count(*) FROM account WHERE tam = 'Alice Chen'")
	jun=$(dbsql "SELECT count(*) FROM account WHERE tam = 'Jun Sato'")
	[ "$alice" -gt 0 ] && [ "$jun" -gt 0 ] && [ "$all" -gt $((alice + jun)) ]
	[ "$(psql_as alice -c 'SELECT count(*) FROM tam.account')" = "$alice" ]
	[ "$(psql_as jun -c 'SELECT count(*) FROM tam.account')" = "$jun" ]
	[ "$(psql_as vera -c 'SELECT count(*) FROM tam.account')" = "$all" ]
	# the rows that hang off an account follow it
	[ "$(psql_as alice -c "SELECT count(*) FROM tam.task t WHERE NOT EXISTS (SELECT 1 FROM tam.account a WHERE a.id = t.account_id)")" = 0 ]
	[ "$(psql_as alice -c 'SELECT count(*) FROM tam.cta')" = "$(dbsql "SELECT count(*) FROM cta c JOIN account a ON a.id = c.account_id WHERE a.tam = 'Alice Chen'")" ]
	[ "$(psql_as alice -c 'SELECT count(*) FROM tam.timeline')" = "$(dbsql "SELECT count(*) FROM timeline p JOIN account a ON a.id = p.account_id WHERE a.tam = 'Alice Chen'")" ]
	# through tam
	run as alice account list --format csv
	assert_success
	[ "${#lines[@]}" = $((alice + 1)) ]
	refute_output --partial 'Jun Sato'
	run as vera account list --format csv
	[ "${#lines[@]}" = $((all + 1)) ]
	# export: what the login can see
	[ "$(as alice -q export | jq '.accounts | length')" = "$alice" ]
	# psql cannot write another TAM's account, nor move one away
	run psql_as alice -c "UPDATE tam.account SET tam = 'Jun Sato', tam_fold = 'jun sato' WHERE tam = 'Alice Chen'"
	assert_failure
	assert_output --partial 'row-level security'
	run psql_as alice -c "INSERT INTO tam.account (id, name, tam, tam_fold, created_at, updated_at) VALUES (999, 'Mine?', 'Jun Sato', 'jun sato', 'x', 'x')"
	assert_failure
	run psql_as alice -c "UPDATE tam.account SET health_score = 1 WHERE tam = 'Jun Sato'"
	assert_success
	[ "$(dbsql "SELECT count(*) FROM account WHERE health_score = 1")" = 0 ]
	# the timeline is append-only for a TAM too
	run psql_as alice -c "DELETE FROM tam.timeline"
	assert_failure
	run psql_as vera -c "UPDATE tam.timeline SET body = 'x'"
	assert_failure
}

@test "a TAM's due is their list; --tam all is a manager's" {
	on_pg || skip "PostgreSQL only"
	team_book
	run as alice due --format csv
	assert_success
	refute_output --partial 'Jun Sato'
	[ "$(as alice due --format json | jq '[.[] | select(.account_id != null)] | length')" -gt 0 ]
	run_as alice due --tam all
	assert_failure 1
	assert_equal "$stderr" "tam: --tam all: login 'alice' sees the book of Alice Chen only; the whole book is a manager's"
	run_as vera due --tam all --format csv
	assert_success
	run_as vera report at-risk --format csv
	assert_success
	[ "${#lines[@]}" -gt 1 ]
	run_as vera report renewals --tam jun --format csv
	assert_success
}

@test "another TAM's account answers as if it did not exist, and nothing changes" {
	on_pg || skip "PostgreSQL only"
	team_book
	local before acct
	acct=$(dbsql "SELECT name FROM account WHERE tam = 'Jun Sato' ORDER BY id LIMIT 1")
	before=$(dbdump)
	local cmds=(
		"account show"
		"account set|--acv|1"
		"account archive"
		"account rm|--yes"
		"timeline"
		"note|hello"
		"review"
		"sentiment|red|--note|x"
		"risk-update|--note|x"
		"action|custom|--title|x"
		"cta open"
		"task list|--account"
	)
	local c words
	for c in "${cmds[@]}"; do
		IFS='|' read -r -a words <<<"$c"
		# the account goes after the (sub-)command's words
		local head=(${words[0]}) rest=("${words[@]:1}")
		if [ "${words[0]}" = "task list" ]; then
			run_as alice task list --account "$acct"
		else
			run_as alice "${head[@]}" "$acct" "${rest[@]}"
		fi
		[ "$status" -eq 1 ] || fail "$c: exit $status: $stderr"
		[[ "$stderr" == "tam: no account matches '$acct'; see 'tam account list'" ]] ||
		    fail "$c: $stderr"
		refute_output --partial 'Jun Sato'
	done
	assert_equal "$(dbdump)" "$before"
}

@test "a login not on the team reads nothing, and is told whom to ask" {
	on_pg || skip "PostgreSQL only"
	team_book
	run_as eve due
	assert_failure 1
	assert_equal "$stderr" "tam: login 'eve' is not on this team; ask the owner to run 'tam team add eve --tam NAME'"
	run psql_as eve -c 'SELECT count(*) FROM tam.account'
	assert_failure
	# a TAM cannot change the team
	run_as alice team add eve --tam 'Eve Long'
	assert_failure 1
	assert_equal "$stderr" "tam: team add: only the database's owner or an admin changes the team; you are 'alice'"
}

@test "what a member writes is signed with the login" {
	on_pg || skip "PostgreSQL only"
	team_book
	as alice -q note Acme 'call with the sponsor'
	[ "$(dbsql "SELECT author FROM timeline WHERE body = 'call with the sponsor'")" = alice ]
	as alice -q sentiment Acme red --cta --note 'budget cut'
	[ "$(dbsql "SELECT opened_by FROM cta c JOIN account a ON a.id = c.account_id WHERE a.name = 'Acme Corporation' AND c.kind = 'risk'")" = alice ]
}

@test "a TAM imports their own rows only; the nightly import is an admin's" {
	on_pg || skip "PostgreSQL only"
	team_book
	local before
	before=$(dbdump)
	run_as alice import "$DATA/sample-export.csv"
	assert_failure 1
	lines=("${stderr_lines[@]}")
	assert_line --index 1 "tam: line 5 is not Alice Chen's (TAM: 'Dan Park'): a TAM imports their own accounts only, the TAM column naming them; the whole book is the nightly import's, run by the owner or an admin"
	assert_equal "$(dbdump)" "$before"
	# their own rows: fine
	head -1 "$DATA/sample-export.csv" > mine.csv
	grep 'Alice Chen' "$DATA/sample-export.csv" >> mine.csv
	run_as alice import mine.csv
	assert_success
	# the admin's nightly import and sync
	tam -q team add ops --tam 'Night Jobs' --admin
	run_as ops import "$DATA/sample-export.csv"
	assert_success
	run_as ops sync
	assert_success
}

@test "20 concurrent dues per TAM and the admin's sync leave no duplicates" {
	on_pg || skip "PostgreSQL only"
	team_book
	tam -q team add ops --tam 'Night Jobs' --admin
	local i pids=()
	for i in $(seq 20); do
		as alice -q due > /dev/null 2>>errs & pids+=($!)
		as jun -q due > /dev/null 2>>errs & pids+=($!)
	done
	as ops -q sync > /dev/null 2>>errs & pids+=($!)
	local p bad=0
	for p in "${pids[@]}"; do
		wait "$p" || bad=$((bad + 1))
	done
	[ "$bad" = 0 ] || fail "$bad failed: $(sort -u errs)"
	[ "$(dbsql "SELECT count(*) FROM (SELECT account_id, kind FROM cta WHERE status = 'open' GROUP BY account_id, kind HAVING count(*) > 1) d")" = 0 ]
	[ "$(dbsql "SELECT count(*) FROM (SELECT account_id, cta_id, kind, due FROM task WHERE status = 'open' GROUP BY account_id, cta_id, kind, due HAVING count(*) > 1) d")" = 0 ]
}
