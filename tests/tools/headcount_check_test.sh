#!/usr/bin/env bash
# ctest headcount_check_by_hand: scripts/headcount_check.py on the week of
# tests/data/optimize/two_sites_tours.yaml, whose mixes, LP and optimum (1 200) are
# worked by hand in that file. Usage: headcount_check_test.sh EXPORT_MPS SOURCE_DIR
set -euo pipefail
export_mps=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$export_mps" "$src/tests/data/optimize/two_sites_tours.yaml" "$tmp/week.mps" > /dev/null
check() {  # BELOW, then the lines expected (spaces squeezed, HiGHS' times dropped)
  local below=$1
  shift
  local out
  out=$(/usr/bin/python3 "$src/scripts/headcount_check.py" "$tmp/week.mps" "$below" 60 | tr -s ' ' | sed -E 's/ \([0-9.]+ s\)$//')
  for line in "$@"; do
    grep -qxF -- "$line" <<< "$out" || { printf 'below %s: no line "%s" in:\n%s\n' "$below" "$line" "$out"; exit 1; }
  done
}
check 1600 \
  "$tmp/week.mps: 2 headcount classes (cost of one agent's week): 800 (site 1), 400 (site 0)" \
  "LP 560.00; headcounts of LP points cheaper than 1600: 800: 0-1, 400: 0-1" \
  "2 mixes from 560.00 to below 1600" \
  " 800.00 1 0 LP infeasible" \
  " 1200.00 1 1 a plan at 1200.00" \
  "No plan costs less than 1200.00, the cheapest mix not shown to have none"
check 1200 "No plan costs less than 1200.00: no cheaper mix has one"
echo "headcount_check: as worked by hand"
