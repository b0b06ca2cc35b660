#!/usr/bin/env bash
# Fuzzes load+validate with libFuzzer for the given number of seconds per job (default 60),
# in JOBS parallel jobs (default 1; `make fuzz JOBS=2` on two cores).
# Seeds: the shipped manifests, the test fixtures and the YAML examples of docs/manifests.md,
# plus one input with a scalar over the target's scalar limit. Dictionary: the keys and
# words of those seeds (sutactl-fuzz --dictionary) and YAML syntax. New inputs go to
# fuzz-corpus/, crashes to fuzz-artifacts/. Replay one with .build-fuzz/debug/sutactl-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${JOBS:-1}"

swift build --scratch-path .build-fuzz --product sutactl-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
find manifests profiles examples Tests -name '*.yaml' -exec cp --backup=numbered {} "$seeds/" \;
# Each ```yaml block of the manifest reference as a seed of its own.
awk -v dir="$seeds" '/^```yaml/ { n++; out = dir "/docs-" n ".yaml"; next } /^```/ { out = ""; next } out { print > out }' docs/manifests.md
{ printf 'apiVersion: sutactl/v1\nkind: Service\nmetadata: {name: long}\nspec:\n  image: '; head -c 2000 /dev/zero | tr '\0' a; echo; } > "$seeds/long-scalar.yaml"
mkdir -p fuzz-corpus fuzz-artifacts
dictionary=fuzz-artifacts/manifest.dict
.build-fuzz/debug/sutactl-fuzz --dictionary "$seeds"/* > "$dictionary"
echo "dictionary: $(wc -l < "$dictionary") entries in $dictionary"

root=$(pwd)
# Run from fuzz-artifacts/: with several jobs libFuzzer writes each one's log (fuzz-N.log) there.
cd fuzz-artifacts
"$root/.build-fuzz/debug/sutactl-fuzz" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
  -dict="$root/$dictionary" -jobs="$jobs" -workers="$jobs" -artifact_prefix="$root/fuzz-artifacts/" -print_final_stats=1 \
  "$root/fuzz-corpus" "$seeds"
if [ "$jobs" -gt 1 ]; then
  for log in fuzz-*.log; do echo "== $log"; grep -E '^(Done|stat::)|ERROR|DONE' "$log" || tail -5 "$log"; done
fi
