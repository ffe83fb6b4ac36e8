#!/usr/bin/env bats
# completion.bats: the bash completion (driven as bash drives it) and the
# zsh completion (syntax, and the same lists as bash and as tam itself).

bats_require_minimum_version 1.5.0
load helper

COMPLETION=$BATS_TEST_DIRNAME/../../completion

# Completes the words given, the last one being completed (may be ""),
# and prints COMPREPLY one per line, sorted.
complete_words() {
	bash -c '
		. "$1/tam.bash"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMPREPLY=()
		_tam
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' complete "$COMPLETION" "$@"
}

@test "bash: registers _tam for tam" {
	run bash -c ". '$COMPLETION/tam.bash'; complete -p tam"
	assert_success
	assert_output "complete -F _tam tam"
}

@test "bash: commands and sub-commands" {
	run complete_words tam re
	assert_output "report
restore
review"
	run complete_words tam report ""
	assert_output "at-risk
renewals"
	run complete_words tam --db x.db -q account a
	assert_output "add
archive"
	run complete_words tam help im
	assert_output "import"
}

@test "bash: options of the command, and the global ones" {
	run complete_words tam report renewals --
	assert_line "--by"
	assert_line "--within"
	assert_line "--tam"
	assert_line "--format"
	refute_line "--horizon"
	run complete_words tam ics --w
	assert_output "--within"
	run complete_words tam account list --s
	assert_output "--sentiment
--strategic"
}

@test "bash: enumerations" {
	run complete_words tam report renewals --by ""
	assert_output "month
quarter"
	run complete_words tam --format j
	assert_output "json
jsonl"
	run complete_words tam export --format ""
	assert_output "json
jsonl"
	run complete_words tam sentiment Acme ""
	assert_output "green
red
yellow"
	run complete_words tam action Acme r
	assert_output "roadmap"
	run complete_words tam task list --kind renewal_r
	assert_output "renewal_review_1
renewal_review_2"
	run complete_words tam cta list --kind ""
	assert_output "renewal
risk"
	run complete_words tam cta update 3 --risk-type customer
	assert_output "customer-churn
customer-sentiment"
	run complete_words tam cta open Acme --risk-reason product
	assert_output "product-quality-availability
product-value-gaps"
	run complete_words tam cta close 3 --lost ""
	assert_output "churn
contraction
downgrade"
	run complete_words tam config set risk
	assert_output "risk_update.every"
	run complete_words tam account set Acme --clear tam
	assert_output "tam
tam-manager"
}

@test "bash: a value nobody can guess gets nothing; files where files go" {
	run complete_words tam account add Acme --tam ""
	assert_output ""
	touch backup.json backup.jsonl
	run complete_words tam restore back
	assert_output "backup.json
backup.jsonl"
	# The value of an option does not count as an argument.
	run complete_words tam sentiment --note "hi" Acme r
	assert_output "red"
}

@test "bash: the config keys and commands are those tam knows" {
	run complete_words tam config get ""
	keys=$output
	run bash -c "'$TAM' config list --format tsv | tail -n +2 | cut -f1 | sort"
	assert_equal "$keys" "$output"
	run complete_words tam ""
	commands=$output
	run bash -c "'$TAM' help | sed -n 's/^  \([a-z-]*\) .*/\1/p' | sort"
	assert_equal "$commands" "$output"
}

# The words of a zsh array or a bash variable, sorted, one per line.
zsh_list() {
	zsh -fc "source <(sed -n '/^$1=(/,/)/p' '$COMPLETION/_tam'); print -l \${(o)$1}"
}
bash_list() {
	bash -c ". '$COMPLETION/tam.bash'; printf '%s\n' \$$1 | sort"
}

@test "zsh: the completion parses and holds the lists bash has" {
	command -v zsh || skip "zsh is not installed"
	zsh -n "$COMPLETION/_tam"
	for list in _tam_sentiments _tam_task_kinds _tam_post_types \
	    _tam_risk_types _tam_risk_reasons _tam_config_keys _tam_fields; do
		assert_equal "$(zsh_list $list)" "$(bash_list $list)"
	done
	assert_equal "$(zsh -fc "source <(sed -n '/^_tam_commands=(/,/^)/p' '$COMPLETION/_tam'); print -l \${(o)_tam_commands%%:*}")" \
	    "$(bash_list _tam_commands)"
}

# A small book: two accounts (one with spaces and an apostrophe), two
# TAMs, open tasks after sync, a renewal CTA and an At-Risk one.
small_book() {
	tam -q account add Acme --tam 'Alice Chen' --renewal 2027-03-31
	tam -q account add "Acme & Sons's" --tam 'Bob Ruiz'
	tam -q account add Globex --tam 'alice chen'
	tam -q account add Old --tam 'Zed Old'
	tam -q account archive Old
	tam -q sync
	tam -q sentiment Acme red --note 'sponsor left' --cta
}

