// Draws the toolbar icon (a green shield with a white tick) at each size the manifest names.
// Run once when the design changes: node scripts/make-icons.mjs. The PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff;

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

function insideShield(x, y) {
  // Unit square coordinates: a flat top, straight sides, and a curved point at the bottom.
  if (y < 0.08 || x < 0.12 || x > 0.88) return false;
  if (y < 0.55) return true;
  const half = 0.38 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.39) ** 2));
  return Math.abs(x - 0.5) <= half;
}

function nearTick(x, y, width) {
  const segment = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  return Math.min(segment(0.3, 0.47, 0.45, 0.63), segment(0.45, 0.63, 0.72, 0.3)) < width;
}

function icon(size) {
  const rows = [];
  const samples = 4;
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let shield = 0, tick = 0;
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) {
        const x = (px + (sx + 0.5) / samples) / size, y = (py + (sy + 0.5) / samples) / size;
        if (!insideShield(x, y)) continue;
        if (nearTick(x, y, 0.065)) tick++;
        else shield++;
      }
      const n = samples * samples;
      const alpha = (shield + tick) / n;
      const white = tick / Math.max(1, shield + tick);
      const [r, g, b] = [27 + (255 - 27) * white, 127 + (255 - 127) * white, 59 + (255 - 59) * white];
      row.push(Math.round(r), Math.round(g), Math.round(b), Math.round(alpha * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
