#!/usr/bin/env python3
"""Writes the `plan` benchmark family: 24+ reproducible one-week plans (issue 10).

The family varies what makes shift scheduling hard or easy for the solver:
  sites 1-6 at different UTC offsets, hourly costs spread 1:1 to 1:4; seats loose
  (no limit), binding (the cheap sites cannot take their share of the peak) or
  tight (total seats barely above the peak); 15- and 30-minute intervals; cyclic or
  not; breaks none, fixed mid-shift, a 1 h or 2 h window, or two breaks; demand
  flat, one peak, two peaks, a weekend drop, plus a night-only queue; min/max
  agents per start; 1-3 queues.

Every instance is fixed by its row in FAMILY (no random numbers; the small
demand ripple is a fixed function of the interval), so the family is the same on
every machine. Required agents come from Erlang C in staffplan itself: volumes are
sized so that the 80 %/20 s goal needs roughly the target agents (A + 1.5 sqrt(A)).

Usage:
  plan_family.py list                 name, break class, columns, time limit (TSV)
  plan_family.py write DIR [NAME...] [--weeks N]
                                      writes DIR/NAME.yaml for every (or the named) instance;
                                      --weeks N repeats the week N times (long horizons)
"""
import math
import os
import sys

# name, sites, cost spread, seats, interval min, cyclic, breaks, demand, queues, limits, peak
#   seats: loose | binding | tight;  breaks: none | fixed | w1h | w2h | two
#   demand: flat | one | two | weekend  (the first queue; more queues follow the
#   same shape scaled down, "night" adds a night-only queue)
#   limits: none | max (max_agents per start) | min (min_agents at an opening start)
FAMILY = [
    # name              sites spread seats     iv  cyc   breaks  demand     queues       limits peak
    ("n1-flat",             1, 1.0, "loose",   30, True,  "none",  "flat",    ["main"],     "none", 25),
    ("n2-two-binding",      3, 3.3, "binding", 15, True,  "none",  "two",     ["main"],     "none", 60),
    ("n3-weekend-tight",    4, 2.0, "tight",   30, False, "none",  "weekend", ["main", "b"], "max", 50),
    ("n4-night",            2, 1.5, "binding", 30, True,  "none",  "one",     ["main", "night"], "none", 40),
    ("f1-issue",            3, 3.3, "binding", 15, True,  "fixed", "two",     ["main"],     "none", 60),
    ("f2-one-site",         1, 1.0, "loose",   15, False, "fixed", "one",     ["main"],     "none", 40),
    ("f3-flat-2s",          2, 1.0, "binding", 30, True,  "fixed", "flat",    ["main", "b"], "none", 30),
    ("f4-weekend-4s",       4, 4.0, "binding", 30, True,  "fixed", "weekend", ["main", "b"], "none", 70),
    ("f5-tight-6s",         6, 2.5, "tight",   30, False, "fixed", "two",     ["main", "b", "c"], "none", 80),
    ("f6-night-3s",         3, 2.0, "loose",   15, True,  "fixed", "two",     ["main", "night"], "max", 45),
    ("f7-min-5s",           5, 4.0, "binding", 30, True,  "fixed", "one",     ["main", "b"], "min", 60),
    ("f8-small-tight",      2, 1.2, "tight",   15, False, "fixed", "flat",    ["main"],     "none", 15),
    ("w1-issue-1h",         3, 3.3, "binding", 15, True,  "w1h",   "two",     ["main"],     "none", 60),
    ("w2-one-2h",           1, 1.0, "loose",   30, False, "w2h",   "one",     ["main"],     "none", 40),
    ("w3-weekend-1h",       2, 2.0, "binding", 30, True,  "w1h",   "weekend", ["main", "b"], "none", 50),
    ("w4-6s-2h",            6, 4.0, "binding", 30, True,  "w2h",   "two",     ["main", "b"], "none", 80),
    ("w5-tight-1h",         3, 1.5, "tight",   15, False, "w1h",   "flat",    ["main"],     "max", 35),
    ("w6-night-2h",         4, 3.0, "loose",   30, True,  "w2h",   "two",     ["main", "b", "night"], "none", 60),
    ("w7-min-1h",           2, 2.5, "binding", 15, True,  "w1h",   "one",     ["main"],     "min", 45),
    ("w8-5s-2h",            5, 1.8, "tight",   30, False, "w2h",   "weekend", ["main", "b", "c"], "max", 70),
    ("t1-two-3s",           3, 3.3, "binding", 30, True,  "two",   "two",     ["main"],     "none", 60),
    ("t2-two-1s",           1, 1.0, "loose",   30, False, "two",   "weekend", ["main", "b"], "none", 35),
    ("t3-two-tight",        4, 2.2, "tight",   30, True,  "two",   "one",     ["main", "night"], "max", 50),
    ("t4-two-15m",          2, 4.0, "binding", 15, True,  "two",   "flat",    ["main", "b"], "min", 30),
]

