#!/usr/bin/env bash
# Regenerates Sources/PgQueryProto/pg_query.pb.swift from the pg_query.proto that
# Debian's libpg-query-dev installs. Building protoc-gen-swift takes minutes, so the output is
# committed and CI only checks that it is not stale (ProtoFreshnessTests).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
proto=/usr/include/pg_query/pg_query.proto
work="${WORK:-/tmp/patchgate-protogen}"
command -v protoc >/dev/null || { apt-get update -qq && apt-get install -y -qq protobuf-compiler; }
[[ -f $proto ]] || { apt-get update -qq && apt-get install -y -qq libpg-query-dev; }
version=$(grep -oE 'swift-protobuf.git", exact: "[0-9.]+' "$top/Package.swift" | grep -oE '[0-9.]+$')
if [[ ! -x $work/sp/.build/release/protoc-gen-swift ]]; then
  rm -rf "$work/sp"; mkdir -p "$work"
  git clone -q https://github.com/apple/swift-protobuf.git "$work/sp"
  git -C "$work/sp" checkout -q "$version"
  swift build -c release --package-path "$work/sp" --product protoc-gen-swift
fi
out="$top/Sources/PgQueryProto"
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$work/sp/.build/release/protoc-gen-swift" \
  --swift_opt=Visibility=Public --swift_out="$out" -I /usr/include/pg_query "$proto"
sha=$(sha256sum "$proto" | cut -d' ' -f1)
sed -i "1i // pg_query.proto sha256: $sha" "$out/pg_query.pb.swift"
echo "wrote $out/pg_query.pb.swift from $proto ($sha)"
