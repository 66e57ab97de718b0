import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DIST_DIR,
  launchChromium,
  readBanner,
  waitForBanner,
  waitForVerdict,
  type PageDriver,
} from '../tests/e2e/support/browsers';
import { serveFixtures } from '../tests/e2e/support/server';

/**
 * `npm run demo`: build, serve the e2e fixture pages, open a scam ad and an everyday page in
 * Chromium with fcs-guard loaded, say what it decided, and save screenshots. Headed (and left
 * open until Ctrl+C) when there is a display, headless otherwise. `--no-build` reuses dist/.
 */

const headed = Boolean(process.env.DISPLAY);
const shotsDir = join(DIST_DIR, 'demo');

async function describeBanner(name: string, tab: PageDriver, expectWarning: boolean): Promise<void> {
  const banner = expectWarning ? await waitForBanner(tab).catch(() => null) : await settleAndRead(tab);
  if (banner) console.log(`  ${name}: WARNED (level ${banner.level}) — ${banner.text.slice(0, 160)}`);
  else console.log(`  ${name}: no banner`);
}

async function settleAndRead(tab: PageDriver) {
  await new Promise((done) => setTimeout(done, 1_500));
  return readBanner(tab);
}

async function main(): Promise<void> {
  if (process.argv.includes('--no-build')) {
    console.log(`using the extension already built in ${relative(process.cwd(), DIST_DIR) || DIST_DIR}`);
  } else {
    console.log('building the extension…');
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) {
      throw new Error('npm run build failed');
    }
  }
  mkdirSync(shotsDir, { recursive: true });

  const server = await serveFixtures();
  const session = await launchChromium({ headed });
  console.log(`\nChromium ${headed ? 'window' : '(headless)'} with fcs-guard ${session.extensionId}`);

  const ad = await session.open(server.url('ad.html'));
  await describeBanner('ad.html (反催收 ad)', ad, true);
  const bannerShot = join(shotsDir, 'banner.png');
  await ad.screenshot(bannerShot);

  const ordinary = await session.open(server.url('ordinary.html'));
  await describeBanner('ordinary.html (recipe)', ordinary, false);

  const popup = await session.openPopupFor(ad);
  // the popup shows a placeholder until the background answers: wait for the ad's verdict,
  // and if none comes, report whatever the popup settled on
  const verdict = await waitForVerdict(popup, (v) => v.level !== 'none', 5_000).catch(() =>
    waitForVerdict(popup).catch(() => null),
  );
  console.log(`  popup for the ad tab: ${verdict ? `verdict ${verdict.level}` : 'no verdict shown'}`);
  const popupShot = join(shotsDir, 'popup.png');
  await popup.screenshot(popupShot, { fullPage: true });

  console.log(`\nscreenshots: ${relative(process.cwd(), bannerShot)}, ${relative(process.cwd(), popupShot)}`);

  if (headed) {
    await ad.bringToFront();
    console.log('the browser stays open; close it or press Ctrl+C to end the demo');
    await new Promise<void>((done) => {
      session.context.on('close', () => done());
      process.once('SIGINT', () => done());
    });
  }
  await session.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
