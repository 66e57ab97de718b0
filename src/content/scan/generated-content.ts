/**
 * Text a stylesheet writes into the page with `::before` / `::after { content: "…" }`, which no
 * text node holds. Read from the rules the page declares (its own and same-origin stylesheets,
 * adopted ones included), not from computed style: computing style for every element forces a
 * style pass over the whole page, while the rules are few and `querySelectorAll` finds their
 * elements without one. Which rule wins is taken from sheet order, not specificity; blocks that
 * matter are read again from computed style after the page has rendered (rendered-text.ts),
 * which also covers stylesheets from other origins, whose rules cannot be read.
 */
export interface GeneratedText {
  before?: string;
  after?: string;
}

/** rules with readable content a page may declare before we stop looking (icon fonts declare thousands, all skipped) */
const MAX_CONTENT_RULES = 400;
const MAX_ELEMENTS = 2000;
const RULES_PER_STEP = 200;

interface RuleLike {
  selectorText?: string;
  style?: CSSStyleDeclaration;
  cssRules?: ArrayLike<RuleLike>;
}

const PSEUDO = /::?(before|after)\s*$/i;
/** a letter, a digit or a quotation mark outside the private-use area (icon fonts) */
const READABLE = /[\p{L}\p{N}“”「」『』《》"]/u;
const PRIVATE_USE = /[\ue000-\uf8ff]/gu;

/** The text of a computed or declared `content` value: its strings, attr() values and quotes. */
export function contentText(value: string, element: Element): string {
  if (!value || value === 'none' || value === 'normal') return '';
  let text = '';
  const token = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|attr\(\s*([\w-]+)\s*\)|(open-quote)|(close-quote)/gi;
  for (const match of value.matchAll(token)) {
    const quoted = match[1] ?? match[2];
    if (quoted !== undefined) text += unescapeCss(quoted);
    else if (match[3]) text += element.getAttribute(match[3]) ?? '';
    else if (match[4]) text += '“';
    else if (match[5]) text += '”';
  }
  return text;
}

function unescapeCss(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_all, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : (char ?? ''),
  );
}

function isReadable(text: string): boolean {
  return READABLE.test(text.replace(PRIVATE_USE, ''));
}

function* rulesOf(list: ArrayLike<RuleLike>): Generator<RuleLike> {
  for (let i = 0; i < list.length; i++) {
    const rule = list[i] as RuleLike;
    yield rule;
    if (rule.cssRules) yield* rulesOf(rule.cssRules);
  }
}

function sheetsOf(doc: Document): CSSStyleSheet[] {
  const sheets: CSSStyleSheet[] = Array.from(doc.styleSheets ?? []);
  const adopted = (doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] }).adoptedStyleSheets;
  if (adopted) sheets.push(...adopted);
  return sheets;
}

interface ContentRule {
  selectors: string;
  value: string;
}

/** the content rules found last time per document, and the shape of its stylesheets then */
const ruleCache = new WeakMap<Document, { shape: string; rules: ContentRule[] }>();

/** How many rules each stylesheet holds: when this is unchanged, the content rules are too (near enough). */
function shapeOf(sheets: readonly CSSStyleSheet[]): string {
  return sheets
    .map((sheet) => {
      try {
        return sheet.cssRules.length;
      } catch {
        return -1;
      }
    })
    .join(',');
}

/** The rules of the page's readable stylesheets that give ::before / ::after readable content. */
function* contentRules(doc: Document, sheets: readonly CSSStyleSheet[]): Generator<void, ContentRule[]> {
  const found: ContentRule[] = [];
  let seen = 0;
  for (const sheet of sheets) {
    let rules: ArrayLike<RuleLike>;
    try {
      rules = sheet.cssRules as unknown as ArrayLike<RuleLike>;
    } catch {
      continue; // another origin's stylesheet: its rules cannot be read
    }
    for (const rule of rulesOf(rules)) {
      if (++seen % RULES_PER_STEP === 0) yield;
      const selectors = rule.selectorText;
      if (!selectors || !/:(before|after)/i.test(selectors)) continue;
      const value = rule.style?.getPropertyValue('content') ?? '';
      if (!value) continue;
      // icon fonts declare thousands of one-glyph contents: drop those before looking for elements
      const fixed = !/attr\(/i.test(value);
      const taking = value === 'none' || value === 'normal';
      if (fixed && !taking && !isReadable(contentText(value, doc.documentElement))) continue;
      found.push({ selectors, value });
      if (found.length >= MAX_CONTENT_RULES) return found;
    }
  }
  return found;
}

/**
 * Elements under `doc` that the page's readable stylesheets give readable generated text, as
 * steps that yield now and then; the last declaring rule for an element wins. The rules are
 * looked for again only when the page's stylesheets change shape.
 */
export function* declaredGeneratedText(doc: Document): Generator<void, Map<Element, GeneratedText>> {
  const found = new Map<Element, GeneratedText>();
  const sheets = sheetsOf(doc);
  const shape = shapeOf(sheets);
  let cached = ruleCache.get(doc);
  if (!cached || cached.shape !== shape) {
    cached = { shape, rules: yield* contentRules(doc, sheets) };
    ruleCache.set(doc, cached);
  }
  for (const { selectors, value } of cached.rules) {
    yield;
    for (const selector of selectors.split(',')) {
      const pseudo = PSEUDO.exec(selector.trim());
      if (!pseudo) continue;
      const base = selector.trim().slice(0, pseudo.index).trim() || '*';
      const side = (pseudo[1] as string).toLowerCase() as 'before' | 'after';
      let elements: Element[];
      try {
        elements = Array.from(doc.querySelectorAll(base));
      } catch {
        continue;
      }
      for (const element of elements) {
        const text = contentText(value, element);
        const entry = found.get(element);
        if (!isReadable(text)) {
          // a later rule that takes the content away, or replaces it with an icon
          if (entry) delete entry[side];
          continue;
        }
        if (found.size >= MAX_ELEMENTS && !entry) break;
        found.set(element, { ...entry, [side]: text });
      }
    }
  }
  return found;
}
