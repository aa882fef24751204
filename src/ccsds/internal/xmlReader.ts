import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CcsdsParseError } from '../../errors';
import { type RecordCursor, RecordKind } from './records';

/** One record, materialised (the XML reader builds them all, then replays them). */
interface XmlRecord {
  readonly kind: RecordKind;
  readonly keyword: string;
  readonly value: string;
  readonly unit: string | undefined;
  readonly line: number;
  readonly epochLine?: number;
}

/** Replays records through the {@link RecordCursor} interface. */
class ArrayCursor implements RecordCursor {
  kind: RecordKind = RecordKind.Comment;
  keyword = '';
  value = '';
  unit: string | undefined = undefined;
  valueText = '';
  line = 0;
  epochLine = 0;
  readonly lastLine: number;
  private i = -1;
  private readonly records: readonly XmlRecord[];

  constructor(records: readonly XmlRecord[], lastLine: number) {
    this.records = records;
    this.lastLine = lastLine;
  }

  next(): boolean {
    this.i++;
    const r = this.records[this.i];
    if (r === undefined) return false;
    this.kind = r.kind;
    this.keyword = r.keyword;
    this.value = r.value;
    this.unit = r.unit;
    this.valueText = r.unit === undefined ? r.value : `${r.value} [${r.unit}]`;
    this.line = r.line;
    this.epochLine = r.epochLine ?? r.line;
    return true;
  }
}

/** A parsed XML element: name, attributes, line, text, children. */
interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly line: number;
  text: string;
  readonly children: XmlNode[];
}

/**
 * Parses XML into a tree with saxes (non-validating; no DTD processing: a DOCTYPE is refused
 * before anything could be fetched, and undeclared entities are errors).
 */
export function parseXmlTree(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let fault: CcsdsParseError | undefined;
  parser.on('error', (e) => {
    throw new CcsdsParseError(
      'malformed-xml',
      parser.line,
      undefined,
      e.message.replace(/^.*?:\d+:\d+: /, ''),
      { cause: e },
    );
  });
  parser.on('doctype', () => {
    fault ??= new CcsdsParseError(
      'doctype-refused',
      parser.line,
      'DOCTYPE',
      'a DOCTYPE is refused: CCSDS messages need none, and its entities are never resolved',
    );
    throw fault;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      line: parser.line,
      text: '',
      children: [],
    };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = node;
    else parent.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t: string) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('cdata', (t: string) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (root === undefined) {
    throw new CcsdsParseError('malformed-xml', 0, undefined, 'no root element');
  }
  return root;
}

const MESSAGE_ROOTS: Readonly<Record<string, string>> = {
  oem: 'OEM',
  omm: 'OMM',
  opm: 'OPM',
  tdm: 'TDM',
};

/** Which element may hold which, per message type (after CCSDS 505.0-B NDM/XML schemas). */
const CHILDREN: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  OEM: {
    segment: ['metadata', 'data'],
    data: ['stateVector', 'covarianceMatrix'],
  },
  OPM: {
    segment: ['metadata', 'data'],
    data: [
      'stateVector',
      'keplerianElements',
      'spacecraftParameters',
      'covarianceMatrix',
      'maneuverParameters',
      'userDefinedParameters',
    ],
  },
  OMM: {
    segment: ['metadata', 'data'],
    data: [
      'meanElements',
      'spacecraftParameters',
      'tleParameters',
      'covarianceMatrix',
      'userDefinedParameters',
    ],
  },
  TDM: {
    segment: ['metadata', 'data'],
    data: ['observation'],
  },
};

/** Elements that may appear at most once in their parent. */
const SINGLE = new Set([
  'header',
  'body',
  'metadata',
  'data',
  'stateVector@OPM',
  'keplerianElements',
  'spacecraftParameters',
  'covarianceMatrix@OPM',
  'covarianceMatrix@OMM',
  'meanElements',
  'tleParameters',
  'userDefinedParameters',
]);

function isLeaf(node: XmlNode): boolean {
  return node.children.length === 0 && /^[A-Z][A-Z0-9_]*$/.test(node.name);
}

