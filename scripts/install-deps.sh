#!/usr/bin/env bash
# Installs what building and testing patchgate needs on Debian 12, only what is missing.
# Used by `make run`, `make test` and .ci/run, so a fresh machine needs nothing by hand.
set -euo pipefail
need=()
[[ -f /usr/include/pg_query.h ]] || need+=(libpg-query-dev)
[[ -f /usr/include/protobuf-c/protobuf-c.h ]] || need+=(libprotobuf-c-dev)
if [[ "${1:-}" == "--test" ]]; then
  [[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql)
  command -v gdb >/dev/null || need+=(gdb)
  command -v chromium >/dev/null || need+=(chromium fonts-dejavu-core)
  command -v python3 >/dev/null || need+=(python3 python3-pip)
fi
if ((${#need[@]})); then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [[ "${1:-}" == "--test" ]]; then
  for requirements in Tests/Truth/requirements.txt Tests/Reports/requirements.txt Tests/Reports/requirements-review.txt; do
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -r "$requirements"
  done
fi
