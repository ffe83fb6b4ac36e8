# Makefile for tam.  Plain make, pkg-config, ?= knobs; no autotools.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DESTDIR	?=

CC		?= cc
PKG_CONFIG	?= pkg-config
CFLAGS		?= -O2 -g
WARNFLAGS	?= -std=c11 -Wall -Wextra -Wformat=2 -Wshadow \
		   -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings \
		   -Werror
SQLITE_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags sqlite3)
SQLITE_LIBS	?= $(shell $(PKG_CONFIG) --libs sqlite3)
CJSON_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags libcjson)
CJSON_LIBS	?= $(shell $(PKG_CONFIG) --libs libcjson)
LIBCSV_LIBS	?= -lcsv
# utf8proc: the Unicode tables of name folding (NFC, case folding).
UTF8PROC_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags libutf8proc)
UTF8PROC_LIBS	?= $(shell $(PKG_CONFIG) --libs libutf8proc)
# libpq: the PostgreSQL engine (team mode).  Without it (WITHOUT_PG=1, or
# no libpq-dev), tam builds and says so for a server's URI.
ifeq ($(WITHOUT_PG),)
PG_CFLAGS	?= $(shell $(PKG_CONFIG) --exists libpq 2>/dev/null && \
		     echo -DHAVE_LIBPQ $$($(PKG_CONFIG) --cflags libpq))
# Headers only: src/db/engine-pg.c opens libpq.so.5 when a server is named.
PG_LIBS		?= -ldl
endif
CMOCKA_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS	?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CPPFLAGS = -Iinclude -Isrc/db -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	       $(SQLITE_CFLAGS) $(CJSON_CFLAGS) $(UTF8PROC_CFLAGS) $(PG_CFLAGS) \
	       $(CPPFLAGS)
ALL_CFLAGS   = $(WARNFLAGS) $(CFLAGS)
# -pthread: a server's import sends one batch while it reads the next.
LIBS	     = $(SQLITE_LIBS) $(CJSON_LIBS) $(LIBCSV_LIBS) $(UTF8PROC_LIBS) \
	       $(PG_LIBS) -lm -pthread

