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
