import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equationOfEquinoxes1994Rad } from '../../src/frames/iau1980/equationOfEquinoxes1994';
import { gmst1982Rad } from '../../src/frames/iau1980/gmst1982';
import { meanObliquity1980Rad } from '../../src/frames/iau1980/meanObliquity1980';
import { nutation1980Rad } from '../../src/frames/iau1980/nutation1980';
import {
  precessionAngles1976Rad,
  precessionMatrix1976,
} from '../../src/frames/iau1980/precession1976';
import { celestialToIntermediateMatrix } from '../../src/frames/iau2006/celestialToIntermediate';
import {
  celestialToTerrestrialMatrix2006A,
  celestialToTerrestrialMatrixCipSeries2006A,
} from '../../src/frames/iau2006/celestialToTerrestrial2006A';
import {
  cioLocatorRad,
  cipXYRad,
  cipXYsFromPrecessionNutationRad,
  cipXYsRad,
} from '../../src/frames/iau2006/cipXys';
import { earthRotationAngleRad } from '../../src/frames/iau2006/earthRotationAngle';
import {
  equationOfEquinoxes2006ARad,
  equationOfOriginsRad,
  gast2006ARad,
} from '../../src/frames/iau2006/gast2006A';
import {
  equationOfEquinoxesComplementaryTermsRad,
  gastSeries2006Rad,
} from '../../src/frames/iau2006/gastSeries2006';
import { gmst2006Rad } from '../../src/frames/iau2006/gmst2006';
import { meanObliquity2006Rad } from '../../src/frames/iau2006/meanObliquity2006';
import { nutation2000ARad } from '../../src/frames/iau2006/nutation2000A';
import { polarMotionMatrix } from '../../src/frames/iau2006/polarMotion';
import {
  biasPrecessionMatrix2006,
  fukushimaWilliamsAngles2006Rad,
} from '../../src/frames/iau2006/precession2006';
import { precessionNutationMatrix2006A } from '../../src/frames/iau2006/precessionNutation2006A';
import { tioLocatorRad } from '../../src/frames/iau2006/tioLocator';
import { fundamentalArgumentsRad } from '../../src/frames/internal/fundamentalArguments';

// Tolerances against ERFA 2.0.0 (pyerfa). The kernels evaluate the same series with the same
// coefficients; what remains are roundings. Measured maxima over the 51 cases of 1972–2050
// (and the 4 far cases) are given after each.

/**
 * Angles reduced to [0, 2π) or [−π, π) (ERA, GMST, GAST, equations of the equinoxes): two ulps
 * of 2π. Measured: 1.1e-16 rad (far: 8.9e-16 rad).
 */
const WRAPPED_ANGLE_TOL_RAD = 2e-15;
/**
 * Polynomials (obliquities, Fukushima-Williams and 1976 precession angles, s′): the same
 * operations in the same order; one ulp of 0.41 rad is 5.6e-17 rad. Measured: 0.
 */
const POLYNOMIAL_TOL_RAD = 1e-16;
/**
 * Long series (IAU 2000A nutation, CIP X and Y, and what is built on them): the argument of a
 * term is rounded differently (one polynomial in t here, sums of reduced fundamental arguments
 * in ERFA), by up to ~1e-12 rad, which moves a term of amplitude ≤ 8.3e-5 rad by ≤ 8e-17 rad.
 * Measured: 6.4e-18 rad.
 */
const SERIES_TOL_RAD = 1e-16;
/** The same at 10 and 30 centuries from J2000, where arguments reach 1e6 rad. Measured: 2.5e-16 rad. */
const FAR_SERIES_TOL_RAD = 1e-15;
/**
 * Series of small amplitude: s + XY/2 (≤ 1.3e-8 rad per term) and the complementary terms of
 * the equation of the equinoxes (≤ 1.4e-11 rad): 1e-12 rad of argument gives ≤ 1.3e-20 rad.
 * Measured: 1.7e-22 rad (far: 7.8e-18 rad).
 */
const SMALL_SERIES_TOL_RAD = 1e-19;
const FAR_SMALL_SERIES_TOL_RAD = 1e-16;
/**
 * The IAU 1980 series (106 terms, Math.sin against the C library's sin, same arguments):
 * ≤ 1 ulp per term of ≤ 8.3e-5 rad. Measured: 1.4e-20 rad.
 */
