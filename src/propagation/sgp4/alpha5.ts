import { InvalidArgumentError } from '../../errors';

/** Alpha-5 letters, in order of value 10…33 (I and O are skipped: they read as 1 and 0). */
const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Reads a five-character catalogue number, plain (`'25544'`) or Alpha-5 (`'A0001'` =
 * 100001, `'Z9999'` = 339999). Leading blanks are allowed.
 *
 * @param text - the five characters of the field
 * @returns the catalogue number, or -1 when the text is not a catalogue number
 * @see Space-Track, "Alpha-5" catalogue numbers (documentation of the TLE format)
 * @example
 * ```ts
 * parseAlpha5('A0001'); // 100001
 * parseAlpha5('    5'); // 5
 * ```
 */
export function parseAlpha5(text: string): number {
  const t = text.trim();
  if (t.length === 0 || t.length > 5) return -1;
  const first = t.charAt(0);
  const k = ALPHA5_LETTERS.indexOf(first);
  if (k >= 0) {
    if (t.length !== 5 || !/^\d{4}$/.test(t.slice(1))) return -1;
    return (k + 10) * 10000 + Number(t.slice(1));
  }
  return /^\d+$/.test(t) ? Number(t) : -1;
}

/**
 * Writes a catalogue number in the five columns of a TLE, in Alpha-5 above 99999.
 *
 * @param satelliteNumber - catalogue number, an integer in 0…339999
 * @returns five characters, zero-padded (`'00005'`, `'A0001'`)
 * @throws {@link InvalidArgumentError} for a number outside 0…339999 or not an integer
 * @see Space-Track, "Alpha-5" catalogue numbers
 * @example
 * ```ts
 * formatAlpha5(100001); // 'A0001'
 * formatAlpha5(5); // '00005'
 * ```
 */
export function formatAlpha5(satelliteNumber: number): string {
  if (!Number.isInteger(satelliteNumber) || satelliteNumber < 0 || satelliteNumber > 339999) {
    throw new InvalidArgumentError(
      'satelliteNumber',
      satelliteNumber,
      '',
      'must be an integer in 0…339999 (Alpha-5)',
    );
  }
  if (satelliteNumber < 100000) return String(satelliteNumber).padStart(5, '0');
  const lead = Math.floor(satelliteNumber / 10000);
  return `${ALPHA5_LETTERS.charAt(lead - 10)}${String(satelliteNumber % 10000).padStart(4, '0')}`;
}
