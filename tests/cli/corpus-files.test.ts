import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, readCorpusFile } from '../../src/cli/corpus-files';

function fileWith(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fcs-corpus-')), 'batch.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const ad = { text: '欠款帮你谈，加我', label: 'ad', families: ['debt-relief-offer', 'off-platform'], channel: 'dm-chat' };

describe('readCorpusFile', () => {
  it('reads good lines with their file and line as id', () => {
    const rows = readCorpusFile(fileWith([JSON.stringify(ad), '', JSON.stringify({ text: '天气不错', label: 'ordinary', channel: 'chat' })]));
    expect(rows.map((r) => r.id)).toEqual(['batch.jsonl:1', 'batch.jsonl:3']);
  });

  it.each([
    ['a line that is not JSON', '{"text": broken', /batch\.jsonl:2: not JSON/],
    ['an unknown label', JSON.stringify({ ...ad, label: 'spam' }), /batch\.jsonl:2: field "label"/],
    ['an ad without families', JSON.stringify({ text: ad.text, label: 'ad', channel: 'x' }), /batch\.jsonl:2: field "families"/],
    ['families on a look-alike', JSON.stringify({ ...ad, label: 'hard-negative' }), /batch\.jsonl:2: field "families"/],
    ['an unknown family', JSON.stringify({ ...ad, families: ['gossip'] }), /batch\.jsonl:2: field "families\.0"/],
    ['an unknown field', JSON.stringify({ ...ad, note: 'x' }), /batch\.jsonl:2/],
  ])('names the file and line of %s', (_, bad, message) => {
    const path = fileWith([JSON.stringify(ad), bad]);
    expect(() => readCorpusFile(path)).toThrow(CorpusError);
    expect(() => readCorpusFile(path)).toThrow(message);
  });
});
