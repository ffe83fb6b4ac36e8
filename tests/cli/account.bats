#!/usr/bin/env bats
# account.bats: tam init, tam account add|set|show|list|archive|rm, naming.

load helper

add_three() {
	tam -q account add "Acme Corp" --sfid 0013t00001AbCdE --acv '$300,000' \
	    --renewal 2027-07-31 --tam alice --sal bob --health 80
	tam -q account add "Acme Labs" --acv 'EUR 1,234.50' --tam carol
	tam -q account add Initech --renewal 2027-01-15 --tam alice
}

@test "init creates the database 0600 and says where" {
	run_tam init
	assert_success
	# The schema version is that of the last migration in sql/.
	last=$(ls "$BATS_TEST_DIRNAME"/../../sql/[0-9]*.sql | tail -1)
	last=$(basename "$last" | sed 's/-.*//; s/^0*//')
	assert_equal "$stderr" "tam: database ready at '$TAM_DB' (schema $last)"
	on_pg || [ "$(stat -c %a "$TAM_DB")" = 600 ]
}

# SQLite only: the default database is a file.
# bats test_tags=sqlite-only
@test "the default database lives under XDG_DATA_HOME, folders 0700" {
	unset TAM_DB
	export XDG_DATA_HOME="$BATS_TEST_TMPDIR/xdg"
	run_tam init
	assert_success
	[ -f "$XDG_DATA_HOME/tam/tam.db" ]
	[ "$(stat -c %a "$XDG_DATA_HOME/tam")" = 700 ]
}

# SQLite only: the default database is a file.
# bats test_tags=sqlite-only
@test "without XDG_DATA_HOME the database is under ~/.local/share" {
	unset TAM_DB
	run_tam init
	assert_success
	[ -f "$HOME/.local/share/tam/tam.db" ]
}

@test "--db before or after the command" {
	a=$(newdb a)
	b=$(newdb b)
	run_tam --db "$a" init
	assert_success
	run_tam init --db "$b"
	assert_success
	[ "$(dbsql --db "$a" 'select count(*) from account')" = 0 ]
	[ "$(dbsql --db "$b" 'select count(*) from account')" = 0 ]
	db_missing
}

@test "account add then list (tsv when not a terminal)" {
	add_three
	run_tam account list
	assert_success
	assert_line --index 0 "id	sfid	name	tam	sal	renewal_date	days_to_renewal	acv	currency	strategic	sentiment	requires_triage	health_score	lifecycle_stage	archived"
	assert_line --index 1 "3		Initech	alice		2027-01-15	53		USD	false		false			false"
	assert_line --index 2 "1	0013t00001AbCdEAAV	Acme Corp	alice	bob	2027-07-31	250	300000	USD	true		false	80		false"
	assert_line --index 3 "2		Acme Labs	carol				1234.5	EUR	false		false			false"
}

@test "account list filters" {
	add_three
	run_tam account list --tam ALICE --format csv
	assert_success
	assert_equal "${#lines[@]}" 3
	run_tam account list --strategic
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "Acme Corp"
	run_tam account list --renewing-within 3m
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial Initech
	run_tam account list --renewing-within 2w
	assert_equal "${#lines[@]}" 1
}

@test "account list json and jsonl" {
	add_three
	run_tam account list --format json
	assert_success
	echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==3; assert d[1]["acv"]==300000 and d[1]["strategic"] is True and d[0]["acv"] is None'
	run_tam account list --format jsonl
	assert_equal "${#lines[@]}" 3
	echo "${lines[2]}" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["acv"]==1234.5 and d["currency"]=="EUR"'
}

@test "table format aligns columns and marks strategic accounts" {
	add_three
	run_tam account list --format table
	assert_success
	assert_line --index 0 --regexp '^ID +NAME +TAM +SAL +RENEWAL +DAYS +ACV +STRAT +SENTIMENT +HEALTH$'
	assert_line --index 2 --regexp '^ 1  Acme Corp +alice +bob +2027-07-31 +250 +\$300,000  yes +80$'
	refute_output --partial $'\033'
}

@test "--color always colors the table; NO_COLOR and never do not" {
	add_three
	run_tam account list --format table --color always
	assert_output --partial $'\033[1m'
	run_tam account list --format table --no-color
	refute_output --partial $'\033'
	run_tam account list --format table --color sometimes
	assert_failure 2
	assert_equal "$stderr" "tam: --color: 'sometimes' is not auto, always or never"
}

@test "csv neutralises formula cells" {
	tam -q account add "=cmd|' /C calc'!A0" --tam "+alice" --sal "-bob"
	tam -q account add "@SUM(A1)"
	run_tam account list --format csv
	assert_line --index 1 --partial "\"'=cmd|' /C calc'!A0\",\"'+alice\",\"'-bob\""
	assert_line --index 2 --partial "\"'@SUM(A1)\""
}

