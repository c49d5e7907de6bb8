#!/usr/bin/env bash
# Stats benchmark (DESIGN.md §5): `branchday stats` over N generated minutes files (default 20 000)
# against the equivalent jq pipeline (benches/stats.jq), timed by hyperfine in the same run.
#
# Before timing, the script checks that both produce the same months, branches, members and
# absence runs. jq cannot recompute the RFC 8785 digest or check the rules, so it trusts every file;
# branchday validates each one inside its timing.
#
# Needs: hyperfine, jq. Usage: benches/stats_vs_jq.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
RUNS=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# dev-corpus is only in a build with the `dev` feature.
cargo build --release --quiet --features dev --bin branchday
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/branchday
jqprog=$PWD/benches/stats.jq
"$bin" dev-corpus --out "$work/corpus" --count "$N" --seed 7 >/dev/null

"$bin" stats "$work/corpus" --json >"$work/branchday.json"
find "$work/corpus" -name '*.json' -print0 | xargs -0 cat | jq -n -f "$jqprog" >"$work/jq.json"
same='{months, branches, members, absences, outcomes: .items.by_outcome}'
if ! diff <(jq -S "$same" "$work/branchday.json") <(jq -S "$same" "$work/jq.json") >/dev/null; then
    echo "branchday and jq disagree; not timing" >&2
    exit 1
fi
echo "outputs agree: $(jq '.files.meetings_counted' "$work/branchday.json") meetings, $(jq '.members | length' "$work/branchday.json") members, $(jq '.absences | length' "$work/branchday.json") absence runs"

hyperfine --runs "$RUNS" --warmup 1 --export-json "$work/result.json" \
    -n "branchday stats" "$bin stats $work/corpus --json >/dev/null" \
    -n "jq pipeline" "find $work/corpus -name '*.json' -print0 | xargs -0 cat | jq -n -f $jqprog >/dev/null"

jq -r '.results | (map({(.command): .median}) | add) as $m
  | "median branchday: \($m["branchday stats"] * 1000 | round) ms",
    "median jq: \($m["jq pipeline"] * 1000 | round) ms",
    "ratio: \(($m["jq pipeline"] / $m["branchday stats"]) * 10 | round / 10)x"' \
    "$work/result.json"
