#!/usr/bin/env tsx
/**
 * npm run bench [-- --json] [-- --mb N] [-- --rounds N] [-- --warmup N] [-- --forks N] [-- --browser chromium|firefox [-- --repeat N]]
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
 * All of it runs in --forks fresh processes (or browsers), 3 unless told, one after another; the
 * report gives the median of each figure and the two target ratios fork by fork (combineForks).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createMatcher, type Matcher } from '../../src/engine';
import type { CompiledPack } from '../../src/engine/types';
import { buildPack, buildPackWithModel } from '../../src/cli/pack-files';
import { decodeModel, readWithModel } from '../../src/engine/model/read';
import { generateBenchText } from './bench-text';
import { arg, median } from './bench-args';
import { BENCH_BLOCK, combineForks, runEngineBench, summarize, type BenchOptions } from './bench-core';
import { bundleIife } from '../build/bundle-iife';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../../tests/e2e/support/browser-session';

/** A flat copy: extraction builds each block as its own string, never a slice of a page-sized one. */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function fail(message: string, code: number): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(code);
}

/** The page script (tools/bench/bench-page.ts) as one classic script, bundled by Vite. */
function pageScript(): Promise<string> {
  return bundleIife(resolve('tools/bench/bench-page.ts'), 'fcsBenchPage');
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

/**
 * What the learned model costs per block, in this process: it reads a candidate block's text in the
 * background, not in the page, so it is reported beside the engine's figures rather than in them.
 */
function modelCost(mb: number): { model_mb_s: number; model_ms_per_block: number; model_blocks: number } | null {
  const model = buildPackWithModel().pack.model;
  if (!model) return null;
  const decoded = decodeModel(model);
  const text = generateBenchText(Math.round((Math.min(mb, 1) * 1e6) / 2), []);
  const blocks: string[] = [];
  for (let i = 0; i < text.length; i += BENCH_BLOCK) blocks.push(flatCopy(text.slice(i, i + BENCH_BLOCK)));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (const block of blocks) readWithModel(decoded, block);
    times.push(performance.now() - started);
  }
  const ms = median(times.slice(1));
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  return { model_mb_s: Number(((chars * 2) / 1e6 / (ms / 1000)).toFixed(1)), model_ms_per_block: Number((ms / blocks.length).toFixed(3)), model_blocks: blocks.length };
}

/** The flag a fork runs with: one bench in this process, its summary as one JSON line. */
const FORK_CHILD = '--fork-child';

/** One fork's summary: Node's or a browser's (heap: the matcher's, measured in Node only). */
type ForkResult = PageSummary & { runtime: string; heap: number | null };

/** One bench in this process. The matcher's build time and heap are measured without the collections (with --expose-gc). */
function inNode(pack: CompiledPack, options: BenchOptions): ForkResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  let heap: number | null = null;
  let buildMs = 0;
  const build = (p: CompiledPack): Matcher => {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const matcher = createMatcher(p);
    buildMs = performance.now() - started;
    gc?.();
    if (gc) heap = process.memoryUsage().heapUsed - before;
    return matcher;
  };
  const summary = summarize(runEngineBench(pack, options, flatCopy, build));
  return { ...summary, matcher_build_ms: Number(buildMs.toFixed(1)), runtime: `node ${process.version}`, heap };
}

/** One bench in a fresh Node process (same flags, same options), so that V8 compiles every contender anew. */
function nodeFork(): ForkResult {
  const script = process.argv[1] ?? fail('cannot tell which script to fork', 1);
  const out = execFileSync(process.execPath, [...process.execArgv, script, ...process.argv.slice(2), FORK_CHILD], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as ForkResult;
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
  const forks = arg('--forks', 3);
  if (!Number.isInteger(forks) || forks < 1) fail('--forks must be a whole number of at least 1', 2);
  const pack = buildPack();
  if (pack.literals.length === 0) fail('the rule pack has no patterns', 1);
  const options: BenchOptions = { mb: targetMb, rounds, warmup, repeat };

  if (process.argv.includes(FORK_CHILD)) {
    process.stdout.write(JSON.stringify(inNode(pack, options)) + '\n');
    return;
  }
  const runs: ForkResult[] = [];
  for (let f = 0; f < forks; f++) {
    if (!json && forks > 1) process.stderr.write(`fork ${f + 1}/${forks}\n`);
    runs.push(browserKind ? { ...(await inBrowser(browserKind, pack, options)), heap: null } : nodeFork());
  }
  const summary = combineForks(runs);
  const { runtime, text_mb, text_chars, heap: _heap, ...figures } = summary;
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
    matcher_heap_bytes: summary.heap,
    pack_json_bytes: JSON.stringify(pack).length,
    ...(browserKind ? {} : modelCost(targetMb)),
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
      `forks      ${result.forks} (figures are medians over them); engine vs loop in each: ${result.engine_vs_scan_loop_each_fork.join(', ')}`,
      `noise      slowest/fastest round: loop ${result.noise_scan_loop}x, engine ${result.noise_engine}x`,
      `memory     ${result.automaton_bytes} bytes of tables${result.matcher_heap_bytes === null ? '' : `, ${result.matcher_heap_bytes} bytes of heap`}; ${result.trie_nodes} trie nodes, ${result.alphabet} classes, built in ${result.matcher_build_ms} ms`,
      ...('model_mb_s' in result ? [`model      ${result.model_mb_s} MB/s   (the background reading a ${BENCH_BLOCK}-char candidate block: ${result.model_ms_per_block} ms each)`] : []),
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
