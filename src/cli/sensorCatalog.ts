/**
 * The sensor catalogue file of the `osmose` command: JSON, either an array of sensors or
 * `{ "sensors": [...] }`, each
 * `{ "id": "TAROT-CALERN", "latitudeDeg": 43.75203, "longitudeDeg": 6.92353, "heightKm": 1.32,
 *    "sigmaArcsec": 1 }` (optional: `name`, `raBiasArcsec`, `decBiasArcsec`, `timeBiasS`).
 * The id is the TDM participant name of the sensor.
 */
import { DataFormatError } from '../errors';
import { createSiteDeg } from '../frames';
import { createTelescope, type Sensor } from '../od/measurements';

const SOURCE_FIELDS = ['id', 'latitudeDeg', 'longitudeDeg', 'heightKm', 'sigmaArcsec'] as const;

/**
 * Reads a sensor catalogue.
 *
 * @param text - the JSON text
 * @param source - file name, for messages
 * @returns the telescopes
 * @throws {@link DataFormatError} naming the entry and the field at fault
 */
export function readSensorCatalog(text: string, source: string): Sensor[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DataFormatError(source, 0, `not JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(json)
    ? json
    : json !== null &&
        typeof json === 'object' &&
        Array.isArray((json as { sensors?: unknown }).sensors)
      ? (json as { sensors: unknown[] }).sensors
      : undefined;
  if (list === undefined || list.length === 0) {
    throw new DataFormatError(
      source,
      0,
      'expected a non-empty array of sensors, or { "sensors": [...] }',
    );
  }
  return list.map((entry, i) => {
    if (entry === null || typeof entry !== 'object') {
      throw new DataFormatError(source, 0, `sensors[${i}] is not an object`);
    }
    const e = entry as Record<string, unknown>;
    for (const f of SOURCE_FIELDS) {
      const v = e[f];
      const ok =
        f === 'id'
          ? typeof v === 'string' && v !== ''
          : typeof v === 'number' && Number.isFinite(v);
      if (!ok) {
        throw new DataFormatError(
          source,
          0,
          `sensors[${i}].${f} = ${JSON.stringify(v)}: ${f === 'id' ? 'a non-empty string' : 'a finite number'} is required`,
        );
      }
    }
    const optional = (f: string): number | undefined => {
      const v = e[f];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new DataFormatError(
          source,
          0,
          `sensors[${i}].${f} = ${JSON.stringify(v)}: must be a finite number`,
        );
      }
      return v;
    };
    const raBias = optional('raBiasArcsec');
    const decBias = optional('decBiasArcsec');
    const timeBias = optional('timeBiasS');
    return createTelescope({
      id: e.id as string,
      site: createSiteDeg({
        latitudeDeg: e.latitudeDeg as number,
        longitudeDeg: e.longitudeDeg as number,
        heightKm: e.heightKm as number,
      }),
      sigmaArcsec: e.sigmaArcsec as number,
      ...(raBias !== undefined ? { raBiasArcsec: raBias } : {}),
      ...(decBias !== undefined ? { decBiasArcsec: decBias } : {}),
      ...(timeBias !== undefined ? { timeBiasS: timeBias } : {}),
    });
  });
}
