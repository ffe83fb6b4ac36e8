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
CMOCKA_CFLAGS	?= $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS	?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CPPFLAGS = -Iinclude -Isrc/db -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	       $(SQLITE_CFLAGS) $(CJSON_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(WARNFLAGS) $(CFLAGS)
LIBS	     = $(SQLITE_LIBS) $(CJSON_LIBS) $(LIBCSV_LIBS) -lm

B	= build
SRCS	= $(wildcard src/*.c src/cmd/*.c src/db/*.c)
OBJS	= $(SRCS:%.c=$(B)/%.o) $(B)/schema.o
LIBOBJS	= $(filter-out $(B)/src/main.o,$(OBJS))
MIGRATIONS = $(sort $(wildcard sql/[0-9][0-9][0-9][0-9]-*.sql))
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)

.PHONY: all check check-unit check-cli install uninstall clean demo deps \
	bench check-asan check-valgrind fuzz

all: tam

tam: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(B)/%.o: %.c $(wildcard include/tam/*.h) src/db/db-internal.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The migrations, embedded as C strings: one awk rule, no tools to install.
$(B)/schema.c: $(MIGRATIONS) tests/embed-sql.awk
	@mkdir -p $(B)
	awk -f tests/embed-sql.awk $(MIGRATIONS) > $@

$(B)/schema.o: $(B)/schema.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libtam.a: $(LIBOBJS)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJS)

$(B)/tests/%: tests/unit/%.c $(B)/libtam.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/libtam.a $(CMOCKA_LIBS) $(LIBS)

# The whole suite: C unit tests (cmocka) and the command line (bats).
check: tam $(UNIT_BINS)
	@sh tests/run.sh $(UNIT_BINS)

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

# Speed against the sqlite3 shell on generated exports (SPEC §10; see
# bench/README.md).  BENCH_QUICK=1 make bench for a short try.
bench: tam
	@bash bench/run.sh
