#!/usr/bin/env python3
"""ERFA reference for the IAU 2000B option of osmose's frame tree.

Writes erfa_chain2000b.json next to this script: at 40 seeded TT dates over 1972-2050, the
matrices GCRS -> CIRS and GCRS -> true equator and equinox of date that osmose builds with
`nutation: 'IAU2000B'`, assembled from ERFA routines:

- CIRS: X, Y from the Fukushima-Williams matrix of the IAU 2006 precession angles (pfw06) with
  the IAU 2000B nutation (nut00b) added to psi and epsilon (fw2m, bpn2xy); s from s06 with
  those X, Y; the matrix from c2ixys.
- TOD_IAU2006: numat(obl06, nut00b) times the IAU 2006 bias-precession matrix (bp06).

Usage (Debian 12: apt-get install python3-erfa):
    /usr/bin/python3 scripts/reference/frames-2000b/generate_chain.py
"""

import json
import pathlib

import erfa
import erfa.version
import numpy as np

SEED = 20261206
JD_1972 = 2441317.5
JD_2050 = 2469807.5

rng = np.random.default_rng(SEED)
cases = []
for jd in rng.uniform(JD_1972, JD_2050, 40):
    tt1 = float(np.floor(jd) + 0.5)
    tt2 = float(jd - tt1)
    gamb, phib, psib, epsa = erfa.pfw06(tt1, tt2)
    dpsi, deps = erfa.nut00b(tt1, tt2)
    npb = erfa.fw2m(gamb, phib, psib + dpsi, epsa + deps)
    x, y = erfa.bpn2xy(npb)
    s = erfa.s06(tt1, tt2, x, y)
    c2i = erfa.c2ixys(x, y, s)
    _, _, rbp = erfa.bp06(tt1, tt2)
    tod = erfa.numat(erfa.obl06(tt1, tt2), dpsi, deps) @ rbp
    cases.append({
        'tt_jd1': tt1,
        'tt_jd2': tt2,
        'x_rad': float(x),
        'y_rad': float(y),
        's_rad': float(s),
        'gcrs_to_cirs': [float(v) for v in np.asarray(c2i).ravel()],
        'gcrs_to_tod_iau2006': [float(v) for v in np.asarray(tod).ravel()],
    })

out = {
    'about': 'GCRS -> CIRS and GCRS -> TOD (IAU 2006 precession, IAU 2000B nutation) from ERFA',
    'pyerfa': erfa.__version__,
    'erfa': erfa.version.erfa_version,
    'seed': SEED,
    'cases': cases,
}
path = pathlib.Path(__file__).with_name('erfa_chain2000b.json')
path.write_text(json.dumps(out, indent=1) + '\n')
print(f'wrote {path} ({len(cases)} cases)')
