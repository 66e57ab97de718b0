import en from '../../src/public/_locales/en/messages.json';

/**
 * Stands in for src/shared/browser.ts in happy-dom tests: a browser whose UI language is
 * English, so browser.i18n answers from en (what Firefox ESR here does).
 */
const messages: Readonly<Record<string, { message: string } | undefined>> = en;

export const englishBrowser = {
  i18n: { getMessage: (key: string) => messages[key]?.message ?? '' },
};
