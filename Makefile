# The README's two commands: `make run` (build, then check the bundled examples) and
# `make test` (the whole test suite). Both install missing system packages first.
SWIFT_BUILD_FLAGS ?=
BIN := .build/debug/patchgate
# `make install` copies the static release binary to $(PREFIX)/bin (DESTDIR for packaging).
PREFIX ?= /usr/local
RELEASE_BIN ?= .build/release/patchgate

.PHONY: run build test test-swift test-truth bench release proto install

run: build
	@$(BIN) check --stats fixtures/stats.json fixtures/examples; code=$$?; echo "patchgate exit code: $$code (0 all good, 1 a file rejected or invalid, 2 usage or I/O)"; [ $$code -le 1 ]

build:
	@scripts/install-deps.sh
	swift build $(SWIFT_BUILD_FLAGS)

test:
	@scripts/install-deps.sh --test
	swift build $(SWIFT_BUILD_FLAGS)
	swift test $(SWIFT_BUILD_FLAGS)
	PATCHGATE_BIN=$(BIN) python3 -m pytest -q Tests/Truth

# The binary to install: one static executable, libpg_query, the Swift runtime, Foundation and
# the C libraries linked in. At each start there is no shared library to load, no symbol to
# look up and, as it is not position-independent, none of the 95,000 relocations a PIE binary
# has applied to it (one small patch: 15.4 → 6.3 ms; `--version` 8.4 → 3.5 ms). The linker
# warns that glibc's user and host lookups would need its shared libraries at run time:
# patchgate makes none.
release:
	@scripts/install-deps.sh
	swift build -c release -Xswiftc -static-executable

# Built only when missing or older than the sources, so that `sudo make install` after
# `make release` copies the binary without running the Swift toolchain as root.
$(RELEASE_BIN): Package.swift $(shell find Sources -name '*.swift')
	$(MAKE) release

install: $(RELEASE_BIN)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$(RELEASE_BIN)" "$(DESTDIR)$(PREFIX)/bin/patchgate"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/patchgate"

bench: release
	scripts/bench.sh

proto:
	scripts/gen-pgquery-proto.sh
