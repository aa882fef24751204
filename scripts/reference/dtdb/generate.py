#!/usr/bin/env python3
"""Evaluate ERFA's eraDtdb (through pyerfa) at seeded random dates and observers.

Writes dtdb_erfa.json next to this script: every input and output of each case, printed with
full double precision (Python's float repr, which reads back to the same double).

Usage (Debian 12: apt-get install python3-erfa):
    /usr/bin/python3 scripts/reference/dtdb/generate.py
"""

import json
import math
import pathlib
import re

import erfa
import erfa.version
import numpy as np

SEED = 20250520
JD_J2000 = 2451545.0
JD_1900 = 2415020.5  # 1900-01-01T00:00
JD_2100 = 2488069.5  # 2100-01-01T00:00
DAYS_PER_MILLENNIUM = 365250.0
# WGS84 ellipsoid, to place random observers on (or up to 5 km above) the Earth's surface.
WGS84_A_KM = 6378.137
WGS84_F = 1 / 298.257223563
E2 = WGS84_F * (2 - WGS84_F)


def observer(rng):
    """Random observer: east longitude (rad), distance from spin axis u and north of the
    equatorial plane v (km)."""
    lat = math.asin(rng.uniform(-1.0, 1.0))  # uniform over the sphere
    lon = rng.uniform(-math.pi, math.pi)
    h_km = rng.uniform(-0.5, 5.0)
    n_km = WGS84_A_KM / math.sqrt(1 - E2 * math.sin(lat) ** 2)
    u = (n_km + h_km) * math.cos(lat)
    v = (n_km * (1 - E2) + h_km) * math.sin(lat)
    return lon, u, v


def split_jd(jd, rng):
    """Split a Julian date in one of the ways SOFA's two-part dates are used."""
    style = rng.integers(0, 3)
    if style == 0:  # J2000 method
        return JD_J2000, jd - JD_J2000
    if style == 1:  # date (at 0h) and fraction of day
        jd1 = math.floor(jd - 0.5) + 0.5
        return jd1, jd - jd1
    return jd, 0.0  # JD method


def case(group, jd1, jd2, ut, elong, u, v):
    value = erfa.dtdb(jd1, jd2, ut, elong, u, v)
    return {
        "group": group,
        "jd1": float(jd1),
        "jd2": float(jd2),
        "ut1_fraction": float(ut),
        "elong_rad": float(elong),
        "u_km": float(u),
        "v_km": float(v),
        "tdb_minus_tt_s": float(value),
    }


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    # 100 geocentric dates, 1900-2100: the Fairhead & Bretagnon series alone.
    for _ in range(100):
        jd1, jd2 = split_jd(rng.uniform(JD_1900, JD_2100), rng)
        cases.append(case("geocentric", jd1, jd2, 0.0, 0.0, 0.0, 0.0))
    # 100 topocentric cases, 1900-2100, random observers and UT1 fractions; a few UT1
    # fractions outside [0, 1) check that only the fractional part counts, as in C's fmod.
    for k in range(100):
        jd1, jd2 = split_jd(rng.uniform(JD_1900, JD_2100), rng)
        elong, u, v = observer(rng)
        ut = rng.uniform(0.0, 1.0) if k % 10 else rng.uniform(-2.0, 3.0)
        cases.append(case("topocentric", jd1, jd2, ut, elong, u, v))
    # Far dates, outside the range where the series is meaningful: they only exercise the
    # arithmetic (both sine paths of the TypeScript evaluator, which switches at 20 millennia).
    for t_millennia in (-45.0, -19.9, -12.0, -3.0, 3.0, 12.0, 19.9, 45.0):
        elong, u, v = observer(rng)
        jd2 = t_millennia * DAYS_PER_MILLENNIUM + rng.uniform(-100.0, 100.0)
        cases.append(case("far", JD_J2000, jd2, rng.uniform(0.0, 1.0), elong, u, v))

    out = {
        "about": (
            "TDB-TT from ERFA eraDtdb (Fairhead & Bretagnon 1990 series with SOFA's "
            "topocentric terms), evaluated through pyerfa at seeded random dates. Inputs are "
            "the eraDtdb arguments: two-part Julian date jd1 + jd2 (TDB, days), UT1 fraction of "
            "day, east longitude (rad), distance from the spin axis u (km) and north of the "
            "equatorial plane v (km). Output tdb_minus_tt_s in seconds."
        ),
        "generator": "scripts/reference/dtdb/generate.py",
        "seed": SEED,
        "pyerfa_version": erfa.version.version,
        "erfa_version": erfa.version.erfa_version,
        "sofa_version": erfa.version.sofa_version,
        "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("dtdb_erfa.json")
    text = json.dumps(out, indent=2) + "\n"
    # Write exponents as Biome's formatter does (5e-5, not 5e-05): same doubles, stable file.
    text = re.sub(r"(?<=[0-9.])e\+?(-?)0*(?=[0-9])", r"e\1", text)
    path.write_text(text)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
