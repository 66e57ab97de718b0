/**
 * `npm run icons`: draws the extension's icons from their SVG sources in src/public/icons with
 * the installed Chromium (playwright-core, no browser download), at every size manifest.json
 * names in `icons` and `action.default_icon`, and writes the PNGs the manifest points at.
 * The PNGs are committed: a build needs no browser. `--check` draws them and compares them with
 * the committed files instead of writing (tests/e2e/icons.e2e.test.ts does the same).
 *
 * Sizes up to 32 px are drawn from icon-small.svg, redrawn on a 16-pixel grid so the mark stays
 * sharp in the toolbar; larger ones from icon.svg. Chromium's PNG is decoded and written again
 * by pngjs, so the files carry pixels only (no metadata, one encoder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

export const PUBLIC_DIR = 'src/public';
export const ICON_SOURCE_DIR = join(PUBLIC_DIR, 'icons');
const SMALL_ICON_MAX = 32;

interface IconManifest {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}

/** Every icon file the manifest names, with the size it is named for. */
export function manifestIconFiles(manifest: IconManifest): { path: string; size: number }[] {
  const entries = [...Object.entries(manifest.icons ?? {}), ...Object.entries(manifest.action?.default_icon ?? {})];
  const files = new Map<string, number>();
  for (const [size, path] of entries) {
    const known = files.get(path);
    if (known !== undefined && known !== Number(size)) throw new Error(`${path} is named for sizes ${known} and ${size}`);
    files.set(path, Number(size));
  }
  return [...files].map(([path, size]) => ({ path, size }));
}

export const svgSourceFor = (size: number): string =>
  join(ICON_SOURCE_DIR, size <= SMALL_ICON_MAX ? 'icon-small.svg' : 'icon.svg');

/** RGBA pixels in a PNG written by one encoder with fixed settings. */
export function canonicalPng(png: Buffer): Buffer {
  const { width, height, data } = PNG.sync.read(png);
  return PNG.sync.write({ width, height, data } as PNG, { colorType: 6, inputColorType: 6, deflateLevel: 9 });
}

/** Draws each requested size from its SVG source; answers the PNG bytes by size. */
export async function renderIcons(sizes: readonly number[], chromiumPath: string): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--force-color-profile=srgb'] });
  const rendered = new Map<number, Buffer>();
  try {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const svg = readFileSync(svgSourceFor(size)).toString('base64');
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" alt="">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      rendered.set(size, canonicalPng(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rendered;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as IconManifest;
  const files = manifestIconFiles(manifest);
  const rendered = await renderIcons([...new Set(files.map((f) => f.size))], process.env.FCS_CHROMIUM ?? '/usr/bin/chromium');
  let stale = 0;
  for (const { path, size } of files) {
    const png = rendered.get(size);
    if (!png) throw new Error(`no rendering for ${size}`);
    const target = join(PUBLIC_DIR, path);
    if (!check) {
      writeFileSync(target, png);
      console.log(`wrote ${target} (${size}×${size})`);
    } else if (!readFileSync(target).equals(png)) {
      stale += 1;
      console.error(`${target} differs from what ${svgSourceFor(size)} draws: run npm run icons`);
    }
  }
  if (stale > 0) process.exit(1);
  if (check) console.log(`${files.length} icons match their SVG sources`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
