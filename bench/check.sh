#!/usr/bin/env bash
# Benchmark of `smq check` against a bare calamine read of the same files.
#
#   bench/check.sh [EVENTS]     (default 100000)
#
# Generates the stress workspace (EVENTS events and proportionate volumes in
# every register), then measures with hyperfine (wall time, median of 10 runs)
# and /usr/bin/time -v (peak memory). Needs hyperfine and GNU time
# (Debian packages `hyperfine` and `time`). Targets: check ≤ 1.25× the bare
# read, peak memory ≤ 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-100000}"
OUT=bench/out
mkdir -p "$OUT"
cargo build --release --quiet --bin smq --example bare_read
SMQ=target/release/smq
BARE=target/release/examples/bare_read
WS="$OUT/stress-$EVENTS"
if [ ! -d "$WS" ]; then
  "$SMQ" demo --stress "$EVENTS" "$WS" >/dev/null
fi
du -sh "$WS"
hyperfine --warmup 1 --runs 10 --export-json "$OUT/check-$EVENTS.json" \
  -n bare-read "$BARE $WS" \
  -n smq-check "$SMQ check $WS --as-of 2026-10-31 --format json > /dev/null || true"
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f MB", $2/1024}'; }
python3 - "$OUT/check-$EVENTS.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, c = r["bare-read"]["median"], r["smq-check"]["median"]
print(f"median bare read {b*1000:.0f} ms, smq check {c*1000:.0f} ms, ratio {c/b:.2f}x (target <= 1.25x)")
PY
echo "peak memory: bare read $(peak "$BARE" "$WS"), smq check $(peak "$SMQ" check "$WS" --as-of 2026-10-31 --format json)"
