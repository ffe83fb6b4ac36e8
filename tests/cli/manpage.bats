#!/usr/bin/env bats
# manpage.bats: doc/tam.1 renders whole and names everything the binary
# offers.  The lists come from the binary itself ('tam help', 'tam help
# COMMAND', 'tam config list'), so a new command, sub-command, option or
# setting without its man page entry fails here.  (The lint proper, mandoc
# -Tlint and groff -ww, is 'make check-man', part of 'make check'.)

load helper

MAN=$BATS_TEST_DIRNAME/../../doc/tam.1

# The page as a reader sees it: plain text, no overstrike, no tabs.
# mandoc does not hyphenate, so a name is never split at a line end.
rendered() {
	mandoc -Tascii "$MAN" 2>/dev/null | col -bx
}

# The page as man(1) on Debian shows it: groff, which stops at the first
# mdoc error where mandoc recovers.
rendered_groff() {
	groff -mandoc -Tascii "$MAN" 2>/dev/null | col -bx
}

# Every command path ("init", "account add", "cta close"), one a line:
# the words after "tam" in each usage line up to the first that is not a
# lower-case name (an ARGUMENT, an --option, a [choice]).
command_paths() {
	local c
	for c in $("$TAM" help | awk '/^  [a-z]/ { print $1 }'); do
		"$TAM" help "$c" | sed -n 's/^\(usage:\)\{0,1\} *tam //p' |
		    awk '{ p = $1; if ($2 ~ /^[a-z][a-z-]*$/) p = p " " $2;
		    print p }'
	done | sort -u
}

@test "man page: renders to its last section, no lint message" {
	run --separate-stderr mandoc -Tlint -Wwarning "$MAN"
	assert_success
	assert_equal "$stderr" ""
	run --separate-stderr groff -mandoc -ww -z "$MAN"
	assert_success
	assert_equal "$stderr" ""
	run rendered_groff
	assert_success
	for s in NAME SYNOPSIS DESCRIPTION COMMANDS OUTPUT ENVIRONMENT FILES \
	    "EXIT STATUS" "SEE ALSO"; do
		assert_line "$s"
	done
}

@test "man page: every command and sub-command has its entry" {
	local page paths p missing=
	page=$(rendered | sed -n '/^COMMANDS$/,/^OUTPUT$/p')
	paths=$(command_paths)
	# The list must be real: the top-level commands and the sub-commands.
	[[ $paths == *"init"* && $paths == *"account add"* &&
	    $paths == *"cta close"* && $paths == *"config set"* ]]
	while read -r p; do
		grep -Eq "^ +$p( |\$)" <<<"$page" || missing="$missing [$p]"
	done <<<"$paths"
	assert_equal "$missing" ""
}

@test "man page: every option of every command is named" {
	local page c o missing= n=0
	page=$(rendered | tr -s ' \n' '  ')
	for c in $("$TAM" help | awk '/^  [a-z]/ { print $1 }'); do
		for o in $("$TAM" help "$c" | grep -oE -- '--[a-z][a-z-]*' |
		    sort -u); do
			n=$((n + 1))
			[[ $page == *"$o"* ]] || missing="$missing [$c $o]"
		done
	done
	[ "$n" -gt 40 ]
	assert_equal "$missing" ""
}

@test "man page: every setting is named" {
	local page k keys missing=
	page=$(rendered | tr -s ' \n' '  ')
	keys=$("$TAM" config list --format tsv | tail -n +2 | cut -f1)
	[ "$(wc -l <<<"$keys")" -ge 10 ]
	for k in $keys; do
		[[ $page == *" $k"* ]] || missing="$missing [$k]"
	done
	assert_equal "$missing" ""
}
