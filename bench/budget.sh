#!/usr/bin/env bash
# The performance budget of smq, measured side by side in one run.
#
#   bench/budget.sh [EVENTS]     (default 100000)
#
# Generates the stress workspace (EVENTS events and proportionate volumes in
# every register: `smq demo --stress`) and one with EVENTS/10, then measures
# with hyperfine (wall time, median of the runs) and GNU time (peak memory):
#   - smq check   against a bare calamine read of the same files  (≤ 1.25×)
#   - smq review  against the same bare read                       (≤ 2×)
#   - peak memory of smq check                                      (≤ 300 MB)
#   - smq check on 10× the rows against 1×                          (≤ 10.5×)
# Needs hyperfine and GNU time (Debian packages `hyperfine` and `time`).
# The machine is shared and noisy: compare the ratios, which are measured
# in the same run, rather than the absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-100000}"
SMALL=$((EVENTS / 10))
RUNS="${RUNS:-5}"
OUT=bench/out
mkdir -p "$OUT"
cargo build --release --quiet --bin smq --example bare_read
SMQ=target/release/smq
BARE=target/release/examples/bare_read
AS_OF=2026-10-31
for n in "$EVENTS" "$SMALL"; do
  if [ ! -d "$OUT/stress-$n" ]; then
    "$SMQ" demo --stress "$n" "$OUT/stress-$n" >/dev/null
  fi
done
WS="$OUT/stress-$EVENTS"
WS_SMALL="$OUT/stress-$SMALL"
echo "workspaces: $(du -sh "$WS" | cut -f1) ($EVENTS events), $(du -sh "$WS_SMALL" | cut -f1) ($SMALL events)"
JSON="$OUT/budget-$EVENTS.json"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$JSON" \
  -n bare-read "$BARE $WS" \
  -n check "$SMQ check $WS --as-of $AS_OF --format json > /dev/null || true" \
  -n review "$SMQ review $WS --as-of $AS_OF --year 2025 --quiet -o $OUT/review-$EVENTS.pdf || true" \
  -n check-small "$SMQ check $WS_SMALL --as-of $AS_OF --format json > /dev/null || true"
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
P_BARE=$(peak "$BARE" "$WS")
P_CHECK=$(peak "$SMQ" check "$WS" --as-of "$AS_OF" --format json)
P_REVIEW=$(peak "$SMQ" review "$WS" --as-of "$AS_OF" --year 2025 --quiet -o "$OUT/review-$EVENTS.pdf")
python3 - "$JSON" "$P_BARE" "$P_CHECK" "$P_REVIEW" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
bare, check, review, small = r["bare-read"], r["check"], r["review"], r["check-small"]
p_bare, p_check, p_review = (int(x) for x in sys.argv[2:5])
def line(name, value, target, unit="x"):
    ok = "ok" if value <= target else "OVER"
    print(f"{name:<34} {value:8.2f}{unit}  (target <= {target}{unit})  {ok}")
print(f"median: bare read {bare*1000:.0f} ms, check {check*1000:.0f} ms, "
      f"review {review*1000:.0f} ms, check at 1/10 {small*1000:.0f} ms")
print(f"peak memory: bare read {p_bare} MB, check {p_check} MB, review {p_review} MB")
line("check / bare read", check / bare, 1.25)
line("review / bare read", review / bare, 2.0)
line("check peak memory", p_check, 300, " MB")
line("check 10x rows / 1x", check / small, 10.5)
PY
