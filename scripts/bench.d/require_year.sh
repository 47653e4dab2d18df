#!/usr/bin/env bash
# End-to-end speed and memory of `staffplan require` on a year at 15 minutes
# (35 040 intervals x 3 queues = 105 120 staffing searches, CSV output), and of
# loading a 35 040-row CSV forecast. Targets: require <= 1 s and <= 100 MB peak;
# CSV load <= 0.3 s. Uses /usr/bin/time when present, else bash's time. On a
# shared machine compare the CPU time (user + sys): elapsed includes waiting.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make_year_plan.py "$work" >/dev/null

measure() {  # label, command...
  local label=$1; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "$label: %e s elapsed (%U s user + %S s sys CPU), %M KiB peak RSS" "$@" 2>&1 >/dev/null
  else
    local start end
    start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
    echo "$label: $(echo "$end - $start" | bc) s elapsed"
  fi
}
measure "require year 15m x 3 queues -> csv" build/staffplan require "$work/year.yaml" -f csv -o "$work/out.csv"
echo "  rows written: $(($(wc -l <"$work/out.csv") - 1))"
measure "validate 35040-row csv forecast" build/staffplan validate "$work/year-csv.yaml"
