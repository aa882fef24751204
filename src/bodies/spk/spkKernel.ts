/**
 * A JPL/NAIF SPK ephemeris file (DE4xx planetary ephemerides and the like) read from bytes:
 * its segments, and body states composed along the chain of segments that joins two bodies
 * (NAIF "SPK Required Reading").
 *
 * @packageDocumentation
 */
import {
  DataFormatError,
  DataRangeError,
  FrameMismatchError,
  InvalidArgumentError,
  MissingDataError,
} from '../../errors';
import type { BodyState, TdbInstant } from '../bodyState';
import { tdbSecondsInto } from '../internal/tdbSeconds';
import { naifBodyName, naifFrameName } from '../naifIds';
import { type ChebyshevSegment, readChebyshevSegment } from './chebyshevSegment';
import { addChebyshevType2StateInto } from './chebyshevType2';
import { addChebyshevType3StateInto } from './chebyshevType3';
import { DafFile } from './daf';

/** What the summary of one SPK segment says. */
export interface SpkSegmentInfo {
  /** NAIF id of the body whose state the segment gives. */
  readonly target: number;
  /** NAIF id of the body it is relative to. */
  readonly center: number;
  /** NAIF code of the frame of its axes (1 = J2000, the ICRF in DE4xx files). */
  readonly frame: number;
  /** Name of that frame ('J2000', 'ECLIPJ2000', … or 'frame <code>'). */
  readonly frameName: string;
  /** SPK data type (2 and 3 can be evaluated). */
  readonly type: number;
  /** Start of coverage, TDB seconds since J2000 (SPICE ET). */
  readonly startTdbS: number;
  /** End of coverage, TDB seconds since J2000 (SPICE ET). */
  readonly endTdbS: number;
  /** The segment's name in the file. */
  readonly name: string;
}

/** Options of {@link SpkKernel.fromBytes}. */
export interface SpkKernelOptions {
  /** Name of the file, used in error messages; default 'SPK file'. */
  readonly source?: string;
}

interface LoadedSegment {
  readonly info: SpkSegmentInfo;
  /** Null for a data type this reader cannot evaluate. */
  readonly chebyshev: ChebyshevSegment | null;
  readonly where: string;
}

/** Longest chain of segments followed from a body towards the root of the file's tree. */
const MAX_CHAIN_LINKS = 32;
/** Julian date of J2000.0 (TDB), for messages. */
const JD_J2000 = 2451545;
/** Seconds per day. */
const DAY_S = 86400;

/**
 * An SPK file held in memory. Types 2 and 3 (Chebyshev position, and position and velocity)
 * are evaluated; that covers the JPL DE4xx planetary ephemerides.
 *
 * A state between any two bodies of the file is composed along the segments: each body
 * points to its center (Earth → Earth–Moon barycentre → Solar System barycentre), and the
 * geocentric Sun is (SSB→Sun) − (SSB→EMB) − (EMB→Earth). At each link the segment that covers
 * the epoch is chosen, later segments in the file taking precedence as in SPICE. Nothing is
 * extrapolated: an epoch outside a needed segment's coverage throws.
 *
 * States are geometric (no light time, no aberration), in km and km/s, on the axes of the
 * segments' frame: ICRF for DE4xx files (frame 1, 'J2000').
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const de421 = SpkKernel.fromBytes(
 *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
 *   { source: 'de421_excerpt_2021-2026.bsp' },
 * );
 * const t = Epoch.fromJd(2460000.5, 0.25, 'TDB');
 * const moon = de421.state(NAIF_IDS.MOON, NAIF_IDS.EARTH, t);
 * moon.positionKm; // [286725.880433, 232204.1325, 104597.543777]
 * ```
 */
