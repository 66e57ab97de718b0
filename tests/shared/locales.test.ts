import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../src/public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;
const zh = load('zh_CN');
const en = load('en');
const manifest = readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8');

describe('_locales', () => {
  it('zh_CN (the default) and en have the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) expect(value.message.trim(), key).not.toBe('');
  });

  it('every __MSG_x__ in the manifest exists', () => {
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(zh, String(key)).toHaveProperty(String(key));
  });

  it('the English UI is in English (CJK only where it quotes Chinese terms)', () => {
    const untranslated = Object.entries(en).filter(([key, v]) => /[\u4e00-\u9fff]/.test(v.message) && v.message === zh[key]?.message);
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('declares its own language for lang attributes', () => {
    expect(zh.uiLang?.message).toBe('zh-CN');
    expect(en.uiLang?.message).toBe('en');
  });
});
