#!/usr/bin/env python3
"""50-digit reference values for staffplan's queueing models (tests/queueing/).

Independent of the C++ closed forms: every value is computed here by DIRECT
summation of the birth-death chain with mpmath at 50 significant digits.

* Erlang B: 1/B(N, A) = sum_{k<=N} N!/(k! A^(N-k)), summed term by term.
* Erlang C: C = N B / (N - A (1 - B)); SL(t) = 1 - C exp(-(N-A) t/aht);
  ASA = C aht / (N - A); occupancy A/N (SPEC section 2 definitions).
* Erlang A (M/M/N+M): stationary masses pi_k ~ A^k/k! for k <= N and
  pi_{N+j} = pi_N prod_{i=1..j} y/(x+i), with x = N patience/aht, y = A patience/aht,
  summed state by state until the tail is below 1e-60 of the waiting mass.
  For a call arriving in state N+j, its virtual wait V is a sum of exponentials with
  rates theta(x+i), i = 0..j (theta = 1/patience). Per state:
    P(answered)          = E[e^{-theta V}] = prod_i (x+i)/(x+i+1) = x/(x+j+1)
    E[V 1{answered}]     = -d/ds E[e^{-sV}] at s = theta = x/(x+j+1) * sum_i 1/(theta(x+i+1))
    P(answered within t) = E[e^{-theta V} 1{V <= t}]
  The last one uses e^{-theta V} ~ Beta(x, j+1) (same Mellin transform) and, for
  integer second parameter, I_u(a, n) = u^a sum_{k<n} (a)_k/k! (1-u)^k; the script
  checks it against direct quadrature of the hypoexponential density before use.
  p_abandon = theta E[queue] / lambda; ASA is the mean wait of answered calls.
* Required agents: brute force, i.e. every N from the lower bound (floor(A)+1 for
  Erlang C, 0 for Erlang A) upward until all goals hold; for Erlang A loads above
  100 Erlangs (too slow to scan) a bisection on the monotone metrics, then N and
  N-1 are both checked explicitly.

Writes tests/data/queueing/reference_metrics.csv and reference_required.csv.
Run: python3 scripts/reference/erlang_reference.py   (a few minutes)
"""
import csv
import os
import sys

from mpmath import mp, mpf, exp, floor, quad, nstr, inf

mp.dps = 50
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "queueing")


def erlang_b(n, a):
    # 1/B = sum_{k=0..n} n!/(k! a^(n-k)); term for k = n is 1, built downward.
    term, total = mpf(1), mpf(1)
    for k in range(n, 0, -1):
        term = term * k / a
        total += term
    return 1 / total


def erlang_c(n, a, aht, t, blocking=None):
    b = erlang_b(n, a) if blocking is None else blocking
    c = n * b / (n - a * (1 - b))
    return dict(p_wait=c, service_level=1 - c * exp(-(n - a) * t / aht), asa_s=c * aht / (n - a),
                occupancy=a / n, p_abandon=None)


def erlang_a(n, a, aht, patience, t):
    return erlang_a_multi(n, a, aht, patience, [t])[0]


def erlang_a_multi(n, a, aht, patience, ts):
    """Erlang A metrics for several thresholds t at once (one pass over the chain)."""
    r = mpf(patience) / aht
    x, y = n * r, a * r
    below = mpf(0)  # sum_{k<n} pi_k / pi_n
    term = mpf(1)
    for k in range(n - 1, -1, -1):
        term = term * (k + 1) / a
        below += term
    w = mpf(1)                      # pi_{n+j} / pi_n
    waiting = queue = answered = asa_num = mpf(0)
    answered_mass = []              # pi_{n+j}/pi_n * P(answered | j)
    harmonic = mpf(0)               # sum_{i<=j} 1/(x+i+1)
    j = 0
    while True:
        harmonic += 1 / (x + j + 1)
        p_ans = x / (x + j + 1)
        waiting += w
        queue += j * w
        answered += w * p_ans
        answered_mass.append(w * p_ans)
        asa_num += w * p_ans * harmonic
        if j > y - x and w < mpf(10) ** -60 * waiting:  # relative to the waiting mass itself
            break
        w = w * y / (x + j + 1)
        j += 1
    total = below + waiting
    p_abandon = queue / total / y
    results = []
    for t in ts:
        if n == 0:
            within = mpf(0)
        else:
            given = answered_within_given_answered(x + 1, exp(-mpf(t) / patience), len(answered_mass))
            within = sum(m * g for m, g in zip(answered_mass, given))
        result = dict(p_wait=waiting / total, service_level=(below + within) / total, p_abandon=p_abandon,
                      occupancy=(a * (1 - p_abandon) / n) if n > 0 else mpf(0))
        result["asa_s"] = asa_num * patience / (below + answered) if n > 0 else None
        results.append(result)
    return results


