// both locales ship inside every bundle, so the user's language choice works without a fetch
// and without the browser's locale: browser.i18n only ever follows the browser's UI language
import BUNDLED from 'virtual:fcs-locales';
import type zhCN from '../public/_locales/zh_CN/messages.json';
import { browser } from './browser';
import type { LanguageChoice } from './settings';

export type MessageKey = keyof typeof zhCN;

// a cache of the `language` setting, set by each context from storage; 'auto' until then
let chosen: LanguageChoice = 'auto';

/** The `language` setting this context follows from now on. */
export function setLanguage(choice: LanguageChoice): void {
  chosen = choice;
}

export function currentLanguage(): LanguageChoice {
  return chosen;
}

/** A UI string in the chosen language (the browser's when 'auto'); the zh_CN text if none. */
export function t(key: MessageKey): string {
  const text = chosen === 'auto' ? browser.i18n.getMessage(key) : BUNDLED()[chosen][key];
  return text || (BUNDLED().zh_CN[key] ?? key);
}

/** The language the UI strings are in, as BCP 47. */
export function uiLanguage(): string {
  return t('uiLang').replace('_', '-');
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(BUNDLED().zh_CN, key);
}

/**
 * Fills every `[data-i18n]` element of an extension page with its message; with `plain`
 * (the plain-words mode), an element's `data-i18n-plain` message instead where it has one.
 */
export function localizePage(doc: Document, plain = false): void {
  doc.documentElement.lang = uiLanguage();
  for (const node of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = (plain ? node.dataset.i18nPlain : undefined) ?? node.dataset.i18n ?? '';
    if (isMessageKey(key)) node.textContent = t(key);
  }
}