const NUT80_TOL_RAD = 1e-18;
/** Matrix elements (magnitude ≤ 1): a few ulps of 1. Measured: 2.2e-16 (far: 4.4e-16). */
const MATRIX_TOL = 1e-15;
/**
 * Fundamental arguments: ERFA reduces the Delaunay polynomials in arcsec (≈1.7e9″·t, rounded
 * at ~2.4e-7″ = 1.2e-12 rad per century), osmose in rad. Measured: 1.1e-12 rad (t ≤ 0.5),
 * 6.1e-11 rad (t = 30).
 */
const FUNDAMENTAL_ARGUMENT_TOL_RAD = 5e-12;
const FAR_FUNDAMENTAL_ARGUMENT_TOL_RAD = 1e-10;
/**
 * Model difference, not rounding: X, Y from the series of tables 5.2a/b against X, Y from the
 * IAU 2006/2000A precession-nutation matrix (SOFA iauC2t06a) reach 1.1e-11 rad over 1972–2050;
 * matrix elements differ by up to 7.9e-12.
 */
const CIP_SERIES_VS_MATRIX_TOL = 1.5e-11;
/**
 * Model difference: GST from the table 5.2e expression against SOFA iauGst06a (the equation of
 * the origins of the NPB matrix). Measured: 1.41e-12 rad over 1972–2050.
 */
const GST_SERIES_VS_MATRIX_TOL_RAD = 2e-12;

interface ErfaOutputs {
  t_centuries: number;
  fa03: number[];
  era00: number;
  gmst06: number;
  gmst82: number;
  gst06a: number;
  ee06a: number;
  eect00: number;
  eqeq94: number;
  obl80: number;
  obl06: number;
  nut80: [number, number];
  nut06a: [number, number];
  prec76: [number, number, number];
  pmat76: number[];
  pfw06: [number, number, number, number];
  pmat06: number[];
  pnm06a: number[];
  xy06: [number, number];
  s06: number;
  xys06a: [number, number, number];
  eors: number;
  c2ixys: number[];
  sp00: number;
  pom00: number[];
  c2t06a: number[];
  c2tcio_xy06: number[];
}
interface ErfaCase {
  group: '1972-2050' | 'J2000' | 'far';
  tt_jd: [number, number];
  ut1_jd: [number, number];
  xp_rad: number;
  yp_rad: number;
  outputs: ErfaOutputs;
}

const REFERENCE = JSON.parse(
  readFileSync(
    new URL('../reference/erfa-frames-kernels/erfa_frames_kernels.json', import.meta.url),
    'utf8',
  ),
) as { cases: ErfaCase[] };
const NEAR = REFERENCE.cases.filter((c) => c.group !== 'far');
const FAR = REFERENCE.cases.filter((c) => c.group === 'far');

/** |a − b| reduced to [0, π]: the distance between two directions. */
function angleGap(a: number, b: number): number {
  const d = Math.abs((a - b) % (2 * Math.PI));
  return Math.min(d, 2 * Math.PI - d);
}

/** Largest |a_i − b_i|. */
function maxGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Runs `check` on every case and asserts the largest gap it returns. */
function expectAll(
  cases: readonly ErfaCase[],
  tol: number,
  check: (c: ErfaCase, tt: [number, number], ut1: [number, number]) => number,
): void {
  expect(cases.length).toBeGreaterThan(0);
  let worst = 0;
  let where = '';
  for (const c of cases) {
    const gap = check(c, c.tt_jd, c.ut1_jd);
    if (!(gap <= worst)) {
      worst = gap;
      where = `TT ${c.tt_jd.join(' + ')}`;
    }
  }
  expect(worst, `largest difference ${worst.toExponential(3)} at ${where}`).toBeLessThanOrEqual(
    tol,
  );
}