B	= build
SRCS	= $(wildcard src/*.c src/cmd/*.c src/db/*.c)
OBJS	= $(SRCS:%.c=$(B)/%.o) $(B)/schema.o $(B)/schema-ref.o
LIBOBJS	= $(filter-out $(B)/src/main.o,$(OBJS))
MIGRATIONS = $(sort $(wildcard sql/[0-9][0-9][0-9][0-9]-*.sql))
PG_MIGRATIONS = $(sort $(wildcard sql/pg/[0-9][0-9][0-9][0-9]-*.sql))
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)

.PHONY: all check check-unit check-cli install uninstall clean demo deps \
	bench check-asan check-valgrind fuzz check-man

all: tam

tam: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

# The same tam built without libpq, for the test of what such a build
# says to a server's URI: only engine-pg.c differs.
$(B)/tam-nopg: $(filter-out $(B)/src/db/engine-pg.o,$(OBJS)) $(B)/engine-pg-none.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ \
	    $(filter-out $(PG_LIBS),$(LIBS))

$(B)/engine-pg-none.o: src/db/engine-pg.c $(wildcard include/tam/*.h) \
    src/db/db-internal.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -DHAVE_LIBPQ,$(ALL_CPPFLAGS)) $(ALL_CFLAGS) -c \
	    -o $@ src/db/engine-pg.c

$(B)/%.o: %.c $(wildcard include/tam/*.h) src/db/db-internal.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The migrations, embedded as C strings: one awk rule, no tools to install.
$(B)/schema.c: $(MIGRATIONS) $(PG_MIGRATIONS) tests/embed-sql.awk
	@mkdir -p $(B)
	awk -f tests/embed-sql.awk $(MIGRATIONS) > $@.tmp
	awk -v var=tam_pg_migrations -v count=tam_pg_nmigrations -f tests/embed-sql.awk \
	    $(PG_MIGRATIONS) >> $@.tmp
	mv $@.tmp $@

$(B)/schema.o: $(B)/schema.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# What sqlite_schema holds after each migration, which db_open checks a
# file against: replayed once here, not at every start.
$(B)/embed-schema: tests/embed-schema.c $(B)/schema.c src/db/db-internal.h
	$(CC) $(ALL_CPPFLAGS) $(WARNFLAGS) -o $@ tests/embed-schema.c \
	    $(B)/schema.c $(SQLITE_LIBS)

$(B)/schema-ref.c: $(B)/embed-schema
	$(B)/embed-schema > $@.tmp && mv $@.tmp $@

$(B)/schema-ref.o: $(B)/schema-ref.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libtam.a: $(LIBOBJS)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJS)

$(B)/tests/%: tests/unit/%.c $(B)/libtam.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/libtam.a $(CMOCKA_LIBS) $(LIBS)

# The whole suite: C unit tests (cmocka) and the command line (bats), the
# latter on SQLite and again on a throwaway PostgreSQL cluster where
# PostgreSQL is installed (tests/run.sh says how to choose).
check: tam $(B)/tam-nopg $(UNIT_BINS) check-man
	@sh tests/layers.sh $(B)
	@sh tests/run.sh $(UNIT_BINS)

# The man page lints clean with mandoc and with groff (which man(1) uses
# here): an mdoc macro name in running text, such as "Do", ends groff's
# page at that line without a word.  tests/cli/manpage.bats checks that
# it names every command, option and setting the binary has.
check-man:
	@mandoc -Tlint -Wwarning doc/tam.1
	@out=$$(groff -mandoc -ww -z doc/tam.1 2>&1) && [ -z "$$out" ] || \
	    { printf '%s\n' "$$out"; exit 1; }

check-unit: $(UNIT_BINS)
	@sh tests/run.sh --unit-only $(UNIT_BINS)

# One command on a fresh Debian machine: dependencies, build, sample, due.
demo: deps tam
	@sh tests/demo.sh

deps:
	@sh tests/deps.sh

install: tam
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 tam $(DESTDIR)$(BINDIR)/tam
	install -m 644 doc/tam.1 $(DESTDIR)$(MANDIR)/man1/tam.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completion/tam.bash $(DESTDIR)$(BASHCOMPDIR)/tam
	install -m 644 completion/_tam $(DESTDIR)$(ZSHCOMPDIR)/_tam

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tam $(DESTDIR)$(MANDIR)/man1/tam.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/tam $(DESTDIR)$(ZSHCOMPDIR)/_tam

clean:
	rm -rf $(B) tam

# ---------------------------------------------------------------------------
# Reliability: the whole suite under sanitizers and valgrind, and fuzzing.
# Each has its own build folder, so none of them disturbs the normal build.

# A tam linked inside a build folder (the sanitizer builds need their own).
$(B)/tam: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

# What a sub-make builds in its folder: tam and the unit tests.
.PHONY: build-tree clean-reliability
build-tree: $(B)/tam $(UNIT_BINS)

# Every sanitizer report goes to a log file and exits 99 (1 is tam's own
# "cannot be done"), so a test expecting a failure still cannot hide one;
# after the suite any log file is a failure of the target.
# The bats suite runs on both backends here too: the PostgreSQL pass is
# the only memory check of the libpq engine (TAM_TEST_PG=0 leaves it out).
# clang: gcc's combined runtime ignores UBSAN_OPTIONS=log_path.
SAN_CC	  ?= clang
SAN_B	   = build-asan
SAN_FLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=all
SAN_LOGS   = $(CURDIR)/$(SAN_B)/logs
SAN_ENV	   = ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:exitcode=99:$\
	     strict_string_checks=1:detect_stack_use_after_return=1:$\
	     check_initialization_order=1:log_path=$(SAN_LOGS)/asan \
	     UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99:$\
	     log_path=$(SAN_LOGS)/ubsan \
	     LSAN_OPTIONS=exitcode=99:log_path=$(SAN_LOGS)/lsan

check-asan:
	$(MAKE) B=$(SAN_B) CC='$(SAN_CC)' CFLAGS='$(SAN_FLAGS)' \
	    LDFLAGS='$(SAN_FLAGS)' build-tree
	rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS) && chmod 1777 $(SAN_LOGS)
	$(SAN_ENV) TAM=$(CURDIR)/$(SAN_B)/tam \
	    sh tests/run.sh $(UNIT_BINS:$(B)/%=$(SAN_B)/%)
	@sh tests/check-logs.sh $(SAN_LOGS)

# valgrind runs the normal build: every tam of the bats suite goes through
# tests/valgrind-run (TAM points at a two-line wrapper), and so does every
# unit test binary.  SQLite only unless TAM_TEST_PG=1: valgrind's run
# is long enough on one backend.
VG_DIR	= $(CURDIR)/$(B)/valgrind

check-valgrind: tam $(UNIT_BINS)
	rm -rf $(VG_DIR) && mkdir -p $(VG_DIR)/logs && chmod 1777 $(VG_DIR)/logs
	printf '#!/bin/sh\nexec %s %s "$$@"\n' $(CURDIR)/tests/valgrind-run \
	    $(CURDIR)/tam > $(VG_DIR)/tam && chmod 755 $(VG_DIR)/tam
	VALGRIND_LOGS=$(VG_DIR)/logs TAM=$(VG_DIR)/tam TAM_TEST_PG=$${TAM_TEST_PG:-0} \
	    TEST_WRAPPER=$(CURDIR)/tests/valgrind-run \
	    sh tests/run.sh $(UNIT_BINS)
	@sh tests/check-logs.sh $(VG_DIR)/logs

# Fuzzing: libFuzzer harnesses tests/fuzz/fuzz-NAME.c, built with clang
# against a sanitized libtam.a in its own folder.  Each run first replays
# the kept crash inputs (tests/fuzz/regress/NAME/), then fuzzes for
# FUZZ_TIME seconds from the seed corpus (tests/fuzz/corpus/NAME/, plus
# tests/data for the CSV reader); new crashes land in build-fuzz/crash/.
FUZZ_CC	   ?= clang
FUZZ_B	    = build-fuzz
FUZZ_TIME  ?= 20
FUZZ_FLAGS  = -O1 -g -fno-omit-frame-pointer \
	      -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_NAMES  = $(patsubst tests/fuzz/fuzz-%.c,%,$(wildcard tests/fuzz/fuzz-*.c))
# The CSV reader's harness needs the import module (include/tam/csvin.h).
FUZZ_NAMES := $(if $(wildcard include/tam/csvin.h),$(FUZZ_NAMES),\
	      $(filter-out csvin,$(FUZZ_NAMES)))

.PHONY: fuzz-build
fuzz-build: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz-%)

$(B)/fuzz/fuzz-%: tests/fuzz/fuzz-%.c $(B)/libtam.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(B)/libtam.a $(LIBS)

fuzz:
	$(MAKE) B=$(FUZZ_B) CC='$(FUZZ_CC)' \
	    CFLAGS='$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link' fuzz-build
	@set -e; for n in $(FUZZ_NAMES); do \
	    bin=$(FUZZ_B)/fuzz/fuzz-$$n; \
	    mkdir -p $(FUZZ_B)/corpus/$$n $(FUZZ_B)/crash; \
	    if ls tests/fuzz/regress/$$n/* >/dev/null 2>&1; then \
	        echo "fuzz-$$n: replaying tests/fuzz/regress/$$n"; \
	        $$bin tests/fuzz/regress/$$n/* 2>$(FUZZ_B)/replay-$$n.log || \
	            { cat $(FUZZ_B)/replay-$$n.log; exit 1; }; \
	    fi; \
	    seeds=tests/fuzz/corpus/$$n; \
	    [ $$n != csvin ] || seeds="$$seeds tests/data"; \
	    echo "fuzz-$$n: $(FUZZ_TIME) s"; \
	    $$bin -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_B)/crash/$$n- \
	        $(FUZZ_B)/corpus/$$n $$seeds 2>$(FUZZ_B)/fuzz-$$n.log || \
	        { tail -60 $(FUZZ_B)/fuzz-$$n.log; exit 1; }; \
	    grep -E '^stat::number_of_executed_units' $(FUZZ_B)/fuzz-$$n.log; \
	done

clean: clean-reliability
clean-reliability:
	rm -rf $(SAN_B) $(FUZZ_B)

# Speed against the sqlite3 shell on generated exports (SPEC §10; see
# bench/README.md).  BENCH_QUICK=1 make bench for a short try.
bench: tam
	@bash bench/run.sh
	@bash bench/pg.sh
