import zhCN from '../public/_locales/zh_CN/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof zhCN;

/** A UI string in the browser's language; the zh_CN text if the browser has none. */
export function t(key: MessageKey): string {
  return browser.i18n.getMessage(key) || zhCN[key].message;
}
