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

# The binary to install: the Swift runtime and Foundation linked in, so that each run loads no
# Swift shared library (a run starts in 5 ms instead of 8; 15% off the Launchpad patches), and
# not position-independent, so that the loader has no 95,000 relocations to apply to it at
# every start (--version 8.4 → 4.7 ms).
release:
	@scripts/install-deps.sh
	swift build -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie

bench: release
	scripts/bench.sh

proto:
	scripts/gen-pgquery-proto.sh
