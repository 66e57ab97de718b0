import { readFileSync } from 'node:fs';
import type { Alias } from 'vite';
import { generatedModuleAlias, lazyJsonModuleSource } from './generated-module';

export const BUNDLED_LOCALES = ['zh_CN', 'en'] as const;

/**
 * `virtual:fcs-locales`: a function giving every bundled locale's messages (parsed on first use),
 * for the in-extension language choice
 * (src/shared/i18n.ts). Only the message texts: the translators' descriptions stay in
 * _locales, out of the content script every frame evaluates.
 */
export function bundledLocalesAlias(name: string): Alias {
  const locales = Object.fromEntries(
    BUNDLED_LOCALES.map((locale) => {
      const file = new URL(`../../src/public/_locales/${locale}/messages.json`, import.meta.url);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
      return [locale, Object.fromEntries(Object.entries(messages).map(([key, entry]) => [key, entry.message]))];
    }),
  );
  return generatedModuleAlias('virtual:fcs-locales', `locales-${name}.js`, lazyJsonModuleSource(locales));
}
