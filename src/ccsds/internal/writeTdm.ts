import type { CcsdsWriteOptions } from '../options';
import type { TdmMessage } from '../types';
import { Emitter, escapeXml } from './emit';
import { TDM_META_BLOCK } from './fields';
import { formatNumber } from './numbers';
import { emitHeader, writeCodec, writeUtc } from './writeCommon';

/** Writes a TDM, line by line, into a sink. */
export function emitTdm(
  message: TdmMessage,
  xml: boolean,
  options: CcsdsWriteOptions | undefined,
  sink: (line: string) => void,
): void {
  const e = new Emitter(xml, options?.units ?? false, sink);
  const utc = writeUtc(options);
  e.start('TDM', message.header.version);
  emitHeader(e, message.header, utc);
  e.open('body');
  for (const segment of message.segments) {
    const codec = writeCodec(segment.metadata.timeSystem, options);
    e.open('segment');
    e.open('metadata', 'META_START');
    e.comments(segment.metadata.comments);
    e.block(TDM_META_BLOCK, segment.metadata, codec, utc);
    e.close('metadata', 'META_STOP');
    e.open('data', 'DATA_START');
    e.comments(segment.dataComments);
    for (const o of segment.observations) {
      const epoch = codec.write(o.epoch);
      const value = formatNumber(o.value);
      if (xml) {
        sink(
          `        <observation>\n          <EPOCH>${escapeXml(epoch)}</EPOCH>\n          <${o.keyword}>${value}</${o.keyword}>\n        </observation>`,
        );
      } else {
        e.field(o.keyword, `${epoch} ${value}`);
      }
    }
    e.close('data', 'DATA_STOP');
    e.close('segment');
    e.blank();
  }
  e.close('body');
  e.end('TDM');
}
