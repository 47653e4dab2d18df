#!/usr/bin/env bash
# Plans longer than a week (issue 10): solved week by week, so memory stays near
# one week's model and time grows linearly with the weeks. Two plans from the
# benchmark family repeated: f5-tight-6s (6 sites, tight seats, fixed breaks) over
# 4 weeks, and f2-one-site (1 site, 15-minute starts, fixed breaks) over 46 weeks,
# each with 15 s of --time-limit per week. Prints cost, bound, gap, wall time and
# peak memory. WEEKS46=N shortens the long one (e.g. for a quick check).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() {  # instance weeks
  local name=$1 weeks=$2
  python3 scripts/plan_family.py write "$dir/$weeks" "$name" --weeks "$weeks"
  /usr/bin/time -f "%e %M" -o "$dir/time" "${STAFFPLAN:-build/staffplan}" plan "$dir/$weeks/$name.yaml" -q \
    --time-limit "$((15 * weeks))s" -f json -o "$dir/out.json" || true
  read -r wall kb < "$dir/time"
  python3 - "$dir/out.json" "$name x $weeks weeks" "$wall" "$kb" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
name, wall, kb = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
print(f"{name:<26} cost {s['cost']:>12.2f}  bound {s['lower_bound']:>12.2f}  gap {100 * s['gap']:6.3f} %  "
      f"{wall:6.1f} s  {kb // 1024:>6} MB  {s['status']}")
PY
}
run f5-tight-6s 4
run f2-one-site "${WEEKS46:-46}"
