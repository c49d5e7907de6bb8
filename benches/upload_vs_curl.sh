#!/usr/bin/env bash
# Upload benchmark (DESIGN.md §5): N generated minutes files (default 2000) PUT to a loopback server,
# `branchday upload --jobs 4` against a curl-per-file loop, timed by hyperfine in the same run.
#
# The curl loop gets its best case: the ids and Content-Digest values are computed once, before
# timing, so the timed loop is one curl process per file and nothing else. branchday reads, fully
# validates (syntax, schema, digest, rules) and ledgers every file inside its timing. Each
# branchday run starts with an empty ledger so it really sends every file. After the warm-up both
# sides send files the server already holds (answered 204), so every timed run does the same work.
#
# Needs: hyperfine, curl, jq, openssl. Usage: benches/upload_vs_curl.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
RUNS=${2:-5}
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# dev-corpus is only in a build with the `dev` feature.
cargo build --release --quiet --features dev --bin branchday --example loopback_server
target=${CARGO_TARGET_DIR:-$PWD/target}
bin=$target/release/branchday
"$bin" dev-corpus --out "$work/corpus" --count "$N" --seed 11 >/dev/null
for f in "$work"/corpus/*.json; do
    printf '%s %s %s\n' "$(jq -r .id "$f")" "$(openssl dgst -sha256 -binary "$f" | base64 -w0)" "$f"
done >"$work/manifest"

"$target"/release/examples/loopback_server --seconds 1800 >"$work/url" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -n1 "$work/url")

cat >"$work/curl_loop.sh" <<LOOP
while read -r id digest path; do
  curl -sS --fail -o /dev/null -X PUT --data-binary "@\$path" \
    -H 'Content-Type: application/json' -H "Content-Digest: sha-256=:\$digest:" -H 'Expect:' \
    "$url/minutes/\$id"
done <"$work/manifest"
LOOP

hyperfine --runs "$RUNS" --warmup 1 --export-json "$work/result.json" \
    --prepare "rm -rf $work/data" \
    -n "branchday upload --jobs 4" "$bin --data-dir $work/data upload $work/corpus --to $url --jobs 4" \
    -n "curl per file" "bash $work/curl_loop.sh"

jq -r '.results | (map({(.command): .median}) | add) as $m
  | "median branchday: \($m["branchday upload --jobs 4"] * 1000 | round) ms",
    "median curl loop: \($m["curl per file"] * 1000 | round) ms",
    "ratio: \(($m["curl per file"] / $m["branchday upload --jobs 4"]) * 10 | round / 10)x"' \
    "$work/result.json"