function unexpectedElement(node: XmlNode, where: string): never {
  throw new CcsdsParseError(
    'unexpected-element',
    node.line,
    node.name,
    `element not expected ${where}`,
  );
}

/** The message type of an XML root element (`oem`, `omm`, `opm`, `tdm`), or undefined. */
export function xmlMessageType(root: { readonly name: string }): string | undefined {
  return MESSAGE_ROOTS[root.name];
}

/**
 * Turns one message element into the records the KVN lexer would give for the same message:
 * the version keyword, header keywords, META_START/META_STOP (OEM, TDM), ephemeris lines
 * (OEM state vectors joined into one line), COVARIANCE_START/STOP (OEM), DATA_START/STOP
 * (TDM), `KEY = epoch value` (TDM observations), `USER_DEFINED_x` (user parameters).
 */
export function xmlMessageCursor(message: XmlNode, lastLine: number): RecordCursor {
  const type = MESSAGE_ROOTS[message.name];
  if (type === undefined) {
    throw new CcsdsParseError(
      'unsupported-message',
      message.line,
      message.name,
      'not an OEM, OMM, OPM or TDM root element',
    );
  }
  const out: XmlRecord[] = [];
  const kv = (keyword: string, value: string, line: number, unit?: string) =>
    out.push({ kind: RecordKind.KeyValue, keyword, value, unit, line });
  const marker = (kind: RecordKind, keyword: string, line: number) =>
    out.push({ kind, keyword, value: '', unit: undefined, line });
  const version = message.attributes.version ?? '';
  kv(`CCSDS_${type}_VERS`, version.trim(), message.line);
  const schema = CHILDREN[type]!;

  const leaves = (node: XmlNode, where: string) => {
    for (const child of node.children) {
      if (!isLeaf(child)) unexpectedElement(child, where);
      emitLeaf(child);
    }
  };
  const emitLeaf = (leaf: XmlNode) => {
    if (leaf.name === 'COMMENT') {
      out.push({
        kind: RecordKind.Comment,
        keyword: 'COMMENT',
        value: leaf.text.trim(),
        unit: undefined,
        line: leaf.line,
      });
    } else if (leaf.name === 'USER_DEFINED') {
      const p = leaf.attributes.parameter;
      if (p === undefined || p.trim() === '') {
        throw new CcsdsParseError(
          'unparsable-value',
          leaf.line,
          'USER_DEFINED',
          'USER_DEFINED needs a parameter attribute',
        );
      }
      kv(`USER_DEFINED_${p.trim()}`, leaf.text.trim(), leaf.line);
    } else {
      kv(leaf.name, leaf.text.trim(), leaf.line, leaf.attributes.units);
    }
  };
  const checkCounts = (node: XmlNode) => {
    const seen = new Set<string>();
    for (const child of node.children) {
      const key =
        SINGLE.has(`${child.name}@${type}`) || SINGLE.has(child.name) ? child.name : undefined;
      if (key === undefined) continue;
      if (seen.has(key)) unexpectedElement(child, `twice in <${node.name}>`);
      seen.add(key);
    }
  };

  checkCounts(message);
  let bodySeen = false;
  for (const part of message.children) {
    if (part.name === 'header') {
      if (bodySeen) unexpectedElement(part, 'after <body>');
      leaves(part, 'in <header>');
    } else if (part.name === 'body') {
      bodySeen = true;
      const segments = part.children;
      for (const seg of segments) {
        if (seg.name !== 'segment') unexpectedElement(seg, 'in <body>');
        if ((type === 'OPM' || type === 'OMM') && seg !== segments[0]) {
          unexpectedElement(seg, `in an ${type} (one segment only)`);
        }
        checkCounts(seg);
        for (const sect of seg.children) {
          if (!schema.segment!.includes(sect.name)) unexpectedElement(sect, 'in <segment>');
          if (sect.name === 'metadata') {
            if (type === 'OEM' || type === 'TDM') marker(RecordKind.Start, 'META', sect.line);
            leaves(sect, 'in <metadata>');
            if (type === 'OEM' || type === 'TDM')
              marker(RecordKind.Stop, 'META', lastChildLine(sect));
          } else {
            emitData(sect);
          }
        }
      }
    } else {
      unexpectedElement(part, `in <${message.name}>`);
    }
  }

  function emitData(data: XmlNode): void {
    checkCounts(data);
    if (type === 'TDM') marker(RecordKind.Start, 'DATA', data.line);
    let covarianceOpen = false;
    for (const child of data.children) {
      if (isLeaf(child)) {
        if (child.name !== 'COMMENT') unexpectedElement(child, 'in <data>');
        emitLeaf(child);
        continue;
      }
      if (!schema.data!.includes(child.name)) unexpectedElement(child, 'in <data>');
      if (type === 'OEM' && child.name === 'stateVector') {
        if (covarianceOpen) unexpectedElement(child, 'after a covariance');
        const parts: string[] = [];
        for (const leaf of child.children) {
          if (!isLeaf(leaf)) unexpectedElement(leaf, 'in <stateVector>');
          if (leaf.name === 'COMMENT') {
            emitLeaf(leaf);
            continue;
          }
          parts.push(leaf.text.trim());
        }
        out.push({
          kind: RecordKind.Data,
          keyword: '',
          value: parts.join(' '),
          unit: undefined,
          line: child.line,
        });
      } else if (type === 'OEM' && child.name === 'covarianceMatrix') {
        if (!covarianceOpen) marker(RecordKind.Start, 'COVARIANCE', child.line);
        covarianceOpen = true;
        // The EPOCH opens a matrix in KVN; comments before it belong to the matrix.
        const comments = child.children.filter((l) => l.name === 'COMMENT');
        const rest = child.children.filter((l) => l.name !== 'COMMENT');
        for (const leaf of rest)
          if (!isLeaf(leaf)) unexpectedElement(leaf, 'in <covarianceMatrix>');
        const epoch = rest.find((l) => l.name === 'EPOCH');
        if (epoch === undefined) {
          throw new CcsdsParseError(
            'missing-keyword',
            child.line,
            'EPOCH',
            'an OEM covariance needs an EPOCH',
          );
        }
        for (const cm of comments) emitLeaf(cm);
        emitLeaf(epoch);
        for (const leaf of rest) if (leaf !== epoch) emitLeaf(leaf);
      } else if (type === 'TDM') {
        const epoch = child.children.find((l) => l.name === 'EPOCH');
        const values = child.children.filter((l) => l.name !== 'EPOCH' && l.name !== 'COMMENT');
        for (const leaf of child.children)
          if (!isLeaf(leaf)) unexpectedElement(leaf, 'in <observation>');
        for (const cm of child.children) if (cm.name === 'COMMENT') emitLeaf(cm);
        if (values.length !== 1) {
          throw new CcsdsParseError(
            'unparsable-value',
            child.line,
            values[1]?.name ?? 'observation',
            'an observation holds one EPOCH and one value',
          );
        }
        const v = values[0]!;
        if (epoch === undefined) {
          throw new CcsdsParseError(
            'unparsable-value',
            v.line,
            v.name,
            'an observation needs its EPOCH',
          );
        }
        out.push({
          kind: RecordKind.KeyValue,
          keyword: v.name,
          value: `${epoch.text.trim()} ${v.text.trim()}`,
          unit: undefined,
          line: v.line,
          epochLine: epoch.line,
        });
      } else {
        leaves(child, `in <${child.name}>`);
      }
    }
    if (covarianceOpen) marker(RecordKind.Stop, 'COVARIANCE', lastChildLine(data));
    if (type === 'TDM') marker(RecordKind.Stop, 'DATA', lastChildLine(data));
  }

  return new ArrayCursor(out, lastLine);
}

function lastChildLine(node: XmlNode): number {
  let n = node;
  while (n.children.length > 0) n = n.children[n.children.length - 1]!;
  return n.line;
}

/** Number of lines of a text. */
export function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
