import zhCN from '../public/_locales/zh_CN/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof zhCN;

/** A UI string in the browser's language; the zh_CN text if the browser has none. */
export function t(key: MessageKey): string {
  return browser.i18n.getMessage(key) || zhCN[key].message;
}

/** The language the UI strings are in (what `_locales` folder the browser picked), as BCP 47. */
export function uiLanguage(): string {
  return (browser.i18n.getMessage('uiLang') || 'zh-CN').replace('_', '-');
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** Fills every `[data-i18n]` element of an extension page with its message. */
export function localizePage(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  for (const node of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n ?? '';
    if (isMessageKey(key)) node.textContent = t(key);
  }
}
