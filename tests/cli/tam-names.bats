#!/usr/bin/env bats
# tam-names.bats: --tam P names a TAM (SPEC §2 "Naming a TAM") in every
# command that takes it: the exact name case-folded, else a unique
# case-folded prefix of the name or of one of its words.  Today: Monday
# 2026-11-23.

bats_require_minimum_version 1.5.0
load helper

# Alice Chen has Acme (in its renewal window) and a call on Wednesday;
# Dan Park has Initech and a deck; Chen Wei has Globex.
book() {
	tam -q account add "Acme Corp" --tam "Alice Chen" --acv 300000 \
	    --renewal 2027-01-10
	tam -q account add Initech --tam "Dan Park" --acv 50000 \
	    --renewal 2027-02-15
	tam -q account add Globex --tam "Chen Wei"
	tam -q action "Acme Corp" custom --title "Call Acme" --due 2026-11-25
	tam -q action Initech custom --title "Deck Initech" --due 2026-11-25
	tam -q sync
}

# The commands that take --tam, each with what else it needs.
TAM_COMMANDS=("due --horizon 2w" "account list" "cta list" "task list"
    "report renewals" "report at-risk" "ics")

@test "due --tam alice --horizon 2w: Alice Chen's work, not an empty day" {
	book
	run_tam due --tam alice --horizon 2w
	assert_success
	assert_output --partial "Call Acme"
	refute_output --partial "Deck Initech"
	refute_output --partial "Nothing due"
	for p in "Alice Chen" "ALICE CHEN" "alice c" "Ali"; do
		run_tam due --tam "$p" --horizon 2w --no-sync
		assert_success
		assert_output --partial "Call Acme"
		refute_output --partial "Deck Initech"
	done
	# A word of the name: Park is Dan Park.
	run_tam due --tam park --horizon 2w --no-sync
	assert_success
	assert_output --partial "Deck Initech"
	refute_output --partial "Call Acme"
}

@test "every command with --tam filters by the TAM it names" {
	book
	run_tam account list --tam alice
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "Acme Corp	Alice Chen"
	run_tam cta list --tam alice
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "Acme Corp"
	run_tam task list --tam alice
	assert_success
	assert_output --partial "Call Acme"
	refute_output --partial "Initech"
	assert_equal "$(echo "$output" | cut -f3 | LC_ALL=C sort -u | tr '\n' ' ')" \
	    "Acme Corp account "
	run_tam report renewals --tam alice --format json
	assert_success
	assert_equal "$(echo "$output" | jq -c '[.[] | select(.accounts > 0) | [.period, .accounts]]')" \
	    '[["2027-Q1",1]]'
	tam -q sentiment "Acme Corp" red --note "champion left"
	tam -q sentiment Initech red --note "budget cut"
	run_tam report at-risk --tam alice
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "Acme Corp"
	run_tam ics --tam alice
	assert_success
	assert_output --partial "Call Acme"
	refute_output --partial "Initech"
}

@test "task list takes --tam with --account too" {
	book
	run_tam task list --tam park --account Initech
	assert_success
	assert_output --partial "Deck Initech"
	run_tam task list --tam alice --account Initech
	assert_success
	assert_equal "${#lines[@]}" 1
}

@test "no TAM matches: exit 1 naming the TAMs of the book, in every command" {
	book
	before=$(dbdump)
	for c in "${TAM_COMMANDS[@]}"; do
		# shellcheck disable=SC2086
		run_tam $c --tam bob
		assert_failure 1
		assert_equal "$output" ""
		assert_equal "$stderr" "tam: no TAM named 'bob'; TAMs in this book: Alice Chen, Chen Wei, Dan Park"
	done
	# A middle part of a word is no prefix.
	run_tam account list --tam lice
	assert_failure 1
	assert_equal "$(dbdump)" "$before"
}

