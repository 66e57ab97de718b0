/**
 * Filling in a UI message: `{name}` places take their values, and the punctuation follows the
 * language the message is in. Pure functions of a translate function, so DOM tests and Node
 * can use them without a browser.
 */
import type { MessageKey } from './i18n';

/** A message with its `{name}` places filled from `values`; other braces stay as they are. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** Whether `translate` speaks Chinese: its punctuation is full-width ("：", "，"). */
export function speaksChinese(translate: (key: MessageKey) => string): boolean {
  return translate('uiLang').startsWith('zh');
}
