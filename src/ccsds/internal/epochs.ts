import { CcsdsParseError } from '../../errors';
import { DEFAULT_LEAP_SECONDS, Epoch, type TimeOptions, type TimeScale } from '../../time';
import type { CcsdsEpochCodec, CcsdsTimeOptions } from '../options';
import type { AsciiBuffer } from './asciiBuffer';

/** The time systems of the CCSDS SANA registry that messages may name. */
export const CCSDS_TIME_SYSTEMS: readonly string[] = [
  'GMST',
  'GPS',
  'MET',
  'MRT',
  'SCLK',
  'TAI',
  'TCB',
  'TDB',
  'TCG',
  'TT',
  'UT1',
  'UTC',
];

const SCALE_OF: Readonly<Record<string, TimeScale>> = {
  UTC: 'UTC',
  TAI: 'TAI',
  TT: 'TT',
  GPS: 'GPS',
  TDB: 'TDB',
  TCB: 'TCB',
  TCG: 'TCG',
  UT1: 'UT1',
};

/** The osmose time scale of a CCSDS time system, or undefined (MET, MRT, SCLK, GMST). */
export function timeScaleOf(timeSystem: string): TimeScale | undefined {
  return SCALE_OF[timeSystem];
}

const MJD_J2000_MIDNIGHT = 51544;
const SECONDS_PER_DAY = 86400;
const HALF_DAY_S = 43200;
const MJD_1972 = 41317;
const POW10 = [1, 10, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12] as const;
const MAX_WRITE_DIGITS = 12;
const COLON = 58;
const POINT = 46;

function d2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads and writes the dates of one time system that maps to an osmose time scale. Reading
 * has a fast path for the common `date Thh:mm:ss[.f]` forms with the date's MJD cached from
 * one call to the next (consecutive epochs of an ephemeris share a day); anything unusual
 * (leap second, `Z`, a UTC day before 1972) goes through {@link Epoch.fromIso}, and the fast
 * path gives exactly the instant `Epoch.fromIso` gives (both build it from the same whole
 * seconds and the same fraction).
 */
export class ScaleEpochCodec implements CcsdsEpochCodec {
  private readonly scale: TimeScale;
  private readonly options: TimeOptions | undefined;
  private datePrefix = '';
  /** Seconds since J2000 of the cached day's midnight: scale seconds, or whole TAI s (UTC). */
  private dayBase = 0;
  private dayFast = false;

  constructor(scale: TimeScale, options: TimeOptions | undefined) {
    this.scale = scale;
    this.options = options;
  }

  read(text: string): Epoch {
    return this.readRange(text, 0, text.length) ?? this.slow(text);
  }