@test "several TAMs match: exit 1 listing them, in every command" {
	book
	for c in "${TAM_COMMANDS[@]}"; do
		# shellcheck disable=SC2086
		run_tam $c --tam chen
		assert_failure 1
		assert_equal "$output" ""
		assert_equal "$stderr" "tam: 'chen' names 2 TAMs: Alice Chen, Chen Wei; give more of the name"
	done
	run_tam account list --tam "chen w"
	assert_success
	assert_line --index 1 --partial Globex
	run_tam account list --tam wei
	assert_success
	assert_line --index 1 --partial Globex
}

@test "the exact name wins over a longer name it starts" {
	tam -q account add One --tam Al
	tam -q account add Two --tam "Alice Chen"
	run_tam account list --tam AL
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial "One	Al"
	run_tam account list --tam ali
	assert_success
	assert_line --index 1 --partial "Two	Alice Chen"
}

@test "one TAM written two ways is one TAM" {
	tam -q account add One --tam "Alice Chen"
	tam -q account add Two --tam "alice chen"
	tam -q account add Three --tam "ALICE CHEN"
	run_tam account list --tam alice
	assert_success
	assert_equal "${#lines[@]}" 4
}

@test "TAM names fold beyond ASCII: ÉLODIE is Élodie, STRASSE is Straße" {
	tam -q account add One --tam "Élodie Martin"
	tam -q account add Two --tam "Jörg Straße"
	tam -q account add Three --tam "Dan Park"
	run_tam account list --tam ÉLODIE
	assert_success
	assert_line --index 1 --partial "One	Élodie Martin"
	# É typed decomposed: E + U+0301.
	run_tam account list --tam $'E\xcc\x81lodie'
	assert_success
	assert_line --index 1 --partial "One"
	run_tam account list --tam STRASSE
	assert_success
	assert_line --index 1 --partial "Two	Jörg Straße"
	run_tam account list --tam JÖRG
	assert_success
	assert_line --index 1 --partial "Two"
}

@test "the error names ten TAMs at most" {
	for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
		tam -q account add "A$i" --tam "TAM $i"
	done
	run_tam account list --tam zed
	assert_failure 1
	assert_equal "$stderr" "tam: no TAM named 'zed'; TAMs in this book: TAM 01, TAM 02, TAM 03, TAM 04, TAM 05, TAM 06, TAM 07, TAM 08, TAM 09, TAM 10, ..."
	run_tam account list --tam tam
	assert_failure 1
	assert_equal "$stderr" "tam: 'tam' names 12 TAMs: TAM 01, TAM 02, TAM 03, TAM 04, TAM 05, TAM 06, TAM 07, TAM 08, TAM 09, TAM 10, ...; give more of the name"
}

@test "a book without TAMs says how to set one; an empty --tam is misuse" {
	tam -q account add Acme
	run_tam due --tam alice
	assert_failure 1
	assert_equal "$stderr" "tam: no TAM named 'alice': no account has a TAM yet (tam account set ACCOUNT --tam NAME)"
	run_tam account list --tam ""
	assert_failure 2
	assert_equal "$stderr" "tam: --tam: the TAM's name is empty"
}

@test "a TAM set, changed or imported is found by its new name" {
	tam -q account add Acme --tam "Alice Chen"
	tam -q account set Acme --tam "Élodie Martin"
	run_tam account list --tam alice
	assert_failure 1
	run_tam account list --tam élodie
	assert_success
	assert_line --index 1 --partial Acme
	printf 'Account Name,TAM\nAcme,Dan Park\nGlobex,Dan Park\n' > in.csv
	tam -q import in.csv
	run_tam account list --tam DAN
	assert_success
	assert_equal "${#lines[@]}" 3
}

@test "tam help says how names and TAMs are matched; task list has --tam" {
	run_tam help
	assert_success
	assert_output --partial "--tam P is a
TAM's name or the start of it or of one of its words (alice, chen: Alice Chen)."
	assert_output --partial "(SOCIÉTÉ is Société, STRASSE is Straße)"
	run_tam help task list
	assert_line --index 0 "usage: tam task list [--open|--all] [--account ACCOUNT] [--kind K] [--tam P]"
}
