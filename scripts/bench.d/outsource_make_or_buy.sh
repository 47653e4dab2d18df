#!/usr/bin/env bash
# Outsourcers (issue 13): the follow-the-sun week with an offshore BPO.
#   share mode, 5 shares (configs/make-or-buy.yaml at $0.40/min, where sending
#   everything out wins, and at $0.55/min via --set, where English stays in-house
#   and Spanish goes out): target proven optimal or <= 0.3 % gap in <= 30 s;
#   intervals mode (configs/make-or-buy-intervals.yaml): target <= 0.5 % in <= 60 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
report='
import json, sys
limit, target, name = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
optimum = float(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] else None  # the optimum HiGHS proves
s = json.load(sys.stdin)["summary"]
ok = (s["status"] == "optimal" or s["gap"] <= target) and s["solve_seconds"] <= limit
shares = ", ".join("%s %s" % (o["queue"], "-" if o["share"] is None else "%g%%" % (100 * o["share"]))
                   for o in s["outsourcers"])
print("%s: cost %.2f (in-house %.2f, outsourced %.2f), bound %.2f, gap %.2f %%, %s in %s s [%s] "
      "target <= %g %% in %g s: %s" % (name, s["cost"], s["inhouse_cost"], s["outsourced_cost"], s["lower_bound"],
                                       100 * s["gap"], s["status"], s["solve_seconds"], shares, 100 * target, limit,
                                       "met" if ok else "MISSED"))
if optimum is not None and s["lower_bound"] > optimum + 0.005:
    print("  BOUND %.2f ABOVE THE PROVEN OPTIMUM %.2f: a false proof" % (s["lower_bound"], optimum))
'
run() {  # limit target config [args...]: one line with the measured numbers
  local limit=$1 target=$2 config=$3
  shift 3
  build/staffplan plan "$config" --time-limit "$limit" -q -f json "$@" |
    python3 -c "$report" "${limit%s}" "$target" "$config $*" "${OPTIMUM:-}"
}
run 30s 0.003 configs/make-or-buy.yaml
run 30s 0.003 configs/make-or-buy.yaml --set outsourcers.bpo-offshore.price_per_minute=0.55
# HiGHS (scripts/highs_check.py on export_mps's model) proves 38 565.60 optimal here.
OPTIMUM=38565.60 run 60s 0.005 configs/make-or-buy-intervals.yaml
