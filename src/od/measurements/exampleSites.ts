/**
 * The example sites of osmose: the three telescopes of the TAROT network (Calern in France,
 * La Silla in Chile, Les Makes on La Réunion), a small optical network of the kind that
 * keeps a GEO catalogue.
 *
 * Coordinates: as the GRANDMA consortium lists the TAROT telescopes (TCA, TCH, TRE),
 * https://grandma.lal.in2p3.fr/observatories/tarot/ (read 2025), in degrees with
 * altitudes that osmose takes as heights above the WGS84 ellipsoid: the 1320 m of Calern is
 * the plateau's 1270 m above sea level plus the ~50 m geoid undulation of south-eastern
 * France, which is what a GPS fix gives. Other published values differ by up to 400 m
 * horizontally (e.g. 29.2567° S, 70.7300° W, 2347 m for La Silla, from ESO's general site
 * position) — an error that moves a GEO object by up to 2″ (parallax 0.4 km / 38 000 km), so
 * replace these with surveyed coordinates for real data.
 *
 * @packageDocumentation
 */
import { createSiteDeg, type GeodeticCoordinatesDeg } from '../../frames';
import { createTelescope, type Sensor } from './sensor';

/** An example site: its name, geodetic coordinates (deg, km) and where they come from. */
export interface ExampleSite extends GeodeticCoordinatesDeg {
  /** Identifier used for the example telescope at this site. */
  readonly id: string;
  /** Human-readable name. */
  readonly name: string;
  /** Where the coordinates come from. */
  readonly source: string;
}

const GRANDMA = 'GRANDMA consortium, TAROT observatories page (grandma.lal.in2p3.fr)';

/**
 * The three TAROT telescopes: Calern (TCA), La Silla (TCH) and Les Makes (TRE), with
 * geodetic latitude and longitude in degrees and height above the WGS84 ellipsoid in km.
 *
 * @example
 * ```ts
 * EXAMPLE_SITES.map((s) => s.id); // ['TAROT-CALERN', 'TAROT-LA-SILLA', 'TAROT-REUNION']
 * ```
 */
export const EXAMPLE_SITES: readonly ExampleSite[] = Object.freeze([
  Object.freeze({
    id: 'TAROT-CALERN',
    name: 'TAROT Calern (Observatoire de la Côte d’Azur, France)',
    latitudeDeg: 43.75203,
    longitudeDeg: 6.92353,
    heightKm: 1.32,
    source: GRANDMA,
  }),
  Object.freeze({
    id: 'TAROT-LA-SILLA',
    name: 'TAROT La Silla (ESO, Chile)',
    latitudeDeg: -29.25992,
    longitudeDeg: -70.7326,
    heightKm: 2.398,
    source: GRANDMA,
  }),
  Object.freeze({
    id: 'TAROT-REUNION',
    name: 'TAROT Réunion (Observatoire des Makes, La Réunion)',
    latitudeDeg: -21.19882,
    longitudeDeg: 55.41022,
    heightKm: 0.991,
    source: GRANDMA,
  }),
]);

/** Options of {@link createExampleTelescopes}. */
export interface ExampleTelescopesOptions {
  /** Angle σ of every telescope, arcsec (default 1″, a 25 cm TAROT on a GEO object). */
  readonly sigmaArcsec?: number;
}

/**
 * Telescopes at the {@link EXAMPLE_SITES}, without biases.
 *
 * @param options - the angle σ (arcsec)
 * @returns one sensor per example site, in the order of {@link EXAMPLE_SITES}
 * @throws {@link InvalidArgumentError} when σ is not positive
 * @example
 * ```ts
 * const [calern] = createExampleTelescopes();
 * (calern!.site.latitudeRad * 180) / Math.PI; // ≈ 43.75203
 * ```
 */
export function createExampleTelescopes(options: ExampleTelescopesOptions = {}): Sensor[] {
  const sigmaArcsec = options.sigmaArcsec ?? 1;
  return EXAMPLE_SITES.map((s) =>
    createTelescope({
      id: s.id,
      site: createSiteDeg({
        latitudeDeg: s.latitudeDeg,
        longitudeDeg: s.longitudeDeg,
        heightKm: s.heightKm,
      }),
      sigmaArcsec,
    }),
  );
}
