// Draws the two Teams icons (color 192x192, outline 32x32 white on transparent) as PNG files.
// Run once when the design changes: `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A headset-like ring with a check mark: unified communications, triaged. */
function mark(u, v) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.3 && r < 0.4 && v < 0.62;
  const check =
    (Math.abs(v - (0.62 + (u - 0.38))) < 0.05 && u > 0.38 && u < 0.48) ||
    (Math.abs(v - (0.72 - (u - 0.48) * 1.2)) < 0.05 && u > 0.46 && u < 0.68);
  const ears = Math.abs(dx) > 0.3 && Math.abs(dx) < 0.42 && v > 0.5 && v < 0.72;
  return ring || check || ears;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(
    'manifest/teams/color.png',
    png(192, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [29, 53, 87, 255])),
  );
  writeFileSync(
    'manifest/teams/outline.png',
    png(32, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
  );
  console.log('wrote manifest/teams/color.png and outline.png');
}
