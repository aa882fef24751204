/**
 * Reader of the ICGEM `.gfc` format of static gravity field models.
 *
 * @packageDocumentation
 */
import { DataFormatError, InvalidArgumentError } from '../../../errors';
import { GravityField, legendreNormalization, triangularIndex } from './gravityField';

/** Options of {@link parseIcgem}. */
export interface ParseGravityOptions {
  /** Name of the source in error messages (default `'ICGEM'` or `'EGM'`). */
  readonly source?: string;
  /** Keep only degrees up to this one (default: all). */
  readonly maxDegree?: number;
  /** Keep only orders up to this one (default: `maxDegree`). */
  readonly maxOrder?: number;
}

/** Reads a number written with an `e`, `E`, `d` or `D` exponent; NaN when it is not one. */
export function readFortranNumber(text: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eEdD][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replace(/[dD]/, 'e'));
}

/**
 * Parses an ICGEM `.gfc` file (static model): the header keywords `earth_gravity_constant`
 * (m³/s²), `radius` (m), `max_degree`, `norm`, `tide_system`, `modelname`, up to
 * `end_of_head`, then `gfc n m C S [σC σS]` rows in any order. Unknown header keywords and the
 * free text before them are skipped; numbers may use `e`, `E`, `d` or `D` exponents; missing
 * (n, m) pairs are zero, except C̄0,0 which is 1 when absent. Unnormalised files
 * (`norm unnormalized`) are converted to fully normalised coefficients.
 *
 * @param text - the file's content
 * @param options - source name, truncation degree and order
 * @returns the field
 * @throws {@link DataFormatError} for a missing header keyword, a time-variable row (`gfct`,
 *   `trnd`, `asin`, `acos`), a malformed row, a degree or order out of range or a repeated
 *   (n, m), with the 1-based line
 * @throws {@link InvalidArgumentError} for a truncation degree above the file's
 * @see ICGEM, "Format description of gravity field models" (Barthelmes & Förste, 2011)
 * @example
 * ```ts
 * const text = [
 *   'earth_gravity_constant 3.986004415E+14', 'radius 6378136.3', 'max_degree 2',
 *   'norm fully_normalized', 'end_of_head ====',
 *   'gfc 0 0 1.0d0 0.0 0 0', 'gfc 2 0 -0.484165143790815d-03 0.0 0 0',
 * ].join('\n');
 * parseIcgem(text).cNormalized(2, 0); // -0.000484165143790815
 * ```
 */
export function parseIcgem(text: string, options: ParseGravityOptions = {}): GravityField {
  const source = options.source ?? 'ICGEM';
  const lines = text.split(/\r?\n/);
  const header = new Map<string, { value: string; line: number }>();
  let i = 0;
  for (; i < lines.length; i++) {
    const fields = lines[i]!.trim().split(/\s+/);
    const key = fields[0] ?? '';
    if (key === 'end_of_head') break;
    if (fields.length >= 2 && /^[a-z_]+$/.test(key)) {
      header.set(key, { value: fields[1]!, line: i + 1 });
    }
  }
  if (i === lines.length) throw new DataFormatError(source, 0, 'no end_of_head line');
  const need = (key: string): { value: string; line: number } => {
    const entry = header.get(key);
    if (entry === undefined) throw new DataFormatError(source, 0, 'missing header keyword', key);
    return entry;
  };
  const gm = headerNumber(source, 'earth_gravity_constant', need('earth_gravity_constant'));
  const radius = headerNumber(source, 'radius', need('radius'));
  const fileDegree = headerNumber(source, 'max_degree', need('max_degree'));
  if (!Number.isInteger(fileDegree) || fileDegree < 0) {
    throw new DataFormatError(source, need('max_degree').line, 'not a degree', 'max_degree');
  }
  const norm = header.get('norm')?.value ?? 'fully_normalized';
  if (norm !== 'fully_normalized' && norm !== 'unnormalized') {
    throw new DataFormatError(source, header.get('norm')!.line, `unknown norm "${norm}"`, 'norm');
  }
  const { maxDegree, maxOrder } = truncation(options, fileDegree);
  const rows = new CoefficientRows(source, fileDegree, maxDegree, maxOrder);
  for (i++; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    const key = fields[0]!;
    if (key !== 'gfc') {
      const reason = ['gfct', 'trnd', 'asin', 'acos'].includes(key)
        ? `time-variable term "${key}" is not supported (static models only)`
        : `unknown row key "${key}"`;
      throw new DataFormatError(source, i + 1, reason, key);
    }
    if (fields.length < 5) {
      throw new DataFormatError(source, i + 1, 'a gfc row needs n, m, C and S', 'gfc');
    }
    rows.add(i + 1, fields[1]!, fields[2]!, fields[3]!, fields[4]!);
  }
  if (norm === 'unnormalized') rows.normalize();
  return GravityField.create({
    name: header.get('modelname')?.value ?? 'unnamed',
    gmKm3S2: gm * 1e-9,
    referenceRadiusKm: radius * 1e-3,
    maxDegree,
    maxOrder,
    cNormalized: rows.c,
    sNormalized: rows.s,
    ...(header.has('tide_system') ? { tideSystem: header.get('tide_system')!.value } : {}),
  });
}

