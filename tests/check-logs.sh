#!/bin/sh
# check-logs.sh DIR: after a sanitizer or valgrind run, prints every
# non-empty report in DIR and fails if there is one.
dir=$1
found=0
for f in "$dir"/*; do
	[ -s "$f" ] || continue
	echo "=== $f"
	cat "$f"
	found=1
done
if [ "$found" -ne 0 ]; then
	echo "memory checker reports above: fix them"
	exit 1
fi
echo "no memory checker reports in $dir"
