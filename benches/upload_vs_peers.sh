#!/usr/bin/env bash
# Upload against its peers (issue 17): N generated minutes files (default 2000) that the loopback
# server already holds, timed by hyperfine in the same run:
#   - branchday upload --jobs 4 (empty ledger before every run, so every file is read, checked,
#     sent and ledgered; the server answers 204 to each),
#   - branchday validate of the same files (the checks alone),
#   - curl --parallel --parallel-max 4 sending the same files with the same headers (ids and
#     digests computed before timing; one curl process, kept-alive connections).
# Target: upload no slower than validate + curl --parallel run one after the other.
#
# Needs: hyperfine, curl, jq, openssl. Usage: benches/upload_vs_peers.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
RUNS=${2:-10}
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --features dev --bin branchday --example loopback_server
target=${CARGO_TARGET_DIR:-$PWD/target}
bin=$target/release/branchday
"$bin" dev-corpus --out "$work/corpus" --count "$N" --seed 11 >/dev/null
"$target"/release/examples/loopback_server --seconds 1800 >"$work/url" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -n1 "$work/url")

for f in "$work"/corpus/*.json; do
    id=$(jq -r .id "$f")
    digest=$(openssl dgst -sha256 -binary "$f" | base64 -w0)
    printf 'next\nurl = "%s/minutes/%s"\nupload-file = "%s"\noutput = "/dev/null"\n' "$url" "$id" "$f"
    printf 'header = "Content-Type: application/json"\nheader = "Content-Digest: sha-256=:%s:"\nheader = "Expect:"\n' "$digest"
done | tail -n +2 >"$work/curl.cfg"

# The server holds every file before timing starts.
"$bin" --data-dir "$work/prime" upload "$work/corpus" --to "$url" --jobs 4 >/dev/null

hyperfine --runs "$RUNS" --warmup 2 --export-json "$work/result.json" \
    --prepare "rm -rf $work/data" \
    -n "upload" "$bin --data-dir $work/data upload $work/corpus --to $url --jobs 4" \
    -n "validate" "$bin validate $work/corpus" \
    -n "curl --parallel" "curl -sS --fail --parallel --parallel-max 4 -K $work/curl.cfg"

jq -r '.results | (map({(.command): .median}) | add) as $m
  | "median upload: \($m["upload"] * 1000 | round) ms",
    "median validate: \($m["validate"] * 1000 | round) ms",
    "median curl --parallel: \($m["curl --parallel"] * 1000 | round) ms",
    "validate + curl --parallel: \(($m["validate"] + $m["curl --parallel"]) * 1000 | round) ms",
    "upload / (validate + curl --parallel): \(($m["upload"] / ($m["validate"] + $m["curl --parallel"])) * 100 | round / 100)",
    "upload / curl --parallel: \(($m["upload"] / $m["curl --parallel"]) * 100 | round / 100)"' \
    "$work/result.json"
