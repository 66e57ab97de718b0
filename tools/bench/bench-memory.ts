#!/usr/bin/env tsx
/**
 * npm run bench:memory [-- --runs N]   (prints JSON; `npm run build` first, or FCS_DIST)
 *
 * What fcs-guard's content script holds in a Chromium tab. Page and content-script worlds
 * share one JS heap, so the figure is a difference: the tab's heap after a forced GC (CDP
 * HeapProfiler.collectGarbage + Runtime.getHeapUsage) once the page has settled, with the
 * extension minus without it, in the same browser (the extension is installed between the two
 * halves), medians of N runs. With the extension, the content script's own isolated world is
 * also counted object by object (content-memory.ts): WeakRefs (one per tracked block key),
 * Maps and Sets with their entries.
 */
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_PATH, extensionDirFor } from '../../tests/e2e/support/browsers';
import { heapUsedMb, isolatedWorldObjects, type IsolatedWorldObjects } from './content-memory';
import { serveFixtures } from '../../tests/e2e/support/server';
import { arg, median, round } from './bench-args';

const SETTLE_MS = 6_000;
/** the restless page keeps adding nodes: measured after this long, when a leak would show */
const RESTLESS_MS = 30_000;

const LOADS = [
  { name: 'ordinary page', path: 'ordinary.html', settleMs: SETTLE_MS },
  { name: '10 MB of text', path: 'pathological.html?load=text', settleMs: SETTLE_MS },
  { name: '100,000 nodes', path: 'pathological.html?load=nodes', settleMs: SETTLE_MS },
  { name: '50 iframes', path: 'pathological.html?load=iframes', settleMs: SETTLE_MS },
  { name: '1,000 mutations a second, after 30 s', path: 'pathological.html?load=mutations', settleMs: RESTLESS_MS },
] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const runs = arg('--runs', 3);
  const server = await serveFixtures();
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let extensionId = '';

  async function measure(path: string, settleMs: number): Promise<{ heap: number; world?: IsolatedWorldObjects }> {
    const page: Page = await browser.newPage();
    try {
      await page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
      await sleep(settleMs);
      const cdp = await page.createCDPSession();
      const heap = await heapUsedMb(cdp);
      const world = extensionId ? await isolatedWorldObjects(cdp, extensionId) : undefined;
      await cdp.detach();
      return world ? { heap, world } : { heap };
    } finally {
      await page.close();
    }
  }

  async function half(): Promise<{ heap: number[]; worlds: IsolatedWorldObjects[] }[]> {
    const results = LOADS.map(() => ({ heap: [] as number[], worlds: [] as IsolatedWorldObjects[] }));
    for (let run = 0; run < runs; run++) {
      for (const [i, load] of LOADS.entries()) {
        const { heap, world } = await measure(load.path, load.settleMs);
        results[i]!.heap.push(heap);
        if (world) results[i]!.worlds.push(world);
      }
    }
    return results;
  }

  try {
    const without = await half();
    extensionId = await browser.installExtension(extensionDirFor('chromium'));
    const withIt = await half();
    const report = LOADS.map((load, i) => {
      const heapWithout = median(without[i]!.heap);
      const heapWith = median(withIt[i]!.heap);
      const worlds = withIt[i]!.worlds;
      const pick = (key: keyof IsolatedWorldObjects) => median(worlds.map((w) => w[key]));
      return {
        load: load.name,
        heapWithoutMb: heapWithout,
        heapWithMb: heapWith,
        contentScriptMb: round(heapWith - heapWithout),
        isolatedWorld: {
          weakRefs: pick('weakRefs'),
          maps: pick('maps'),
          mapEntries: pick('mapEntries'),
          sets: pick('sets'),
          setEntries: pick('setEntries'),
        },
      };
    });
    console.log(JSON.stringify({ chromium: (await browser.version()), runs, loads: report }, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
