import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from './encodePng';

/** Icon sizes the manifest references: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64, store listing 128. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];

/** SegmentKit teal in three shades, plus the amber accent that marks "the segment you are looking at". */
const TEAL_DARK: Rgb = [0x0b, 0x5e, 0x66];
const TEAL: Rgb = [0x0e, 0x7c, 0x86];
const TEAL_LIGHT: Rgb = [0x6c, 0xbd, 0xc3];
const AMBER: Rgb = [0xf2, 0xa9, 0x3b];

interface Slice {
  from: number;
  to: number;
  colour: Rgb;
  /** How far the slice is pulled out of the pie, as a share of the icon size. */
  pull: number;
}

/** Angles in degrees, counter-clockwise from 3 o'clock, as on a maths plot. */
const SLICES: readonly Slice[] = [
  { from: 0, to: 90, colour: AMBER, pull: 0.07 },
  { from: 90, to: 215, colour: TEAL, pull: 0 },
  { from: 215, to: 300, colour: TEAL_DARK, pull: 0 },
  { from: 300, to: 360, colour: TEAL_LIGHT, pull: 0 },
];

const CENTRE_X = 0.45;
const CENTRE_Y = 0.55;
const RADIUS = 0.4;
/** Sub-samples per pixel side: 4×4 gives smooth edges even at 16 px. */
const SUPERSAMPLE = 4;

function sliceAt(x: number, y: number): Slice | null {
  for (const s of SLICES) {
    const mid = ((s.from + s.to) / 2) * (Math.PI / 180);
    const cx = CENTRE_X + s.pull * Math.cos(mid);
    const cy = CENTRE_Y - s.pull * Math.sin(mid);
    const dx = x - cx;
    const dy = cy - y;
    if (dx * dx + dy * dy > RADIUS * RADIUS) continue;
    const angle = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
    if (angle >= s.from && angle < s.to) return s;
  }
  return null;
}

/**
 * Draws the SegmentKit icon (a pie with one amber segment pulled out) as RGBA pixels.
 * Edge pixels average the colours of their covered sub-samples and take coverage as alpha.
 *
 * @example
 * const rgba = drawSegmentIcon(32); // 32 × 32 × 4 bytes
 */
export function drawSegmentIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const slice = sliceAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!slice) continue;
          r += slice.colour[0];
          g += slice.colour[1];
          b += slice.colour[2];
          covered++;
        }
      }
      if (covered === 0) continue;
      const o = (py * size + px) * 4;
      out[o] = Math.round(r / covered);
      out[o + 1] = Math.round(g / covered);
      out[o + 2] = Math.round(b / covered);
      out[o + 3] = Math.round((255 * covered) / samples);
    }
  }
  return out;
}

/** File name of the icon of a given size inside assets/. */
export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

/**
 * Writes every icon size into `dir` and returns the paths written.
 *
 * @example
 * writeIcons('assets'); // assets/icon-16.png … assets/icon-128.png
 */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, iconFileName(size));
    writeFileSync(file, encodePng(size, size, drawSegmentIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(resolve(__dirname, '../../assets'))) console.log(`wrote ${file}`);
}
