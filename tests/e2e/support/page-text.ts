import type { PageDriver } from './browser-session';

/**
 * What a Chinese UI may still write in Latin letters: our name, product names Chinese text
 * uses as they are, format and file names, and UTC. Everything else in Latin letters is an untranslated
 * word. Text that is not ours is not read: quotes of the page (`q`, `.block`), identifiers from
 * a file or the rule pack (`code`), the form the user edits (`textarea`), and anything marked
 * as another language (the language picker names English in English).
 */
export const LATIN_IN_CHINESE = ['fcs', 'guard', 'QQ', 'APP', 'App', 'GitHub', 'JSON', 'UTC', 'cn', 'www'];

/** an expression: the Latin-letter words in the rendered text of the page, each with its context */
export const ENGLISH_WORDS = `(() => {
  const allowed = new Set(${JSON.stringify(LATIN_IN_CHINESE)});
  const notOurs = 'script, style, code, q, textarea, .block';
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(notOurs)) continue;
    const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
    if (!lang.startsWith('zh')) continue;
    if (el.getClientRects().length === 0) continue;
    // a file's name (PRIVACY.md) is a name, not a word to translate
    for (const word of node.data.replace(/[\\w-]+\\.(md|json|html|png)\\b/g, '').match(/[A-Za-z]{2,}/g) ?? []) {
      if (!allowed.has(word)) found.push(word + ' in "' + node.data.trim().slice(0, 60) + '"');
    }
  }
  return found;
})()`;

/** opens every disclosure of an extension page, so their text is rendered too */
export const OPEN_ALL_DETAILS = `(() => { for (const d of document.querySelectorAll('details')) d.open = true; return document.querySelectorAll('details').length; })()`;

export function englishWordsIn(page: PageDriver): Promise<string[]> {
  return page.evaluate<string[]>(ENGLISH_WORDS);
}

/** computed font sizes (px) of the body and of each heading level present */
export function fontSizes(page: PageDriver): Promise<{ body: number; headings: Record<string, number>; smallestText: number }> {
  return page.evaluate(`(() => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const headings = {};
    for (const tag of ['h1', 'h2', 'h3']) {
      const el = [...document.querySelectorAll(tag)].find((h) => h.getClientRects().length > 0);
      if (el) headings[tag] = px(el);
    }
    // the smallest text a reader meets in the body copy (paragraphs, list items, labels, buttons)
    const copy = [...document.querySelectorAll('p, li, label, button, dd, summary')].filter((el) => el.getClientRects().length > 0 && el.textContent.trim());
    return { body: px(document.body), headings, smallestText: Math.min(...copy.map(px)) };
  })()`);
}
