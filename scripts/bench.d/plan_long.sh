#!/usr/bin/env bash
# Plans longer than a week (issue 10): solved week by week, so memory stays near
# one week's model and time grows linearly with the weeks. Two plans from the
# benchmark family repeated: f5-tight-6s (6 sites, tight seats, fixed breaks) over
# 4 weeks in 60 s, and f1-issue (3 sites, binding seats, fixed breaks, 15-minute
# intervals) over 46 weeks in 10 min (370 944 shift columns, 8 064 a week: the size
# limit counts one week's). Prints cost, bound, gap, wall time and peak memory.
# WEEKS=N changes the long one's weeks (its limit stays 600 s for 46 weeks).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() {  # instance weeks seconds
  local name=$1 weeks=$2 seconds=$3
  python3 scripts/plan_family.py write "$dir/$weeks" "$name" --weeks "$weeks"
  /usr/bin/time -f "%e %M" -o "$dir/time" "${STAFFPLAN:-build/staffplan}" plan "$dir/$weeks/$name.yaml" -q \
    --time-limit "${seconds}s" -f json -o "$dir/out.json" || true
  read -r wall kb < "$dir/time"
  python3 - "$dir/out.json" "$name x $weeks weeks" "$wall" "$kb" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
name, wall, kb = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
print(f"{name:<26} cost {s['cost']:>12.2f}  bound {s['lower_bound']:>12.2f}  gap {100 * s['gap']:6.3f} %  "
      f"{wall:6.1f} s  {kb // 1024:>6} MB  {s['status']}")
PY
}
run f5-tight-6s 4 60
weeks=${WEEKS:-46}
run f1-issue "$weeks" "$((600 * weeks / 46))"
