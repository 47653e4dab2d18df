#!/usr/bin/env python3
"""Independent reference for `staffplan require -f csv` on Erlang C plans.

Reads a plan with PyYAML, places intervals with Python's zoneinfo, and sizes each
interval with Erlang C evaluated in mpmath at 40 significant digits (the textbook
formula C = (A^N/N! * N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A))), searching
N upward from floor(A)+1. Shares no code with staffplan. Writes the expected CSV:
    python3 tests/data/plans/reference_require.py PLAN.yaml > EXPECTED.csv
Supports what the golden plans use: erlang_c, volumes / rows / csv forecasts,
service_level + answer_within, asa, max_occupancy, min_agents with open hours."""
import csv
import datetime as dt
import fractions
import math
import pathlib
import re
import sys
from zoneinfo import ZoneInfo

import mpmath as mp
import yaml

mp.mp.dps = 40


def seconds(text):
    text = str(text)
    total = fractions.Fraction(0)
    for number, unit in re.findall(r"([0-9.]+)(h|ms|m|s)?", text):
        total += fractions.Fraction(number) * {"h": 3600, "m": 60, "s": 1, "ms": fractions.Fraction(1, 1000), "": 1}[unit]
    return total


def fraction(text):
    text = str(text)
    return fractions.Fraction(text[:-1]) / 100 if text.endswith("%") else fractions.Fraction(text)


def mpq(value):
    """An exact rational as an mpmath number."""
    value = fractions.Fraction(value)
    return mp.mpf(value.numerator) / value.denominator


def erlang_c(n, a):
    term = mp.mpf(1)
    total = mp.mpf(0)
    for k in range(n):
        total += term
        term = term * a / (k + 1)  # term = a^(k+1)/(k+1)!
    top = term * n / (n - a)
    return top / (total + top)


def metrics(n, a, aht, within):
    c = erlang_c(n, a)
    return {"p_wait": c, "sl": 1 - c * mp.exp(-(n - a) * within / aht), "asa": c * aht / (n - a), "occ": a / n}


def required(a, aht, goal):
    n = int(mp.floor(a)) + 1
    while True:
        m = metrics(n, a, aht, goal.get("within", 0))
        ok = ("sl" not in goal or m["sl"] >= goal["sl"]) and ("asa" not in goal or m["asa"] <= goal["asa"]) \
            and ("occ" not in goal or m["occ"] <= goal["occ"])
        if ok:
            return n, m
        n += 1


def read_goal(node):
    goal = {}
    if "service_level" in node: goal["sl"] = mpq(fraction(node["service_level"]))
    if "answer_within" in node: goal["within"] = mpq(seconds(node["answer_within"]))
    if "asa" in node: goal["asa"] = mpq(seconds(node["asa"]))
    if "max_occupancy" in node: goal["occ"] = mpq(fraction(node["max_occupancy"]))
    return goal


def iso(t, zone):
    local = t.astimezone(zone)
    off = int(local.utcoffset().total_seconds())
    sign = "-" if off < 0 else "+"
    off = abs(off) // 60
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{off // 60:02}:{off % 60:02}"


def parse_at(text, zone):
    text = str(text)
    has_offset = re.search(r"([+-]\d\d:\d\d|Z)$", text)
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return t if has_offset else t.replace(tzinfo=zone, fold=0)


def main(path):
    plan = yaml.safe_load(pathlib.Path(path).read_text())
    zone = ZoneInfo(plan["timezone"])
    day = dt.date.fromisoformat(str(plan["start"]))
    start = dt.datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(dt.timezone.utc)
    end_day = day + dt.timedelta(days=plan["days"])
    end = dt.datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone).astimezone(dt.timezone.utc)
    step = int(seconds(plan["interval"]))
    count = int((end - start).total_seconds()) // step
    times = [start + dt.timedelta(seconds=step * i) for i in range(count)]
    shrink = fraction(plan.get("shrinkage", 0))
    base_goal = read_goal(plan.get("goal", {}))

    queues = []
    for q in plan["queues"]:
        aht = seconds(q["aht"])
        calls = [0] * count
        ahts = [aht] * count
        f = q["forecast"]
        rows = []
        if "volumes" in f:
            calls = list(f["volumes"])
        elif "rows" in f:
            rows = [(r["at"], r["calls"], seconds(r["aht"]) if "aht" in r else None) for r in f["rows"]]
        else:
            with open(pathlib.Path(path).parent / f["csv"], newline="") as handle:
                rows = [(r["start"], r["calls"], fractions.Fraction(r["aht_s"]) if r.get("aht_s") else None)
                        for r in csv.DictReader(handle)]
        for at, n, row_aht in rows:
            i = int((parse_at(at, zone) - start).total_seconds()) // step
            calls[i] = fractions.Fraction(str(n))
            if row_aht is not None:
                ahts[i] = row_aht
        goal = dict(base_goal)
        goal.update(read_goal(q.get("goal", {})))
        open_hours = None
        if "open" in q:
            a, b = q["open"].split("-")
            to_min = lambda s: int(s[:2]) * 60 + int(s[3:])
            open_hours = (to_min(a), to_min(b))
        queues.append((q["name"], calls, ahts, goal, q.get("min_agents", 0), open_hours))

    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow("start,queue,calls,aht_s,erlangs,agents,scheduled,service_level,asa_s,occupancy,p_wait,p_abandon".split(","))
    for i, t in enumerate(times):
        local = t.astimezone(zone)
        minute = local.hour * 60 + local.minute
        for name, calls, ahts, goal, min_agents, open_hours in queues:
            is_open = open_hours is None or (
                open_hours[0] <= minute < open_hours[1] if open_hours[0] < open_hours[1]
                else minute >= open_hours[0] or minute < open_hours[1])
            floor = min_agents if is_open else 0
            c = mpq(fractions.Fraction(str(calls[i])))
            aht = mpq(ahts[i])
            a = c * aht / step
            if c == 0:
                n, m = floor, {"p_wait": 0, "sl": 1, "asa": 0, "occ": 0}
            else:
                n, m = required(a, aht, goal)
                if n < floor:
                    n, m = floor, metrics(floor, a, aht, goal.get("within", 0))
            scheduled = math.ceil(fractions.Fraction(n) / (1 - shrink))
            out.writerow([iso(t, zone), name, f"{float(c):.2f}", f"{float(aht):.1f}", f"{float(a):.3f}", n, scheduled,
                          f"{float(m['sl']):.4f}", f"{float(m['asa']):.2f}", f"{float(m['occ']):.4f}",
                          f"{float(m['p_wait']):.4f}", ""])


if __name__ == "__main__":
    main(sys.argv[1])
