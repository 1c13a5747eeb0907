#!/usr/bin/env node
// Draws the add-in's icons — a rounded square in Excel green with a white check mark — and writes them
// as PNG files to assets/icon-<size>.png. Uses only node: zlib for the compressed image data, the PNG
// chunks by hand. Run once after changing the drawing; the PNG files are committed.
//
//   node scripts/make-icons.mjs [outDir]

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

/** The sizes the manifest and AppSource ask for: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64, store 128. */
export const ICON_SIZES = [16, 32, 64, 80, 128];

const GREEN = [0x10, 0x7c, 0x41]; // Excel's green
const WHITE = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // 4 × 4 samples a pixel for smooth edges

/** Whether a point (in units of the icon's side, 0..1) lies inside the rounded square. */
function inSquare(x, y, margin, radius) {
  const lo = margin;
  const hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point lies on the check mark: two thick strokes meeting at the bottom. */
function inCheck(x, y, halfWidth) {
  const left = [0.27, 0.52];
  const bottom = [0.43, 0.69];
  const right = [0.74, 0.33];
  return (
    distanceToSegment(x, y, left, bottom) <= halfWidth || distanceToSegment(x, y, bottom, right) <= halfWidth
  );
}

/** RGBA pixels of one icon, row by row. */
export function drawIcon(size) {
  // Small icons get a thicker stroke and a thinner margin so the mark stays legible.
  const margin = size <= 16 ? 0.03 : 0.06;
  const radius = size <= 16 ? 0.18 : 0.16;
  const halfWidth = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (col + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (row + (sy + 0.5) / SUBSAMPLES) / size;
          if (inSquare(x, y, margin, radius)) {
            square++;
            if (inCheck(x, y, halfWidth)) mark++;
          }
        }
      }
      const samples = SUBSAMPLES * SUBSAMPLES;
      const offset = (row * size + col) * 4;
      if (square === 0) continue; // transparent
      const whiteShare = mark / square;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(GREEN[c] * (1 - whiteShare) + WHITE[c] * whiteShare);
      }
      pixels[offset + 3] = Math.round((255 * square) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA pixels. */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row++) {
    raw[row * (stride + 1)] = 0; // filter: none
    pixels.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const outDir = resolve(process.argv[2] ?? join(appDir, "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`图标 icon ${file}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
