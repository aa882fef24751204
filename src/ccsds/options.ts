import type { FrameId } from '../frames';
import type { Epoch, TimeOptions } from '../time';

/**
 * Reads and writes the dates of one time system: the hook through which a caller supplies a
 * time system that osmose cannot place on the time line by itself (GMST, or a mission clock
 * of its own).
 */
export interface CcsdsEpochCodec {
  /**
   * Reads a date as written in a message.
   *
   * @param text - the date, e.g. `2021-01-01T00:00:00.5`
   * @returns the instant
   */
  read(text: string): Epoch;
  /**
   * Writes an instant as a message date.
   *
   * @param epoch - the instant
   * @returns the date text
   */
  write(epoch: Epoch): string;
}

/** How dates are placed on the time line; shared by readers and writers. */
export interface CcsdsTimeOptions {
  /** Leap seconds, and EOP for TIME_SYSTEM = UT1. Default: the bundled leap seconds. */
  readonly timeOptions?: TimeOptions;
  /**
   * Origin of MET and MRT dates. Such a date is read on a uniform clock (86400 s days) that
   * shows this epoch's UTC date and time at this epoch. Without it, MET/MRT are refused.
   */
  readonly missionReferenceEpoch?: Epoch;
  /** Origin of SCLK dates, read as MET/MRT dates are. Without it, SCLK is refused. */
  readonly spacecraftClockReferenceEpoch?: Epoch;
  /**
   * Codecs of time systems supplied by the caller, by CCSDS name (e.g. `GMST`); they take
   * precedence over the built-in ones.
   */
  readonly timeSystems?: Readonly<Record<string, CcsdsEpochCodec>>;
}

/**
 * What to do with the units written after values (`[km]` in KVN, `units="km"` in XML), after
 * Orekit's ParsedUnitsBehavior:
 *
 * - `strict`: a unit, when given, must be the one the standard prescribes for the keyword.
 * - `convert`: a unit of the same dimension is converted to the standard one (`[m]` to km);
 *   another dimension is refused.
 * - `ignore`: units are not read; values are taken in the standard units.
 */
export type CcsdsUnitsBehavior = 'strict' | 'convert' | 'ignore';

/** Options of the CCSDS readers. */
export interface CcsdsParseOptions extends CcsdsTimeOptions {
  /** Handling of units given with values. Default `'convert'`. */
  readonly units?: CcsdsUnitsBehavior;
  /**
   * Maps a REF_FRAME name that osmose does not know (or should read differently) to a
   * {@link FrameId}; return undefined to fall back to the built-in mapping.
   */
  readonly frameMapper?: (name: string) => FrameId | undefined;
  /**
   * A REF_FRAME that maps to no FrameId is kept as text (`'keep'`, the default) or refused
   * with a `CcsdsParseError` of kind `invalid-frame` (`'reject'`).
   */
  readonly unknownFrames?: 'keep' | 'reject';
}

/** Options of the CCSDS writers. */
export interface CcsdsWriteOptions extends CcsdsTimeOptions {
  /** Write the standard units after values (`[km]` in KVN, `units="km"` in XML). Default false. */
  readonly units?: boolean;
}
