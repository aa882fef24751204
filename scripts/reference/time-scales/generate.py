#!/usr/bin/python3
"""Reference conversions between time scales, computed with ERFA (Debian python3-erfa).

Run: /usr/bin/python3 scripts/reference/time-scales/generate.py
Writes scripts/reference/time-scales/erfa_time_scales.json; copy it to
test/reference/erfa-time-scales/ (the tests read that copy).

For each case: a UTC instant as a two-part JD (jd1 = JD of 00:00 UTC, jd2 = fraction of the
UTC day, as ERFA), a fixed UT1-UTC, and the same instant in TAI, TT, TCG, TDB (geocentric,
eraDtdb with u = v = 0), TCB, UT1 and GPS, each as a two-part JD from ERFA's own routines.
"""
import json
import random
import sys

import erfa

random.seed(20261124)
cases = []
days = []
# Uniform over 1972-2100 plus every leap-second day and the day before.
for _ in range(150):
    days.append(random.randint(41317, 88069))
for mjd in [41498, 41682, 42047, 42412, 42777, 43143, 43508, 43873, 44238, 44785, 45150,
            45515, 46246, 47160, 47891, 48256, 48803, 49168, 49533, 50082, 50629, 51178,
            53735, 54831, 56108, 57203, 57753]:
    days.append(mjd)

for mjd in days:
    frac = random.random()
    if random.random() < 0.1:
        frac = 1 - 1e-6 * random.random()  # last second of the day (inside a leap second on leap days)
    u1, u2 = 2400000.5 + mjd, frac
    dut1 = random.uniform(-0.9, 0.9)
    tai1, tai2 = erfa.utctai(u1, u2)
    tt1, tt2 = erfa.taitt(tai1, tai2)
    tcg1, tcg2 = erfa.tttcg(tt1, tt2)
    dtr = erfa.dtdb(tt1, tt2, 0.0, 0.0, 0.0, 0.0)
    tdb1, tdb2 = erfa.tttdb(tt1, tt2, dtr)
    tcb1, tcb2 = erfa.tdbtcb(tdb1, tdb2)
    ut11, ut12 = erfa.utcut1(u1, u2, dut1)
    cases.append({
        "utc": [u1, u2],
        "dut1_s": dut1,
        "tai": [tai1, tai2],
        "tt": [tt1, tt2],
        "tcg": [tcg1, tcg2],
        "tdb_minus_tt_s": dtr,
        "tdb": [tdb1, tdb2],
        "tcb": [tcb1, tcb2],
        "ut1": [ut11, ut12],
    })

# TAI-based cases over 1900-2100 (UTC is not defined before 1961): TT, TCG, TDB, TCB.
tai_cases = []
for _ in range(120):
    mjd = random.randint(15020, 88069)  # 1900-01-01 .. 2100-01-01
    a1, a2 = 2400000.5 + mjd, random.random()
    tt1, tt2 = erfa.taitt(a1, a2)
    tcg1, tcg2 = erfa.tttcg(tt1, tt2)
    dtr = erfa.dtdb(tt1, tt2, 0.0, 0.0, 0.0, 0.0)
    tdb1, tdb2 = erfa.tttdb(tt1, tt2, dtr)
    tcb1, tcb2 = erfa.tdbtcb(tdb1, tdb2)
    tai_cases.append({
        "tai": [a1, a2],
        "tt": [tt1, tt2],
        "tcg": [tcg1, tcg2],
        "tdb": [tdb1, tdb2],
        "tcb": [tcb1, tcb2],
    })

out = {
    "about": "Time-scale conversions computed with ERFA via Debian python3-erfa; see README.md",
    "erfa_version": erfa.__version__,
    "cases": cases,
    "tai_cases": tai_cases,
}
path = sys.argv[1] if len(sys.argv) > 1 else "scripts/reference/time-scales/erfa_time_scales.json"
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print(f"{len(cases)} cases written to {path}")
