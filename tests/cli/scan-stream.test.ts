import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('scan --jsonl on standard input, a million lines', () => {
  const TOTAL = 1_000_000;
  const EVERY = TOTAL / 20;
  const line = (i: number): string => {
    const text = i % 1000 === 999 ? `专业团队帮你债务优化，加微信 a${i}` : i % 10 === 0 ? `今天第${i}天，天气不错` : `ok ${i}`;
    return `{"id":${i},"text":"${text}"}\n`;
  };

  interface Sample {
    lines: number;
    heapUsed: number;
    external: number;
    maxRss: number;
  }

  it('answers each line as it arrives, in order, in bounded memory', { timeout: 900_000 }, async () => {
    const probe = pathToFileURL(join(process.cwd(), 'tests/cli/support/memory-probe.ts')).href;
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', probe, 'src/cli/scan.ts', '--jsonl', '--fields', 'flag', '-'], {
      env: { ...process.env, FCS_MEMORY_PROBE_EVERY: String(EVERY) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let written = 0;
    let inputBytes = 0;
    const input = Readable.from(
      (function* () {
        while (written < TOTAL) {
          let chunk = '';
          for (let end = Math.min(written + 500, TOTAL); written < end; written++) chunk += line(written);
          inputBytes += Buffer.byteLength(chunk);
          yield chunk;
        }
      })(),
    );
    input.pipe(child.stdin);

    const samples: Sample[] = [];
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on('line', (l) => (l.startsWith('memory ') ? samples.push(JSON.parse(l.slice('memory '.length)) as Sample) : stderr.push(l)));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    let answered = 0;
    let flagged = 0;
    let writtenAtFirstAnswer = -1;
    let outOfOrder = 0;
    for await (const out of createInterface({ input: child.stdout })) {
      if (writtenAtFirstAnswer < 0) writtenAtFirstAnswer = written;
      const answer = JSON.parse(out) as { id: number; flag: boolean };
      if (answer.id !== answered) outOfOrder++;
      if (answer.flag) flagged++;
      answered++;
    }
    const status = await exited;

    expect(stderr).toEqual([]);
    expect(status).toBe(1);
    expect(answered).toBe(TOTAL);
    expect(outOfOrder).toBe(0);
    expect(flagged).toBeGreaterThanOrEqual(TOTAL / 1000);
    // answers began while most of the input was still to be written: nothing waited for the end
    expect(writtenAtFirstAnswer).toBeGreaterThan(0);
    expect(writtenAtFirstAnswer).toBeLessThan(TOTAL / 10);

    expect(samples.map((s) => s.lines)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * EVERY));
    const firstTenth = samples.filter((s) => s.lines <= TOTAL / 10);
    const lastTenth = samples.filter((s) => s.lines > TOTAL - TOTAL / 10);
    const held = (s: Sample): number => s.heapUsed + s.external;
    const growth = Math.max(...lastTenth.map(held)) - Math.min(...firstTenth.map(held));
    const rssGrowth = Math.max(...lastTenth.map((s) => s.maxRss)) - Math.max(...firstTenth.map((s) => s.maxRss));
    const MiB = 1024 * 1024;
    // what the scan holds after a collection may not grow with the input (tens of MiB of it)
    expect(growth, `held memory grew by ${(growth / MiB).toFixed(1)} MiB over ${(inputBytes / MiB).toFixed(1)} MiB of input`).toBeLessThan(4 * MiB);
    expect(rssGrowth, `peak RSS grew by ${(rssGrowth / MiB).toFixed(1)} MiB`).toBeLessThan(inputBytes / 2);
  });
});
