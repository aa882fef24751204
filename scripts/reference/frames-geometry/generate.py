#!/usr/bin/python3
"""Reference values for the geometry of src/frames/, computed with ERFA (Debian python3-erfa).

Run: /usr/bin/python3 scripts/reference/frames-geometry/generate.py
Writes scripts/reference/frames-geometry/frames_geometry_erfa.json; copy it to
test/reference/frames-geometry/ (the tests read that copy).

ERFA works in metres: heights and Cartesian coordinates below are stored as ERFA takes and
returns them (keys ending in _m); angles are in radians.

Sections:
- geodetic: geodetic coordinates -> eraGd2gc (exact closed form) -> eraGc2gd (Fukushima's
  method, whose own error is recorded), for ellipsoids 1 WGS84, 2 GRS80, 3 WGS72.
- azel: site (geodetic, WGS84) and target (ITRF, m); az/el from eraHd2ae applied to the hour
  angle and declination of the topocentric vector in the Earth-fixed frame.
- aberration: eraAb with the light-deflection term switched off (Sun distance 1e20 au).
- refraction: eraRefco constants A, B for the standard conditions of Bennett's formula, and
  Bennett's and Saemundsson's formulas evaluated here as published.
"""
import json
import math
import random

import erfa
import numpy as np

random.seed(20260404)

ELLIPSOIDS = {1: 'WGS84', 2: 'GRS80', 3: 'WGS72'}

# ----------------------------------------------------------------------------------------------
# Geodetic <-> Cartesian.
LATS_FULL = [-90.0, -89.9999, -60.0, -35.5, -1e-7, 0.0, 1e-7, 20.0, 45.0, 71.3, 89.9999, 90.0]
HEIGHTS_FULL_KM = [-6300.0, -5000.0, -1000.0, -1e-3, 0.0, 0.4, 400.0, 20200.0, 35786.0, 50000.0]
LATS_SHORT = [-90.0, -45.0, 0.0, 30.0, 62.5, 90.0]
HEIGHTS_SHORT_KM = [-5000.0, 0.0, 1.2, 35786.0, 50000.0]
SPECIAL_LONS = [-180.0, -90.0, 0.0, 90.0, 180.0, 179.999999]

geodetic = []
for n, name in ELLIPSOIDS.items():
    lats, heights = (LATS_FULL, HEIGHTS_FULL_KM) if n == 1 else (LATS_SHORT, HEIGHTS_SHORT_KM)
    i = 0
    for lat in lats:
        for h_km in heights:
            if i < len(SPECIAL_LONS):
                lon = SPECIAL_LONS[i]
            else:
                lon = random.uniform(-180.0, 180.0)
            i += 1
            elong = math.radians(lon)
            phi = math.radians(lat)
            height_m = h_km * 1000.0
            xyz = erfa.gd2gc(n, elong, phi, height_m)
            e2, p2, h2 = erfa.gc2gd(n, xyz)
            geodetic.append({
                'ellipsoid': name,
                'elong': elong,
                'phi': phi,
                'height_m': height_m,
                'xyz_m': [float(v) for v in xyz],
                'gc2gd': {'elong': float(e2), 'phi': float(p2), 'height_m': float(h2)},
            })

# ----------------------------------------------------------------------------------------------
# Az/el: eraHd2ae(ha, dec, phi) with the hour angle and declination of the topocentric vector
# in the Earth-fixed frame and the geodetic latitude of the site (the zenith is the ellipsoid
# normal).
SITES = [
    ('Calern', 43.7546, 6.9216, 1.27),
    ('La Silla', -29.2563, -70.738, 2.4),
    ('Les Makes', -21.199, 55.41, 0.99),
    ('North pole', 90.0, 0.0, 0.0),
    ('Equator', 0.0, 0.0, 0.0),
]
azel = []
for name, lat, lon, h_km in SITES:
    phi = math.radians(lat)
    elong = math.radians(lon)
    site = erfa.gd2gc(1, elong, phi, h_km * 1000.0)
    for _ in range(6):
        # Targets: GEO belt points, LEO points and random far points.
        kind = random.choice(['geo', 'leo', 'far'])
        if kind == 'geo':
            t = erfa.gd2gc(1, math.radians(random.uniform(-180, 180)), 0.0, 35786e3)
        elif kind == 'leo':
            t = erfa.gd2gc(1, elong + math.radians(random.uniform(-20, 20)),
                           phi if abs(lat) < 89 else math.radians(80),
                           random.uniform(300e3, 2000e3))
        else:
            d = np.array([random.gauss(0, 1) for _ in range(3)])
            t = site + d / np.linalg.norm(d) * random.uniform(1e5, 1e8)
        rho = t - site
        ha = elong - math.atan2(rho[1], rho[0])
        dec = math.atan2(rho[2], math.hypot(rho[0], rho[1]))
        az, el = erfa.hd2ae(ha, dec, phi)
        azel.append({
            'site': name,
            'elong': elong,
            'phi': phi,
            'height_m': h_km * 1000.0,
            'site_xyz_m': [float(v) for v in site],
            'target_xyz_m': [float(v) for v in t],
            'az': float(az),
            'el': float(el),
            'range_m': float(np.linalg.norm(rho)),
        })

