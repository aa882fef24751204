#!/usr/bin/env python3
"""Evaluate ERFA's IAU 2000B nutation (and 2000A, 2006/2000A beside it) for osmose's tests.

Writes erfa_nut00b.json next to this script:

- "cases": eraNut00b at 50 seeded random TT dates over 1972-2050 (each two-part Julian date
  split in one of four ways), at J2000.0 and at the date of ERFA's own test (t_erfa_c.c).
- "difference_1995_2050": the model difference IAU 2000B minus IAU 2000A and minus IAU
  2006/2000A on a grid of TT dates every 0.25 day from 1995-01-01 to 2050-01-01, as maxima of
  |dpsi|, |deps|, the pole offset sqrt((dpsi sin eps)^2 + deps^2) and the rotation angle
  sqrt(dpsi^2 + deps^2), in rad, and the epochs where they occur.

Numbers are printed with Python's repr, which reads back to the same double.

Usage (Debian 12: apt-get install python3-erfa):
    /usr/bin/python3 scripts/reference/frames-2000b/generate.py
"""

import json
import math
import pathlib

import erfa
import erfa.version
import numpy as np

SEED = 20250612
JD_J2000 = 2451545.0
JD_1972 = 2441317.5  # 1972-01-01T00:00
JD_1995 = 2449718.5  # 1995-01-01T00:00
JD_2050 = 2469807.5  # 2050-01-01T00:00
GRID_STEP_D = 0.25


def split_jd(jd, rng):
    """Split a Julian date in one of the ways SOFA's two-part dates are used."""
    style = rng.integers(0, 4)
    if style == 0:  # J2000 method
        return JD_J2000, jd - JD_J2000
    if style == 1:  # date (at 0h) and fraction of day
        jd1 = math.floor(jd - 0.5) + 0.5
        return jd1, jd - jd1
    if style == 2:  # MJD method
        return 2400000.5, jd - 2400000.5
    return jd, 0.0  # JD method


def case(label, tt1, tt2):
    dpsi, deps = erfa.nut00b(tt1, tt2)
    return {"label": label, "tt": [float(tt1), float(tt2)], "nut00b": [float(dpsi), float(deps)]}


def maxima(days, dpsi, deps, eps):
    pole = np.hypot(dpsi * np.sin(eps), deps)
    angle = np.hypot(dpsi, deps)
    out = {}
    for name, v in (("dpsi", np.abs(dpsi)), ("deps", np.abs(deps)), ("pole", pole),
                    ("angle", angle)):
        i = int(np.argmax(v))
        out[name] = {"max_rad": float(v[i]), "at_tt_jd": float(JD_J2000 + days[i])}
    return out


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for jd in rng.uniform(JD_1972, JD_2050, 50):
        tt1, tt2 = split_jd(float(jd), rng)
        cases.append(case("1972-2050", tt1, tt2))
    cases.append(case("J2000", JD_J2000, 0.0))
    cases.append(case("t_erfa_c", 2400000.5, 53736.0))

    days = np.arange(JD_1995 - JD_J2000, JD_2050 - JD_J2000 + 1e-9, GRID_STEP_D)
    j2000 = np.full_like(days, JD_J2000)
    b = erfa.nut00b(j2000, days)
    a = erfa.nut00a(j2000, days)
    a06 = erfa.nut06a(j2000, days)
    eps = erfa.obl06(j2000, days)
    difference = {
        "grid": {"from_tt_jd": JD_1995, "to_tt_jd": JD_2050, "step_d": GRID_STEP_D,
                 "count": int(days.size)},
        "nut00b_minus_nut00a": maxima(days, b[0] - a[0], b[1] - a[1], eps),
        "nut00b_minus_nut06a": maxima(days, b[0] - a06[0], b[1] - a06[1], eps),
    }

    doc = {
        "generator": "scripts/reference/frames-2000b/generate.py",
        "seed": SEED,
        "pyerfa": erfa.version.version,
        "erfa": erfa.version.erfa_version,
        "sofa": erfa.version.sofa_version,
        "cases": cases,
        "difference_1995_2050": difference,
    }
    path = pathlib.Path(__file__).with_name("erfa_nut00b.json")
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} cases")
    for key in ("nut00b_minus_nut00a", "nut00b_minus_nut06a"):
        print(key, {k: v["max_rad"] / (math.pi / 648000) * 1e3 for k, v in difference[key].items()
                    if k != "grid"}, "mas")


if __name__ == "__main__":
    main()
