import { CcsdsParseError, InvalidArgumentError } from '../../errors';
import type { CcsdsEpochCodec, CcsdsWriteOptions } from '../options';
import type { CcsdsHeader } from '../types';
import type { Emitter } from './emit';
import { epochCodecFor, utcCodec } from './epochs';
import { HEADER_BLOCK } from './fields';

/** The codec to write a time system's dates with. */
export function writeCodec(
  timeSystem: string,
  options: CcsdsWriteOptions | undefined,
): CcsdsEpochCodec {
  try {
    return epochCodecFor(timeSystem, options, 0);
  } catch (e) {
    if (e instanceof CcsdsParseError) {
      throw new InvalidArgumentError('timeSystem', timeSystem, '', e.reason);
    }
    throw e;
  }
}

/** The UTC codec of CREATION_DATE. */
export function writeUtc(options: CcsdsWriteOptions | undefined): CcsdsEpochCodec {
  return utcCodec(options);
}

/** Writes the header (XML: the <header> element). */
export function emitHeader(e: Emitter, header: CcsdsHeader, utc: CcsdsEpochCodec): void {
  e.open('header');
  e.comments(header.comments);
  e.block(HEADER_BLOCK, header, utc, utc);
  // Mandatory keywords read empty are written empty, so that the text reads back the same.
  if (header.creationDate === undefined) e.field('CREATION_DATE', '');
  if (header.originator === undefined) e.field('ORIGINATOR', '');
  e.close('header');
  e.blank();
}
