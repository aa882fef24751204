/**
 * Strict reading of CCSDS numbers: `[+-]digits[.digits][(e|E)[+-]digits]`, as the KVN
 * grammar allows, and nothing else (no hexadecimal, no `Infinity`, no trailing text).
 */

/** Whether text[a, b) is a decimal number in the CCSDS grammar. */
export function isDecimal(text: string, a: number, b: number): boolean {
  let i = a;
  if (i < b) {
    const c = text.charCodeAt(i);
    if (c === 43 || c === 45) i++;
  }
  let digits = 0;
  while (i < b) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
    digits++;
  }
  if (i < b && text.charCodeAt(i) === 46) {
    i++;
    while (i < b) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < b) {
    const c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return false;
    i++;
    if (i < b) {
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
    }
    let expDigits = 0;
    while (i < b) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) break;
      i++;
      expDigits++;
    }
    if (expDigits === 0) return false;
  }
  return i === b;
}

/** The number in text[a, b), or NaN when it is not a CCSDS decimal (or overflows). */
export function readDecimal(text: string, a: number, b: number): number {
  if (!isDecimal(text, a, b)) return Number.NaN;
  const v = +text.slice(a, b);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** The number in a whole string, or NaN. */
export function readNumber(text: string): number {
  return readDecimal(text, 0, text.length);
}

/**
 * The shortest text that reads back as exactly the same double (JavaScript's own
 * `String(x)`), which the CCSDS grammar accepts (`1e-7`, `1.5e+21`).
 */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}