def answered_within_given_answered(a, u0, count):
    """P(Beta(a, j+1) >= u0) for j = 0 .. count-1: the probability that a call answered
    from state N+j was answered within t (u0 = e^{-t/patience}, a = x+1).

    I_u0(a, j+1) = u0^a T_j with T_j = sum_{k<=j} (a)_k/k! (1-u0)^k. Where that is
    >= 1/2, its complement is taken from the tail instead, u0^a sum_{k>j} (...), since
    u0^a sum_{k>=0} (a)_k/k! (1-u0)^k = 1 (negative binomial series): tiny
    probabilities keep all their digits."""
    if u0 == 1:
        return [mpf(0)] * count  # t = 0: nobody who waits is answered within 0 s
    u0_pow = u0 ** a
    terms = [mpf(1)]
    for k in range(1, count):
        terms.append(terms[-1] * (a + k - 1) / k * (1 - u0))
    heads, prefix = [], mpf(0)
    for term in terms:
        prefix += term
        heads.append(u0_pow * prefix)
    if heads[-1] < mpf("0.5"):
        return [1 - h for h in heads]
    # Tails: extend the series until it has converged, then sum backward.
    peak = a * (1 - u0) / u0
    extra, term, k = mpf(0), terms[-1], count - 1
    while True:
        k += 1
        term = term * (a + k - 1) / k * (1 - u0)
        extra += term
        if k > peak and term < mpf(10) ** -70 * extra:
            break
    tails = [mpf(0)] * count
    tail = extra
    for j in range(count - 1, -1, -1):
        tails[j] = tail          # sum_{k>j}
        tail += terms[j]
    return [1 - h if h < mpf("0.5") else u0_pow * tl for h, tl in zip(heads, tails)]


def check_beta_identity():
    """P(V <= t, V < patience) from the Beta identity vs quadrature of the hypoexponential density."""
    x, theta, t = mpf("2.5"), mpf(1) / 60, mpf(40)
    u0 = exp(-theta * t)
    for j in range(4):
        rates = [theta * (x + i) for i in range(j + 1)]

        def density(v):
            s = mpf(0)
            for i, ri in enumerate(rates):
                coef = ri
                for k, rk in enumerate(rates):
                    if k != i:
                        coef *= rk / (rk - ri)
                s += coef * exp(-ri * v)
            return s
        direct = quad(lambda v: density(v) * exp(-theta * v), [0, t])
        beta_sum, beta_term = mpf(1), mpf(1)
        for k in range(1, j + 1):
            beta_term = beta_term * (x + k) / k * (1 - u0)
            beta_sum += beta_term
        identity = x / (x + j + 1) * (1 - u0 ** (x + 1) * beta_sum)
        assert abs(direct - identity) < mpf(10) ** -40, (j, direct, identity)


def load_of(calls, aht, interval):
    return mpf(calls) * mpf(aht) / mpf(interval)


def metrics(model, calls, aht, interval, patience, n, t):
    a = load_of(calls, aht, interval)
    if model == "erlang_c":
        return erlang_c(n, a, mpf(aht), mpf(t))
    return erlang_a(n, a, mpf(aht), mpf(patience), mpf(t))


def meets(m, goals):
    sl, within, asa, occ, abandon = goals
    if sl is not None and not m["service_level"] >= mpf(sl):
        return False
    if asa is not None and not m["asa_s"] <= mpf(asa):
        return False
    if occ is not None and not m["occupancy"] <= mpf(occ):
        return False
    if abandon is not None and not m["p_abandon"] <= mpf(abandon):
        return False
    return True


def required(model, calls, aht, interval, patience, goals):
    a = load_of(calls, aht, interval)
    t = mpf(goals[1] or 0)
    if model == "erlang_c":
        n = int(floor(a)) + 1
        b = erlang_b(n, a)
        while True:
            m = erlang_c(n, a, mpf(aht), t, b)
            if meets(m, goals):
                return n
            b = a * b / (n + 1 + a * b)  # Erlang B of n+1 from n (exact recursion)
            n += 1
    ok = lambda n: n > 0 and meets(erlang_a(n, a, mpf(aht), mpf(patience), t), goals)
    if a <= 100:
        n = 0
        while not ok(n):
            n += 1
        return n
    lo, hi = 0, int(a) + 1
    while not ok(hi):
        lo, hi = hi, 2 * hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if ok(mid) else (mid, hi)
    assert ok(hi) and not ok(hi - 1)
    return hi