@test "tsv escapes tabs, newlines and backslashes" {
	tam -q account add $'Tab\there' --objectives $'line1\nline2' --tam 'back\slash'
	run_tam account list
	assert_line --index 1 --partial $'Tab\\there\tback\\\\slash'
	run_tam account show 1 --format tsv
	assert_line --index 1 --partial 'line1\nline2'
}

@test "account show: by id, sfid (15 and 18), exact name, prefix" {
	add_three
	for spec in 1 0013t00001AbCdE 0013t00001AbCdEAAV 0013T00001ABCDEAAV "acme corp" "Acme C"; do
		run_tam account show "$spec" --format json
		assert_success
		echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]==1, d; assert d["window"]=="not open"; assert d["window_opens"]=="2027-01-31"; assert d["ctas"]==[] and d["tasks"]==[] and d["timeline"]==[]'
	done
}

@test "account show for people" {
	add_three
	run_tam account show Initech --format table
	assert_success
	assert_line --index 0 "id               3"
	assert_line "renewal date     2027-01-15  (53 days)"
	assert_line "renewal window   open (opens 2026-07-15)"
	assert_line "open CTAs:"
}

@test "an ambiguous name lists the candidates" {
	add_three
	run_tam account show acme
	assert_failure 1
	assert_equal "$output" ""
	assert_equal "${stderr_lines[0]}" "tam: 'acme' names 2 accounts; give more of the name, the id or the Salesforce ID"
	assert_equal "${stderr_lines[1]}" "tam:      1  Acme Corp  0013t00001AbCdEAAV"
	assert_equal "${stderr_lines[2]}" "tam:      2  Acme Labs"
}

@test "an unknown account is exit 1" {
	add_three
	run_tam account show Globex
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'Globex'; see 'tam account list'"
	run_tam account show 99
	assert_failure 1
}

@test "account set changes fields, writes health history and posts" {
	add_three
	run_tam account set Initech --acv 'USD 250,000.01' --health 55 --sa sam --upsell --stage Adopting
	assert_success
	assert_equal "$stderr" "tam: updated account 3: Initech"
	run_tam account show 3 --format json
	echo "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["acv"]==250000.01 and d["strategic"] and d["health_score"]==55 and d["sa"]=="sam" and d["upsell"] and d["lifecycle_stage"]=="Adopting"'
	[ "$(dbsql 'select count(*) from health_history where account_id=3')" = 1 ]
	run_tam account set 3 --no-upsell --clear sa --clear tam-manager --clear renewal_date
	assert_success
	[ "$(dbsql "select cast(upsell as integer) || coalesce(sa, '-') || coalesce(renewal_date, '-') from account where id=3")" = "0--" ]
	[ "$(dbsql "select body from timeline where account_id=3 and type='renewal_date' order by id")" = "Renewal date changed from 2027-01-15 to none" ]
}

@test "account set with nothing changed says so and writes nothing" {
	add_three
	before=$(dbdump)
	run_tam account set 1 --tam alice
	assert_success
	assert_equal "$stderr" "tam: account 1: nothing changed"
	[ "$before" = "$(dbdump)" ]
}

@test "relative dates: today, +Nd, +Nw, +Nm" {
	tam -q account add A --renewal today
	tam -q account add B --renewal +10d
	tam -q account add C --renewal +2w
	tam -q account add D --renewal +6m
	run dbsql 'select renewal_date from account order by id'
	assert_output $'2026-11-23\n2026-12-03\n2026-12-07\n2027-05-23'
}

@test "bad input: a clear one-line error, exit 2, nothing written" {
	add_three
	before=$(dbdump)
	run_tam account add X --renewal 2026-02-30
	assert_failure 2
	assert_equal "$stderr" "tam: --renewal: '2026-02-30' is not a date (YYYY-MM-DD, M/D/YYYY, today, tomorrow, yesterday, monday..sunday, eow, eom, eoq, or +N/-N with d, w, m, y)"
	run_tam account add X --acv 12,34
	assert_failure 2
	assert_equal "$stderr" "tam: '12,34' is not an amount (like 250000, \$250,000 or USD 250,000.00)"
	run_tam account add X --health 101
	assert_failure 2
	run_tam account add X --sfid 123
	assert_failure 2
	run_tam account add X --licenses -4
	assert_failure 2
	run_tam account set 1 --clear name
	assert_failure 2
	run_tam account set 1 --clear nonsense
	assert_failure 2
	[ "$before" = "$(dbdump)" ]
}