export class SpkKernel {
  /** Name of the file, as given to {@link SpkKernel.fromBytes}. */
  readonly source: string;
  /** The segments in file order. */
  readonly segments: readonly SpkSegmentInfo[];
  /** The file's comment area as text (lines separated by '\n'). */
  readonly comment: string;
  /** Segments by target, later segments of the file first. */
  private readonly byTarget: ReadonlyMap<number, readonly LoadedSegment[]>;
  // Scratch space of the chain walk and the time reading; evaluation is synchronous, so one
  // set per kernel is enough and keeps state() free of allocations besides its result.
  private readonly targetBodies = new Int32Array(MAX_CHAIN_LINKS + 1);
  private readonly centerBodies = new Int32Array(MAX_CHAIN_LINKS + 1);
  private readonly targetLinks: (LoadedSegment | undefined)[] = new Array(MAX_CHAIN_LINKS);
  private readonly centerLinks: (LoadedSegment | undefined)[] = new Array(MAX_CHAIN_LINKS);
  private readonly timeScratch = [0, 0];
  private readonly stateScratch = new Float64Array(6);
  /** Set by walk(): whether the last chain stopped at a body none of whose segments cover. */
  private lastWalkUncovered = false;

  private constructor(source: string, segments: readonly LoadedSegment[], comment: string) {
    this.source = source;
    this.segments = Object.freeze(segments.map((s) => s.info));
    this.comment = comment;
    const byTarget = new Map<number, LoadedSegment[]>();
    for (let k = segments.length - 1; k >= 0; k--) {
      const segment = segments[k]!;
      const list = byTarget.get(segment.info.target);
      if (list) list.push(segment);
      else byTarget.set(segment.info.target, [segment]);
    }
    this.byTarget = byTarget;
  }

  /**
   * Reads an SPK file. The segment data are copied (as doubles in host byte order), so the
   * bytes may be reused afterwards.
   *
   * @param bytes - the whole file (an ArrayBuffer, a Uint8Array, a Node Buffer…)
   * @param options - the file's name for messages
   * @returns the kernel
   * @throws {@link DataFormatError} (line 0, the 1-based record number in the message) when
   *   the file is not an SPK DAF (bad identification word, ND ≠ 2 or NI ≠ 6), is truncated,
   *   or holds a type 2/3 segment whose trailer does not match its length
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const de421 = SpkKernel.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   *   { source: 'de421.bsp' },
   * );
   * de421.segments.length; // 15
   * de421.segments[10]; // { target: 301, center: 3, frame: 1, frameName: 'J2000', type: 2, startTdbS: 694267200, endTdbS: 820756800, name: 'XE-0421LE-0421' }
   * ```
   */
  static fromBytes(bytes: ArrayBuffer | ArrayBufferView, options?: SpkKernelOptions): SpkKernel {
    const source = options?.source ?? 'SPK file';
    const daf = DafFile.fromBytes(bytes, source);
    if (daf.idWord !== 'DAF/SPK' && daf.idWord !== 'NAIF/DAF') {
      throw new DataFormatError(
        source,
        0,
        `record 1: identification word '${daf.idWord}' is not an SPK's ('DAF/SPK')`,
      );
    }
    if (daf.nd !== 2 || daf.ni !== 6) {
      throw new DataFormatError(
        source,
        0,
        `record 1: ND = ${daf.nd}, NI = ${daf.ni}; an SPK file has ND = 2 and NI = 6`,
      );
    }
    const segments = daf.summaries.map((summary) => {
      const [target, center, frame, type] = summary.ints as [number, number, number, number];
      const [startTdbS, endTdbS] = summary.doubles as [number, number];
      const where = `record ${summary.record}, summary ${summary.index + 1} (${naifBodyName(target)} relative to ${naifBodyName(center)})`;
      if (!(startTdbS <= endTdbS)) {
        throw new DataFormatError(
          source,
          0,
          `${where}: coverage ${startTdbS}…${endTdbS} s TDB is empty or not a number`,
        );
      }
      const info: SpkSegmentInfo = Object.freeze({
        target,
        center,
        frame,
        frameName: naifFrameName(frame),
        type,
        startTdbS,
        endTdbS,
        name: summary.name,
      });
      if (type !== 2 && type !== 3) {
        return { info, chebyshev: null, where };
      }
      const chebyshev = readChebyshevSegment(
        daf.readDoubles(summary.startWord, summary.endWord),
        type,
        source,
        where,
      );
      return { info, chebyshev, where };
    });
    return new SpkKernel(source, segments, daf.readComment());
  }

