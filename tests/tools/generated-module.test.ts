import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { lazyJsonModuleSource } from '../../tools/build/generated-module';

describe('lazyJsonModuleSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fcs-generated-'));
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses its value on the first call only, not when the module is evaluated', async () => {
    const value = { zh_CN: { title: '提醒 "引号" \\ 反斜杠' }, en: { title: 'Warning' } };
    const file = join(dir, 'locales.mjs');
    writeFileSync(file, lazyJsonModuleSource(value));
    const parse = vi.spyOn(JSON, 'parse');
    const { default: locales } = (await import(/* @vite-ignore */ file)) as { default: () => typeof value };
    expect(parse).not.toHaveBeenCalled();
    expect(locales()).toEqual(value);
    expect(locales()).toBe(locales());
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
