#!/bin/sh
# pg-cluster.sh start DIR | stop DIR: a throwaway PostgreSQL cluster for
# the command-line tests on PostgreSQL.
#
# start: initdb into DIR/data (DIR must not exist or be empty), a server
# with its Unix socket in DIR and a free loopback TCP port, durability off
# (nothing in it has to survive a crash), trust on the socket and
# scram-sha-256 over TCP, so that a test can try a wrong password.  The
# superuser is postgres; the role tam_pw, a superuser too (the tests of a
# password are about the password, not about rights), has the password
# s3cret-pw.
# Writes the environment the tests need to DIR/env (sh syntax) and prints
# it:  PGHOST=DIR PGPORT=N PGUSER=postgres TAM_TEST_PG_PORT=N
# TAM_TEST_PG_PASSWORD=s3cret-pw.
#
# stop: stops the server if one runs and removes DIR; it works after a
# start that failed half-way, and on a DIR that was never started.
#
# As root the server programs run as the postgres user (initdb refuses
# root), so DIR must be reachable by that user: a folder of /tmp is.
# The server programs are found on PATH, else in the newest
# /usr/lib/postgresql/*/bin; PG_BINDIR overrides both.
set -eu

usage() {
	echo "usage: pg-cluster.sh start|stop DIR" >&2
	exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
dir=$2
case $dir in
/*) ;;
*) dir=$(pwd)/$dir ;;
esac

bindir() {
	if [ -n "${PG_BINDIR:-}" ]; then
		echo "$PG_BINDIR"
	elif command -v initdb >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v initdb)")"
	else
		ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
	fi
}

BIN=$(bindir)
need_bin() {
	if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
		echo "pg-cluster.sh: no initdb (install postgresql)" >&2
		exit 1
	fi
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "pg-cluster.sh: running as root, but there is no postgres user to run the server" >&2
		exit 1
	fi
}

# The server's programs run as postgres when we are root.
if [ "$(id -u)" -eq 0 ]; then
	owner=postgres
	as_owner() { runuser -u "$owner" -- "$@"; }
else
	owner=
	as_owner() { "$@"; }
fi

stop() {
	# Never remove a folder that is not one of ours (or empty).
	if [ -e "$dir" ] && [ ! -e "$dir/.tam-pg-cluster" ] &&
	    [ -n "$(ls -A "$dir")" ]; then
		echo "pg-cluster.sh: $dir is not a cluster of pg-cluster.sh; left alone" >&2
		exit 1
	fi
	if [ -f "$dir/data/postmaster.pid" ]; then
		[ -n "$BIN" ] && as_owner "$BIN/pg_ctl" -D "$dir/data" \
		    -m immediate -w -t 20 stop >/dev/null 2>&1 || {
			# pg_ctl could not: kill the postmaster it names.
			pid=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)
			[ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
		}
	fi
	rm -rf "$dir"
}

# A port nobody listens on now; the server's bind decides in the end.
pick_port() {
	echo $((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
}

start() {
	need_bin
	if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
		echo "pg-cluster.sh: $dir is not empty" >&2
		exit 1
	fi
	mkdir -p "$dir"
	: > "$dir/.tam-pg-cluster"
	chmod 0755 "$dir"
	[ -z "$owner" ] || chown "$owner" "$dir"
	as_owner "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
	    --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		echo "pg-cluster.sh: initdb failed" >&2
		exit 1
	}
	cat >>"$dir/data/postgresql.conf" <<-EOF
		# pg-cluster.sh: a test cluster, nothing in it must survive a crash.
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		wal_level = minimal
		max_wal_senders = 0
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$dir'
		max_connections = 100
		shared_buffers = 32MB
		password_encryption = scram-sha-256
		log_min_messages = warning
		log_checkpoints = off
	EOF
	cat >"$dir/data/pg_hba.conf" <<-EOF
		local all all trust
		host all all 127.0.0.1/32 scram-sha-256
	EOF
	tries=0
	while :; do
		port=$(pick_port)
		if as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
		    -o "-p $port" -w -t 30 start >/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		# Another program on that port: try another one.
		if [ "$tries" -lt 10 ] &&
		    grep -q 'could not bind\|could not create any TCP' \
		    "$dir/server.log" 2>/dev/null; then
			: > "$dir/server.log"
			continue
		fi
		cat "$dir/server.log" >&2 2>/dev/null || true
		echo "pg-cluster.sh: the server did not start" >&2
		exit 1
	done
	"$BIN/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres \
	    -v ON_ERROR_STOP=1 \
	    -c "CREATE ROLE tam_pw LOGIN SUPERUSER PASSWORD 's3cret-pw'" >/dev/null || {
		echo "pg-cluster.sh: could not create the role tam_pw" >&2
		exit 1
	}
	cat >"$dir/env" <<-EOF
		PGHOST='$dir'
		PGPORT=$port
		PGUSER=postgres
		TAM_TEST_PG_PORT=$port
		TAM_TEST_PG_PASSWORD=s3cret-pw
		TAM_TEST_PG_BINDIR='$BIN'
		export PGHOST PGPORT PGUSER TAM_TEST_PG_PORT TAM_TEST_PG_PASSWORD
		export TAM_TEST_PG_BINDIR
	EOF
	cat "$dir/env"
}

case $cmd in
start) start ;;
stop) stop ;;
*) usage ;;
esac
