#!/usr/bin/env node
// Draws the extension icon, resources/icon.png: a 128 x 128 PNG of a blue shield with a gold
// check mark on a transparent background. Only Node built-ins (zlib for the PNG's deflate
// stream); 4 x 4 supersampling smooths the edges. Deterministic: the same bytes on every run.
// Usage: node scripts/make-icon.mjs [out.png]
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SAMPLES = 4;
const SHIELD = [0x1e, 0x4d, 0x8c]; // blue
const CHECK = [0xf2, 0xc9, 0x4c]; // gold

/** True when (x, y), in units of the icon's width, lies inside the shield. */
function inShield(x, y) {
  const left = 0.16,
    right = 0.84,
    top = 0.07,
    shoulder = 0.5,
    tip = 0.95;
  if (y < top || y > tip) return false;
  if (y <= shoulder) return x >= left && x <= right;
  const t = (y - shoulder) / (tip - shoulder);
  const half = ((right - left) / 2) * (1 - t * t);
  return Math.abs(x - 0.5) <= half;
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const TICK = [
  [0.32, 0.5],
  [0.45, 0.64],
  [0.69, 0.34],
];
function inCheck(x, y) {
  return Math.min(toSegment(x, y, TICK[0], TICK[1]), toSegment(x, y, TICK[1], TICK[2])) <= 0.045;
}

/** RGBA rows, each prefixed by PNG filter type 0. */
function pixels() {
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (1 + SIZE * 4);
    rows[row] = 0;
    for (let px = 0; px < SIZE; px++) {
      let shield = 0,
        check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
          const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
          if (!inShield(x, y)) continue;
          if (inCheck(x, y)) check++;
          else shield++;
        }
      }
      const n = SAMPLES * SAMPLES,
        covered = shield + check;
      const o = row + 1 + px * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) rows[o + c] = Math.round((SHIELD[c] * shield + CHECK[c] * check) / covered);
      rows[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels(), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const out = resolve(process.argv[2] ?? resolve(import.meta.dirname, "..", "resources", "icon.png"));
mkdirSync(dirname(out), { recursive: true });
const data = png();
writeFileSync(out, data);
console.log(`${out}: ${SIZE}x${SIZE} PNG, ${data.length} bytes`);