# ----------------------------------------------------------------------------------------------
# Aberration: eraAb(pnat, v, s, bm1), v in units of c; s = 1e20 au makes the light-deflection
# term SRS/s negligible (2e-28).
C_KM_S = 299792.458
aberration = []
for speed_km_s in [29.78, 30.29, 0.465, 3.07]:
    for _ in range(3):
        p = np.array([random.gauss(0, 1) for _ in range(3)])
        p /= np.linalg.norm(p)
        v = np.array([random.gauss(0, 1) for _ in range(3)])
        v *= speed_km_s / np.linalg.norm(v)
        beta = v / C_KM_S
        bm1 = math.sqrt(1.0 - float(beta @ beta))
        ppr = erfa.ab(p, beta, 1e20, bm1)
        aberration.append({
            'direction': [float(x) for x in p],
            'velocity_km_s': [float(x) for x in v],
            'apparent': [float(x) for x in ppr],
        })

# ----------------------------------------------------------------------------------------------
# Refraction. Bennett (1982): R[arcmin] = 1 / tan(h0 + 7.31 / (h0 + 4.4)), h0 apparent
# altitude in degrees. Saemundsson (1986): R[arcmin] = 1.02 / tan(h + 10.3 / (h + 5.11)),
# h true altitude in degrees. Both for 1010 hPa and 10 degC (Meeus, Astronomical Algorithms,
# 2nd ed., ch. 16).
def bennett_arcmin(h0):
    return 1.0 / math.tan(math.radians(h0 + 7.31 / (h0 + 4.4)))


def saemundsson_arcmin(h):
    return 1.02 / math.tan(math.radians(h + 10.3 / (h + 5.11)))


refa, refb = erfa.refco(1010.0, 10.0, 0.0, 0.574)
refraction = {
    'conditions': {'pressure_hpa': 1010.0, 'temperature_c': 10.0, 'humidity': 0.0,
                   'wavelength_um': 0.574},
    'refco': {'a_rad': float(refa), 'b_rad': float(refb)},
    'formulas': [
        {'elevation_deg': el, 'bennett_arcmin': bennett_arcmin(el),
         'saemundsson_arcmin': saemundsson_arcmin(el)}
        for el in [0.0, 5.0, 10.0, 45.0]
    ],
}

out = {
    'generator': 'scripts/reference/frames-geometry/generate.py',
    'erfa_version': erfa.__version__,
    'geodetic': geodetic,
    'azel': azel,
    'aberration': aberration,
    'refraction': refraction,
}
with open('scripts/reference/frames-geometry/frames_geometry_erfa.json', 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')

# Summary of ERFA's own inverse error (eraGc2gd against the geodetic input).
worst = {}
for c in geodetic:
    h_km = c['height_m'] / 1000.0
    band = 'h<=1000km' if abs(h_km) <= 1000 and h_km > -2000 else 'other'
    dphi = abs(c['gc2gd']['phi'] - c['phi'])
    dh = abs(c['gc2gd']['height_m'] - c['height_m']) / 1000.0
    w = worst.setdefault(band, [0.0, 0.0])
    w[0] = max(w[0], dphi)
    w[1] = max(w[1], dh)
print(len(geodetic), 'geodetic cases,', len(azel), 'az/el cases,', len(aberration),
      'aberration cases')
print('eraGc2gd error (max |dphi| rad, max |dh| km):', worst)
