import {
  julianCenturiesSinceJ2000,
  normalizeAngleMinusPiToPi,
  RAD_PER_ARCSEC,
  TWO_PI,
} from '../internal/constants';
import { meanObliquity1980Rad } from './meanObliquity1980';
import { nutation1980Into } from './nutation1980';

/**
 * The equation of the equinoxes, IAU 1994 model: Δψ cos ε₀ of the IAU 1980 nutation and
 * obliquity, plus the "kinematic" terms 0.00264″ sin Ω + 0.000063″ sin 2Ω adopted by the IAU
 * in 1994 (in force from 1997-02-27), Ω the mean longitude of the Moon's node.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns GAST − GMST, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (1996), ch. 5, eq. 30; SOFA `iauEqeq94`
 *
 * @example
 * ```ts
 * equationOfEquinoxes1994Rad(2400000.5, 41234.0); // 0.00005357758254609149 (SOFA: 0.5357758254609256894e-4)
 * ```
 */
export function equationOfEquinoxes1994Rad(ttJd1: number, ttJd2: number): number {
  const n = nutation1980Into([0, 0], ttJd1, ttJd2);
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  // Ω of the 1980 theory, arcsec (and −5 revolutions per century).
  const om = normalizeAngleMinusPiToPi(
    (450160.28 + (-482890.539 + (7.455 + 0.008 * t) * t) * t) * RAD_PER_ARCSEC +
      ((-5 * t) % 1) * TWO_PI,
  );
  return (
    n[0]! * Math.cos(meanObliquity1980Rad(ttJd1, ttJd2)) +
    RAD_PER_ARCSEC * (0.00264 * Math.sin(om) + 0.000063 * Math.sin(om + om))
  );
}
