import type { CcsdsEpochCodec } from '../options';
import type { BlockSpec, FieldSpec } from './fields';
import { formatNumber } from './numbers';

const KEYWORD_WIDTH = 20;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * Writes the pieces of a message in KVN or XML, line by line, into a sink. Message writers
 * call the same methods for both encodings; block markers exist in one encoding only.
 */
export class Emitter {
  readonly xml: boolean;
  readonly units: boolean;
  private readonly sink: (line: string) => void;
  private depth = 0;

  constructor(xml: boolean, units: boolean, sink: (line: string) => void) {
    this.xml = xml;
    this.units = units;
    this.sink = sink;
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }

  /** The version line (KVN) or the XML declaration and root element. */
  start(type: string, version: string): void {
    if (this.xml) {
      this.sink('<?xml version="1.0" encoding="UTF-8"?>');
      this.sink(`<${type.toLowerCase()} id="CCSDS_${type}_VERS" version="${escapeXml(version)}">`);
      this.depth = 1;
    } else {
      this.field(`CCSDS_${type}_VERS`, version);
    }
  }

  end(type: string): void {
    if (this.xml) {
      this.depth = 0;
      this.sink(`</${type.toLowerCase()}>`);
    }
  }

  /** Opens an XML element, or writes a KVN marker (`META_START`) when one is given. */
  open(xmlName: string | undefined, kvnMarker?: string): void {
    if (this.xml) {
      if (xmlName === undefined) return;
      this.sink(`${this.indent()}<${xmlName}>`);
      this.depth++;
    } else if (kvnMarker !== undefined) {
      this.sink(kvnMarker);
    }
  }

  close(xmlName: string | undefined, kvnMarker?: string): void {
    if (this.xml) {
      if (xmlName === undefined) return;
      this.depth--;
      this.sink(`${this.indent()}</${xmlName}>`);
    } else if (kvnMarker !== undefined) {
      this.sink(kvnMarker);
    }
  }

  /** A blank line between KVN blocks. */
  blank(): void {
    if (!this.xml) this.sink('');
  }

  comment(text: string): void {
    if (this.xml) this.sink(`${this.indent()}<COMMENT>${escapeXml(text)}</COMMENT>`);
    else this.sink(text === '' ? 'COMMENT' : `COMMENT ${text}`);
  }

  comments(texts: readonly string[] | undefined): void {
    if (texts !== undefined) for (const t of texts) this.comment(t);
  }

  field(keyword: string, value: string, unit?: string): void {
    const u = this.units && unit !== undefined && unit !== '' && unit !== '*' ? unit : undefined;
    if (this.xml) {
      const attr = u === undefined ? '' : ` units="${escapeXml(u)}"`;
      this.sink(`${this.indent()}<${keyword}${attr}>${escapeXml(value)}</${keyword}>`);
    } else {
      this.sink(`${keyword.padEnd(KEYWORD_WIDTH)} = ${value}${u === undefined ? '' : ` [${u}]`}`);
    }
  }

  userDefined(name: string, value: string): void {
    if (this.xml) {
      this.sink(
        `${this.indent()}<USER_DEFINED parameter="${escapeXml(name)}">${escapeXml(value)}</USER_DEFINED>`,
      );
    } else {
      this.field(`USER_DEFINED_${name}`, value);
    }
  }

  /** A raw KVN line (ephemeris line, covariance row). */
  raw(line: string): void {
    this.sink(line);
  }

  /** Writes the fields of a block that are present, in the standard's order. */
  block(spec: BlockSpec, values: object, codec: CcsdsEpochCodec, utc: CcsdsEpochCodec): void {
    const v = values as Record<string, unknown>;
    for (const s of spec.fields) {
      const text = fieldText(s, v, codec, utc);
      if (text !== undefined) this.field(s.kw, text, s.unit);
    }
  }
}

/** The text of one field, or undefined when the block does not have it. */
export function fieldText(
  s: FieldSpec,
  v: Record<string, unknown>,
  codec: CcsdsEpochCodec,
  utc: CcsdsEpochCodec,
): string | undefined {
  let x = v[s.field];
  if (x === undefined || x === null) return undefined;
  if (s.index !== undefined) x = (x as unknown[])[s.index];
  else if (s.key !== undefined) x = (x as Record<number, unknown>)[s.key];
  if (x === undefined || x === null) return undefined;
  switch (s.kind) {
    case 'text':
    case 'upper':
      return String(x);
    case 'number':
    case 'int':
      return formatNumber(x as number);
    case 'epoch':
      return codec.write(x as never);
    case 'utc':
      return utc.write(x as never);
    case 'list':
    case 'path':
      return (x as unknown[]).join(',');
  }
}
