/**
 * The project's own training corpus, reviewed like rules: every line parses, the sizes and the
 * coverage the model needs are there, and batches.yaml accounts for every file in the order the
 * corpus grew.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusFiles, readCorpus } from '../../src/cli/corpus-files';
import { readBatches } from '../../src/cli/eval-curve';
import { LURE_CATEGORIES } from '../../src/engine/pack-schema';

const rows = readCorpus();
const count = (label: string) => rows.filter((r) => r.label === label).length;

describe('the training corpus', () => {
  it('has at least 2,000 ads, 2,000 hard negatives and 4,000 ordinary lines', () => {
    expect(count('ad')).toBeGreaterThanOrEqual(2000);
    expect(count('hard-negative')).toBeGreaterThanOrEqual(2000);
    expect(count('ordinary')).toBeGreaterThanOrEqual(4000);
  });

  it.each(LURE_CATEGORIES)('has at least 200 ads that show %s', (family) => {
    expect(rows.filter((r) => r.families?.includes(family)).length).toBeGreaterThanOrEqual(200);
  });

  it('covers many channels on both sides', () => {
    expect(new Set(rows.filter((r) => r.label === 'ad').map((r) => r.channel)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.filter((r) => r.label !== 'ad').map((r) => r.channel)).size).toBeGreaterThanOrEqual(15);
  });

  it('holds no line twice', () => {
    const seen = new Map<string, string>();
    for (const r of rows) {
      expect(seen.get(r.text), `${r.id} repeats ${seen.get(r.text)}`).toBeUndefined();
      seen.set(r.text, r.id);
    }
  });

  it('lists every file in batches.yaml exactly once, and every listed file exists', () => {
    const listed = readBatches().flatMap((b) => b.files);
    expect([...listed].sort()).toEqual(corpusFiles().map((f) => basename(f, '.jsonl')).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('records the cold figures of every batch after the first ones, for each kind of line the batch holds', () => {
    const batches = readBatches();
    const firstCold = batches.findIndex((b) => b.cold);
    expect(firstCold).toBeGreaterThan(0);
    const figure = { ad: 'ads', 'hard-negative': 'hard-negatives', ordinary: 'ordinary' } as const;
    for (const batch of batches.slice(firstCold)) {
      const labels = new Set(rows.filter((r) => batch.files.includes(basename(r.file, '.jsonl'))).map((r) => r.label));
      for (const label of labels) expect(batch.cold?.[figure[label]], `${batch.name} ${label}`).toEqual(expect.any(Number));
    }
  });

  // the evaluation corpus is read, never copied: when it is beside the clone, no line of it may be here
  const shared = join(process.cwd(), '../shared/corpus');
  it.runIf(existsSync(shared))('holds no line of the evaluation corpus', () => {
    const ours = new Set(rows.map((r) => r.text.replace(/\s+/g, '')));
    for (const file of ['real-positives.dev.jsonl', 'real-negatives.dev.jsonl', 'other-domain.dev.jsonl', 'real-positives-fragments.dev.jsonl']) {
      for (const line of readFileSync(join(shared, file), 'utf8').split('\n').filter(Boolean)) {
        const text = (JSON.parse(line) as { text: string }).text.replace(/\s+/g, '');
        expect(ours.has(text), `${file}: ${text.slice(0, 40)}`).toBe(false);
      }
    }
  });

  it('is read from rules/corpus', () => {
    expect(CORPUS_DIR.replace(/\/$/, '')).toMatch(/rules\/corpus$/);
  });
});
