#!/usr/bin/env bash
# End-to-end cost of --chart on a year at 15 minutes (35 040 intervals x 3 queues):
# `staffplan require` with and without --chart (the difference is the chart), the
# SVG's size, and how long a real renderer (rsvg-convert, if installed) takes to
# turn it into a PNG. Target (issue 15): a year renders within a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make_year_plan.py "$work" >/dev/null

measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label: %e s elapsed (%U s user + %S s sys CPU), %M KiB peak RSS" "$@" 2>&1 >/dev/null
}
measure "require year -> csv           " build/staffplan require "$work/year.yaml" -f csv -o "$work/out.csv"
measure "require year -> csv + --chart " build/staffplan require "$work/year.yaml" -f csv -o "$work/out.csv" \
  --chart "$work/year.svg"
echo "  chart: $(stat -c %s "$work/year.svg") bytes"
if command -v rsvg-convert >/dev/null; then
  measure "rsvg-convert year.svg -> png  " rsvg-convert -o "$work/year.png" "$work/year.svg"
  echo "  png: $(stat -c %s "$work/year.png") bytes"
fi
