#!/usr/bin/env bash
# Fuzzes load+validate with libFuzzer for the given number of seconds (default 60).
# Seeds: the shipped manifests and the test fixtures. New inputs go to fuzz-corpus/,
# crashes to fuzz-artifacts/. Replay one with .build-fuzz/debug/sutactl-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

swift build --scratch-path .build-fuzz --product sutactl-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
find manifests profiles examples Tests -name '*.yaml' -exec cp --backup=numbered {} "$seeds/" \;
mkdir -p fuzz-corpus fuzz-artifacts

.build-fuzz/debug/sutactl-fuzz -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
  -timeout=10 -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 fuzz-corpus "$seeds"
