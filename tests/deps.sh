#!/bin/sh
# deps.sh: installs the Debian packages of tests/debian-packages.txt that
# are missing (build, tests, benchmarks).  Used by `make demo`; safe to run
# again; asks for sudo only when not root and something is missing.
set -e
cd "$(dirname "$0")/.."
missing=""
for p in $(cat tests/debian-packages.txt); do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "tam: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >/dev/null
