# The README's two commands: `make run` (build, then check the bundled examples) and
# `make test` (the whole test suite). Both install missing system packages first.
SWIFT_BUILD_FLAGS ?=
BIN := .build/debug/patchgate

.PHONY: run build test test-swift test-truth bench release proto

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

bench: release
	scripts/bench.sh

proto:
	scripts/gen-pgquery-proto.sh
