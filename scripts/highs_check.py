#!/usr/bin/python3
"""Solve an MPS file written by tests/tools/export_mps with scipy's HiGHS.

Usage: scripts/highs_check.py MODEL.mps [SECONDS]   (default 600 s)

Prints the LP relaxation's value, then HiGHS' best plan, its best bound and the
status after at most SECONDS: the independent check of whether a gap staffplan
reports is its incumbent's or its bound's. Needs scipy >= 1.9 (scipy.optimize.milp;
Debian's python3-scipy). Reads the MPS subset Clp writes (ROWS, COLUMNS with
integer markers, RHS, RANGES, BOUNDS)."""
import gzip
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csc_matrix


def read_mps(path):
    """c, A, row lower and upper bounds, variable lower and upper bounds, integrality."""
    return read_mps_named(path)[:7]


def read_mps_named(path):
    """As read_mps, then the row names and the variable names, in matrix order."""
    opener = gzip.open if path.endswith(".gz") else open
    rows, kind, cols, col_index = [], {}, [], {}
    objective, entries, integer = None, [], []
    rhs, ranges, lower, upper = {}, {}, {}, {}
    section, in_integer = None, False
    for line in opener(path, "rt"):
        if not line.strip() or line.startswith("*"):
            continue
        if not line[0].isspace():
            section = line.split()[0]
            continue
        f = line.split()
        if section == "ROWS":
            if f[0] == "N":
                objective = f[1]
            else:
                kind[f[1]] = f[0]
                rows.append(f[1])
        elif section == "COLUMNS":
            if len(f) >= 3 and f[1] == "'MARKER'":
                in_integer = f[2] == "'INTORG'"
                continue
            if f[0] not in col_index:
                col_index[f[0]] = len(cols)
                cols.append(f[0])
                integer.append(in_integer)
            for k in range(1, len(f), 2):
                entries.append((f[k], col_index[f[0]], float(f[k + 1])))
        elif section in ("RHS", "RANGES"):
            target = rhs if section == "RHS" else ranges
            for k in range(1, len(f), 2):
                target[f[k]] = float(f[k + 1])
        elif section == "BOUNDS":
            t, j = f[0], col_index[f[2]]
            v = float(f[3]) if len(f) > 3 else None
            if t in ("UP", "UI"):
                upper[j] = v
            if t in ("LO", "LI"):
                lower[j] = v
            if t == "FX":
                lower[j] = upper[j] = v
            if t == "MI":
                lower[j] = -np.inf
            if t == "BV":
                lower[j], upper[j] = 0.0, 1.0
            if t in ("UI", "LI", "BV"):
                integer[j] = True
    n, row_index = len(cols), {r: i for i, r in enumerate(rows)}
    c = np.zeros(n)
    I, J, V = [], [], []
    for r, j, v in entries:
        if r == objective:
            c[j] += v
        else:
            I.append(row_index[r])
            J.append(j)
            V.append(v)
    A = csc_matrix((V, (I, J)), shape=(len(rows), n))
    lo, hi = np.full(len(rows), -np.inf), np.full(len(rows), np.inf)
    for i, r in enumerate(rows):
        b, t = rhs.get(r, 0.0), kind[r]
        if t in ("E", "G"):
            lo[i] = b
        if t in ("E", "L"):
            hi[i] = b
        if r in ranges:
            R = ranges[r]
            if t == "G":
                hi[i] = b + abs(R)
            elif t == "L":
                lo[i] = b - abs(R)
            elif R > 0:
                hi[i] = b + R
            else:
                lo[i] = b + R
    lb = np.array([lower.get(j, 0.0) for j in range(n)])
    ub = np.array([upper.get(j, np.inf) for j in range(n)])
    return c, A, lo, hi, lb, ub, np.array(integer, dtype=int), rows, cols


def main():
    path = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
    c, A, lo, hi, lb, ub, integer = read_mps(path)
    rows = LinearConstraint(A, lo, hi)
    print(f"{path}: {len(c)} variables ({integer.sum()} integer), {A.shape[0]} rows")
    lp = milp(c, constraints=rows, bounds=Bounds(lb, ub), integrality=np.zeros_like(integer))
    print(f"LP relaxation: {lp.fun:.4f}")
    t = time.time()
    r = milp(c, constraints=rows, bounds=Bounds(lb, ub), integrality=integer,
             options={"time_limit": seconds, "mip_rel_gap": 1e-6})
    bound = getattr(r, "mip_dual_bound", None)
    print(f"HiGHS after {time.time() - t:.1f} s: {r.message}; best plan {r.fun}, best bound {bound}")


if __name__ == "__main__":
    main()
