import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBlock, createMatcher, scorePage, DEFAULT_WARN_THRESHOLD } from '../../src/engine';
import { characterAccuracy, tallyAccuracy } from '../../tools/bench/char-accuracy';
import type { OcrEngine } from '../../src/ocr/ppocr-engine';
import { createNodePpOcr } from '../../tools/bench/ocr-engines-node';
import { buildPack } from '../../src/cli/pack-files';
import { OCR_FIXTURES, renderOcrFixtures, type RenderedFixture } from '../../tools/bench/ocr-fixtures';

/**
 * The shipped OCR pipeline (PP-OCRv4 with the weight-quantised models the build ships, on
 * onnxruntime-web's WASM, in Node) on the fixture set that headless Chromium draws: character
 * accuracy, and the verdict of the same engine on what it read. Timing is the benchmark's job
 * (`npm run bench:ocr`), never asserted here.
 */
describe('PP-OCRv4 as shipped on the rendered fixture images', () => {
  let fixtures: RenderedFixture[];
  let engine: OcrEngine;
  const read = new Map<string, string>();

  beforeAll(async () => {
    [fixtures, engine] = await Promise.all([renderOcrFixtures(), createNodePpOcr()]);
    for (const fixture of fixtures) read.set(fixture.name, (await engine.recognize(fixture.image)).text);
  }, 240_000);

  it('reads at least 95% of the characters', () => {
    const accuracy = characterAccuracy(fixtures.map((f) => tallyAccuracy(f.text, read.get(f.name) ?? '')));
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  const pack = buildPack();
  const matcher = createMatcher(pack);
  const warns = (text: string): boolean => scorePage(pack, [analyzeBlock(matcher, text)]).score >= DEFAULT_WARN_THRESHOLD;
  it.each(OCR_FIXTURES.map((f) => [f.name, f.text] as const))('%s: the engine decides on the read text as on the true text', (name, truth) => {
    expect(warns(read.get(name) ?? ''), `read: ${read.get(name)}`).toBe(warns(truth));
  });

  it('the images of everyday text read as nothing suspicious', () => {
    for (const f of OCR_FIXTURES.filter((x) => !x.lure)) expect(scorePage(pack, [analyzeBlock(matcher, read.get(f.name) ?? '')]).score).toBe(0);
  });
});
