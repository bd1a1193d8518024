/**
 * Draws the add-in's icons as PNG files (no image library: shapes are sampled per pixel and the PNG
 * is written with zlib). Run: npm run icons. Output: assets/icon-<n>.png (the add-in: a table with a
 * check mark) and assets/summary-<n>.png (the 集計 button: a bar chart).
 */
import { deflateSync } from 'zlib';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

type RGBA = [number, number, number, number];
type Shape = (x: number, y: number) => RGBA | null;

const GREEN: RGBA = [16, 124, 65, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const PALE: RGBA = [200, 235, 214, 255];
const GOLD: RGBA = [255, 200, 40, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number, c: RGBA): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r ? c : null;
  };
}

function rect(x0: number, y0: number, x1: number, y1: number, c: RGBA): Shape {
  return roundedRect(x0, y0, x1, y1, 0, c);
}

function segDist(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

function polyline(points: [number, number][], width: number, c: RGBA): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      if (segDist(x, y, ax, ay, bx, by) <= width / 2) return c;
    }
    return null;
  };
}

const CHECK: [number, number][] = [
  [0.46, 0.66],
  [0.6, 0.8],
  [0.88, 0.44],
];

/** A sheet (header band, grid lines) with a check mark over its lower right corner. */
const tableIcon: Shape[] = [
  roundedRect(0.04, 0.04, 0.96, 0.96, 0.16, GREEN),
  rect(0.16, 0.18, 0.74, 0.76, WHITE),
  rect(0.22, 0.34, 0.68, 0.7, PALE),
  rect(0.16, 0.5, 0.74, 0.54, WHITE),
  rect(0.43, 0.34, 0.47, 0.76, WHITE),
  polyline(CHECK, 0.22, GREEN),
  polyline(CHECK, 0.12, GOLD),
];

/** Three bars on a base line: the summary sheet. */
const summaryIcon: Shape[] = [
  roundedRect(0.04, 0.04, 0.96, 0.96, 0.16, GREEN),
  rect(0.18, 0.78, 0.82, 0.83, WHITE),
  rect(0.22, 0.5, 0.36, 0.76, WHITE),
  rect(0.43, 0.24, 0.57, 0.76, GOLD),
  rect(0.64, 0.4, 0.78, 0.76, PALE),
];

/** Paint with s×s samples per pixel (straight alpha, "over" compositing of the layers). */
export function render(layers: Shape[], size: number): Buffer {
  const s = size <= 32 ? 8 : 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const x = (pxi + (sx + 0.5) / s) / size;
          const y = (py + (sy + 0.5) / s) / size;
          let c: RGBA | null = null;
          for (const layer of layers) c = layer(x, y) ?? c;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((255 * a) / (s * s));
    }
  }
  return png(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG (filter 0 on every scan line). */
export function png(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const out = join(process.cwd(), 'assets');
  mkdirSync(out, { recursive: true });
  for (const size of [16, 32, 64, 80, 128]) {
    writeFileSync(join(out, `icon-${size}.png`), render(tableIcon, size));
    writeFileSync(join(out, `summary-${size}.png`), render(summaryIcon, size));
  }
  console.log(`icons written to ${out}`);
}