@test "misuse: missing argument, unknown option, unknown command" {
	run_tam account add
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: account add: the account name is missing"
	assert_equal "${stderr_lines[1]}" "tam: usage: tam account add NAME [--sfid ID] [--tam P] [--sal P] [--sa P] [--rsd P]"
	run_tam account add X --bogus
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown option '--bogus'"
	run_tam account add X --tam
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: option '--tam' needs a value"
	run_tam account frobnicate
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "tam: unknown command 'account frobnicate'"
	run_tam frobnicate
	assert_failure 2
	assert_equal "$stderr" "tam: unknown command 'frobnicate'; see 'tam help'"
	run_tam account
	assert_failure 2
	run_tam
	assert_failure 2
	# at most the empty database the first command made (db.c)
	db_missing || [ "$(dbsql 'select count(*) from account')" = 0 ]
}

@test "a duplicate Salesforce ID is refused" {
	add_three
	run_tam account add Other --sfid 0013t00001AbCdEAAV
	assert_failure 1
	assert_equal "$stderr" "tam: Salesforce ID 0013t00001AbCdEAAV already belongs to account 1"
}

@test "archive hides an account; --archived shows it; archive twice is exit 1" {
	add_three
	run_tam account archive Initech
	assert_success
	run_tam account list
	assert_equal "${#lines[@]}" 3
	run_tam account list --archived
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial Initech
	run_tam account archive 3
	assert_failure 1
	assert_equal "$stderr" "tam: account 3 (Initech) is already archived"
}

@test "rm needs --yes and takes the account's rows with it" {
	add_three
	tam -q account set 1 --health 10 --renewal 2027-08-01
	run_tam account rm 1
	assert_failure 2
	[ "$(dbsql 'select count(*) from account')" = 3 ]
	run_tam account rm 1 --yes
	assert_success
	assert_equal "$stderr" "tam: deleted account 1: Acme Corp"
	[ "$(dbsql 'select count(*) from account')" = 2 ]
	[ "$(dbsql 'select count(*) from timeline')" = 0 ]
	[ "$(dbsql 'select count(*) from health_history')" = 0 ]
}

@test "the timeline is append-only" {
	add_three
	tam -q account set 1 --renewal 2027-08-01
	run dbsql "update timeline set body='x'"
	assert_failure
	assert_output --partial "append-only"
	run dbsql "delete from timeline"
	assert_failure
}

@test "names match by Unicode case folding, not ASCII case alone" {
	tam -q account add "Société Générale Ωmega"
	tam -q account add "Straße AG"
	for spec in "SOCIÉTÉ GÉNÉRALE ΩMEGA" "société générale ωmega" \
	    $'Socie\xcc\x81te\xcc\x81 Ge\xcc\x81ne\xcc\x81rale \xe2\x84\xa6mega' \
	    "SOCIÉ"; do
		run_tam account show "$spec" --format json
		assert_success
		assert_equal "$(echo "$output" | jq -r .name)" "Société Générale Ωmega"
	done
	for spec in "STRASSE AG" "strasse" "STRAßE AG"; do
		run_tam account show "$spec" --format json
		assert_success
		assert_equal "$(echo "$output" | jq -r .name)" "Straße AG"
	done
	run_tam account show "Strase"
	assert_failure 1
	assert_equal "$stderr" "tam: no account matches 'Strase'; see 'tam account list'"
}

@test "an import finds an account by its folded name" {
	tam -q account add "Straße AG" --acv 1000
	tam -q account add "Société Générale"
	printf 'Account Name,ACV\nSTRASSE AG,5000\nSOCIÉTÉ GÉNÉRALE,7000\n' > in.csv
	run_tam import in.csv
	assert_success
	assert_equal "$stderr" "tam: imported 2 rows: 0 new, 2 updated, 0 unchanged, 0 rejected"
	# The same two accounts, named as the file names them.
	assert_equal "$(dbsql 'select id, name, acv_cents from account order by id')" \
	    "1|STRASSE AG|500000
2|SOCIÉTÉ GÉNÉRALE|700000"
	# A new row with an ID adopts the account of its name that has none.
	printf 'Account ID,Account Name,ACV\n0013t00001AbCdE,straße ag,6000\n' > id.csv
	run_tam import id.csv
	assert_success
	assert_equal "$(dbsql "select id, sfid from account where sfid is not null order by id")" \
	    "1|0013t00001AbCdEAAV"
}

