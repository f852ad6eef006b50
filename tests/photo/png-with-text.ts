/** Real PNG files with text chunks where a test wants them, for the metadata reader. */
import { crc32, deflateSync } from 'node:zlib';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A 1×1 PNG with `before` chunks ahead of its pixels and `after` chunks behind them, the pixel
 * data padded with `padding` bytes of stored (incompressible) data as a large photo's would be.
 */
export function png({ before = [], after = [], padding = 0 }: { before?: Buffer[]; after?: Buffer[]; padding?: number }): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  const pixels = pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0])));
  const filler = Array.from({ length: Math.ceil(padding / 65_536) }, () => pngChunk('prVt', Buffer.alloc(65_536, 0x5a)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), ...before, pixels, ...filler, ...after, pngChunk('IEND', Buffer.alloc(0))]));
}

export const tEXt = (keyword: string, text: string) => pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
export const zTXt = (keyword: string, text: string) => pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(Buffer.from(text, 'latin1'))]));
export function iTXt(keyword: string, text: string, compressed: boolean): Buffer {
  const body = compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
  return pngChunk('iTXt', Buffer.concat([Buffer.from(`${keyword}\0${compressed ? '\x01' : '\0'}\0en-GB\0Description\0`, 'latin1'), body]));
}
