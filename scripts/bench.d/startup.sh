#!/usr/bin/env bash
# Start-up cost: CPU time (user + system) per process of `staffplan erlang` and
# `staffplan validate` on a small plan, averaged over 100 runs with getrusage on
# the children. Target: at most 2 ms each (the solver libraries must not load).
# Beside them, the floor any program on this stack pays, from tiny programs built
# here with the same compiler: an empty main (libc only); a main that uses
# std::string (the shared libstdc++); a main linked to libfmt and libdate-tz
# (Debian ships both as shared libraries only, and they bring libstdc++ with
# them); and that one looking up one time zone, which makes libdate-tz list the
# whole system zone database, as every command reading a plan must.
# Usage: scripts/bench.d/startup.sh [BINARY]   (default build/staffplan)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-build/staffplan}
floor=$(mktemp -d)
trap 'rm -rf "$floor"' EXIT
cat > "$floor/floor.cpp" <<'CPP'
#include <cstring>
#include <date/tz.h>
#include <fmt/core.h>
int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "zone") == 0) return date::locate_zone("America/New_York") ? 0 : 1;
  if (argc > 1) fmt::print("");
  return 0;
}
CPP
echo 'int main() { return 0; }' > "$floor/empty.cpp"
printf '%s\n' '#include <string>' 'int main(int argc, char** argv) { return std::string(argv[0]).size() == 1; }' > "$floor/cxx.cpp"
g++ -O2 -std=c++20 "$floor/empty.cpp" -o "$floor/empty"
g++ -O2 -std=c++20 "$floor/cxx.cpp" -o "$floor/cxx"
g++ -O2 -std=c++20 "$floor/floor.cpp" -o "$floor/floor" -ldate-tz -lfmt
python3 - "$binary" "$floor" <<'PY'
import resource, subprocess, sys
binary, floor = sys.argv[1], sys.argv[2]
runs = 100
cases = {
    "erlang": [binary, "erlang", "--calls", "100", "--aht", "3m", "--sl", "80%", "--within", "20s"],
    "validate": [binary, "validate", "configs/single-site.yaml"],
    "version": [binary, "--version"],
    "/bin/true": ["/bin/true"],  # the cost of any process on this machine
    "floor: empty main": [f"{floor}/empty"],
    "floor: + libstdc++": [f"{floor}/cxx"],
    "floor: + libfmt, libdate-tz": [f"{floor}/floor", "fmt"],
    "floor: + one zone lookup": [f"{floor}/floor", "zone"],
}
for name, argv in cases.items():
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = (after.ru_utime - before.ru_utime) / runs * 1e3
    system = (after.ru_stime - before.ru_stime) / runs * 1e3
    print(f"startup {name:28s}: {user + system:5.2f} ms CPU per run (user {user:.2f}, sys {system:.2f}; {runs} runs)")
PY