@test "set, import and restore keep the folded names up to date" {
	tam -q account add Acme --tam "Alice Chen"
	tam -q account set Acme --name "Straße AG" --tam "Élodie Martin"
	assert_equal "$(dbsql 'select name_fold, tam_fold from account order by id')" \
	    "strasse ag|élodie martin"
	printf 'Account Name,TAM\nÜber GmbH,Jörg Ott\n' > in.csv
	tam -q import in.csv
	assert_equal "$(dbsql 'select name_fold, tam_fold from account where id = 2')" \
	    "über gmbh|jörg ott"
	tam -q export > all.json
	new=$(newdb new)
	tam -q --db "$new" restore all.json
	assert_equal "$(dbsql --db "$new" 'select name_fold, tam_fold from account order by id')" \
	    "strasse ag|élodie martin
über gmbh|jörg ott"
	run_tam --db "$new" account show "STRASSE AG" --format json
	assert_success
	assert_equal "$(echo "$output" | jq -r .tam)" "Élodie Martin"
}

# SQLite only: SQLite's migrations, replayed from sql/.
# bats test_tags=sqlite-only
@test "a database from before the folded names gets them on upgrade" {
	# Schema 2, as the tam before the folded names left it.
	cat "$BATS_TEST_DIRNAME"/../../sql/0001-*.sql \
	    "$BATS_TEST_DIRNAME"/../../sql/0002-*.sql | sqlite3 "$TAM_DB"
	sqlite3 "$TAM_DB" "PRAGMA application_id = 1413565745;
	    PRAGMA user_version = 2;
	    INSERT INTO account (name, tam, created_at, updated_at) VALUES
	    ('Société Générale Ωmega', 'Élodie Martin', '2026-01-01T00:00:00Z',
	    '2026-01-01T00:00:00Z'),
	    ('Straße AG', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
	run_tam account show "SOCIÉTÉ GÉNÉRALE ΩMEGA" --format json
	assert_success
	assert_equal "$(echo "$output" | jq -r .id)" 1
	assert_equal "$(sqlite3 "$TAM_DB" 'PRAGMA user_version')" \
	    "$(ls "$BATS_TEST_DIRNAME"/../../sql/[0-9]*.sql | wc -l)"
	assert_equal "$(sqlite3 "$TAM_DB" 'select name_fold, tam_fold from account order by id')" \
	    "société générale ωmega|élodie martin
strasse ag|"
	run_tam account list --tam ÉLODIE
	assert_success
	assert_line --index 1 --partial "Société Générale Ωmega"
	# fold() is tam's alone: no schema object may call it.
	run sqlite3 "$TAM_DB" "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%fold(%'"
	assert_output 0
}

@test "account add refuses a name that exists, unless both have IDs" {
	tam -q account add "Acme Corporation"
	before=$(dbdump)
	for n in "Acme Corporation" "ACME CORPORATION" "acme corporation"; do
		run_tam account add "$n"
		assert_failure 1
		assert_equal "$stderr" "tam: account 1 is named 'Acme Corporation' already; choose another name, or give both accounts their Salesforce IDs (--sfid)"
	done
	run_tam account add "Acme Corporation" --sfid 0013t00001AbCdE
	assert_failure 1
	assert_equal "$stderr" "tam: account 1 is named 'Acme Corporation' already and has no Salesforce ID; set it first (tam account set 1 --sfid ID) or choose another name"
	assert_equal "$(dbdump)" "$before"
	# With an ID on each, two accounts may share the name.
	tam -q account set 1 --sfid 001A0000006Vm9r
	run_tam account add "ACME Corporation" --sfid 0013t00001AbCdE
	assert_success
	# The name alone cannot tell them apart: the ids and IDs can.
	run_tam account show "acme corporation"
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "tam: 'acme corporation' names 2 accounts; give the id or the Salesforce ID"
	assert_equal "${stderr_lines[1]}" "tam:      1  Acme Corporation  001A0000006Vm9rIAC"
	assert_equal "${stderr_lines[2]}" "tam:      2  ACME Corporation  0013t00001AbCdEAAV"
	run_tam account show 0013t00001AbCdE --format json
	assert_success
	assert_equal "$(echo "$output" | jq -r .id)" 2
}

@test "account set refuses to make a name clash" {
	tam -q account add "Acme Corporation" --sfid 001A0000006Vm9r
	tam -q account add "Acme Corporation" --sfid 0013t00001AbCdE
	tam -q account add Initech
	before=$(dbdump)
	run_tam account set Initech --name "ACME corporation"
	assert_failure 1
	assert_equal "$stderr" "tam: account 1 is named 'Acme Corporation' already; choose another name, or give both accounts their Salesforce IDs (--sfid)"
	run_tam account set 2 --clear sfid
	assert_failure 1
	assert_equal "$stderr" "tam: account 1 is named 'Acme Corporation' already; choose another name, or give both accounts their Salesforce IDs (--sfid)"
	assert_equal "$(dbdump)" "$before"
	# A change that leaves name and ID alone is no clash.
	run_tam account set 2 --acv 1000
	assert_success
	run_tam account set 2 --name "Acme Corporation EMEA"
	assert_success
}
