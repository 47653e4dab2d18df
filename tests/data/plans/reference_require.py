#!/usr/bin/env python3
"""Independent reference for `staffplan require -f csv` (Erlang C and Erlang A).

Reads a plan with PyYAML, places intervals with Python's zoneinfo, and sizes each
interval in mpmath. Erlang C: the textbook formula
C = (A^N/N! * N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A)), at 40 digits,
searching N upward from floor(A)+1. Erlang A (M/M/N+M): the birth-death chain
(birth lam, death min(n,N) mu + max(n-N,0) theta) summed until the terms are below
1e-40 of the total; by PASTA an arrival finding k waiting is answered after k+1
queue advances at rates N mu + j theta (j = k..0) unless its own patience runs out,
so P(answered within t) = prod r_j/(r_j+theta) * P(hypoexponential(r_j+theta) < t),
the latter a regularized incomplete beta function (rates are equally spaced). Shares no code with
staffplan. Writes the expected CSV:
    python3 tests/data/plans/reference_require.py PLAN.yaml > EXPECTED.csv
Supports what the golden plans use: erlang_c / erlang_a, volumes / rows / csv forecasts,
the shared multi-queue csv (top-level `csv`, columns start,queue,calls[,aht_s]),
service_level + answer_within, asa, max_occupancy, min_agents with open hours (one
range for every day, or per weekday; a range ending at or before its start runs past
midnight and belongs to the weekday it starts on)."""
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
ERLANG_A_DPS = 40


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


def erlang_a_metrics(n, calls, aht, step, patience, within):
    """SL(within), ASA of answered calls, p_abandon, occupancy, p_wait for N = n."""
    with mp.workdps(ERLANG_A_DPS):
        lam, mu, theta = calls / step, 1 / aht, 1 / patience
        # Unnormalised stationary probabilities p_m, m = 0, 1, ... (p_0 = 1).
        probs = [mp.mpf(1)]
        m = 0
        while True:
            death = min(m + 1, n) * mu + max(m + 1 - n, 0) * theta
            nxt = probs[-1] * lam / death
            probs.append(nxt)
            m += 1
            if m > n and nxt < mp.mpf(10) ** -40 * sum(probs):
                break
        total = sum(probs)
        pi = [p / total for p in probs]
        served_at_once = sum(pi[:n])
        answered = served_at_once
        answered_in_time = served_at_once
        wait_answered = mp.mpf(0)
        for k in range(len(pi) - n):  # an arrival finds k waiting
            rates = [n * mu + j * theta for j in range(k, -1, -1)]
            survive = mp.fprod(r / (r + theta) for r in rates)  # P(answered)
            tilted = [r + theta for r in rates]
            # The sum of Exp(N mu + i theta), i = 1..k+1, is below t with probability
            # I_{1 - exp(-theta t)}(k + 1, N mu / theta + 1) (regularized incomplete beta;
            # from its density e^{-(a+theta)x} (1-e^{-theta x})^k prod(a+i theta) / (theta^k k!)).
            cdf = mp.betainc(k + 1, n * mu / theta + 1, 0, 1 - mp.exp(-theta * within), regularized=True)
            answered += pi[n + k] * survive
            answered_in_time += pi[n + k] * survive * cdf
            wait_answered += pi[n + k] * survive * mp.fsum(1 / r for r in tilted)
        queue_length = sum((m - n) * pi[m] for m in range(n, len(pi)))
        p_abandon = theta * queue_length / lam
        return {"sl": +answered_in_time, "asa": wait_answered / answered, "ab": p_abandon,
                "occ": (lam * aht) * (1 - p_abandon) / n if n else mp.mpf(0), "p_wait": 1 - served_at_once}


def required_a(calls, aht, step, patience, goal):
    """Smallest N meeting every goal; the goals are monotone in N."""
    within = goal.get("within", 0)
    ok = lambda n: n > 0 and all([
        "sl" not in goal or m[n]["sl"] >= goal["sl"], "asa" not in goal or m[n]["asa"] <= goal["asa"],
        "occ" not in goal or m[n]["occ"] <= goal["occ"], "ab" not in goal or m[n]["ab"] <= goal["ab"]])
    m = {}
    def check(n):
        if n > 0 and n not in m:
            m[n] = erlang_a_metrics(n, calls, aht, step, patience, within)
        return ok(n)
    n = max(1, int(calls * aht / step))
    if check(n):
        while n > 1 and check(n - 1):
            n -= 1
    else:
        while not check(n):
            n += 1
    return n, m[n]


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
    if "max_abandon" in node: goal["ab"] = mpq(fraction(node["max_abandon"]))
    return goal


DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def to_min(text):
    return int(text[:2]) * 60 + int(text[3:])


def open_hours(spec):
    """{weekday (0 = Monday): (from, to)} in minutes after that day's midnight; to > 1440
    means the hours run into the next day."""
    def hours(text):
        a, b = text.split("-")
        lo, hi = to_min(a), to_min(b)
        return (lo, hi if hi > lo else hi + 1440)
    if isinstance(spec, str):
        return {d: hours(spec) for d in range(7)}
    days = {}
    for key, value in spec.items():
        for item in key.split(","):
            ends = [DAYS.index(name.strip()) for name in item.split("-")]
            d = ends[0]
            while True:
                if value != "closed":
                    days[d] = hours(value)
                if d == ends[-1]:
                    break
                d = (d + 1) % 7
    return days


def is_open(days, weekday, minute):
    today, yesterday = days.get(weekday), days.get((weekday - 1) % 7)
    return bool((today and today[0] <= minute < today[1]) or (yesterday and minute < yesterday[1] - 1440))


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
    erlang_a = plan.get("model", "erlang_c") == "erlang_a"
    patience = mpq(seconds(plan["patience"])) if erlang_a else None
    if not erlang_a:
        base_goal.pop("ab", None)  # nobody hangs up in Erlang C

    shared = {}
    if "csv" in plan:
        with open(pathlib.Path(path).parent / plan["csv"], newline="") as handle:
            for r in csv.DictReader(handle):
                shared.setdefault(r["queue"], []).append(
                    (r["start"], r["calls"], fractions.Fraction(r["aht_s"]) if r.get("aht_s") else None))
    queues = []
    for q in plan["queues"]:
        aht = seconds(q["aht"])
        calls = [0] * count
        ahts = [aht] * count
        f = q.get("forecast", {})
        rows = []
        if not f:
            rows = shared[q["name"]]
        elif "volumes" in f:
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
                ahts[i] = fractions.Fraction(row_aht)
        goal = dict(base_goal)
        goal.update(read_goal(q.get("goal", {})))
        hours = open_hours(q["open"]) if "open" in q else None
        queues.append((q["name"], calls, ahts, goal, q.get("min_agents", 0), hours))

    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow("start,queue,calls,aht_s,erlangs,agents,scheduled,service_level,asa_s,occupancy,p_wait,p_abandon".split(","))
    cache = {}
    for i, t in enumerate(times):
        local = t.astimezone(zone)
        minute = local.hour * 60 + local.minute
        for name, calls, ahts, goal, min_agents, hours in queues:
            floor = min_agents if hours is None or is_open(hours, local.weekday(), minute) else 0
            c = mpq(fractions.Fraction(str(calls[i])))
            aht = mpq(ahts[i])
            a = c * aht / step
            if c == 0:
                n, m = floor, {"p_wait": 0, "sl": 1, "asa": 0, "occ": 0, "ab": 0}
            elif erlang_a:
                key = (calls[i], ahts[i], name)
                if key not in cache:
                    cache[key] = required_a(c, aht, step, patience, goal)
                n, m = cache[key]
                if n < floor:
                    n, m = floor, erlang_a_metrics(floor, c, aht, step, patience, goal.get("within", 0))
            else:
                n, m = required(a, aht, goal)
                if n < floor:
                    n, m = floor, metrics(floor, a, aht, goal.get("within", 0))
            scheduled = math.ceil(fractions.Fraction(n) / (1 - shrink))
            out.writerow([iso(t, zone), name, f"{float(c):.2f}", f"{float(aht):.1f}", f"{float(a):.3f}", n, scheduled,
                          f"{float(m['sl']):.4f}", f"{float(m['asa']):.2f}", f"{float(m['occ']):.4f}",
                          f"{float(m['p_wait']):.4f}", f"{float(m['ab']):.4f}" if erlang_a else ""])


if __name__ == "__main__":
    main(sys.argv[1])
