#!/usr/bin/env python3
"""Writes the example plans in configs/ (run from the repository root).

The call volumes are a deterministic intraday curve, not real data: a quiet night,
a morning peak around 10:00 and a smaller afternoon peak around 15:00 (plan clock),
scaled per weekday (Monday busiest, weekend quiet). Rerun after changing it and
commit the output."""
import math
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "configs"
WEEKDAY = [1.15, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5]  # Monday .. Sunday
DAYS = ["Mon 2026-11-23", "Tue 2026-11-24", "Wed 2026-11-25", "Thu 2026-11-26",
        "Fri 2026-11-27", "Sat 2026-11-28", "Sun 2026-11-29"]


def curve(hour):
    """Relative call rate at `hour` (0..24, plan clock); 1.0 is the morning peak."""
    g = lambda mu, sd: math.exp(-0.5 * ((hour - mu) / sd) ** 2)
    return 0.04 + 0.96 * g(10.0, 1.4) + 0.8 * g(15.0, 1.6) + 0.15 * g(19.5, 1.5)


def day_volumes(peak, weekday, interval_h=0.5):
    n = int(round(24 / interval_h))
    return [int(round(peak * WEEKDAY[weekday] * curve((k + 0.5) * interval_h))) for k in range(n)]


def flow_volumes(peak, indent):
    # A YAML flow list spread over lines: "[a, b, ...,\n c, ...]".
    pad = " " * indent
    out = [f"{pad}volumes: [  # calls per 30-minute interval from Monday 00:00, one line per day"]
    for d in range(7):
        values = ", ".join(str(v) for v in day_volumes(peak, d))
        sep = "," if d < 6 else ""
        out.append(f"{pad}  {values}{sep}  # {DAYS[d]}")
    out.append(f"{pad}]")
    return out


HEADER = """version: 1
name: {name}
timezone: America/New_York
start: 2026-11-23            # a Monday
days: 7
interval: 30m
"""


def single_site():
    text = HEADER.format(name="Acme help desk, week 48") + """model: erlang_c
shrinkage: 30%
goal:
  service_level: 80%
  answer_within: 20s
  max_occupancy: 90%

queues:
  - name: support
    aht: 280s
    open: "00:00-24:00"
    forecast:
""" + "\n".join(flow_volumes(90, 6)) + """

sites:
  - name: boston
    timezone: America/New_York
    hourly_cost: 26
    seats: 45
    shifts:
      - name: early
        start: "00:00"
        latest_start: "06:00"
        start_step: 60m
        length: 8h30m
        breaks:
          - { length: 30m, window: ["3h30m", "4h30m"], paid: false }
      - name: day
        start: "07:00"
        latest_start: "11:00"
        start_step: 60m
        length: 8h30m
        breaks:
          - { length: 30m, window: ["3h30m", "4h30m"], paid: false }
      - name: late
        start: "14:00"
        latest_start: "18:00"
        start_step: 60m
        length: 8h30m
        breaks:
          - { length: 30m, window: ["3h30m", "4h30m"], paid: false }
"""
    (ROOT / "single-site.yaml").write_text(text)
    # The same help desk with its goal measured over the week (SPEC §11).
    week = text.replace("name: Acme help desk, week 48",
                        "name: Acme help desk, week 48 (service level measured over the week)")
    week = week.replace("  max_occupancy: 90%\n", "  max_occupancy: 90%\n"
                        "  measured_over: week      # the 80 % is call-weighted over the whole week\n"
                        "  interval_floor: 50%      # and no half hour with calls falls below 50 %\n")
    assert week.count("measured_over") == 1
    (ROOT / "global-service-level.yaml").write_text(week)


