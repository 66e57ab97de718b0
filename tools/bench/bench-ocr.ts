import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeBlock, createMatcher, DEFAULT_WARN_THRESHOLD, scorePage } from '../../src/engine';
import { characterAccuracy, tallyAccuracy, type AccuracyTally } from './char-accuracy';
import { buildPack } from '../../src/cli/pack-files';
import { ocrCandidates, restOfZip, zippedSize, type OcrCandidate } from './ocr-candidates';
import { renderOcrFixtures, type RenderedFixture } from './ocr-fixtures';

/**
 * `npm run bench:ocr`: the candidate OCR engines on the same rendered fixture images, in Node
 * (onnxruntime-web and tesseract.js both run their WASM builds there, single-threaded as in the
 * extension). Prints each one's share of a store zip, character accuracy (1 − CER) and the median
 * time per image. Run it alone: it keeps one core busy for a few minutes.
 *   --only TEXT     candidates whose name contains TEXT
 *   --ort-dir DIR   also PP-OCR on another onnxruntime-web package (e.g. an older one from `npm pack`)
 *   --dist DIR      the built Chrome extension whose other files complete the zip (default dist/chrome)
 *   --json FILE     write the numbers too
 */
interface EngineResult {
  engine: string;
  ships: boolean;
  /** the engine's files in a zip, and the whole zip with the rest of the build */
  ocrZipBytes: number | undefined;
  zipBytes: number | undefined;
  loadMs: number;
  accuracy: number;
  medianMs: number;
  p90Ms: number;
  /** images where the engine's verdict on the read text equals its verdict on the true text */
  sameVerdict: number;
  perImage: { name: string; ms: number; accuracy: number; read: string }[];
}

const pack = buildPack();
const matcher = createMatcher(pack);
const warns = (text: string): boolean => scorePage(pack, [analyzeBlock(matcher, text)]).score >= DEFAULT_WARN_THRESHOLD;

function argument(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function measure(candidate: OcrCandidate, fixtures: RenderedFixture[], rest: number | undefined): Promise<EngineResult> {
  // before the clock starts: reading (and quantising) the models is the build's work, not the engine's
  const files = candidate.files();
  const ocrZipBytes = files?.reduce((sum, bytes) => sum + zippedSize(bytes), 0);
  const loadStart = performance.now();
  const engine = await candidate.create();
  const loadMs = performance.now() - loadStart;
  // one untimed pass warms the WASM code and allocator, as a long-lived offscreen document would be
  await engine.recognize(fixtures[0]!.image);
  const perImage: EngineResult['perImage'] = [];
  const tallies: AccuracyTally[] = [];
  let sameVerdict = 0;
  for (const fixture of fixtures) {
    const start = performance.now();
    const { text } = await engine.recognize(fixture.image);
    const ms = performance.now() - start;
    const tally = tallyAccuracy(fixture.text, text);
    tallies.push(tally);
    if (warns(text) === warns(fixture.text)) sameVerdict++;
    perImage.push({ name: fixture.name, ms, accuracy: characterAccuracy([tally]), read: text.replace(/\s+/gu, ' ') });
  }
  await engine.close?.();
  const times = perImage.map((p) => p.ms).sort((a, b) => a - b);
  return {
    engine: candidate.name,
    ships: candidate.ships,
    ocrZipBytes,
    zipBytes: ocrZipBytes !== undefined && rest !== undefined ? ocrZipBytes + rest : undefined,
    loadMs,
    accuracy: characterAccuracy(tallies),
    medianMs: percentile(times, 0.5),
    p90Ms: percentile(times, 0.9),
    sameVerdict,
    perImage,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (rank - lo);
}

const megabytes = (bytes: number | undefined): string => (bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(2)} MB`);

async function main(): Promise<void> {
  const only = argument('--only');
  const otherOrt = argument('--ort-dir');
  const candidates = ocrCandidates(otherOrt ? resolve(otherOrt) : undefined).filter((c) => !only || c.name.includes(only));
  const rest = restOfZip(resolve(argument('--dist') ?? 'dist/chrome'));
  const fixtures = await renderOcrFixtures();
  const sizes = fixtures.map((f) => `${f.image.width}×${f.image.height}`);
  console.log(`${fixtures.length} fixture images (${sizes.join(', ')}), Node ${process.version}`);
  console.log(`rest of the zip (no OCR models or WASM): ${megabytes(rest)}${rest === undefined ? ' (no build: npm run build first)' : ''}\n`);
  const results: EngineResult[] = [];
  for (const candidate of candidates) {
    if (!candidate.files()) {
      console.log(`${candidate.name}\n  skipped: its files are not on this machine\n`);
      continue;
    }
    const result = await measure(candidate, fixtures, rest);
    results.push(result);
    console.log(`${result.engine}${result.ships ? ' (ships)' : ''}`);
    console.log(`  zip ${megabytes(result.zipBytes)} (OCR ${megabytes(result.ocrZipBytes)})  accuracy ${result.accuracy.toFixed(3)}  same verdict ${result.sameVerdict}/${fixtures.length}`);
    console.log(`  median ${result.medianMs.toFixed(0)} ms/image  p90 ${result.p90Ms.toFixed(0)} ms  load ${result.loadMs.toFixed(0)} ms`);
    for (const p of result.perImage) {
      if (p.accuracy < 1) console.log(`    ${p.name}: ${p.accuracy.toFixed(2)} read "${p.read}"`);
    }
    console.log('');
  }
  const json = argument('--json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
}

await main();