TIME_LIMIT = {"none": "10s", "fixed": "15s", "w1h": "30s", "w2h": "30s", "two": "30s"}
AHT_S = 300
OFFSETS = [0, 6, 11, -5, 2, 8]          # site UTC offsets, hours
SHIFT_HOURS = (4, 6, 8, 10)


def ripple(k):
    """A fixed, irregular +-8 % ripple so that days differ (not random: reproducible)."""
    return 1 + 0.05 * math.sin(0.7 * k) + 0.03 * math.sin(2.3 * k + 1)


def shape(demand, hour, day):
    if demand == "flat":
        return 1.0 if 6 <= hour < 22 else 0.35
    if demand == "one":
        return 0.1 + 0.9 * math.exp(-((hour - 13) / 3.0) ** 2)
    base = 0.08 + 0.92 * math.exp(-((hour - 11) / 2.2) ** 2) + 0.55 * math.exp(-((hour - 19) / 1.8) ** 2)
    if demand == "weekend" and day >= 5:
        base *= 0.4
    return base


def night(hour):
    return 1.0 if hour >= 22 or hour < 6 else 0.0


def calls_for(agents, interval_s):
    """Calls per interval whose 80 %/20 s requirement is about `agents`."""
    if agents <= 0.5:
        return 0
    a = ((-1.5 + math.sqrt(2.25 + 4 * agents)) / 2) ** 2
    return round(a * interval_s / AHT_S)


def break_spec(kind, hours, iv):
    """Break list (YAML flow) for a shift of `hours`, or '' when it has none. Windows
    are centred on the middle of the shift and lie on the interval grid."""
    if kind == "none" or hours < 6:
        return ""
    mid = hours * 60 // 2
    if kind == "fixed":
        return f'[{{ length: 30m, window: ["{mid - iv}m", "{mid - iv}m"], paid: false }}]'
    if kind == "w1h":
        return f'[{{ length: 30m, window: ["{mid - 30}m", "{mid + 30}m"], paid: false }}]'
    if kind == "w2h":
        return f'[{{ length: 30m, window: ["{mid - 60}m", "{mid + 60}m"], paid: false }}]'
    # two: a paid rest at a fixed 2 h (15 min; one interval when intervals are 30
    # min, as breaks are whole intervals) and an unpaid lunch in a 1 h window.
    return (f'[{{ length: {iv}m, window: ["2h", "2h"] }}, '
            f'{{ length: 30m, window: ["{mid - 30}m", "{mid + 30}m"], paid: false }}]')


def placements(kind, hours, interval_min):
    if kind in ("none", "fixed") or hours < 6:
        return 1
    width = {"w1h": 60, "w2h": 120, "two": 60}[kind]
    return width // interval_min + 1


