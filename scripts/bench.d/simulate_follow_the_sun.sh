#!/usr/bin/env bash
# End-to-end speed of `staffplan simulate` on a week of configs/follow-the-sun.yaml
# (2 queues x 336 half-hour intervals, about 14 700 calls per replication) with
# 100 replications on 2 threads. Target (issue 5): <= 30 s. The plan is solved
# once with `plan -f json` and passed with --plan, so the figure is the simulation
# alone; the run without --plan (solve + simulate) is shown too. On a shared
# machine compare the CPU time (user + sys): elapsed includes waiting.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan=configs/follow-the-sun.yaml

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
build/staffplan plan "$plan" -q -f json -o "$work/plan.json"
measure "simulate follow-the-sun week x 100 replications, 2 threads (--plan)" \
  build/staffplan simulate "$plan" --plan "$work/plan.json" --replications 100 --threads 2 -q -f json -o "$work/sim.json"
measure "simulate follow-the-sun week x 100 replications, 1 thread (--plan)" \
  build/staffplan simulate "$plan" --plan "$work/plan.json" --replications 100 --threads 1 -q -f json -o "$work/sim1.json"
cmp -s "$work/sim.json" "$work/sim1.json" && echo "  1 and 2 threads: byte-identical output" || echo "  1 and 2 threads: OUTPUTS DIFFER"
measure "simulate follow-the-sun week x 100 replications, 2 threads (solve + simulate)" \
  build/staffplan simulate "$plan" --replications 100 --threads 2 -q -f csv --view summary
