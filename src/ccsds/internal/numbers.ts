/**
 * Strict reading of CCSDS numbers: `[+-]digits[.digits][(e|E)[+-]digits]`, as the KVN
 * grammar allows, and nothing else (no hexadecimal, no `Infinity`, no trailing text).
 */

const EXACT_POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * The number in text[a, b), or NaN when it is not a CCSDS decimal (or overflows).
 *
 * Most values have at most 15 significant digits and a small exponent: their digits make an
 * integer below 2^53 and the scale a power of ten below 1e22, both exact doubles, so one
 * division or multiplication gives the correctly rounded value, the same double as
 * `Number(text)` (Clinger's fast path, 1990). Other values go through `Number`.
 */
export function readDecimal(text: string, a: number, b: number): number {
  let i = a;
  let negative = false;
  if (i < b) {
    const c = text.charCodeAt(i);
    if (c === 45) {
      negative = true;
      i++;
    } else if (c === 43) i++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated (leading zeros skipped)
  let any = 0;
  let scale = 0; // decimal exponent of the last digit
  let exact = true;
  while (i < b) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    if (mantissa !== 0 || d !== 0) {
      if (digits < 15) mantissa = mantissa * 10 + d;
      else exact = false;
      digits++;
    }
    any++;
    i++;
  }
  if (i < b && text.charCodeAt(i) === 46) {
    i++;
    while (i < b) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (mantissa !== 0 || d !== 0) {
        if (digits < 15) mantissa = mantissa * 10 + d;
        else exact = false;
        digits++;
      }
      scale--;
      any++;
      i++;
    }
  }
  if (any === 0) return Number.NaN;
  if (i < b) {
    const c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return Number.NaN;
    i++;
    let expNegative = false;
    if (i < b) {
      const s = text.charCodeAt(i);
      if (s === 45) {
        expNegative = true;
        i++;
      } else if (s === 43) i++;
    }
    let exp = 0;
    let expDigits = 0;
    while (i < b) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number.NaN;
      if (exp < 100000) exp = exp * 10 + d;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return Number.NaN;
    scale += expNegative ? -exp : exp;
  }
  if (i !== b) return Number.NaN;
  if (exact && scale >= -22 && scale <= 22) {
    const v = scale < 0 ? mantissa / EXACT_POW10[-scale]! : mantissa * EXACT_POW10[scale]!;
    return negative ? -v : v;
  }
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
