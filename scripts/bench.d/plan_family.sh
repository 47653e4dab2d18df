#!/usr/bin/env bash
# `staffplan plan` on the benchmark family of issue 10 (scripts/plan_family.py):
# one row per instance with its shift columns, the lower bound `plan` reports (the
# LP relaxation's or CBC's, never a heuristic's), the cost, the gap, the wall time,
# the peak memory and the status; the time limit is the issue's target for the
# instance's break class (none 10 s, fixed 15 s, windows and two breaks 30 s).
# `cpu` is user + system seconds: on a shared machine the wall time overstates what
# the run needs. Then the targets per class: worst and median gap.
# FAMILY=name1,name2 runs only those instances; STAFFPLAN=path runs that binary
# instead of build/staffplan.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
names=()
[[ -n ${FAMILY:-} ]] && IFS=, read -ra names <<< "$FAMILY"
python3 scripts/plan_family.py write "$dir" "${names[@]}"
python3 scripts/plan_family.py list > "$dir/list.tsv"
printf '%-18s %-6s %8s %12s %12s %8s %7s %7s %8s  %s\n' instance breaks columns bound cost gap time cpu peak_MB status
while IFS=$'\t' read -r name breaks columns limit; do
  [[ -f $dir/$name.yaml ]] || continue
  status=0
  /usr/bin/time -f "%e %M %U %S" -o "$dir/time" "${STAFFPLAN:-build/staffplan}" plan "$dir/$name.yaml" -q \
    --time-limit "$limit" -f json -o "$dir/$name.json" 2> "$dir/err" || status=$?
  read -r wall kb user sys < <(tail -1 "$dir/time")
  cpu=$(python3 -c "print(f'{$user + $sys:.1f}s')")
  if [[ $status -ne 0 ]]; then
    printf '%-18s %-6s %8s %12s %12s %8s %6.1fs %7s %8d  exit %d: %s\n' "$name" "$breaks" "$columns" - - - \
      "$wall" "$cpu" $((kb / 1024)) "$status" "$(head -c 120 "$dir/err")"
    continue
  fi
  python3 - "$dir/$name.json" "$name" "$breaks" "$columns" "$wall" "$kb" "$cpu" >> "$dir/rows" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
name, breaks, columns, wall, kb, cpu = sys.argv[2:]
print(f"{name:<18} {breaks:<6} {columns:>8} {s['lower_bound']:>12.2f} {s['cost']:>12.2f} "
      f"{100 * s['gap']:>7.3f}% {float(wall):>6.1f}s {cpu:>7} {int(kb) // 1024:>8}  {s['status']}")
PY
  tail -1 "$dir/rows"
done < "$dir/list.tsv"
[[ -f $dir/rows ]] || exit 0
python3 - "$dir/rows" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    f = line.split()
    cls = {"none": "no breaks", "fixed": "fixed breaks"}.get(f[1], "break windows")
    by.setdefault(cls, []).append((float(f[5].rstrip("%")), float(f[6].rstrip("s"))))
for cls, rows in by.items():
    gaps = [g for g, _ in rows]
    print(f"{cls}: {len(rows)} instances, worst gap {max(gaps):.3f}%, median {statistics.median(gaps):.3f}%, "
          f"slowest {max(t for _, t in rows):.1f}s")
PY
