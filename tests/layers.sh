#!/bin/sh
# layers.sh: checks that calls go down only (STYLE.md "The shape of the
# tree"): commands -> services -> db -> pure modules.  Run by `make check`
# after the build; exits 1 naming every file that reaches up or sideways.
#
#   sh tests/layers.sh [BUILD_DIR]	(default build)
#
# A file's layer comes from its folder: src/cmd/, src/cmd.c and src/main.c
# (and the headers tam/cmd.h, tam/cmd-table.h) are the command layer,
# src/db/ the database layer; a file of src/ is a pure module when its
# name is in PURE below, else a service.  Adding a
# pure module (no SQL, no database, no command, no I/O beyond the FILE it
# is handed) means adding its name to PURE; a service needs nothing here.
#
# Two checks:
#  1. the #include lines: sqlite3.h only in src/db/engine-sqlite.c and
#     libpq-fe.h only in src/db/engine-pg.c; tam/cmd.h and
#     tam/cmd-table.h only in the command layer; no service or db
#     file names struct tam_ctx (it takes what it uses); no command header in services or db; no service
#     header in db; a pure module (and its header) includes only the
#     headers of pure modules.
#  2. the objects (nm): nothing below the command layer uses a symbol of
#     the command layer, and no two modules below it use each other in a
#     circle (src/db/ counts as one module: its files may share helpers);
#     no pure module uses a service or db symbol, and the account record's
#     unit test (tests/unit/test-account.c) links with the pure objects
#     alone, without SQLite.

PURE="account clock csvin csvin-cell date ics money msg num out risk sfid spark
text xmalloc"

B=${1:-build}
cd "$(dirname "$0")/.." || exit 1
fail=0

bad() {
	echo "layers: $*"
	fail=1
}

is_pure() {
	for p in $PURE; do
		[ "$1" = "$p" ] && return 0
	done
	return 1
}

# The layer of a source or header file: cmd, db, service or pure.
layer_of() {
	case $1 in
	src/cmd/*|src/cmd.c|src/main.c|include/tam/cmd.h|include/tam/cmd-*.h)
		echo cmd ;;
	src/db/*|include/tam/db.h|include/tam/db-*.h)
		echo db ;;
	src/*.c|include/tam/*.h)
		n=$(basename "$1"); n=${n%.[ch]}
		if [ "$n" = tam ] || is_pure "$n"; then
			echo pure
		else
			echo service
		fi ;;
	*)
		echo other ;;
	esac
}

# The project headers (tam/X.h) a file includes, one a line, as paths.
includes_of() {
	sed -n 's|^#[ 	]*include[ 	]*"\(tam/[^"]*\)".*|include/\1|p' "$1"
}

for f in src/*.c src/cmd/*.c src/db/*.c src/db/*.h include/tam/*.h; do
	[ -f "$f" ] || continue
	l=$(layer_of "$f")
	if grep -q '^#[ 	]*include[ 	]*<sqlite3\.h>' "$f" &&
	    [ "$f" != src/db/engine-sqlite.c ]; then
		bad "$f includes sqlite3.h: only src/db/engine-sqlite.c talks to SQLite"
	fi
	if grep -q '^#[ 	]*include[ 	]*<libpq-fe\.h>' "$f" &&
	    [ "$f" != src/db/engine-pg.c ]; then
		bad "$f includes libpq-fe.h: only src/db/engine-pg.c talks to PostgreSQL"
	fi
	case $l in
	service|db)
		if grep -q 'struct tam_ctx' "$f"; then
			bad "$f ($l) takes the command context: a service" \
			    "takes what it uses (the database, the settings," \
			    "today, the user)"
		fi ;;
	esac
	for h in $(includes_of "$f"); do
		hl=$(layer_of "$h")
		case $l/$hl in
		cmd/*|service/service|service/db|service/pure|db/db|db/pure|\
		pure/pure)
			;;
		*)
			bad "$f ($l) includes ${h#include/} ($hl): calls go" \
			    "down only, commands -> services -> db -> pure" ;;
		esac
	done
done

# Objects: who uses whom, by symbol.  Module name: the object's name,
# db for every object of src/db/, cmd for the command layer.
if ! ls "$B"/src/*.o >/dev/null 2>&1; then
	bad "no objects in $B/src: build first (make)"
	exit 1
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for o in "$B"/src/*.o "$B"/src/cmd/*.o "$B"/src/db/*.o; do
	# An object whose source is gone (a renamed module) is not the tree.
	src=${o#"$B"/}
	[ -f "$o" ] && [ -f "${src%.o}.c" ] || continue
	case $o in
	"$B"/src/cmd/*|"$B"/src/cmd.o|"$B"/src/main.o) m=cmd ;;
	"$B"/src/db/*) m=db ;;
	*) m=$(basename "$o" .o) ;;
	esac
	nm -g --defined-only "$o" | awk -v m="$m" 'NF == 3 { print $3, m }' \
	    >>"$tmp/defs"
	nm -u "$o" | awk -v m="$m" '{ print $NF, m }' >>"$tmp/uses"
done
sort -u "$tmp/defs" >"$tmp/d"
sort -u "$tmp/uses" >"$tmp/u"
# "user used" for each symbol a module takes from another.
join "$tmp/u" "$tmp/d" | awk '$2 != $3 { print $2, $3 }' | sort -u \
    >"$tmp/edges"
awk '$1 != "cmd" && $2 == "cmd" { print $1 }' "$tmp/edges" | sort -u |
while read -r m; do
	echo "layers: $m uses the command layer: $(join "$tmp/u" "$tmp/d" |
	    awk -v m="$m" '$2 == m && $3 == "cmd" { printf "%s ", $1 }')"
done >"$tmp/up"
if [ -s "$tmp/up" ]; then
	cat "$tmp/up"
	fail=1
fi
awk '$1 != "cmd" && $2 != "cmd"' "$tmp/edges" >"$tmp/below"
if ! tsort "$tmp/below" >/dev/null 2>"$tmp/loop"; then
	bad "modules below the command layer call each other in a circle:"
	sed -n 's/^tsort: //p' "$tmp/loop" | grep -v 'input contains a loop' |
	    sed 's/^/layers:   /'
fi
# Pure modules use pure modules only (and libc and their libraries).
for m in $PURE; do
	awk -v m="$m" '$1 == m { print $2 }' "$tmp/edges" |
	while read -r used; do
		is_pure "$used" || echo "layers: pure module $m uses $used"
	done
done >"$tmp/pure"
if [ -s "$tmp/pure" ]; then
	cat "$tmp/pure"
	fail=1
fi
objs=
for m in $PURE; do
	[ -f "$B/src/$m.o" ] && [ -f "src/$m.c" ] && objs="$objs $B/src/$m.o"
done
if ! ${CC:-cc} -Iinclude -o "$tmp/test-account" tests/unit/test-account.c \
    $objs $(pkg-config --cflags --libs cmocka 2>/dev/null || echo -lcmocka) \
    $(pkg-config --libs libutf8proc libcjson 2>/dev/null) -lcsv -lm \
    >"$tmp/link" 2>&1; then
	bad "the account record does not link without the store:"
	sed 's/^/layers:   /' "$tmp/link"
fi
[ "$fail" -eq 0 ] && echo "layers: ok ($(wc -l <"$tmp/below") module" \
    "dependencies below the command layer, no circle)"
exit "$fail"
