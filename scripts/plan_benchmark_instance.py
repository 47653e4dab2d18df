#!/usr/bin/env python3
"""Writes the issue-4 benchmark instance as a plan file (YAML) on stdout.

One queue, 7 days of 15 min intervals on a UTC plan clock; calls follow a two-peak
daily curve sized so that the required agents peak near 60 late morning and 35 in
the evening, with about 5 at night; three sites at +0 h, +6 h and +11 h (fixed-offset
zones, no DST) costing 30, 14 and 9 per hour with 60, 60 and 40 seats; shifts of 4,
6, 8 and 10 h starting every 15 min on every day; shifts of 6 h or more have one
unpaid 30 min break: fixed mid-shift (`fixed`), anywhere in a 1 h window around the
middle (`window`), or no breaks at all (`none`).

Usage: plan_benchmark_instance.py fixed|window|none > plan.yaml
(The same instance is built in code for Google Benchmark in tests/bench/plan_instance.hpp,
with the requirement given directly instead of through Erlang C.)
"""
import math
import sys


def agents(hour):
    return 5 + 55 * math.exp(-((hour - 11) / 2.2) ** 2) + 30 * math.exp(-((hour - 19) / 1.8) ** 2)


def main():
    variant = sys.argv[1] if len(sys.argv) > 1 else "fixed"
    if variant not in ("fixed", "window", "none"):
        sys.exit("usage: plan_benchmark_instance.py fixed|window|none")
    # 300 s calls in 900 s intervals: A = calls / 3 Erlangs; an 80 %/20 s goal needs
    # roughly A + 1.5·sqrt(A) agents, so calls = 3·A with A solved from that.
    volumes = []
    for _day in range(7):
        for i in range(96):
            n = agents(i / 4)
            a = (( -1.5 + math.sqrt(2.25 + 4 * n)) / 2) ** 2
            volumes.append(round(3 * a))
    out = [
        "version: 1",
        f"name: issue 4 benchmark ({variant} breaks)",
        "timezone: Etc/UTC",
        "start: 2026-11-23",
        "days: 7",
        "interval: 15m",
        "model: erlang_c",
        "shrinkage: 0%",
        "goal: { service_level: 80%, answer_within: 20s }",
        "queues:",
        "  - name: english",
        "    aht: 300s",
        "    forecast:",
        "      volumes: [" + ", ".join(str(v) for v in volumes) + "]",
        "sites:",
    ]
    for name, zone, cost, seats in (("home", "Etc/UTC", 30, 60), ("east", "Etc/GMT-6", 14, 60),
                                    ("far-east", "Etc/GMT-11", 9, 40)):
        out += [f"  - name: {name}", f"    timezone: {zone}", f"    hourly_cost: {cost}",
                f"    seats: {seats}", "    shifts:"]
        for hours in (4, 6, 8, 10):
            mid = hours * 60 // 2
            shift = (f"      - {{ name: {hours}h, start: \"00:00\", latest_start: \"23:45\", "
                     f"start_step: 15m, length: {hours}h")
            if hours >= 6 and variant == "fixed":
                shift += f", breaks: [{{ length: 30m, window: [\"{mid - 15}m\", \"{mid - 15}m\"], paid: false }}]"
            if hours >= 6 and variant == "window":
                shift += f", breaks: [{{ length: 30m, window: [\"{mid - 45}m\", \"{mid + 15}m\"], paid: false }}]"
            out.append(shift + " }")
    print("\n".join(out))


if __name__ == "__main__":
    main()
