#!/usr/bin/env bash
# Weekly tours (issue 12): the follow-the-sun week with every site on 5-of-7 tours
# (configs/follow-the-sun-tours.yaml: 2 consecutive days off, same start), the same
# week with the days off anywhere, and the daily-shift plan of the same week
# (configs/follow-the-sun.yaml), each with a 60 s time limit.
# Then the benchmark-family week of issue 12: family instance f2-one-site (1 site,
# 15-minute starts, a fixed break; scripts/plan_family.py) with its site on tours
# (one contract on its 8 h shift, the family's other lengths dropped: 5 days of 7, 2 consecutive days off, same start).
# Targets: both tour weeks within 1 % of their LP bound in <= 60 s and <= 2 GB;
# the family week within 1.5 % in <= 60 s.
# Reported beside the headcount: the lower bound Σ weekly paid hours of the daily
# plan / (days_per_week × shift paid hours), every shift here being 8 paid hours.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/days_off: consecutive }/days_off: any }/' configs/follow-the-sun-tours.yaml > "$tmp/any.yaml"
python3 scripts/plan_family.py write "$tmp" f2-one-site
# Only the 8 h shift stays (a site with contracts plans only tours, and every shift
# must belong to a contract).
sed -e 's/^    shifts:$/    contracts: [{ name: full-time, shifts: [8h], days_per_week: 5, days_off: consecutive }]\n&/' \
  -e '/name: \(4h\|6h\|10h\),/d' "$tmp/f2-one-site.yaml" > "$tmp/family.yaml"
run() {  # config -> "cost bound gap status seconds headcount fte paid_hours max_rss_kb"
  /usr/bin/time -f '%M' -o "$tmp/rss" build/staffplan plan "$1" --time-limit 60s -q -f json > "$tmp/out.json"
  python3 - "$tmp/out.json" "$(cat "$tmp/rss")" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["cost"], s["lower_bound"], s["gap"], s["status"], s["solve_seconds"], s.get("headcount", "-"),
      s.get("fte", "-"), s["paid_hours"], sys.argv[2])
PY
}
read -r d_cost d_bound d_gap d_status d_s d_head d_fte d_hours d_rss < <(run configs/follow-the-sun.yaml)
echo "daily shifts:            cost $d_cost, bound $d_bound, gap $(python3 -c "print(f'{100*$d_gap:.2f}')") %, $d_status in $d_s s, paid hours $d_hours"
for name in consecutive any; do
  config=configs/follow-the-sun-tours.yaml
  [[ $name == any ]] && config=$tmp/any.yaml
  read -r cost bound gap status s head fte hours rss < <(run "$config")
  python3 -c "
gap = 100 * $gap
print(f'tours, days off $name: cost $cost, bound $bound, gap {gap:.2f} %, $status in $s s, peak RSS {$rss / 1024:.0f} MB'
      + ('' if gap <= 1.0 and $s <= 60 and $rss <= 2 * 1024 * 1024 else '  MISSED TARGET'))
print(f'  headcount $head (lower bound from the daily plan: {$d_hours / (5 * 8):.1f}), FTE $fte, '
      f'cost {100 * ($cost - $d_cost) / $d_cost:+.2f} % against the daily plan')"
done
read -r cost bound gap status s head fte hours rss < <(run "$tmp/family.yaml")
python3 -c "
gap = 100 * $gap
print(f'family week f2-one-site, tours: cost $cost, bound $bound, gap {gap:.2f} %, $status in $s s, peak RSS {$rss / 1024:.0f} MB'
      + ('' if gap <= 1.5 and $s <= 60 and $rss <= 2 * 1024 * 1024 else '  MISSED TARGET'))
print(f'  headcount $head (lower bound: paid hours / (5 × 7.5) = {$hours / (5 * 7.5):.1f}), FTE $fte')"
