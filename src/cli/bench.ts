#!/usr/bin/env tsx
/**
 * npm run bench [-- --json] [-- --mb N] [-- --rounds N] [-- --warmup N] [-- --browser chromium|firefox [-- --repeat N]]
 * Side by side in one process, on the real compiled pack and the same generated text:
 * the engine as the content script runs it over 2,000-character blocks — normalise + match
 * (matchEntries: every rule and cue occurrence with its original span), and the same plus
 * the context analysis that feeds the score (analyzeBlock: quotes, negation, contacts) —,
 * the bare matcher over the whole text, one regex alternation of the same literals, a
 * per-literal indexOf loop, and a bare charCodeAt pass (the practical limit). The contenders run round-robin, so a busy machine
 * slows them alike; the ratios are medians of per-round ratios. Warm-up rounds, the same round-robin
 * untimed, come first: the engine's rare paths (chains of pieces, a hundred or so calls a round) are
 * still run unoptimised, and re-optimised after V8 learns their types, for the first ten rounds or so.
 * With --browser, the same contenders run in a blank page of Debian's Chromium or Firefox ESR (the
 * JavaScript engines the content script runs on); each timed sample there is --repeat runs.
 */
import { resolve } from 'node:path';
import { createMatcher, type Matcher } from '../engine';
import type { CompiledPack } from '../engine/types';
import { buildPack } from './pack-files';
import { arg } from './bench-args';
import { BENCH_BLOCK, runEngineBench, summarize, type BenchOptions } from './bench-core';
import { bundleIife } from './bundle-iife';
import { CHROMIUM_PATH, FIREFOX_PATH } from './browser-session';

/** A flat copy: extraction builds each block as its own string, never a slice of a page-sized one. */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function fail(message: string, code: number): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(code);
}

/** The page script (src/cli/bench-page.ts) as one classic script, bundled by Vite. */
function pageScript(): Promise<string> {
  return bundleIife(resolve('src/cli/bench-page.ts'), 'fcsBenchPage');
}

type PageSummary = ReturnType<typeof summarize>;

/** Runs the bench in a blank page of a real browser; returns its summary and the browser's version. */
async function inBrowser(kind: 'chromium' | 'firefox', pack: CompiledPack, options: BenchOptions): Promise<PageSummary & { runtime: string }> {
  const script = await pageScript();
  const call = `globalThis.fcsEngineBench(${JSON.stringify(pack)}, ${JSON.stringify(options)})`;
  if (kind === 'chromium') {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      await page.addScriptTag({ content: script });
      const summary = (await page.evaluate(call)) as PageSummary;
      return { ...summary, runtime: `chromium ${browser.version()}` };
    } finally {
      await browser.close();
    }
  }
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // performance.now() is rounded to 1 ms otherwise; the engine's rounds take a few ms
    extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false },
  });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: script });
    const summary = (await page.evaluate(call)) as PageSummary;
    return { ...summary, runtime: `firefox ${await browser.version()}` };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const at = process.argv.indexOf('--browser');
  const browserArg = at > 0 ? (process.argv[at + 1] ?? '') : undefined;
  const browserKind =
    browserArg === undefined || browserArg === 'chromium' || browserArg === 'firefox' ? browserArg : fail('--browser must be chromium or firefox', 2);
  const targetMb = arg('--mb', 5);
  const rounds = arg('--rounds', 9);
  const warmup = arg('--warmup', 12);
  // a browser's clock is coarser (Chromium 0.1 ms): each timed sample runs a contender 3 times there
  const repeat = arg('--repeat', browserKind ? 3 : 1);
  for (const [name, value, least] of [['--mb', targetMb, 0.01], ['--rounds', rounds, 1], ['--warmup', warmup, 1], ['--repeat', repeat, 1]] as const) {
    if (!Number.isFinite(value) || value < least || (name !== '--mb' && !Number.isInteger(value))) {
      fail(`${name} must be ${name === '--mb' ? 'a number' : 'a whole number'} of at least ${least}`, 2);
    }
  }
  const pack = buildPack();
  if (pack.literals.length === 0) fail('the rule pack has no patterns', 1);
  const options: BenchOptions = { mb: targetMb, rounds, warmup, repeat };

  let summary: PageSummary & { runtime: string };
  /** measured by the Node run only: the matcher's build time without the collections, and its heap */
  const measured: { buildMs?: number; heap?: number } = {};
  if (browserKind) {
    summary = await inBrowser(browserKind, pack, options);
  } else {
    const gc = (globalThis as { gc?: () => void }).gc;
    // the heap createMatcher retains (with --expose-gc); building it is timed inside
    const build = (p: CompiledPack): Matcher => {
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      const matcher = createMatcher(p);
      measured.buildMs = performance.now() - started;
      gc?.();
      if (gc) measured.heap = process.memoryUsage().heapUsed - before;
      return matcher;
    };
    summary = { ...summarize(runEngineBench(pack, options, flatCopy, build)), runtime: `node ${process.version}` };
  }
  const { runtime, text_mb, text_chars, ...figures } = summary;
  const result = {
    runtime,
    text_mb,
    text_chars,
    rules: pack.rules.length,
    literals: pack.literals.length,
    rounds,
    warmup_rounds: warmup,
    repeat,
    ...figures,
    ...(measured.buildMs === undefined ? {} : { matcher_build_ms: Number(measured.buildMs.toFixed(1)) }),
    matcher_heap_bytes: measured.heap ?? null,
    pack_json_bytes: JSON.stringify(pack).length,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 1) + '\n');
    return;
  }
  process.stdout.write(
    [
      `${result.runtime}: text ${result.text_mb} MB (${result.text_chars} chars), ${result.rules} rules, ${result.literals} literals, ${rounds} rounds after ${warmup} untimed`,
      `engine     ${result.engine_mb_s} MB/s   (normalise + match, matchEntries per ${BENCH_BLOCK}-char block)`,
      `analysis   ${result.analysis_mb_s} MB/s   (the same + quotes, negation, contacts: analyzeBlock) ${result.analysis_vs_scan_loop}x of the loop`,
      `matcher    ${result.matcher_mb_s} MB/s   (findLiterals over the whole text) ${result.matcher_vs_scan_loop}x of the loop`,
      `regex      ${result.regex_mb_s} MB/s   engine is ${result.engine_vs_regex}x`,
      `indexOf    ${result.indexof_mb_s} MB/s   engine is ${result.engine_vs_indexof}x`,
      `scan loop  ${result.scan_loop_mb_s} MB/s   engine is ${result.engine_vs_scan_loop}x of it`,
      `noise      slowest/fastest round: loop ${result.noise_scan_loop}x, engine ${result.noise_engine}x`,
      `memory     ${result.automaton_bytes} bytes of tables${result.matcher_heap_bytes === null ? '' : `, ${result.matcher_heap_bytes} bytes of heap`}; ${result.trie_nodes} trie nodes, ${result.alphabet} classes, built in ${result.matcher_build_ms} ms`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
