#!/usr/bin/env bash
# Scenarios (issue 13): `staffplan compare` of 3 plans against the 3 separate
# `plan` runs, same options. Target: compare takes about the sum of the 3 plan
# times (each plan solved once; no extra minutes), and its columns equal the
# separate runs' summaries. Wall-clock times; on a shared machine run it when idle.
set -euo pipefail
cd "$(dirname "$0")/../.."
plans=(configs/single-site.yaml configs/follow-the-sun-dedicated.yaml configs/follow-the-sun.yaml)
options=(--gap 2% --time-limit 60s --threads 1 -q)
python3 - "${plans[@]}" -- "${options[@]}" <<'PY'
import json, subprocess, sys, time
args = sys.argv[1:]
cut = args.index("--")
plans, options = args[:cut], args[cut + 1:]

def run(cmd):
    start = time.monotonic()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.monotonic() - start, json.loads(out)

separate, total = [], 0.0
for plan in plans:
    seconds, doc = run(["build/staffplan", "plan", plan, *options, "-f", "json"])
    total += seconds
    separate.append(doc["summary"])
    s = doc["summary"]
    print(f"plan {plan}: {s['status']}, cost {s['cost']}, solve {s['solve_seconds']} s; {seconds:.2f} s wall")
seconds, doc = run(["build/staffplan", "compare", *plans, *options, "-f", "json"])
print(f"sum of the 3 plan runs: {total:.2f} s wall")
print(f"compare of the 3 plans: {seconds:.2f} s wall ({100 * seconds / total:.0f} % of the sum)")
same = all(c[k] == s[k] for c, s in zip(doc["plans"], separate) for k in ("status", "cost", "paid_hours", "service_level"))
print("columns equal the separate runs" if same else "COLUMNS DIFFER from the separate runs")
PY
