import { CcsdsParseError } from '../../errors';
import type { CcsdsEpochCodec, CcsdsParseOptions } from '../options';
import { applyUnit } from '../units';
import { readEpoch, utcCodec } from './epochs';
import type { BlockSpec, FieldSpec } from './fields';
import { readNumber } from './numbers';

/** What every block reader needs: the options and the UTC codec of CREATION_DATE. */
export interface ReadContext {
  readonly options: CcsdsParseOptions | undefined;
  readonly units: 'strict' | 'convert' | 'ignore';
  readonly utc: CcsdsEpochCodec;
}

/** The context of a read under some options. */
export function readContext(options: CcsdsParseOptions | undefined): ReadContext {
  return { options, units: options?.units ?? 'convert', utc: utcCodec(options) };
}

const PATH = /^[1-5](?:,[1-5])+$/;

interface PendingEpoch {
  readonly spec: FieldSpec;
  readonly text: string;
  readonly line: number;
}

/**
 * Collects the keywords of one block, reads each value as its spec says, and checks at the
 * end that the mandatory ones are there.
 */
export class BlockBuilder {
  readonly spec: BlockSpec;
  readonly startLine: number;
  readonly values: Record<string, unknown> = {};
  readonly comments: string[] = [];
  private readonly seen = new Set<string>();
  /** Line of each keyword read. */
  readonly lines = new Map<string, number>();
  private readonly pending: PendingEpoch[] = [];

  constructor(spec: BlockSpec, startLine: number) {
    this.spec = spec;
    this.startLine = startLine;
  }

  has(keyword: string): boolean {
    return this.seen.has(keyword);
  }

  /** Reads one keyword's value into the block. */
  set(
    spec: FieldSpec,
    value: string,
    unit: string | undefined,
    line: number,
    ctx: ReadContext,
    valueText?: string,
  ): void {
    if (this.seen.has(spec.kw)) {
      throw new CcsdsParseError(
        'unexpected-keyword',
        line,
        spec.kw,
        `given twice in the ${this.spec.name} block`,
      );
    }
    this.seen.add(spec.kw);
    this.lines.set(spec.kw, line);
    if (value === '') {
      if (spec.required && !spec.mayBeEmpty) {
        throw new CcsdsParseError('missing-keyword', line, spec.kw, 'mandatory value is empty');
      }
      return;
    }
    let v: unknown;
    switch (spec.kind) {
      case 'text':
      case 'upper': {
        // A bracket after a text value is part of the text, as written (units go with
        // numbers only).
        const t = valueText ?? (unit === undefined ? value : `${value} [${unit}]`);
        v = spec.kind === 'upper' ? t.toUpperCase() : t;
        break;
      }
      case 'number':
      case 'int': {
        const x = readNumber(value);
        if (Number.isNaN(x) || (spec.kind === 'int' && !Number.isInteger(x))) {
          throw new CcsdsParseError(
            'unparsable-value',
            line,
            spec.kw,
            `"${value}" is not ${spec.kind === 'int' ? 'an integer' : 'a number'}`,
          );
        }
        v =
          spec.kind === 'number'
            ? applyUnit(x, unit, spec.unit ?? '', ctx.units, line, spec.kw)
            : x;
        break;
      }
      case 'utc':
        v = readEpoch(ctx.utc, value, line, spec.kw);
        break;
      case 'epoch':
        this.pending.push({ spec, text: value, line });
        return;
      case 'list':
        v = value.split(',').map((s) => s.trim());
        break;
      case 'path':
        if (!PATH.test(value)) {
          throw new CcsdsParseError(
            'unparsable-value',
            line,
            spec.kw,
            `"${value}" is not a path of participant numbers 1..5 such as 2,1 (no spaces)`,
          );
        }
        v = value.split(',').map(Number);
        break;
    }
    this.store(spec, v);
  }

  private store(spec: FieldSpec, v: unknown): void {
    if (spec.index !== undefined) {
      let arr = this.values[spec.field] as unknown[] | undefined;
      if (arr === undefined) {
        arr = [];
        this.values[spec.field] = arr;
      }
      arr[spec.index] = v;
    } else if (spec.key !== undefined) {
      let rec = this.values[spec.field] as Record<number, unknown> | undefined;
      if (rec === undefined) {
        rec = {};
        this.values[spec.field] = rec;
      }
      rec[spec.key] = v;
    } else {
      this.values[spec.field] = v;
    }
  }

  /** Whether the block has pending dates to read once the time system is known. */
  get hasPendingEpochs(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Reads the pending dates, checks the mandatory keywords and returns the block object
   * (comments first).
   *
   * @param codec - the time system's codec, or undefined when it is not known
   * @param endLine - the line where the block ended, for a missing-keyword fault
   */
  finish(
    codec: CcsdsEpochCodec | undefined,
    endLine: number,
    skipRequired?: (spec: FieldSpec) => boolean,
  ): Record<string, unknown> {
    for (const p of this.pending) {
      if (codec === undefined) {
        throw new CcsdsParseError(
          'missing-time-system',
          p.line,
          p.spec.kw,
          'date read while TIME_SYSTEM is not known',
        );
      }
      this.store(p.spec, readEpoch(codec, p.text, p.line, p.spec.kw));
    }
    this.pending.length = 0;
    for (const spec of this.spec.fields) {
      if (spec.required && !this.seen.has(spec.kw) && !skipRequired?.(spec)) {
        throw new CcsdsParseError(
          'missing-keyword',
          endLine,
          spec.kw,
          `mandatory keyword missing from the ${this.spec.name} block`,
        );
      }
    }
    return { comments: this.comments, ...this.values };
  }
}