  /**
   * The date in text[a, b) by the fast path, or undefined when it needs
   * {@link Epoch.fromIso} (the OEM data-block reader calls this on the whole message text,
   * so that no date is sliced out of it).
   */
  readRange(text: string, a: number, b: number): Epoch | undefined {
    const n = b - a;
    const t = n > 10 && text.charCodeAt(a + 10) === 84 ? 10 : 8;
    if (n < t + 9 || text.charCodeAt(a + t) !== 84) return undefined;
    if (!(this.datePrefix.length === t && text.startsWith(this.datePrefix, a))) {
      if (!this.cacheDay(text.slice(a, a + t))) return undefined;
    }
    if (!this.dayFast) return undefined;
    const h = a + t;
    const hour = d2(text, h + 1);
    const minute = d2(text, h + 4);
    const second = d2(text, h + 7);
    if (
      hour < 0 ||
      hour > 23 ||
      minute < 0 ||
      minute > 59 ||
      second < 0 ||
      second > 59 ||
      text.charCodeAt(h + 3) !== 58 ||
      text.charCodeAt(h + 6) !== 58
    ) {
      return undefined;
    }
    let i = h + 9;
    let fraction = 0;
    if (i < b) {
      if (text.charCodeAt(i) !== 46) return undefined;
      i++;
      const start = i;
      let units = 0;
      while (i < b) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return undefined;
        units = units * 10 + c;
        i++;
      }
      const count = i - start;
      if (count === 0 || count > 12) return undefined;
      fraction = units / POW10[count]!;
    }
    const sod = hour * 3600 + minute * 60 + second;
    if (this.scale === 'UTC') {
      return Epoch.fromSecondsSinceJ2000(this.dayBase + sod, 'TAI', fraction);
    }
    return Epoch.fromSecondsSinceJ2000(
      this.dayBase + sod,
      this.scale as Exclude<TimeScale, 'UTC'>,
      fraction,
      this.options,
    );
  }

  private cacheDay(date: string): boolean {
    this.datePrefix = '';
    let midnight: Epoch;
    try {
      midnight = Epoch.fromIso(date, this.scale === 'UTC' ? 'UTC' : 'TAI', this.options);
    } catch {
      return false;
    }
    if (this.scale === 'UTC') {
      const table = this.options?.timeData?.leapSeconds ?? DEFAULT_LEAP_SECONDS;
      // UTC after 1972: TAI−UTC is a whole number of seconds, constant until the day's end,
      // so the instant is the day's first TAI second plus the seconds of day, fraction apart.
      const utcMjd = midnight.toMjdParts('UTC')[0];
      const a = table.taiMinusUtc(utcMjd).valueS;
      const b = table.taiMinusUtc(utcMjd + 0.999).valueS;
      this.dayFast =
        utcMjd >= MJD_1972 && Number.isInteger(a) && a === b && midnight.taiFraction === 0;
      this.dayBase = midnight.taiWholeSeconds;
    } else {
      const mjd = midnight.toMjdParts('TAI')[0];
      this.dayBase = (mjd - MJD_J2000_MIDNIGHT) * SECONDS_PER_DAY - HALF_DAY_S;
      this.dayFast = true;
    }
    this.datePrefix = date;
    return true;
  }

  private slow(text: string): Epoch {
    return Epoch.fromIso(text, this.scale, this.options);
  }

  /** Write cache: TAI whole seconds of the cached day's 00:00 and its date text + 'T'. */
  private writeDayTai = Number.NaN;
  private writeDayText = '';

  write(epoch: Epoch): string {
    // Fast path for scales whose offset to TAI is a whole number of seconds (UTC after 1972
    // outside a leap second, TAI, GPS): the time of day is the TAI second count minus the
    // day's first, the fraction is TAI's; rounded as toIso rounds it, so the text is the
    // same.
    const sod = epoch.taiWholeSeconds - this.writeDayTai;
    if (sod >= 0 && sod < SECONDS_PER_DAY) {
      const units = Math.round(epoch.taiFraction * 1e12);
      if (units < 1e12) return this.writeDayText + timeOfDay(sod, units);
    }
    const text = trimFraction(
      epoch.toIso(this.scale, { ...this.options, fractionDigits: MAX_WRITE_DIGITS }),
    );
    this.cacheWriteDay(epoch, text);
    return text;
  }

  /**
   * Appends the date as {@link write} writes it, straight into a byte buffer, when the day
   * cached by the last {@link write} holds it; returns false (nothing written) otherwise.
   * Room for the date (at most 40 bytes) is reserved by the caller.
   */
  writeInto(epoch: Epoch, out: AsciiBuffer): boolean {
    const sod = epoch.taiWholeSeconds - this.writeDayTai;
    if (!(sod >= 0 && sod < SECONDS_PER_DAY)) return false;
    const units = Math.round(epoch.taiFraction * 1e12);
    if (units >= 1e12) return false;
    out.ascii(this.writeDayText);
    const h = (sod / 3600) | 0;
    const rest = sod - h * 3600;
    const m = (rest / 60) | 0;
    out.padded(h, 2);
    out.byte(COLON);
    out.padded(m, 2);
    out.byte(COLON);
    out.padded(rest - m * 60, 2);
    if (units !== 0) {
      // The 12 digits of the fraction as two 6-digit halves (each below 2^31), trailing
      // zeros dropped, as timeOfDay writes them.
      out.byte(POINT);
      const high = Math.floor(units / 1e6);
      let low = units - high * 1e6;
      if (low === 0) {
        let digits = high;
        let width = 6;
        while (digits % 10 === 0) {
          digits /= 10;
          width--;
        }
        out.padded(digits, width);
      } else {
        out.padded(high, 6);
        let width = 6;
        while (low % 10 === 0) {
          low /= 10;
          width--;
        }
        out.padded(low, width);
      }
    }
    return true;
  }

  private cacheWriteDay(epoch: Epoch, text: string): void {
    this.writeDayTai = Number.NaN;
    if (this.scale !== 'UTC' && this.scale !== 'TAI' && this.scale !== 'GPS') return;
    // A fraction that rounded up into the next second shows a second the count has not.
    if (Math.round(epoch.taiFraction * 1e12) >= 1e12) return;
    const t = text.indexOf('T');
    const hour = d2(text, t + 1);
    const minute = d2(text, t + 4);
    const second = d2(text, t + 7);
    if (t < 0 || hour < 0 || minute < 0 || second < 0 || second > 59) return;
    if (this.scale === 'UTC') {
      const table = this.options?.timeData?.leapSeconds ?? DEFAULT_LEAP_SECONDS;
      const utcMjd = epoch.toMjdParts('UTC')[0];
      const a = table.taiMinusUtc(utcMjd).valueS;
      const b = table.taiMinusUtc(utcMjd + 0.999).valueS;
      if (utcMjd < MJD_1972 || !Number.isInteger(a) || a !== b) return;
    }
    this.writeDayTai = epoch.taiWholeSeconds - (hour * 3600 + minute * 60 + second);
    this.writeDayText = text.slice(0, t + 1);
  }
}

const DIGITS = '0123456789';

