#!/usr/bin/env python3
"""SciPy reference values of the chi-square distribution and the incomplete gamma function,
for test/math/chiSquare.test.ts.

Usage (Debian 12: apt-get install python3-scipy):
    /usr/bin/python3 scripts/reference/chi-square/generate.py > test/reference/scipy-chi-square/chi_square.json
"""
import json
import sys

import numpy as np
import scipy
from scipy import special, stats

DOFS = [1, 2, 3, 4, 5, 6, 9, 12, 20, 50, 100, 240, 1000, 0.5, 2.5]
PROBS = [1e-10, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99,
         0.999, 0.999999]

quantiles = [{'p': p, 'dof': k, 'x': float(stats.chi2.ppf(p, k))} for k in DOFS for p in PROBS]
cdf = []
for k in DOFS:
    for x in [1e-8, 0.01, 0.3, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 500.0, 1500.0]:
        cdf.append({'x': x, 'dof': k, 'cdf': float(stats.chi2.cdf(x, k)),
                    'sf': float(stats.chi2.sf(x, k))})
gamma = [{'a': a, 'x': x, 'p': float(special.gammainc(a, x)), 'q': float(special.gammaincc(a, x))}
         for a in [0.1, 0.5, 1.0, 3.0, 10.0, 50.0, 500.0]
         for x in [1e-6, 0.1, 1.0, 3.0, 10.0, 49.0, 51.0, 200.0, 600.0]]
log_gamma = [{'a': a, 'lgamma': float(special.gammaln(a))}
             for a in [1e-6, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 7.5, 10.0, 100.0, 1e4]]
json.dump({'scipy': scipy.__version__, 'numpy': np.__version__, 'quantiles': quantiles,
           'cdf': cdf, 'gamma': gamma, 'log_gamma': log_gamma}, sys.stdout, indent=1)
sys.stdout.write('\n')