describe('Earth-orientation kernels against ERFA at 51 dates of 1972–2050', () => {
  it('has the 50 random dates, J2000.0, and 4 far dates', () => {
    expect(NEAR).toHaveLength(51);
    expect(FAR).toHaveLength(4);
  });

  it('fundamentalArgumentsRad matches iauFal03 … iauFapa03 within 5e-12 rad', () => {
    expectAll(NEAR, FUNDAMENTAL_ARGUMENT_TOL_RAD, (c) => {
      const ours = fundamentalArgumentsRad(c.outputs.t_centuries);
      return Math.max(...ours.map((v, i) => angleGap(v, c.outputs.fa03[i]!)));
    });
  });

  it('earthRotationAngleRad, gmst2006Rad, gmst1982Rad and gast2006ARad match ERFA within 2e-15 rad', () => {
    expectAll(NEAR, WRAPPED_ANGLE_TOL_RAD, (c, tt, ut1) =>
      Math.max(
        angleGap(earthRotationAngleRad(...ut1), c.outputs.era00),
        angleGap(gmst2006Rad(...ut1, ...tt), c.outputs.gmst06),
        angleGap(gmst1982Rad(...ut1), c.outputs.gmst82),
        angleGap(gast2006ARad(...ut1, ...tt), c.outputs.gst06a),
      ),
    );
  });

  it('equationOfEquinoxes2006ARad matches iauEe06a within 2e-15 rad', () => {
    expectAll(NEAR, WRAPPED_ANGLE_TOL_RAD, (c, tt) =>
      Math.abs(equationOfEquinoxes2006ARad(...tt) - c.outputs.ee06a),
    );
  });

  it('the obliquities, the 1976 and 2006 precession angles and s′ match ERFA within 1e-16 rad', () => {
    expectAll(NEAR, POLYNOMIAL_TOL_RAD, (c, tt) => {
      const p = precessionAngles1976Rad(2451545, 0, ...tt);
      const fw = fukushimaWilliamsAngles2006Rad(...tt);
      return Math.max(
        Math.abs(meanObliquity1980Rad(...tt) - c.outputs.obl80),
        Math.abs(meanObliquity2006Rad(...tt) - c.outputs.obl06),
        maxGap([p.zetaRad, p.zRad, p.thetaRad], c.outputs.prec76),
        maxGap([fw.gammaBarRad, fw.phiBarRad, fw.psiBarRad, fw.epsARad], c.outputs.pfw06),
        Math.abs(tioLocatorRad(...tt) - c.outputs.sp00),
      );
    });
  });

  it('nutation2000ARad matches iauNut06a within 1e-16 rad', () => {
    expectAll(NEAR, SERIES_TOL_RAD, (c, tt) => {
      const n = nutation2000ARad(...tt);
      return maxGap([n.dPsiRad, n.dEpsRad], c.outputs.nut06a);
    });
  });

  it('nutation1980Rad and equationOfEquinoxes1994Rad match iauNut80 and iauEqeq94 within 1e-18 rad', () => {
    expectAll(NEAR, NUT80_TOL_RAD, (c, tt) => {
      const n = nutation1980Rad(...tt);
      return Math.max(
        maxGap([n.dPsiRad, n.dEpsRad], c.outputs.nut80),
        Math.abs(equationOfEquinoxes1994Rad(...tt) - c.outputs.eqeq94),
      );
    });
  });

  it('cipXYRad, cipXYsRad and cipXYsFromPrecessionNutationRad match iauXy06 and iauXys06a within 1e-16 rad', () => {
    expectAll(NEAR, SERIES_TOL_RAD, (c, tt) => {
      const xy = cipXYRad(...tt);
      const xys = cipXYsRad(...tt);
      const viaMatrix = cipXYsFromPrecessionNutationRad(...tt);
      return Math.max(
        maxGap([xy.xRad, xy.yRad], c.outputs.xy06),
        maxGap([xys.xRad, xys.yRad], c.outputs.xy06),
        maxGap([viaMatrix.xRad, viaMatrix.yRad], c.outputs.xys06a.slice(0, 2)),
      );
    });
  });

  it('cioLocatorRad, cipXYsRad.sRad and the complementary terms match iauS06 and iauEect00 within 1e-19 rad', () => {
    expectAll(NEAR, SMALL_SERIES_TOL_RAD, (c, tt) =>
      Math.max(
        Math.abs(cioLocatorRad(...tt, ...c.outputs.xy06) - c.outputs.s06),
        Math.abs(cipXYsRad(...tt).sRad - c.outputs.s06),
        Math.abs(cipXYsFromPrecessionNutationRad(...tt).sRad - c.outputs.xys06a[2]),
        Math.abs(equationOfEquinoxesComplementaryTermsRad(...tt) - c.outputs.eect00),
      ),
    );
  });

  it('equationOfOriginsRad matches iauEors within 1e-16 rad', () => {
    expectAll(NEAR, SERIES_TOL_RAD, (c, tt) => {
      const npb = c.outputs.pnm06a;
      return Math.abs(
        equationOfOriginsRad(npb, cioLocatorRad(...tt, npb[6]!, npb[7]!)) - c.outputs.eors,
      );
    });
  });

  it('the 1976, 2006 and 2006/2000A matrices match iauPmat76, iauPmat06 and iauPnm06a within 1e-15', () => {
    expectAll(NEAR, MATRIX_TOL, (c, tt) =>
      Math.max(
        maxGap(precessionMatrix1976(...tt), c.outputs.pmat76),
        maxGap(biasPrecessionMatrix2006(...tt), c.outputs.pmat06),
        maxGap(precessionNutationMatrix2006A(...tt), c.outputs.pnm06a),
      ),
    );
  });

  it('celestialToIntermediateMatrix and polarMotionMatrix match iauC2ixys and iauPom00 within 1e-15', () => {
    expectAll(NEAR, MATRIX_TOL, (c) =>
      Math.max(
        maxGap(celestialToIntermediateMatrix(...c.outputs.xy06, c.outputs.s06), c.outputs.c2ixys),
        maxGap(polarMotionMatrix(c.xp_rad, c.yp_rad, c.outputs.sp00), c.outputs.pom00),
      ),
    );
  });

  it('celestialToTerrestrialMatrix2006A matches iauC2t06a within 1e-15', () => {
    expectAll(NEAR, MATRIX_TOL, (c, tt, ut1) =>
      maxGap(
        celestialToTerrestrialMatrix2006A(...tt, ...ut1, c.xp_rad, c.yp_rad),
        c.outputs.c2t06a,
      ),
    );
  });

  it('celestialToTerrestrialMatrixCipSeries2006A matches the ERFA chain built on iauXy06 within 1e-15', () => {
    expectAll(NEAR, MATRIX_TOL, (c, tt, ut1) =>
      maxGap(
        celestialToTerrestrialMatrixCipSeries2006A(...tt, ...ut1, c.xp_rad, c.yp_rad),
        c.outputs.c2tcio_xy06,
      ),
    );
  });

  it('the CIP-series chain stays within 1.5e-11 of iauC2t06a (series against the model they fit)', () => {
    expectAll(NEAR, CIP_SERIES_VS_MATRIX_TOL, (c, tt, ut1) =>
      maxGap(
        celestialToTerrestrialMatrixCipSeries2006A(...tt, ...ut1, c.xp_rad, c.yp_rad),
        c.outputs.c2t06a,
      ),
    );
  });

  it('gastSeries2006Rad (table 5.2e) stays within 2e-12 rad of iauGst06a', () => {
    expectAll(NEAR, GST_SERIES_VS_MATRIX_TOL_RAD, (c, tt, ut1) =>
      angleGap(gastSeries2006Rad(...ut1, ...tt), c.outputs.gst06a),
    );
  });
});

