import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import manifest from '../../manifest.json';
import type { Level } from '../../src/engine/types';
import type { TabVerdict } from '../../src/shared/messages';

const action = {
  setBadgeText: vi.fn(async () => undefined),
  setBadgeBackgroundColor: vi.fn(async () => undefined),
  setBadgeTextColor: vi.fn(async () => undefined),
};
vi.mock('../../src/shared/browser', () => ({ browser: { action } }));

const { BADGE_COLOURS, BADGE_TEXT_COLOURS, setBadge } = await import('../../src/background/badge');

type Rgb = [number, number, number];
const LEVELS: Level[] = ['none', 'low', 'medium', 'high'];

const hex = (colour: string): Rgb => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as Rgb;
const linear = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance and contrast ratio */
const luminance = ([r, g, b]: Rgb): number => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
function contrast(a: Rgb, b: Rgb): number {
  const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** CIE L*a*b* (D65), for how far apart two colours look */
function lab([r, g, b]: Rgb): Rgb {
  const [R, G, B] = [linear(r), linear(g), linear(b)];
  const xyz = [
    (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047,
    0.2126 * R + 0.7152 * G + 0.0722 * B,
    (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)) as Rgb;
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}
const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] as number)));

/** The opaque pixels of the lower half of a toolbar icon, where the browser draws the badge. */
function underTheBadge(file: string): Rgb[] {
  const png = PNG.sync.read(readFileSync(join('src/public', file)));
  const pixels: Rgb[] = [];
  for (let y = Math.floor(png.height / 2); y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if ((png.data[i + 3] as number) >= 128) pixels.push([png.data[i], png.data[i + 1], png.data[i + 2]] as Rgb);
    }
  }
  return pixels;
}

describe('the toolbar badge', () => {
  it.each(LEVELS)('%s: the count is legible on its background (WCAG contrast ≥ 4.5)', (level) => {
    expect(contrast(hex(BADGE_TEXT_COLOURS[level]), hex(BADGE_COLOURS[level]))).toBeGreaterThanOrEqual(4.5);
  });

  it('white on the amber levels would not be: the text colour is set for a reason', () => {
    expect(contrast(hex('#ffffff'), hex(BADGE_COLOURS.low))).toBeLessThan(4.5);
  });

  const toolbarIcons = Object.values(manifest.action.default_icon);
  it.each(LEVELS.flatMap((level) => toolbarIcons.map((file) => [level, file] as const)))(
    '%s: the badge stands out from %s (no part of the icon under it looks like its colour)',
    (level, file) => {
      const pixels = underTheBadge(file);
      expect(pixels.length).toBeGreaterThan(0);
      const alike = pixels.filter((p) => deltaE(p, hex(BADGE_COLOURS[level])) < 25).length;
      expect(alike / pixels.length).toBeLessThan(0.02);
    },
  );

  it('a badge the colour of the icon would be caught', () => {
    const pixels = underTheBadge(manifest.action.default_icon['16']);
    const shieldBlue = hex('#1570ef');
    expect(pixels.filter((p) => deltaE(p, shieldBlue) < 25).length / pixels.length).toBeGreaterThan(0.02);
  });

  it('sets the count, its background and its text colour for the level', async () => {
    await setBadge(7, { level: 'low', flaggedBlocks: 3 } as TabVerdict);
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '3' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 7, color: BADGE_COLOURS.low });
    expect(action.setBadgeTextColor).toHaveBeenCalledWith({ tabId: 7, color: BADGE_TEXT_COLOURS.low });
  });
});
