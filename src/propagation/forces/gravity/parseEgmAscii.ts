/**
 * Reader of the NGA EGM ASCII coefficient files (`egm96_to360.ascii`, `EGM2008_to2190_TideFree`).
 *
 * @packageDocumentation
 */
import { DataFormatError } from '../../../errors';
import { GravityField } from './gravityField';
import { CoefficientRows, type ParseGravityOptions, truncation } from './parseIcgem';

/**
 * GM of EGM96 and EGM2008, km³/s² (3986004.415e8 m³/s²; Lemoine et al. 1998, Pavlis et al.
 * 2012): the NGA files carry no header, so this is the default of {@link parseEgmAscii}.
 */
const EGM_GM_KM3_S2 = 398600.4415;
/** Reference radius of EGM96 and EGM2008, km (6378136.3 m). */
const EGM_RADIUS_KM = 6378.1363;

/** Options of {@link parseEgmAscii}. */
export interface ParseEgmAsciiOptions extends ParseGravityOptions {
  /** Name of the model (default `'EGM'`). */
  readonly name?: string;
  /** GM of the model, km³/s² (default 398600.4415, that of EGM96 and EGM2008). */
  readonly gmKm3S2?: number;
  /** Reference radius, km (default 6378.1363, that of EGM96 and EGM2008). */
  readonly referenceRadiusKm?: number;
  /** Tide system of the file (NGA's EGM2008 and EGM96 files are tide-free: default `'tide_free'`). */
  readonly tideSystem?: string;
}

/**
 * Parses an NGA EGM ASCII file: one row `n m C̄ S̄ [σC σS]` per coefficient, fully
 * normalised, no header (the degree is the highest n present). Exponents may be written `e`,
 * `E`, `d` or `D`; missing pairs are zero and C̄0,0 is 1 when absent (the NGA EGM2008 file
 * starts at n = 2).
 *
 * @param text - the file's content
 * @param options - GM, radius, name, truncation degree and order
 * @returns the field
 * @throws {@link DataFormatError} for a malformed row, an order above its degree or a repeated
 *   (n, m), with the 1-based line
 * @throws {@link InvalidArgumentError} for a truncation degree above the file's
 * @see NGA, EGM96 and EGM2008 coefficient files (`egm96_to360.ascii`, readme)
 * @example
 * ```ts
 * const text = ' 0 0 1.0 0.0 0 0\n 2 0 -0.484165371736e-03 0.0 0 0\n 2 1 -0.1869876e-09 0.1195280e-08 0 0';
 * parseEgmAscii(text).sNormalized(2, 1); // 1.19528e-9
 * ```
 */
export function parseEgmAscii(text: string, options: ParseEgmAsciiOptions = {}): GravityField {
  const source = options.source ?? 'EGM';
  const lines = text.split(/\r?\n/);
  const rows: { line: number; fields: string[] }[] = [];
  let fileDegree = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    if (fields.length < 4) {
      throw new DataFormatError(source, i + 1, 'a row needs n, m, C and S', 'n m C S');
    }
    const n = Number(fields[0]);
    if (!/^\d+$/.test(fields[0]!)) throw new DataFormatError(source, i + 1, 'not a degree', 'n');
    if (n > fileDegree) fileDegree = n;
    rows.push({ line: i + 1, fields });
  }
  if (rows.length === 0) throw new DataFormatError(source, 0, 'no coefficient rows');
  const { maxDegree, maxOrder } = truncation(options, fileDegree);
  const table = new CoefficientRows(source, fileDegree, maxDegree, maxOrder);
  for (const { line, fields } of rows) {
    table.add(line, fields[0]!, fields[1]!, fields[2]!, fields[3]!);
  }
  return GravityField.create({
    name: options.name ?? 'EGM',
    gmKm3S2: options.gmKm3S2 ?? EGM_GM_KM3_S2,
    referenceRadiusKm: options.referenceRadiusKm ?? EGM_RADIUS_KM,
    maxDegree,
    maxOrder,
    cNormalized: table.c,
    sNormalized: table.s,
    tideSystem: options.tideSystem ?? 'tide_free',
  });
}
