import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import { manifestIconFiles, PUBLIC_DIR, renderIcons } from '../../tools/render-icons';
import { CHROMIUM_PATH } from './support/browser-session';

/**
 * The committed PNG icons are what `npm run icons` draws from the SVG sources with this Chromium:
 * nobody edited a PNG by hand, and an SVG change came with its PNGs. Pixels are compared with a
 * small tolerance, since another Chromium may smooth an edge a shade differently.
 */
const files = manifestIconFiles(manifest);

describe('the icons', () => {
  it('are what render-icons draws from their SVG sources', { timeout: 60_000 }, async () => {
    const rendered = await renderIcons([...new Set(files.map((f) => f.size))], CHROMIUM_PATH);
    for (const { path, size } of files) {
      const committed = PNG.sync.read(readFileSync(join(PUBLIC_DIR, path)));
      const drawn = PNG.sync.read(rendered.get(size) ?? Buffer.alloc(0));
      expect([drawn.width, drawn.height], path).toEqual([committed.width, committed.height]);
      let worst = 0;
      let total = 0;
      for (let i = 0; i < committed.data.length; i++) {
        const difference = Math.abs((committed.data[i] as number) - (drawn.data[i] as number));
        worst = Math.max(worst, difference);
        total += difference;
      }
      expect(worst, `${path}: the largest channel difference`).toBeLessThanOrEqual(48);
      expect(total / committed.data.length, `${path}: the mean channel difference`).toBeLessThan(1);
    }
  });
});
