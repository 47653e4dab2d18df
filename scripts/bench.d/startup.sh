#!/usr/bin/env bash
# Start-up cost: CPU time (user + system) per process of `staffplan erlang` and
# `staffplan validate` on a small plan, averaged over 100 runs with getrusage on
# the children. Target: at most 2 ms each (the solver libraries must not load).
# Usage: scripts/bench.d/startup.sh [BINARY]   (default build/staffplan)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-build/staffplan}
python3 - "$binary" <<'PY'
import os, resource, subprocess, sys
binary = sys.argv[1]
runs = 100
cases = {
    "erlang": [binary, "erlang", "--calls", "100", "--aht", "3m", "--sl", "80%", "--within", "20s"],
    "validate": [binary, "validate", "configs/single-site.yaml"],
    "version": [binary, "--version"],
    "/bin/true": ["/bin/true"],  # the cost of any process on this machine
}
for name, argv in cases.items():
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = (after.ru_utime - before.ru_utime) / runs * 1e3
    system = (after.ru_stime - before.ru_stime) / runs * 1e3
    print(f"startup {name:9s}: {user + system:5.2f} ms CPU per run (user {user:.2f}, sys {system:.2f}; {runs} runs)")
PY
