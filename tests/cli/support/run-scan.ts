import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AD = '专业团队帮你债务优化，全额平债，不成功100%退费，加微信 abc_12345';
export const ORDINARY = '今天天气不错，我们去公园散步吧。';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

/** `npm run scan -- ...args` with this standard input, as a pipeline would run it. */
export function runScan(args: string[], input?: Buffer | string): Run {
  const run = spawnSync(tsx, ['src/cli/scan.ts', ...args], { input, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export const answers = (run: Run): Record<string, unknown>[] => run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

export function tempFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