function two(v: number): string {
  return DIGITS[(v / 10) | 0]! + DIGITS[v % 10]!;
}

/** `hh:mm:ss[.f]` with up to 12 fractional digits, trailing zeros dropped. */
function timeOfDay(sod: number, units: number): string {
  const h = (sod / 3600) | 0;
  const rest = sod - h * 3600;
  const m = (rest / 60) | 0;
  let text = `${two(h)}:${two(m)}:${two(rest - m * 60)}`;
  if (units === 0) return text;
  let digits = String(units).padStart(12, '0');
  let e = 12;
  while (digits.charCodeAt(e - 1) === 48) e--;
  digits = digits.slice(0, e);
  text += `.${digits}`;
  return text;
}

/** Drops the trailing zeros of the fraction (and the point when nothing is left). */
export function trimFraction(iso: string): string {
  let e = iso.length;
  while (e > 0 && iso.charCodeAt(e - 1) === 48) e--;
  if (e > 0 && iso.charCodeAt(e - 1) === 46) e--;
  return e === iso.length ? iso : iso.slice(0, e);
}

/**
 * Dates counted from a reference epoch (MET, MRT, SCLK): the text is read as a date-time on
 * a uniform clock (86400 s days, no leap seconds) that reads the reference epoch's UTC date
 * and time at the reference epoch; the instant is the reference epoch plus the seconds
 * between the two readings.
 */
export class RelativeEpochCodec implements CcsdsEpochCodec {
  private readonly reference: Epoch;
  private readonly origin: Epoch;

  constructor(reference: Epoch, options: TimeOptions | undefined) {
    this.reference = reference;
    const utc = reference.toIso('UTC', { ...options, fractionDigits: MAX_WRITE_DIGITS });
    // A reference inside a leap second reads 23:59:60 in UTC: the uniform clock skips it.
    this.origin = Epoch.fromIso(utc.replace('T23:59:60', 'T23:59:59'), 'TAI');
  }

  read(text: string): Epoch {
    return this.reference.plusSeconds(Epoch.fromIso(text, 'TAI').secondsSince(this.origin));
  }

  write(epoch: Epoch): string {
    const iso = this.origin
      .plusSeconds(epoch.secondsSince(this.reference))
      .toIso('TAI', { fractionDigits: MAX_WRITE_DIGITS });
    return trimFraction(iso);
  }
}

/**
 * The codec of a time system under the caller's options.
 *
 * @throws {@link CcsdsParseError} for an unknown time system, or one that needs a reference
 *   the caller did not give
 */
export function epochCodecFor(
  timeSystem: string,
  options: CcsdsTimeOptions | undefined,
  line: number,
  keyword = 'TIME_SYSTEM',
): CcsdsEpochCodec {
  const custom = options?.timeSystems?.[timeSystem];
  if (custom !== undefined) return custom;
  const scale = SCALE_OF[timeSystem];
  if (scale !== undefined) return new ScaleEpochCodec(scale, options?.timeOptions);
  if (timeSystem === 'MET' || timeSystem === 'MRT') {
    const ref = options?.missionReferenceEpoch;
    if (ref === undefined) {
      throw new CcsdsParseError(
        'missing-time-reference',
        line,
        keyword,
        `${timeSystem} dates count from a mission reference epoch: pass missionReferenceEpoch`,
      );
    }
    return new RelativeEpochCodec(ref, options?.timeOptions);
  }
  if (timeSystem === 'SCLK') {
    const ref = options?.spacecraftClockReferenceEpoch;
    if (ref === undefined) {
      throw new CcsdsParseError(
        'missing-time-reference',
        line,
        keyword,
        'SCLK dates count from the spacecraft clock reference epoch: pass spacecraftClockReferenceEpoch',
      );
    }
    return new RelativeEpochCodec(ref, options?.timeOptions);
  }
  if (timeSystem === 'GMST') {
    throw new CcsdsParseError(
      'missing-time-reference',
      line,
      keyword,
      'GMST dates need UT1 and an inverse of sidereal time, which osmose does not provide: pass a codec in timeSystems.GMST',
    );
  }
  throw new CcsdsParseError(
    'unknown-time-system',
    line,
    keyword,
    `"${timeSystem}" is not a CCSDS time system (${CCSDS_TIME_SYSTEMS.join(', ')})`,
  );
}

/** Reads a date, turning any time error into a {@link CcsdsParseError} at the line. */
export function readEpoch(
  codec: CcsdsEpochCodec,
  text: string,
  line: number,
  keyword: string,
): Epoch {
  try {
    return codec.read(text);
  } catch (e) {
    if (e instanceof CcsdsParseError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new CcsdsParseError('unparsable-value', line, keyword, reason, { cause: e });
  }
}

/** The UTC codec of CREATION_DATE (always UTC). */
export function utcCodec(options: CcsdsTimeOptions | undefined): CcsdsEpochCodec {
  return new ScaleEpochCodec('UTC', options?.timeOptions);
}