  /**
   * Position and velocity of `target` relative to `center` at an instant, composed along the
   * file's segments.
   *
   * @param target - NAIF id of the body (see {@link NAIF_IDS})
   * @param center - NAIF id of the body it is relative to
   * @param time - an Epoch, or TDB seconds since J2000
   * @returns the state, km and km/s, on the segments' axes (ICRF for DE4xx)
   * @throws {@link DataRangeError} when a segment needed on the chain does not cover the
   *   instant (the message names the body, the instant and the coverage, in JD TDB)
   * @throws {@link MissingDataError} when no chain of segments joins the two bodies
   * @throws {@link FrameMismatchError} when the chain mixes segments of different frames
   * @throws {@link DataFormatError} when the chain needs a segment of a type other than 2 or 3
   * @throws {@link InvalidArgumentError} for non-integer ids or a non-finite time
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const de421 = SpkKernel.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   * );
   * const sun = de421.state(NAIF_IDS.SUN, NAIF_IDS.EARTH, Epoch.fromJd(2459584.5, 0, 'TDB'));
   * sun.positionKm; // [36357130.938859, -130781864.595379, -56693918.271527]
   * sun.velocityKmS; // [29.358630546, 6.86640708, 2.976031649]
   * ```
   */
  state(target: number, center: number, time: TdbInstant): BodyState {
    const t = tdbSecondsInto(this.timeScratch, time, 'time');
    const s = this.stateInto(this.stateScratch, target, center, t[0]!, t[1]!);
    return {
      positionKm: [s[0]!, s[1]!, s[2]!],
      velocityKmS: [s[3]!, s[4]!, s[5]!],
    };
  }

  /**
   * {@link SpkKernel.state} for hot loops: writes `[x, y, z, vx, vy, vz]` (km, km/s) into
   * `out` from TDB seconds since J2000 given in two parts.
   *
   * @param out - receives the state; elements 0…5 are overwritten
   * @param target - NAIF id of the body
   * @param center - NAIF id of the body it is relative to
   * @param tdbWholeS - TDB seconds since J2000 (whole part, or the whole value), s
   * @param tdbFractionS - fraction to add to `tdbWholeS`, s (default 0)
   * @returns `out`
   * @throws the errors of {@link SpkKernel.state}
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const de421 = SpkKernel.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   * );
   * const out = new Float64Array(6);
   * de421.stateInto(out, NAIF_IDS.MOON, NAIF_IDS.EARTH, (2459584.5 - 2451545) * 86400);
   * out[0]; // 259040.673554
   * ```
   */
  stateInto<T extends number[] | Float64Array>(
    out: T,
    target: number,
    center: number,
    tdbWholeS: number,
    tdbFractionS = 0,
  ): T {
    checkId('target', target);
    checkId('center', center);
    if (!Number.isFinite(tdbWholeS) || !Number.isFinite(tdbFractionS)) {
      throw new InvalidArgumentError(
        'tdbWholeS',
        tdbWholeS + tdbFractionS,
        's',
        'TDB seconds since J2000 must be finite',
      );
    }
    for (let k = 0; k < 6; k++) out[k] = 0;
    if (target === center) return out;
    const nt = this.walk(target, tdbWholeS, tdbFractionS, this.targetBodies, this.targetLinks);
    const targetUncovered = this.lastWalkUncovered;
    const nc = this.walk(center, tdbWholeS, tdbFractionS, this.centerBodies, this.centerLinks);
    const centerUncovered = this.lastWalkUncovered;
    let it = -1;
    let ic = -1;
    for (let i = 0; i <= nt && it < 0; i++) {
      const body = this.targetBodies[i]!;
      for (let j = 0; j <= nc; j++) {
        if (this.centerBodies[j] === body) {
          it = i;
          ic = j;
          break;
        }
      }
    }
    if (it < 0) {
      if (targetUncovered) {
        this.throwUncovered(this.targetBodies[nt]!, tdbWholeS, tdbFractionS);
      }
      if (centerUncovered) {
        this.throwUncovered(this.centerBodies[nc]!, tdbWholeS, tdbFractionS);
      }
      throw new MissingDataError(
        `SPK segments joining ${naifBodyName(target)} (${target}) and ${naifBodyName(center)} (${center})`,
        `${this.source} has no chain of segments from one to the other`,
      );
    }
    let frame = -1;
    for (let k = 0; k < it + ic; k++) {
      const link = k < it ? this.targetLinks[k]! : this.centerLinks[k - it]!;
      if (frame < 0) frame = link.info.frame;
      else if (link.info.frame !== frame) {
        throw new FrameMismatchError(
          `${this.source}: state of ${naifBodyName(target)} relative to ${naifBodyName(center)}`,
          naifFrameName(frame),
          naifFrameName(link.info.frame),
        );
      }
      const chebyshev = link.chebyshev;
      if (chebyshev === null) {
        throw new DataFormatError(
          this.source,
          0,
          `${link.where}: SPK type ${link.info.type} is not supported (types 2 and 3 are)`,
        );
      }
      // Direct calls (not through a stored function) so that the engine can inline them.
      if (chebyshev.type === 2) {
        addChebyshevType2StateInto(out, k < it ? 1 : -1, chebyshev, tdbWholeS, tdbFractionS);
      } else {
        addChebyshevType3StateInto(out, k < it ? 1 : -1, chebyshev, tdbWholeS, tdbFractionS);
      }
    }
    return out;
  }