def instance(row, weeks=1):
    name, nsites, spread, seats, iv, cyclic, breaks, demand, queues, limits, peak = row
    interval_s = iv * 60
    per_day = 86400 // interval_s
    # Sites: costs from 30 down to 30/spread; seats from the peak share.
    costs = [round(30 / (1 + (spread - 1) * k / max(1, nsites - 1)), 2) for k in range(nsites)]
    total = peak * (1.15 if breaks != "none" else 1.0) * (1 + 0.35 * (len(queues) - 1))
    if seats == "loose":
        site_seats = [None] * nsites
    elif seats == "binding":
        # The cheapest sites hold about a third of the peak each: the rest goes onshore.
        site_seats = [None] + [max(4, round(total * 0.35)) for _ in range(nsites - 1)]
        if nsites == 1:
            site_seats = [round(total * 1.3)]
    else:
        site_seats = [max(4, math.ceil(total * 1.12 / nsites + 2)) for _ in range(nsites)]
    # Shifts: a 24/7 centre; 15 min intervals start every 15 min only up to 3 sites
    # (above that every 30 min) so that the week stays near the size of the issue's.
    step = iv if (iv == 30 or nsites <= 3) else 30
    lines = [
        "version: 1",
        f"name: family {name}",
        "timezone: Etc/UTC",
        "start: 2026-11-23",
        f"days: {7 * weeks}",
        f"interval: {iv}m",
        f"cyclic: {'true' if cyclic else 'false'}",
        "model: erlang_c",
        "shrinkage: 0%",
        "goal: { service_level: 80%, answer_within: 20s }",
        "queues:",
    ]
    for qi, q in enumerate(queues):
        scale = 1.0 if qi == 0 else (0.45 if q != "night" else 0.3)
        vols = []
        for day in range(7 * weeks):
            for k in range(per_day):
                hour = k * interval_s / 3600
                f = night(hour) if q == "night" else shape(demand, hour, day % 7)
                vols.append(calls_for(peak * scale * f * ripple(day * per_day + k + 17 * qi), interval_s))
        lines += [f"  - name: {q}", f"    aht: {AHT_S}s", "    forecast:",
                  "      volumes: [" + ", ".join(str(v) for v in vols) + "]"]
    lines.append("sites:")
    columns = 0
    for s in range(nsites):
        off = OFFSETS[s]
        zone = "Etc/UTC" if off == 0 else f"Etc/GMT{'-' if off > 0 else '+'}{abs(off)}"
        lines += [f"  - name: site{s + 1}", f"    timezone: {zone}", f"    hourly_cost: {costs[s]}"]
        if site_seats[s] is not None:
            lines.append(f"    seats: {site_seats[s]}")
        lines.append("    shifts:")
        starts = 7 * weeks * (24 * 60 // step)
        for hours in SHIFT_HOURS:
            spec = (f'      - {{ name: {hours}h, start: "00:00", latest_start: "23:{60 - step:02d}", '
                    f"start_step: {step}m, length: {hours}h")
            b = break_spec(breaks, hours, iv)
            if b:
                spec += f", breaks: {b}"
            if limits == "max" and hours == 8:
                spec += f", max_agents: {max(2, peak // 8)}"
            lines.append(spec + " }")
            columns += starts * len(queues) * placements(breaks, hours, iv)
        if limits == "min" and s == 0:
            # An opening team: at least 2 agents start the 07:00 8 h shift each day.
            b = break_spec(breaks, 8, iv)
            spec = '      - { name: opening, start: "07:00", length: 8h, min_agents: 2'
            if b:
                spec += f", breaks: {b}"
            lines.append(spec + " }")
            columns += 7 * weeks * len(queues) * placements(breaks, 8, iv)
    return name, breaks, columns, "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("list", "write"):
        sys.exit(__doc__)
    if sys.argv[1] == "list":
        for row in FAMILY:
            name, breaks, columns, _ = instance(row)
            print(f"{name}\t{breaks}\t{columns}\t{TIME_LIMIT[breaks]}")
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[2]
    args = sys.argv[3:]
    weeks = 1
    if "--weeks" in args:  # the same week's shape repeated, for long horizons
        at = args.index("--weeks")
        weeks = int(args[at + 1])
        del args[at:at + 2]
    wanted = set(args)
    os.makedirs(out, exist_ok=True)
    for row in FAMILY:
        if wanted and row[0] not in wanted:
            continue
        name, _, _, text = instance(row, weeks)
        with open(os.path.join(out, name + ".yaml"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
