import { writeFileSync } from 'node:fs';
import { analyzeBlock, createMatcher, DEFAULT_WARN_THRESHOLD, scorePage } from '../../src/engine';
import { characterAccuracy, tallyAccuracy, type AccuracyTally } from './char-accuracy';
import { buildPack } from '../../src/cli/pack-files';
import type { OcrEngine } from '../../src/ocr/ppocr-engine';
import { createNodePpOcr, createNodeTesseract } from './ocr-engines-node';
import { renderOcrFixtures, type RenderedFixture } from './ocr-fixtures';

/**
 * `npm run bench:ocr`: both candidate OCR engines on the same rendered fixture images, in Node
 * (onnxruntime-web and tesseract.js both run their WASM builds there, single-threaded as in the
 * extension). Prints character accuracy (1 − CER) and the median time per image; `--json FILE`
 * writes the numbers too. Run it alone: it keeps one core busy for about a minute.
 */
interface EngineResult {
  engine: string;
  loadMs: number;
  accuracy: number;
  medianMs: number;
  p90Ms: number;
  /** images where the engine's verdict on the read text equals its verdict on the true text */
  sameVerdict: number;
  perImage: { name: string; ms: number; accuracy: number; read: string }[];
}

const candidates: { engine: string; create: () => Promise<OcrEngine & { close?: () => Promise<void> }> }[] = [
  { engine: 'PP-OCRv4 (onnxruntime-web wasm)', create: createNodePpOcr },
  { engine: 'tesseract.js chi_sim 4.0.0_best_int', create: () => createNodeTesseract('4.0.0_best_int') },
  { engine: 'tesseract.js chi_sim 4.0.0', create: () => createNodeTesseract('4.0.0') },
];

const pack = buildPack();
const matcher = createMatcher(pack);
const warns = (text: string): boolean => scorePage(pack, [analyzeBlock(matcher, text)]).score >= DEFAULT_WARN_THRESHOLD;

async function measure(engineName: string, create: () => Promise<OcrEngine & { close?: () => Promise<void> }>, fixtures: RenderedFixture[]): Promise<EngineResult> {
  const loadStart = performance.now();
  const engine = await create();
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
    engine: engineName,
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

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf('--json');
  const only = process.argv.includes('--quick') ? candidates.slice(0, 2) : candidates;
  const fixtures = await renderOcrFixtures();
  const sizes = fixtures.map((f) => `${f.image.width}×${f.image.height}`);
  console.log(`${fixtures.length} fixture images (${sizes.join(', ')}), Node ${process.version}\n`);
  const results: EngineResult[] = [];
  for (const { engine, create } of only) {
    const result = await measure(engine, create, fixtures);
    results.push(result);
    console.log(`${engine}\n  accuracy ${result.accuracy.toFixed(3)}  median ${result.medianMs.toFixed(0)} ms/image  p90 ${result.p90Ms.toFixed(0)} ms  load ${result.loadMs.toFixed(0)} ms  same verdict ${result.sameVerdict}/${fixtures.length}`);
    for (const p of result.perImage) {
      if (p.accuracy < 1) console.log(`    ${p.name}: ${p.accuracy.toFixed(2)} read "${p.read}"`);
    }
  }
  if (jsonAt > 0 && process.argv[jsonAt + 1]) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(results, null, 2));
}

await main();
