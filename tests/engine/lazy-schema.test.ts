import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from '../../src/engine/lazy-schema';
import { bundleIife } from '../../tools/build/bundle-iife';

describe('lazySchema', () => {
  it('builds the schema only when first used, once', () => {
    let builds = 0;
    const Item = lazySchema(() => {
      builds++;
      return z.object({ id: z.string().check(z.minLength(1)) });
    });
    const List = lazySchema(() => z.array(Item).check(z.maxLength(2)));
    expect(builds).toBe(0);
    expect(List.safeParse([{ id: 'a' }]).success).toBe(true);
    expect(List.safeParse([{ id: '' }]).success).toBe(false);
    expect(Item.parse({ id: 'b' })).toEqual({ id: 'b' });
    expect(builds).toBe(1);
  });

  it('stands in for the schema inside unions and for instanceof', () => {
    const A = lazySchema(() => z.object({ type: z.literal('a'), n: z.number() }));
    const B = lazySchema(() => z.object({ type: z.literal('b') }));
    const Union = lazySchema(() => z.discriminatedUnion('type', [A, B]));
    expect(Union.safeParse({ type: 'a', n: 1 }).success).toBe(true);
    expect(Union.safeParse({ type: 'a', n: 'x' }).success).toBe(false);
    expect(Union.safeParse({ type: 'c' }).success).toBe(false);
    expect(A instanceof z.ZodMiniObject).toBe(true);
    expect(A.shape.n).toBeDefined();
  });

  it('lets a bundle drop the schemas it never uses (the content script takes only a few of messages.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fcs-lazy-schema-'));
    try {
      const entry = join(dir, 'entry.ts');
      writeFileSync(entry, `import { TO_CONTENT } from ${JSON.stringify(resolve('src/shared/messages.ts'))};\nexport const requests = TO_CONTENT;\n`);
      const code = await bundleIife(entry, 'fcsEntry');
      // used: the messages the content script receives
      expect(code).toContain('content/ping');
      expect(code).toContain('banner/show');
      // not used there: what only the background receives
      expect(code).not.toContain('tab/getVerdict');
      expect(code).not.toContain('tab/checkPage');
      expect(code).not.toContain('scan/report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
