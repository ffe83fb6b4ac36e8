#!/bin/sh
# run.sh: runs the C unit tests (cmocka, TAP) and the command-line tests
# (bats, TAP), then prints one summary line "N passed, N failed" and exits
# non-zero on any failure.  Arguments: the unit test binaries.
# TAM (default ./tam) is the binary the bats tests run; TEST_WRAPPER, if
# set, is a program that runs each unit test binary (valgrind-run).
unit_only=0
if [ "$1" = "--unit-only" ]; then
	unit_only=1
	shift
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for t in "$@"; do
	echo "# $t"
	CMOCKA_MESSAGE_OUTPUT=TAP $TEST_WRAPPER "$t" >>"$log" 2>&1 || status=1
done
if [ "$unit_only" -eq 0 ]; then
	echo "# bats tests/cli"
	TAM="${TAM:-$(pwd)/tam}" bats --tap tests/cli >>"$log" 2>&1 || status=1
fi
cat "$log"
passed=$(grep -c '^ok ' "$log")
skipped=$(grep -c '^ok .*# skip' "$log")
failed=$(grep -c '^not ok ' "$log")
passed=$((passed - skipped))
if [ "$failed" -gt 0 ]; then
	echo "failed tests:"
	grep '^not ok ' "$log"
fi
# A runner that died without reporting a test is a failure too.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
	echo "a test program failed without reporting a test"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
