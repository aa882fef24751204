#!/usr/bin/env python3
"""Evaluate the ERFA Earth-orientation kernels (through pyerfa) at seeded random dates.

Writes erfa_frames_kernels.json next to this script: for each case the inputs (TT and UT1 as
two-part Julian dates, pole coordinates) and the outputs of every kernel that
src/frames/iau2006 and src/frames/iau1980 reproduce, printed with full double precision
(Python's float repr, which reads back to the same double). Matrices are row-major, 9 numbers.

Usage (Debian 12: apt-get install python3-erfa):
    /usr/bin/python3 scripts/reference/frames-kernels/generate.py
"""

import json
import math
import pathlib
import re

import erfa
import erfa.version
import numpy as np

SEED = 20250611
JD_J2000 = 2451545.0
DAYS_PER_CENTURY = 36525.0
JD_1972 = 2441317.5  # 1972-01-01T00:00
JD_2050 = 2469807.5  # 2050-01-01T00:00
RAD_PER_ARCSEC = math.pi / 648000


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


def mat(m):
    return [float(v) for v in np.asarray(m).reshape(9)]


def kernels(tt1, tt2, ut1, ut2, xp, yp):
    """Every output, keyed by the ERFA function name."""
    out = {}
    t = ((tt1 - JD_J2000) + tt2) / DAYS_PER_CENTURY
    out["t_centuries"] = t
    out["fa03"] = [
        float(f(t))
        for f in (
            erfa.fal03, erfa.falp03, erfa.faf03, erfa.fad03, erfa.faom03, erfa.fame03,
            erfa.fave03, erfa.fae03, erfa.fama03, erfa.faju03, erfa.fasa03, erfa.faur03,
            erfa.fane03, erfa.fapa03,
        )
    ]
    out["era00"] = float(erfa.era00(ut1, ut2))
    out["gmst06"] = float(erfa.gmst06(ut1, ut2, tt1, tt2))
    out["gmst82"] = float(erfa.gmst82(ut1, ut2))
    out["gst06a"] = float(erfa.gst06a(ut1, ut2, tt1, tt2))
    out["ee06a"] = float(erfa.ee06a(tt1, tt2))
    out["eect00"] = float(erfa.eect00(tt1, tt2))
    out["eqeq94"] = float(erfa.eqeq94(tt1, tt2))
    out["obl80"] = float(erfa.obl80(tt1, tt2))
    out["obl06"] = float(erfa.obl06(tt1, tt2))
    out["nut80"] = [float(v) for v in erfa.nut80(tt1, tt2)]
    out["nut06a"] = [float(v) for v in erfa.nut06a(tt1, tt2)]
    out["prec76"] = [float(v) for v in erfa.prec76(JD_J2000, 0.0, tt1, tt2)]
    out["pmat76"] = mat(erfa.pmat76(tt1, tt2))
    gamb, phib, psib, epsa = erfa.pfw06(tt1, tt2)
    out["pfw06"] = [float(gamb), float(phib), float(psib), float(epsa)]
    out["pmat06"] = mat(erfa.pmat06(tt1, tt2))
    rnpb = erfa.pnm06a(tt1, tt2)
    out["pnm06a"] = mat(rnpb)
    x, y = erfa.xy06(tt1, tt2)
    out["xy06"] = [float(x), float(y)]
    s = erfa.s06(tt1, tt2, x, y)
    out["s06"] = float(s)
    out["xys06a"] = [float(v) for v in erfa.xys06a(tt1, tt2)]
    out["eors"] = float(erfa.eors(rnpb, erfa.s06(tt1, tt2, rnpb[2][0], rnpb[2][1])))
    out["c2ixys"] = mat(erfa.c2ixys(x, y, s))
    sp = erfa.sp00(tt1, tt2)
    out["sp00"] = float(sp)
    rpom = erfa.pom00(xp, yp, sp)
    out["pom00"] = mat(rpom)
    out["c2t06a"] = mat(erfa.c2t06a(tt1, tt2, ut1, ut2, xp, yp))
    # The same chain with X, Y from the series (iauXy06) instead of the NPB matrix.
    out["c2tcio_xy06"] = mat(erfa.c2tcio(erfa.c2ixys(x, y, s), erfa.era00(ut1, ut2), rpom))
    return out


def main():
    rng = np.random.default_rng(SEED)
    cases = []

    def add(group, jd_tt):
        tt1, tt2 = split_jd(jd_tt, rng)
        # UT1 = TT - (TT - UT1), TT - UT1 between 42 s (1972) and 75 s: any value works here.
        jd_ut1 = jd_tt - rng.uniform(42.0, 75.0) / 86400.0
        ut1, ut2 = split_jd(jd_ut1, rng)
        xp = rng.uniform(-0.5, 0.5) * RAD_PER_ARCSEC
        yp = rng.uniform(-0.5, 0.5) * RAD_PER_ARCSEC
        case = {
            "group": group,
            "tt_jd": [float(tt1), float(tt2)],
            "ut1_jd": [float(ut1), float(ut2)],
            "xp_rad": float(xp),
            "yp_rad": float(yp),
        }
        case["outputs"] = kernels(tt1, tt2, ut1, ut2, xp, yp)
        cases.append(case)

    # 50 dates uniform over 1972-01-01 ... 2050-01-01, the span of osmose's EOP and its users.
    for _ in range(50):
        add("1972-2050", rng.uniform(JD_1972, JD_2050))
    # J2000.0 itself.
    add("J2000", JD_J2000)
    # Far dates: they only exercise the arithmetic (the TypeScript series evaluator changes its
    # sine kernel beyond about 24 centuries from J2000).
    for t_centuries in (-30.0, -10.0, 10.0, 30.0):
        add("far", JD_J2000 + t_centuries * DAYS_PER_CENTURY + rng.uniform(-100.0, 100.0))

    out = {
        "about": (
            "Earth-orientation kernels of ERFA evaluated through pyerfa at seeded random dates. "
            "Inputs: TT and UT1 as two-part Julian dates (days), pole coordinates xp, yp (rad). "
            "Outputs keyed by the ERFA function name; angles in rad; matrices row-major "
            "(9 numbers, r_out = M r_in). fa03: the 14 fundamental arguments "
            "(fal03 ... fane03, fapa03) at t = t_centuries. prec76: zeta, z, theta from J2000.0. "
            "pfw06: gamb, phib, psib, epsa. c2tcio_xy06: GCRS->ITRS with X, Y from xy06."
        ),
        "generator": "scripts/reference/frames-kernels/generate.py",
        "seed": SEED,
        "pyerfa_version": erfa.version.version,
        "erfa_version": erfa.version.erfa_version,
        "sofa_version": erfa.version.sofa_version,
        "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("erfa_frames_kernels.json")
    text = json.dumps(out, indent=1) + "\n"
    # Write exponents as Biome's formatter does (5e-5, not 5e-05): same doubles, stable file.
    text = re.sub(r"(?<=[0-9.])e\+?(-?)0*(?=[0-9])", r"e\1", text)
    path.write_text(text)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