describe('Earth-orientation kernels against ERFA 10 and 30 centuries from J2000', () => {
  it('fundamentalArgumentsRad matches within 1e-10 rad', () => {
    expectAll(FAR, FAR_FUNDAMENTAL_ARGUMENT_TOL_RAD, (c) => {
      const ours = fundamentalArgumentsRad(c.outputs.t_centuries);
      return Math.max(...ours.map((v, i) => angleGap(v, c.outputs.fa03[i]!)));
    });
  });

  it('the long series (nutation, X, Y, NPB) match within 1e-15 rad, with either sine kernel', () => {
    expectAll(FAR, FAR_SERIES_TOL_RAD, (c, tt) => {
      const n = nutation2000ARad(...tt);
      const xy = cipXYRad(...tt);
      return Math.max(
        maxGap([n.dPsiRad, n.dEpsRad], c.outputs.nut06a),
        maxGap([xy.xRad, xy.yRad], c.outputs.xy06),
        maxGap(precessionNutationMatrix2006A(...tt), c.outputs.pnm06a),
        maxGap(
          celestialToTerrestrialMatrix2006A(...tt, ...c.ut1_jd, c.xp_rad, c.yp_rad),
          c.outputs.c2t06a,
        ),
      );
    });
  });

  it('s and the complementary terms match within 1e-16 rad; sidereal times within 2e-15 rad', () => {
    expectAll(FAR, FAR_SMALL_SERIES_TOL_RAD, (c, tt) =>
      Math.max(
        Math.abs(cioLocatorRad(...tt, ...c.outputs.xy06) - c.outputs.s06),
        Math.abs(equationOfEquinoxesComplementaryTermsRad(...tt) - c.outputs.eect00),
      ),
    );
    expectAll(FAR, WRAPPED_ANGLE_TOL_RAD, (c, tt, ut1) =>
      Math.max(
        angleGap(gast2006ARad(...ut1, ...tt), c.outputs.gst06a),
        Math.abs(equationOfEquinoxes2006ARad(...tt) - c.outputs.ee06a),
      ),
    );
  });
});