def follow_the_sun():
    text = HEADER.format(name="Follow the sun, week 48") + """cyclic: true                 # the week repeats: Sunday's night shifts cover Monday's early hours
model: erlang_a          # callers hang up after 2 minutes on average
patience: 2m
shrinkage: 30%
goal:
  service_level: 80%
  answer_within: 20s
  max_abandon: 5%

queues:
  - name: english
    aht: 300s
    forecast:
""" + "\n".join(flow_volumes(110, 6)) + """
  - name: spanish
    aht: 360s
    goal: { service_level: 70%, answer_within: 30s }
    forecast:
""" + "\n".join(flow_volumes(35, 6)) + """

sites:
  - name: new-york                  # onshore
    timezone: America/New_York
    hourly_cost: 28
    seats: 40
    shrinkage: 30%
    queues: [english, spanish]
    shifts:
      - name: day
        start: "07:00"
        latest_start: "10:00"
        start_step: 60m
        length: 8h30m
        days: [mon, tue, wed, thu, fri]
        breaks:
          - { length: 30m, window: ["3h30m", "4h30m"], paid: false }
      - name: evening
        start: "13:00"
        latest_start: "15:00"
        start_step: 60m
        length: 8h30m
        breaks:
          - { length: 30m, window: ["3h30m", "4h30m"], paid: false }
  - name: mexico-city               # nearshore, bilingual
    timezone: America/Mexico_City
    hourly_cost: 13
    seats: 60
    shrinkage: 35%
    queues: [english, spanish]
GROUPS    shifts:
      - name: morning
        start: "06:00"
        latest_start: "09:00"
        start_step: 60m
        length: 9h
        breaks:
          - { length: 1h, window: ["4h", "5h"], paid: false }
      - name: afternoon
        start: "13:00"
        latest_start: "15:00"
        start_step: 60m
        length: 9h
        breaks:
          - { length: 1h, window: ["4h", "5h"], paid: false }
      - name: night
        start: "21:00"
        latest_start: "23:00"
        start_step: 60m
        length: 9h
        breaks:
          - { length: 1h, window: ["4h", "5h"], paid: false }
  - name: manila                    # offshore, English only
    timezone: Asia/Manila
    hourly_cost: 9
    seats: 80
    shrinkage: 30%
    queues: [english]
    shifts:
      - name: day                   # New York's night
        start: "08:00"
        latest_start: "11:00"
        start_step: 60m
        length: 9h
        breaks:
          - { length: 1h, window: ["4h", "5h"], paid: false }
      - name: night                 # New York's morning
        start: "19:00"
        latest_start: "22:00"
        start_step: 60m
        length: 9h
        breaks:
          - { length: 1h, window: ["4h", "5h"], paid: false }
"""
    # Mexico City's agents are bilingual: one group shared by both queues. The
    # dedicated variant (each agent answers one queue for a whole shift, the
    # version-1 meaning) is kept for comparison.
    groups = ("    groups:                         # every agent here answers both queues\n"
              "      - { name: bilingual, queues: [english, spanish] }\n")
    (ROOT / "follow-the-sun.yaml").write_text(text.replace("GROUPS", groups))
    dedicated = text.replace("GROUPS", "").replace(
        "name: Follow the sun, week 48", "name: Follow the sun, week 48 (dedicated agents)")
    (ROOT / "follow-the-sun-dedicated.yaml").write_text(dedicated)


def rows_plan():
    # One Monday of a small billing line: only the intervals with calls are listed,
    # some with their own handling time.
    rows = []
    volumes = day_volumes(40, 0, interval_h=1.0)
    for hour, calls in enumerate(volumes):
        if 8 <= hour < 20 and calls > 0:
            aht = ', aht: 330s' if hour in (9, 10, 11) else ''
            rows.append(f'        - {{ at: "2026-11-23T{hour:02}:00", calls: {calls}{aht} }}')
    text = """version: 1
name: Billing line, Monday (sparse rows)
timezone: Europe/Oslo
start: 2026-11-23
days: 1
interval: 60m
model: erlang_c
shrinkage: 25%
goal: { service_level: 80%, answer_within: 30s }

queues:
  - name: billing
    aht: 300s
    open: "08:00-20:00"
    min_agents: 1
    forecast:
      rows:                # intervals not listed have no calls
""" + "\n".join(rows) + """

sites:
  - name: oslo
    timezone: Europe/Oslo
    hourly_cost: 45
    shifts:
      - { name: day, start: "08:00", latest_start: "12:00", length: 8h }
"""
    (ROOT / "forecast" / "rows.yaml").write_text(text)


def csv_plan():
    lines = ["start,calls,aht_s"]
    for d in range(7):
        for k, calls in enumerate(day_volumes(60, d)):
            lines.append(f"2026-11-{23 + d:02}T{k // 2:02}:{30 * (k % 2):02},{calls},{290 if k < 24 else 310}")
    (ROOT / "forecast" / "sales.csv").write_text("\n".join(lines) + "\n")
    text = HEADER.format(name="Sales line, week 48 (forecast from CSV)") + """cyclic: true                 # the week repeats: Sunday's night shift covers Monday 00:00-06:00
model: erlang_c
shrinkage: 30%
goal: { service_level: 80%, answer_within: 20s, asa: 30s }

queues:
  - name: sales
    aht: 300s                # used for intervals the CSV leaves out
    forecast:
      csv: sales.csv         # beside this file; columns start,calls,aht_s

sites:
  - name: new-york
    timezone: America/New_York
    hourly_cost: 28
    shifts:
      - { name: day, start: "06:00", latest_start: "14:00", start_step: 60m, length: 8h }
      - { name: night, start: "22:00", length: 8h }
"""
    (ROOT / "forecast" / "csv.yaml").write_text(text)


if __name__ == "__main__":
    single_site()
    follow_the_sun()
    rows_plan()
    csv_plan()