@test "__complete: names, TAMs and ids from the book, indexed, read-only" {
	small_book
	local before
	before=$(dbdump)
	run --separate-stderr "$TAM" __complete account ac
	assert_success
	assert_output "Acme
Acme & Sons's"
	# folded: any case; archived accounts are out of the book
	run "$TAM" __complete account -- ACME\ \&
	assert_output "Acme & Sons's"
	run "$TAM" __complete account ""
	refute_line "Old"
	# a TAM once, whatever the case the rows hold it in
	run "$TAM" __complete tam al
	assert_output "Alice Chen"
	run "$TAM" __complete tam
	assert_output "Alice Chen
Bob Ruiz
Zed Old"
	# open task ids with what they are; a prefix of digits
	run "$TAM" __complete task 1
	assert_line --index 0 "$(printf '1\trenewal_review_1, Acme')"
	run "$TAM" __complete cta ""
	assert_output "$(printf '1\trenewal, Acme\n2\trisk, Acme')"
	run "$TAM" __complete task x
	assert_output ""
	[ "$(dbdump)" = "$before" ]
	# the statements walk the folded indexes (SQLite's plan)
	if ! on_pg; then
		run sqlite3 "$TAM_DB" "EXPLAIN QUERY PLAN SELECT a.name FROM account a
		    WHERE a.name_fold >= 'ac' AND a.name_fold < 'ad' AND a.archived = 0
		    ORDER BY a.name_fold LIMIT 100"
		assert_output --partial "account_by_name"
	fi
}

@test "__complete: no database is made, nothing is said on any failure" {
	run --separate-stderr "$TAM" __complete account a
	assert_failure 1
	assert_equal "$stderr" ""
	assert_output ""
	db_missing
	on_sqlite_only "a missing folder, a file that is not a database, SQLite's schema check"
	run --separate-stderr "$TAM" --db "$BATS_TEST_TMPDIR/no/such.db" __complete tam ""
	assert_equal "$stderr$output" ""
	[ ! -e "$BATS_TEST_TMPDIR/no" ]
	echo "not a database" > "$TAM_DB"
	run --separate-stderr "$TAM" __complete account a
	assert_failure 1
	assert_equal "$stderr$output" ""
	assert_equal "$(cat "$TAM_DB")" "not a database"
	rm "$TAM_DB"
	tam -q init
	run --separate-stderr "$TAM" __complete nonsense a
	assert_equal "$stderr$output" ""
	run --separate-stderr "$TAM" __complete
	assert_equal "$stderr$output" ""
	# a look-alike: tam's tables, another's index
	sqlite3 "$TAM_DB" "DROP INDEX account_by_name;
	    CREATE INDEX account_by_name ON account (name)"
	run --separate-stderr "$TAM" __complete account a
	assert_failure 1
	assert_equal "$stderr$output" ""
}

@test "bash: account names, TAMs, task and CTA ids from the book" {
	small_book
	mkdir bin && ln -s "$TAM" bin/tam
	PATH=$PWD/bin:$PATH
	run complete_words tam account show ac
	assert_output "Acme
Acme\\ \\&\\ Sons\\'s"
	run complete_words tam sentiment gl
	assert_output "Globex"
	run complete_words tam due --tam b
	assert_output "Bob\\ Ruiz"
	run complete_words tam task list --account Glo
	assert_output "Globex"
	run complete_words tam done 1 ""
	assert_line "2"
	assert_line "7"
	run complete_words tam cta close ""
	assert_output "1
2"
	# typed with a backslash or inside quotes
	run complete_words tam timeline "Acme\\ \\&"
	assert_output "Acme\\ \\&\\ Sons\\'s"
	run complete_words tam timeline "'Acme &"
	assert_output "Acme & Sons's"
	# the --db on the line is the book asked
	other=$(dbcopy other)
	dbsql --db "$other" "UPDATE account SET name = 'Zeta', name_fold = 'zeta'
	    WHERE name = 'Globex'"
	run env TAM_DB=/nonexistent bash -c '. "$1/tam.bash"
	    COMP_WORDS=(tam --db "$2" account show z); COMP_CWORD=5
	    _tam; printf "%s\n" "${COMPREPLY[@]}"' x "$COMPLETION" "$other"
	assert_output "Zeta"
	# the second argument of sentiment is still the sentiment
	run complete_words tam sentiment Acme r
	assert_output "red"
}

@test "zsh: the book completions call tam __complete" {
	command -v zsh || skip "zsh is not installed"
	small_book
	mkdir bin && ln -s "$TAM" bin/tam
	PATH=$PWD/bin:$PATH
	# compadd stubbed: it prints the words it would offer
	zsh_book() {
		zsh -fc 'source <(sed "\$d" "$1/_tam")
		compadd() {
			while [[ $1 == -* ]]; do
				[[ $1 == -a ]] && { shift; print -l -- ${(P)1} }
				[[ $1 == -d ]] && shift
				shift
			done
		}
		words=(tam ${=2}); PREFIX=$3; _tam_book $4' x "$COMPLETION" "$@"
	}
	run zsh_book "account show" ac account
	assert_output "Acme
Acme & Sons's"
	run zsh_book "due --tam" B tam
	assert_output "Bob Ruiz"
	run zsh_book "cta close" "" cta
	assert_output "1
2"
	run zsh_book "--db nowhere.db account show" a account
	assert_failure
	assert_output ""
	# every place that names an account or an id asks the book
	run grep -c "_tam_book account" "$COMPLETION/_tam"
	[ "$output" -ge 8 ]
}
