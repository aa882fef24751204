/**
 * The bundled default gravity field.
 *
 * @packageDocumentation
 */
import { EGM2008_DEGREE_20_DATA } from '../../../data/egm2008Degree20';
import { GravityField } from './gravityField';

/**
 * EGM2008 to degree and order 20 (tide-free, fully normalised; GM 398600.4415 km³/s²,
 * R 6378.1363 km), bundled in `src/data/egm2008Degree20.ts` (10 kB) so that nothing has to be
 * downloaded. Built when called: an application that never calls it does not carry the
 * coefficients (the data module is free of side effects and tree-shaken away).
 *
 * For degrees above 20, read a full model with {@link parseIcgem} or {@link parseEgmAscii}.
 *
 * @returns the field
 * @see Pavlis, Holmes, Kenyon & Factor (2012), "The development and evaluation of the Earth
 *   Gravitational Model 2008 (EGM2008)", J. Geophys. Res. 117, B04406
 * @example
 * ```ts
 * const field = egm2008Degree20();
 * field.cNormalized(2, 0); // -0.000484165143790815
 * field.tideSystem; // 'tide_free'
 * ```
 */
export function egm2008Degree20(): GravityField {
  const d = EGM2008_DEGREE_20_DATA;
  return GravityField.create({
    name: d.name,
    gmKm3S2: d.gmKm3S2,
    referenceRadiusKm: d.referenceRadiusKm,
    maxDegree: d.maxDegree,
    cNormalized: d.cNormalized,
    sNormalized: d.sNormalized,
    tideSystem: d.tideSystem,
  });
}