  /**
   * Follows the segments from `body` towards the root of the file's tree at an instant:
   * fills `bodies[0…n]` and `links[0…n−1]` and returns n. Stops at a body without segments
   * (the root), or at one whose segments all miss the instant (then `lastWalkUncovered`).
   */
  private walk(
    body: number,
    wholeS: number,
    fractionS: number,
    bodies: Int32Array,
    links: (LoadedSegment | undefined)[],
  ): number {
    this.lastWalkUncovered = false;
    bodies[0] = body;
    let n = 0;
    let current = body;
    for (;;) {
      const candidates = this.byTarget.get(current);
      if (candidates === undefined) return n;
      const chosen = covering(candidates, wholeS, fractionS);
      if (chosen === undefined) {
        this.lastWalkUncovered = true;
        return n;
      }
      if (n === MAX_CHAIN_LINKS) {
        throw new DataFormatError(
          this.source,
          0,
          `${chosen.where}: the chain of segments from ${naifBodyName(body)} is longer than ${MAX_CHAIN_LINKS} links (a cycle of centers?)`,
        );
      }
      links[n] = chosen;
      current = chosen.info.center;
      n++;
      bodies[n] = current;
    }
  }

  private throwUncovered(body: number, wholeS: number, fractionS: number): never {
    const candidates = this.byTarget.get(body) ?? [];
    const t = wholeS + fractionS;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const c of candidates) {
      first = Math.min(first, c.info.startTdbS);
      last = Math.max(last, c.info.endTdbS);
    }
    let nearest = candidates[0]!;
    if (t >= first && t <= last) {
      // In a gap between segments: report the segment nearest to the instant.
      let best = Number.POSITIVE_INFINITY;
      for (const c of candidates) {
        const d = Math.min(Math.abs(t - c.info.startTdbS), Math.abs(t - c.info.endTdbS));
        if (d < best) {
          best = d;
          nearest = c;
        }
      }
      first = nearest.info.startTdbS;
      last = nearest.info.endTdbS;
    }
    const centers = [...new Set(candidates.map((c) => c.info.center))]
      .map((c) => `${naifBodyName(c)} (${c})`)
      .join(', ');
    throw new DataRangeError(
      `${this.source}: ${naifBodyName(body)} (${body}) relative to ${centers}`,
      jdOf(wholeS, fractionS),
      'JD TDB',
      jdOf(first, 0),
      jdOf(last, 0),
    );
  }
}

/** The first segment of a target's list (later in the file first) that covers the instant. */
function covering(
  candidates: readonly LoadedSegment[],
  wholeS: number,
  fractionS: number,
): LoadedSegment | undefined {
  for (const c of candidates) {
    if (wholeS - c.info.startTdbS + fractionS >= 0 && wholeS - c.info.endTdbS + fractionS <= 0) {
      return c;
    }
  }
  return undefined;
}

function jdOf(wholeS: number, fractionS: number): number {
  return JD_J2000 + (wholeS + fractionS) / DAY_S;
}

function checkId(argument: string, id: number): void {
  if (!Number.isInteger(id)) {
    throw new InvalidArgumentError(argument, id, '', 'a NAIF body id must be an integer');
  }
}
