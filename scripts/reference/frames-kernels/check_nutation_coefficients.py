#!/usr/bin/env python3
"""Compare the IAU 2000A nutation series bundled in src/data/iers2010Nutation.ts with the
tables compiled into ERFA (Debian liberfa1), term by term.

ERFA's eraNut00a holds two static tables: the 678 luni-solar terms (5 int multipliers and 6
doubles, in 0.1 microarcsecond) and the 687 planetary terms (13 int multipliers and 4 int
amplitudes). They are found in the shared library by the bytes of their first terms. ERFA
repeats some frequencies (38 duplicates, 3 triplicates); the IERS tables, and so the bundled
data, carry each argument once, sometimes with all multipliers negated (sin coefficients then
change sign). Both sides are brought to one form before comparing: terms with the same
argument are added, and the first non-zero multiplier is made positive.

Usage: /usr/bin/python3 scripts/reference/frames-kernels/check_nutation_coefficients.py
"""

import pathlib
import re
import struct
import sys
from collections import defaultdict

LIB = "/usr/lib/x86_64-linux-gnu/liberfa.so.1"
DATA = pathlib.Path(__file__).resolve().parents[3] / "src" / "data" / "iers2010Nutation.ts"
N_LS, N_PL = 678, 687
MULTIPLIER_CODE_ZERO = 61
# Positions of the sine coefficients in [A, A', A'', B, B', B''] (A, A' multiply sin; B'' too).
SIN = (0, 1, 5)


def canonical(k, c):
    for x in k:
        if x:
            if x > 0:
                return tuple(k), c
            return tuple(-v for v in k), [(-v if i in SIN else v) for i, v in enumerate(c)]
    return tuple(k), c


def add(table, k, c):
    k, c = canonical(k, c)
    row = table.setdefault(k, [0.0] * 6)
    for i in range(6):
        row[i] += c[i]


def erfa_terms():
    blob = pathlib.Path(LIB).read_bytes()
    first_ls = struct.pack("<5i4x6d", 0, 0, 0, 0, 1, -172064161.0, -174666.0, 33386.0,
                           92052331.0, 9086.0, 15377.0)
    first_pl = struct.pack("<17i", 0, 0, 0, 0, 0, 0, 8, -16, 4, 5, 0, 0, 0, 1440, 0, 0, 0)
    i_ls, i_pl = blob.find(first_ls), blob.find(first_pl)
    if i_ls < 0 or i_pl < 0:
        sys.exit("cannot find the eraNut00a tables in " + LIB)
    table = {}
    for n in range(N_LS):
        nl, nlp, nf, nd, nom, sp, spt, cp, ce, cet, se = struct.unpack_from("<5i4x6d", blob,
                                                                           i_ls + 72 * n)
        add(table, [nl, nlp, nf, nd, nom] + [0] * 9, [sp, spt, cp, ce, cet, se])
    for n in range(N_PL):
        r = struct.unpack_from("<17i", blob, i_pl + 68 * n)
        k = [r[0], 0, r[1], r[2], r[3]] + list(r[4:13])
        sp, cp, se, ce = r[13:17]
        add(table, k, [sp, 0, cp, ce, 0, se])
    return table


def bundled_terms():
    text = DATA.read_text()
    body = text[text.index("export const IAU2000A_NUTATION"):]
    chars = "".join(re.findall(r"'([^']*)'", body[body.index("multipliers:"):body.index(
        "coefficientsTenthUas")]))
    numbers = [int(v) for v in re.findall(r"-?\d+", body[body.index("coefficientsTenthUas"):])]
    n = len(chars) // 14
    if len(numbers) != 6 * n:
        sys.exit(f"{DATA}: {n} terms but {len(numbers)} coefficients")
    table = {}
    for t in range(n):
        k = [ord(ch) - MULTIPLIER_CODE_ZERO for ch in chars[14 * t:14 * t + 14]]
        add(table, k, [float(v) for v in numbers[6 * t:6 * t + 6]])
    return table, n


def main():
    ours, n = bundled_terms()
    theirs = erfa_terms()
    nonzero = {k: v for k, v in theirs.items() if any(v)}
    bad = [k for k in set(ours) | set(nonzero)
           if ours.get(k, [0.0] * 6) != nonzero.get(k, [0.0] * 6)]
    if bad:
        for k in bad[:10]:
            print("differs:", k, ours.get(k), nonzero.get(k))
        sys.exit(f"{len(bad)} arguments differ")
    print(f"all {n} bundled arguments match ERFA's {N_LS} + {N_PL} eraNut00a terms "
          f"({len(theirs)} distinct frequencies, {len(nonzero)} with non-zero coefficients)")


if __name__ == "__main__":
    main()
