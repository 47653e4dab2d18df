#!/usr/bin/env bash
# Agent groups (issue 11): the follow-the-sun week with Mexico City's bilingual
# group (configs/follow-the-sun.yaml) against the same week with dedicated agents
# (configs/follow-the-sun-dedicated.yaml), each with a 30 s time limit.
# Targets: the bilingual week within 0.3 % of its bound in <= 30 s; the saving
# against dedicated agents is never negative.
set -euo pipefail
cd "$(dirname "$0")/../.."
summary() {  # config -> "cost bound gap status seconds"
  build/staffplan plan "$1" --time-limit 30s -q -f json | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print(s["cost"], s["lower_bound"], s["gap"], s["status"], s["solve_seconds"])'
}
read -r g_cost g_bound g_gap g_status g_s < <(summary configs/follow-the-sun.yaml)
read -r d_cost d_bound d_gap d_status d_s < <(summary configs/follow-the-sun-dedicated.yaml)
echo "bilingual group: cost $g_cost, bound $g_bound, gap $(python3 -c "print(f'{100*$g_gap:.2f}')") %, $g_status in $g_s s"
echo "dedicated:       cost $d_cost, bound $d_bound, gap $(python3 -c "print(f'{100*$d_gap:.2f}')") %, $d_status in $d_s s"
python3 -c "
saving = $d_cost - $g_cost
print(f'saving of the bilingual group: {saving:.2f} ({100 * saving / $d_cost:.2f} %)' + ('' if saving >= 0 else '  NEGATIVE'))"
