#!/usr/bin/env bash
# Outsourcers (issue 13): the follow-the-sun week with an offshore BPO.
#   share mode, 5 shares (configs/make-or-buy.yaml at $0.40/min, where sending
#   everything out wins, and at $0.55/min via --set, where English stays in-house
#   and Spanish goes out): target proven optimal or <= 0.3 % gap in <= 30 s;
#   intervals mode (configs/make-or-buy-intervals.yaml): target <= 0.5 % in <= 60 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
run() {  # limit target config [args...] -> one line with the measured numbers
  local limit=$1 target=$2 config=$3
  shift 3
  build/staffplan plan "$config" --time-limit "$limit" -q -f json "$@" | python3 -c '
import json, sys
limit, target, name = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
s = json.load(sys.stdin)["summary"]
ok = (s["status"] == "optimal" or s["gap"] <= target) and s["solve_seconds"] <= limit
shares = ", ".join(f"{o[\"queue\"]} {\"-\" if o[\"share\"] is None else f\"{100*o[\"share\"]:g}%\"}" for o in s["outsourcers"])
print(f"{name}: cost {s[\"cost\"]:.2f} (in-house {s[\"inhouse_cost\"]:.2f}, outsourced {s[\"outsourced_cost\"]:.2f}), "
      f"bound {s[\"lower_bound\"]:.2f}, gap {100*s[\"gap\"]:.2f} %, {s[\"status\"]} in {s[\"solve_seconds\"]} s "
      f"[{shares}] target <= {100*target:g} % in {limit:g} s: {\"met\" if ok else \"MISSED\"}")' \
    "${limit%s}" "$target" "$config $*"
}
run 30s 0.003 configs/make-or-buy.yaml
run 30s 0.003 configs/make-or-buy.yaml --set outsourcers.bpo-offshore.price_per_minute=0.55
run 60s 0.005 configs/make-or-buy-intervals.yaml
