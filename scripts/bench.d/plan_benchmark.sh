#!/usr/bin/env bash
# End-to-end `staffplan plan` on the issue-4 benchmark instance (YAML written by
# scripts/plan_benchmark_instance.py): wall time, peak memory, status and gap for
# each break variant, with the gap target of the issue.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for spec in none:0 fixed:0.3% window:0.5%; do
  variant=${spec%%:*}
  gap=${spec#*:}
  python3 scripts/plan_benchmark_instance.py "$variant" > "$dir/$variant.yaml"
  /usr/bin/time -f "%e s wall, %M KB peak" -o "$dir/time" \
    build/staffplan plan "$dir/$variant.yaml" -q --gap "$gap" -f json -o "$dir/$variant.json"
  summary=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print(f\"{s['status']}, cost {s['cost']}, bound {s['lower_bound']}, gap {100*s['gap']:.3f}%\")" "$dir/$variant.json")
  echo "plan $variant breaks (--gap $gap): $summary; $(cat "$dir/time")"
done
