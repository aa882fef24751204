/**
 * Reading a {@link TdbInstant} as TDB seconds since J2000 in two parts.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { TdbInstant } from '../bodyState';

/**
 * Writes `[whole, fraction]` TDB seconds since J2000 of an instant into `out`: an Epoch's own
 * two-part reading, or `[seconds, 0]` for a number.
 *
 * @param out - receives the two parts, s
 * @param time - an Epoch or TDB seconds since J2000
 * @param argument - the argument's name, for messages
 * @returns `out`
 * @throws {@link InvalidArgumentError} for a number that is not finite
 * @example
 * ```ts
 * tdbSecondsInto([0, 0], 86400.25, 'time'); // [86400.25, 0]
 * ```
 */
export function tdbSecondsInto(
  out: number[] | Float64Array,
  time: TdbInstant,
  argument: string,
): number[] | Float64Array {
  if (typeof time === 'number') {
    if (!Number.isFinite(time)) {
      throw new InvalidArgumentError(argument, time, 's', 'TDB seconds since J2000 must be finite');
    }
    out[0] = time;
    out[1] = 0;
    return out;
  }
  const parts = time.toSecondsSinceJ2000('TDB');
  out[0] = parts[0];
  out[1] = parts[1];
  return out;
}