function headerNumber(
  source: string,
  key: string,
  entry: { readonly value: string; readonly line: number },
): number {
  const v = readFortranNumber(entry.value);
  if (!Number.isFinite(v)) throw new DataFormatError(source, entry.line, 'not a number', key);
  return v;
}

/** The degree and order kept, checked against the file's degree. */
export function truncation(
  options: ParseGravityOptions,
  fileDegree: number,
): { maxDegree: number; maxOrder: number } {
  const maxDegree = options.maxDegree ?? fileDegree;
  if (!Number.isInteger(maxDegree) || maxDegree < 0 || maxDegree > fileDegree) {
    throw new InvalidArgumentError(
      'maxDegree',
      maxDegree,
      '',
      `must be an integer in 0…${fileDegree} (the file's degree)`,
    );
  }
  const maxOrder = options.maxOrder ?? maxDegree;
  if (!Number.isInteger(maxOrder) || maxOrder < 0 || maxOrder > maxDegree) {
    throw new InvalidArgumentError(
      'maxOrder',
      maxOrder,
      '',
      `must be an integer in 0…${maxDegree}`,
    );
  }
  return { maxDegree, maxOrder };
}

/** Coefficient rows gathered into triangular arrays, with the checks both readers share. */
export class CoefficientRows {
  readonly c: Float64Array;
  readonly s: Float64Array;
  private readonly seen: Uint8Array;
  private readonly source: string;
  private readonly fileDegree: number;
  private readonly maxDegree: number;
  private readonly maxOrder: number;

  constructor(source: string, fileDegree: number, maxDegree: number, maxOrder: number) {
    const size = triangularIndex(maxDegree + 1, 0);
    this.c = new Float64Array(size);
    this.s = new Float64Array(size);
    this.c[0] = 1;
    this.seen = new Uint8Array(triangularIndex(fileDegree + 1, 0));
    this.source = source;
    this.fileDegree = fileDegree;
    this.maxDegree = maxDegree;
    this.maxOrder = maxOrder;
  }

  add(line: number, nText: string, mText: string, cText: string, sText: string): void {
    const n = Number(nText);
    const m = Number(mText);
    if (!/^\d+$/.test(nText) || !/^\d+$/.test(mText) || m > n || n > this.fileDegree) {
      throw new DataFormatError(
        this.source,
        line,
        `degree ${nText} and order ${mText} must satisfy 0 ≤ m ≤ n ≤ ${this.fileDegree}`,
        'n m',
      );
    }
    const k = triangularIndex(n, m);
    if (this.seen[k] === 1) {
      throw new DataFormatError(this.source, line, `coefficient (${n}, ${m}) repeated`, 'n m');
    }
    this.seen[k] = 1;
    const c = readFortranNumber(cText);
    const s = readFortranNumber(sText);
    if (!Number.isFinite(c)) throw new DataFormatError(this.source, line, 'not a number', 'C');
    if (!Number.isFinite(s)) throw new DataFormatError(this.source, line, 'not a number', 'S');
    if (n <= this.maxDegree && m <= this.maxOrder) {
      this.c[k] = c;
      this.s[k] = s;
    }
  }

  /** Converts unnormalised coefficients to fully normalised ones (C̄ = C / Nnm). */
  normalize(): void {
    for (let n = 0; n <= this.maxDegree; n++) {
      for (let m = 0; m <= n; m++) {
        const k = triangularIndex(n, m);
        const f = legendreNormalization(n, m);
        this.c[k] = this.c[k]! / f;
        this.s[k] = this.s[k]! / f;
      }
    }
  }
}
