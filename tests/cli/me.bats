#!/usr/bin/env bats
# me.bats: the setting me (and TAM_ME): --tam me, --tam all, and the
# default TAM of tam due and tam ics.

bats_require_minimum_version 1.5.0
load helper

setup_book() {
	tam -q account add Acme --renewal 2027-01-31 --tam "Alice Chen"
	tam -q account add Beta --renewal 2027-01-31 --tam "Bob Stone"
	unset TAM_ME
}

@test "config set me stores the name; due and ics default to it" {
	setup_book
	run_tam config set me "Alice Chen"
	assert_success
	assert_equal "$stderr" "tam: me = Alice Chen"
	run_tam config get me
	assert_output "Alice Chen"
	run_tam due --all
	assert_success
	assert_output --partial "Acme"
	refute_output --partial "Beta"
	run_tam ics
	assert_success
	assert_output --partial "Acme"
	refute_output --partial "Beta"
	# --tam all: the whole book, whoever me is.
	run_tam due --all --tam all
	assert_output --partial "Beta"
	run_tam ics --tam ALL
	assert_output --partial "Beta"
	# Another TAM by name still works.
	run_tam due --all --tam bob
	assert_output --partial "Beta"
	refute_output --partial "Acme"
}

@test "--tam me works wherever --tam does; me is not the default there" {
	setup_book
	tam -q config set me "bob stone"
	run_tam account list --tam me
	assert_success
	assert_output --partial "Beta"
	refute_output --partial "Acme"
	run_tam account list
	assert_output --partial "Acme"
	assert_output --partial "Beta"
	run_tam task list --tam me
	assert_success
	refute_output --partial "Acme"
}

@test "TAM_ME overrides the setting" {
	setup_book
	tam -q config set me "Alice Chen"
	TAM_ME=bob run_tam due --all
	assert_success
	assert_output --partial "Beta"
	refute_output --partial "Acme"
	TAM_ME= run_tam due --all
	assert_output --partial "Acme"
	refute_output --partial "Beta"
}

@test "no me: due and ics show the book, --tam me says how to set it" {
	setup_book
	run_tam due --all
	assert_success
	assert_output --partial "Acme"
	assert_output --partial "Beta"
	before=$(dbdump)
	run_tam due --tam me
	assert_failure 1
	assert_equal "$stderr" "tam: --tam me: who you are is not set: tam config set me \"YOUR NAME\" (or TAM_ME=NAME), or give the TAM's name"
	[ "$(dbdump)" = "$before" ]
	# Set to "": not set.
	tam -q config set me ""
	run_tam ics
	assert_output --partial "Beta"
}

@test "me names no TAM of the book: the no-TAM-named error, at use" {
	setup_book
	run_tam config set me "Zed Nobody"
	assert_success
	run_tam due
	assert_failure 1
	assert_equal "$stderr" "tam: no TAM named 'Zed Nobody'; TAMs in this book: Alice Chen, Bob Stone"
	run_tam ics
	assert_failure 1
	run_tam due --tam all --all
	assert_success
	assert_output --partial "Acme"
}
