#!/usr/bin/python3
"""Where a weekly-tours gap lies: every headcount mix cheaper than a plan, checked by HiGHS.

Usage: scripts/headcount_check.py MODEL.mps BELOW [SECONDS]   (default 60 s a mix)

MODEL.mps is a plan with weekly tours written by tests/tools/export_mps; BELOW is
a plan's cost (staffplan's, say). With tours whose shifts all cost the same, a
plan's cost is Σ (cost of one agent's week) × (agents on tours of that cost):
it is fixed by a few whole numbers, the headcount of each cost class. So a plan
cheaper than BELOW has one of the mixes of headcounts that cost less than
BELOW, and for each mix one question settles it: is there a plan with exactly
those headcounts?

The script finds each class's range of headcounts over the LP relaxation with
cost below BELOW, lists the mixes in that box costing from the LP's value up to
BELOW, cheapest first, and asks HiGHS (scipy.optimize.milp) about each: LP
infeasible, infeasible, a plan (then the cheapest there is: every cheaper mix
was shown infeasible before it), or undecided within SECONDS. Its last line is
the bound this proves: no plan costs less than the cheapest mix not shown
infeasible. Slow (minutes to hours): a checking tool, never run by staffplan.
Needs Debian's python3-scipy (scripts/highs_check.py reads the MPS)."""
import os
import sys
import time
from collections import defaultdict

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csc_matrix, csr_matrix, vstack

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from highs_check import read_mps_named  # noqa: E402

# The most headcount mixes the script lists (the box of the classes' ranges).
MAX_BOX = 100_000


def tour_classes(c, A, rows, cols):
    """{cost of one agent's week: [tour variables]}, from the Link and TourWeek rows.

    A tour variable t works the days of its Link rows (coefficient -1), or, with days
    off anywhere, k days (its TourWeek coefficient -k). Its week costs the cost of the
    daily shifts in those rows times its days; they must all cost the same."""
    A = csc_matrix(A)
    R = csr_matrix(A)
    classes = defaultdict(list)
    for j, name in enumerate(cols):
        if not name.startswith("t["):
            continue
        column = A.getcol(j)
        links = [i for i in column.indices if rows[i].startswith("Link(")]
        week = [(i, v) for i, v in zip(column.indices, column.data) if rows[i].startswith("TourWeek(")]
        days = -week[0][1] if week else len(links)
        shift_costs = {round(c[k], 9) for i in links for k in R.getrow(i).indices if cols[k].startswith("x[")}
        if len(shift_costs) != 1:
            sys.exit(f"headcount_check: the shifts of {name} do not all cost the same: {sorted(shift_costs)}")
        classes[round(shift_costs.pop() * days, 6)].append(j)
    if not classes:
        sys.exit("headcount_check: the model has no weekly tours (no t[...] variables)")
    return dict(sorted(classes.items(), reverse=True))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    path, below = sys.argv[1], float(sys.argv[2])
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
    c, A, lo, hi, lb, ub, integer, rows, cols = read_mps_named(path)
    classes = tour_classes(c, A, rows, cols)
    weights = list(classes)
    S = np.zeros((len(weights), len(c)))
    for k, w in enumerate(weights):
        S[k, classes[w]] = 1
    sites = [sorted({cols[j][2:].split(",")[0] for j in classes[w]}) for w in weights]
    print(f"{path}: {len(weights)} headcount classes (cost of one agent's week): " +
          ", ".join(f"{w:g} (site {' '.join(s)})" for w, s in zip(weights, sites)))
    relaxed = np.zeros_like(integer)
    lp = milp(c, constraints=LinearConstraint(A, lo, hi), bounds=Bounds(lb, ub), integrality=relaxed)
    if lp.status != 0:
        sys.exit(f"headcount_check: the LP relaxation has no solution ({lp.message})")
    # Each class's headcount range over the LP points cheaper than BELOW.
    cheaper = LinearConstraint(vstack([csr_matrix(A), csr_matrix(c)]), np.append(lo, -np.inf),
                               np.append(hi, below - 1e-6 * max(1.0, abs(below))))
    box = []
    for k in range(len(weights)):
        ends = [milp(sign * S[k], constraints=cheaper, bounds=Bounds(lb, ub), integrality=relaxed) for sign in (1, -1)]
        if any(e.status != 0 for e in ends):
            print(f"LP {lp.fun:.2f}: no LP point costs less than {below:g}, so nothing does")
            return
        box.append(range(int(np.ceil(ends[0].fun - 1e-6)), int(np.floor(-ends[1].fun + 1e-6)) + 1))
    print(f"LP {lp.fun:.2f}; headcounts of LP points cheaper than {below:g}: " +
          ", ".join(f"{w:g}: {r.start}-{r.stop - 1}" for w, r in zip(weights, box)))
    points = int(np.prod([len(r) for r in box]))
    if points > MAX_BOX:
        sys.exit(f"headcount_check: {points} headcount mixes in that box, more than {MAX_BOX}; give a lower COST")
    mixes = [(float(np.dot(weights, m)), m) for m in np.array(np.meshgrid(*box, indexing="ij")).reshape(len(box), -1).T]
    mixes = sorted((cost, tuple(int(v) for v in m)) for cost, m in mixes if lp.fun - 1e-6 <= cost < below - 1e-6)
    print(f"{len(mixes)} mixes from {lp.fun:.2f} to below {below:g}")
    print(f"{'cost':>10}  {'headcounts':<16}  verdict")
    with_heads = vstack([csr_matrix(A), csr_matrix(S)])
    first_open = None  # the cheapest mix not shown to have no plan
    for cost, mix in mixes:
        fixed = LinearConstraint(with_heads, np.append(lo, mix), np.append(hi, mix))
        started = time.time()
        found = None
        if milp(c, constraints=fixed, bounds=Bounds(lb, ub), integrality=relaxed).status != 0:
            verdict = "LP infeasible"
        else:
            r = milp(c, constraints=fixed, bounds=Bounds(lb, ub), integrality=integer,
                     options={"time_limit": seconds})
            found = r.fun if r.x is not None else None
            verdict = ("infeasible" if r.status == 2 else "undecided" if found is None else f"a plan at {found:.2f}")
            verdict += f" ({time.time() - started:.1f} s)"
        print(f"{cost:>10.2f}  {' '.join(map(str, mix)):<16}  {verdict}", flush=True)
        if first_open is None and not verdict.startswith(("LP infeasible", "infeasible")):
            first_open = cost
        if found is not None:
            break  # the cheapest plan there is, if every cheaper mix was shown infeasible
    bound = below if first_open is None else first_open
    print(f"No plan costs less than {bound:.2f}" +
          (": no cheaper mix has one" if first_open is None else ", the cheapest mix not shown to have none"))

if __name__ == "__main__":
    main()
