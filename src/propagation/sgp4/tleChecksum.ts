/**
 * The checksum of a TLE line: the sum of its digits, with each minus sign counting 1,
 * modulo 10, over columns 1–68.
 *
 * @param line - a TLE line (only its first 68 characters are read)
 * @returns the checksum digit, 0…9, that column 69 should hold
 * @see Space-Track, "Two-Line Element Set Format" (checksum, column 69)
 * @example
 * ```ts
 * tleChecksum('1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  999'); // 5
 * ```
 */
export function tleChecksum(line: string): number {
  let sum = 0;
  const n = Math.min(68, line.length);
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}
