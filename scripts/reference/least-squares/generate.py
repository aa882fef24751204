#!/usr/bin/env python3
"""SciPy reference solutions of two nonlinear least-squares problems, for
test/od/batch/nonlinearLeastSquares.test.ts.

1. "exponential-rise": y = b1 (1 - exp(-b2 t)) (the model of NIST StRD Misra1a) on 30 seeded
   noisy points, sigma = 0.5.
2. "damped-oscillator": y = a exp(-k t) cos(w t + p) on 60 seeded noisy points, sigma = 0.02,
   four parameters.

Each is solved by scipy.optimize.least_squares (MINPACK Levenberg-Marquardt, tolerances 1e-15)
on whitened residuals; the JSON holds the data, the solution, the covariance inv(J^T J) at the
solution and the weighted RMS.

Usage (Debian 12: apt-get install python3-scipy):
    /usr/bin/python3 scripts/reference/least-squares/generate.py > test/reference/scipy-least-squares/problems.json
"""
import json
import sys

import numpy as np
import scipy
from scipy.optimize import least_squares

rng = np.random.default_rng(20261206)
problems = []


def solve(name, model, jac, t, y, sigma, x0, start):
    def res(x):
        return (y - model(x, t)) / sigma

    def j(x):
        return -jac(x, t) / sigma

    sol = least_squares(res, x0, jac=j, method='lm', xtol=1e-15, ftol=1e-15, gtol=1e-15,
                        max_nfev=100000)
    J = sol.jac
    cov = np.linalg.inv(J.T @ J)
    problems.append({
        'name': name,
        't': t.tolist(),
        'y': y.tolist(),
        'sigma': sigma,
        'start': start,
        'solution': sol.x.tolist(),
        'covariance': cov.ravel().tolist(),
        'rms': float(np.sqrt(np.mean(sol.fun ** 2))),
        'scipy_status': int(sol.status),
    })


t1 = np.linspace(10, 800, 30)
b_true = np.array([240.0, 5.5e-4])
y1 = b_true[0] * (1 - np.exp(-b_true[1] * t1)) + rng.normal(0, 0.5, t1.size)
solve('exponential-rise',
      lambda b, t: b[0] * (1 - np.exp(-b[1] * t)),
      lambda b, t: np.column_stack([1 - np.exp(-b[1] * t), b[0] * t * np.exp(-b[1] * t)]),
      t1, y1, 0.5, np.array([500.0, 1e-4]), [500.0, 1e-4])

t2 = np.linspace(0, 10, 60)
p_true = np.array([1.3, 0.25, 2.1, 0.4])


def osc(p, t):
    return p[0] * np.exp(-p[1] * t) * np.cos(p[2] * t + p[3])


def osc_jac(p, t):
    e = np.exp(-p[1] * t)
    c = np.cos(p[2] * t + p[3])
    s = np.sin(p[2] * t + p[3])
    return np.column_stack([e * c, -p[0] * t * e * c, -p[0] * e * s * t, -p[0] * e * s])


y2 = osc(p_true, t2) + rng.normal(0, 0.02, t2.size)
solve('damped-oscillator', osc, osc_jac, t2, y2, 0.02, np.array([1.0, 0.2, 2.0, 0.3]),
      [1.0, 0.2, 2.0, 0.3])

json.dump({'scipy': scipy.__version__, 'numpy': np.__version__, 'problems': problems},
          sys.stdout, indent=1)
sys.stdout.write('\n')