def fmt(v):
    return "" if v is None else nstr(v, 20)


def main():
    check_beta_identity()
    os.makedirs(OUT, exist_ok=True)
    # (calls, aht_s, interval_s): loads 0.1 .. 100 000 Erlangs.
    loads = [(1, 180, 1800), (5, 180, 1800), (57, 1110, 3600), (100, 180, 1800), (400, 240, 1800),
             (1000, 180, 1800), (2505, 360, 3600), (3000, 600, 1800), (43217, 300, 3000),
             (200000, 180, 3600), (160000, 450, 1800), (400000, 450, 1800)]
    rows = []
    # Erlang B, including N below A.
    for calls, aht, interval in loads:
        a = load_of(calls, aht, interval)
        for n in sorted({1, max(1, int(a) // 2), int(a) + 1, int(a + 2 * a ** 0.5) + 1}):
            rows.append(["erlang_b", calls, aht, interval, "", n, "", fmt(erlang_b(n, a)), "", "", "", ""])
    for calls, aht, interval in loads:
        a = load_of(calls, aht, interval)
        sqrt_a = float(a) ** 0.5
        # Erlang C: just above the load, square-root staffing, generous staffing.
        for n in sorted({int(a) + 1, int(float(a) + sqrt_a) + 1, int(float(a) + 3 * sqrt_a) + 1}):
            for t in (0, 20, 180, 3600):
                m = metrics("erlang_c", calls, aht, interval, None, n, t)
                rows.append(["erlang_c", calls, aht, interval, "", n, t] +
                            [fmt(m[k]) for k in ("p_wait", "service_level", "asa_s", "occupancy", "p_abandon")])
        # Erlang A: below, at and above the load, patience 10 s .. 30 min.
        for patience in (10, 60, 300, 1800):
            staffing = {max(1, int(0.5 * float(a))), max(1, int(0.9 * float(a))), int(a) + 1,
                        int(float(a) + 2 * sqrt_a) + 1}
            if a <= 10000:
                staffing.add(int(2 * float(a)) + 1)   # far above the load: tiny P(wait), P(abandon)
            if a <= 100:
                staffing.add(0)                        # nobody answers
            for n in sorted(staffing):
                ts = (0, 20, 3600)
                for t, m in zip(ts, erlang_a_multi(n, a, mpf(aht), mpf(patience), ts)):
                    rows.append(["erlang_a", calls, aht, interval, patience, n, t] +
                                [fmt(m[k]) for k in ("p_wait", "service_level", "asa_s", "occupancy", "p_abandon")])
        print(f"metrics done for A = {nstr(a, 8)}", file=sys.stderr, flush=True)
    with open(os.path.join(OUT, "reference_metrics.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "calls", "aht_s", "interval_s", "patience_s", "agents", "answer_within_s",
                    "p_wait", "service_level", "asa_s", "occupancy", "p_abandon"])
        w.writerows(rows)

    # Required agents: goal = (service_level, answer_within_s, asa_s, max_occupancy, max_abandon).
    goal_sets = [(0.8, 20, None, None, None), (0.9, 15, None, 0.85, None), (0.95, 60, 10, None, None),
                 (0.5, 0, None, None, None), (None, None, 30, None, None), (0.8, 3600, None, None, None)]
    abandon_goals = [(0.8, 20, None, None, 0.05), (None, None, None, None, 0.02), (0.9, 30, 20, 0.9, 0.03)]
    req = []
    for calls, aht, interval in loads:
        a = load_of(calls, aht, interval)
        for goals in goal_sets:
            n = required("erlang_c", calls, aht, interval, None, goals)
            req.append(["erlang_c", calls, aht, interval, ""] + ["" if g is None else g for g in goals] + [n])
        if a <= 5000:
            for patience in (10, 60, 300):
                for goals in goal_sets[:2] + abandon_goals:
                    n = required("erlang_a", calls, aht, interval, patience, goals)
                    req.append(["erlang_a", calls, aht, interval, patience] +
                               ["" if g is None else g for g in goals] + [n])
        print(f"required done for A = {nstr(a, 8)}", file=sys.stderr, flush=True)
    with open(os.path.join(OUT, "reference_required.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "calls", "aht_s", "interval_s", "patience_s", "service_level", "answer_within_s",
                    "asa_s", "max_occupancy", "max_abandon", "agents"])
        w.writerows(req)


if __name__ == "__main__":
    main()
