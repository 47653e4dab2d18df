#!/usr/bin/env python3
"""Writes benchmark inputs into FOLDER: year.yaml (2026 at 15 minutes in New York,
35 040 intervals, 3 queues with inline volumes) and year-csv.yaml + year.csv (one
queue whose 35 040-row forecast comes from the CSV). Deterministic."""
import datetime as dt
import math
import pathlib
import sys
from zoneinfo import ZoneInfo

folder = pathlib.Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
zone = ZoneInfo("America/New_York")
start = dt.datetime(2026, 1, 1, tzinfo=zone).astimezone(dt.timezone.utc)
end = dt.datetime(2027, 1, 1, tzinfo=zone).astimezone(dt.timezone.utc)
count = int((end - start).total_seconds()) // 900


def calls(i, peak):
    local = (start + dt.timedelta(seconds=900 * i)).astimezone(zone)
    h = local.hour + local.minute / 60
    g = lambda mu, sd: math.exp(-0.5 * ((h - mu) / sd) ** 2)
    weekly = [1.15, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5][local.weekday()]
    seasonal = 1 + 0.2 * math.sin(2 * math.pi * local.timetuple().tm_yday / 365)
    return round(peak * weekly * seasonal * (0.04 + 0.96 * g(10, 1.4) + 0.8 * g(15, 1.6)), 1)


header = """version: 1
name: Benchmark year
timezone: America/New_York
start: 2026-01-01
days: 365
interval: 15m
shrinkage: 30%
goal: { service_level: 80%, answer_within: 20s, max_occupancy: 90% }
queues:
"""
queues = []
for name, peak, aht in [("english", 400, 300), ("spanish", 120, 360), ("billing", 60, 420)]:
    values = ", ".join(str(calls(i, peak)) for i in range(count))
    queues.append(f"  - name: {name}\n    aht: {aht}s\n    forecast:\n      volumes: [{values}]\n")
(folder / "year.yaml").write_text(header + "".join(queues))

rows = ["start,calls,aht_s"]
for i in range(count):
    local = (start + dt.timedelta(seconds=900 * i)).astimezone(zone)
    off = int(local.utcoffset().total_seconds()) // 60
    rows.append(f"{local:%Y-%m-%dT%H:%M}{'-' if off < 0 else '+'}{abs(off) // 60:02}:{abs(off) % 60:02},"
                f"{calls(i, 400)},{290 + i % 20}")
(folder / "year.csv").write_text("\n".join(rows) + "\n")
(folder / "year-csv.yaml").write_text(header + "  - name: english\n    aht: 300s\n    forecast:\n      csv: year.csv\n")
print(count)
