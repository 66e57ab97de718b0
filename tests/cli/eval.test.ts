import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const run = (args: string[]) => spawnSync(tsx, ['src/cli/eval.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

function file(lines: object[] | string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fcs-eval-')), 'lines.jsonl');
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

const lines = [
  { text: '专业团队帮你债务优化，全额平债，不成功100%退费，加微信 abc_12345', label: 'ad', families: ['debt-relief-offer', 'false-promise', 'off-platform'] },
  { text: '欠了十几万的别愁，我认识人，能让他们只收本钱，利息一分不用给，先交一千定个位，细节私聊', label: 'scam-ad', families: ['false-promise', 'upfront-fee'] },
  { text: '警惕“全额平债”骗局：公安机关提醒，不要向任何中介缴纳服务费', label: 'not-scam' },
  { text: '今天天气不错，我们去公园散步吧。', label: 'other' },
];

describe('npm run eval', { timeout: 180_000 }, () => {
  it('reports recall, flag rates, families, the curve, calibration, and what model and pack said of each miss', () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'fcs-eval-')), 'curve.svg');
    const result = run([file(lines), '--json', '--svg', svg]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & { overall: { recall: number }; families: Record<string, { total: number }>; curve: unknown[]; calibration: unknown[]; cold: unknown[] };
    expect(report.overall.recall).toBe(1);
    expect(report.families['false-promise']?.total).toBe(2);
    expect(report.curve).toHaveLength(9);
    expect(report.calibration).toHaveLength(10);
    expect(report.cold.length).toBeGreaterThan(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*polyline[\s\S]*<\/svg>/);
  });

  it('names the misses with the model’s and the pack’s view', () => {
    const result = run([file([{ text: '今天天气不错', label: 'ad' }]), '--show', '5']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/misses \(ads not flagged\) \(1\)/);
    expect(result.stdout).toMatch(/model did not read it|model \d+%/);
    expect(result.stdout).toMatch(/no rule|rules /);
  });

  it.each([
    ['a line that is not JSON', ['{"text": broken'], /lines\.jsonl:1: not JSON/],
    ['a line without a known label', [JSON.stringify({ text: 'x', label: 'maybe' })], /lines\.jsonl:1: needs a "text" string and a label/],
  ])('refuses %s with its file and line, exit 2', (_, bad, message) => {
    const result = run([file(bad)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unknown option, and prints its usage on --help', () => {
    expect(run(['--frobnicate']).status).toBe(2);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: npm run eval/);
  });
});
