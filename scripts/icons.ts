/**
 * The add-in's icons, drawn here rather than downloaded: a navy tile with the rising sun
 * (Japan) and a white yield line climbing to the right (the US 10y). `npx tsx scripts/icons.ts`
 * writes assets/icon-<size>.png; the PNGs are committed and the Excel build (webpack.config.js)
 * copies them to dist/assets/.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

type RGBA = [number, number, number, number];
const NAVY: RGBA = [31, 59, 92, 255];
const RED: RGBA = [215, 38, 61, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Distance from (px, py) to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The colour at a point of the unit square (0..1, y down). */
function shade(x: number, y: number): RGBA {
  const r = 0.16; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return CLEAR;
  const line: [number, number][] = [
    [0.14, 0.8],
    [0.4, 0.66],
    [0.58, 0.72],
    [0.86, 0.3],
  ];
  for (let i = 0; i + 1 < line.length; i++) {
    if (segmentDistance(x, y, ...line[i], ...line[i + 1]) < 0.065) return WHITE;
  }
  if (Math.hypot(x - 0.34, y - 0.34) < 0.17) return RED;
  return NAVY;
}

/** One icon, 4×4 supersampled. */
export function iconPng(size: number): Buffer {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += c[3];
        }
      }
      const alpha = acc[3] / (n * n);
      const i = (y * size + x) * 4;
      const w = alpha > 0 ? 255 / alpha / (n * n) : 0;
      px[i] = Math.round(acc[0] * w);
      px[i + 1] = Math.round(acc[1] * w);
      px[i + 2] = Math.round(acc[2] * w);
      px[i + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, px);
}

if (process.argv[1] && /icons\.ts$/.test(process.argv[1])) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(dir, `icon-${size}.png`), iconPng(size));
    console.log(`assets/icon-${size}.png`);
  }
}
