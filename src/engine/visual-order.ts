/**
 * Text in the order it is drawn where bidi controls (U+202A–U+202E, U+2066–U+2069) reorder it:
 * "\u202E账挂息停" is drawn 停息挂账. A reduced form of the Unicode bidi algorithm: explicit
 * embedding levels and overrides (X1–X8), strong left-to-right characters raised to the next
 * even level, and runs reversed from the highest level down (L2), one line at a time on a
 * left-to-right paragraph. Right-to-left scripts and weak types are not resolved in full:
 * the text it serves is Chinese and Latin, which a page reorders only with these controls.
 * The controls themselves are dropped.
 */
const LRE = 0x202a;
const RLE = 0x202b;
const PDF = 0x202c;
const LRO = 0x202d;
const RLO = 0x202e;
const LRI = 0x2066;
const RLI = 0x2067;
const FSI = 0x2068;
const PDI = 0x2069;
const MAX_DEPTH = 125;

const HAS_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

interface Entry {
  level: number;
  override: 'L' | 'R' | undefined;
  isolate: boolean;
}

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
function isStrongRtl(code: number): boolean {
  return (code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);
}

function isStrongLtr(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code < 0x0590) || code >= 0x0900;
}

function orderLine(line: string): string {
  const chars = Array.from(line);
  const kept: string[] = [];
  const levels: number[] = [];
  const stack: Entry[] = [{ level: 0, override: undefined, isolate: false }];
  const nextLevel = (odd: boolean) => {
    const top = (stack[stack.length - 1] as Entry).level;
    return odd ? (top % 2 === 0 ? top + 1 : top + 2) : top % 2 === 0 ? top + 2 : top + 1;
  };
  for (const char of chars) {
    const code = char.codePointAt(0) as number;
    const top = stack[stack.length - 1] as Entry;
    if (code === LRE || code === RLE || code === LRO || code === RLO || code === LRI || code === RLI || code === FSI) {
      const odd = code === RLE || code === RLO || code === RLI;
      const level = nextLevel(odd);
      if (level <= MAX_DEPTH) {
        stack.push({
          level,
          override: code === RLO ? 'R' : code === LRO ? 'L' : undefined,
          isolate: code === LRI || code === RLI || code === FSI,
        });
      }
      continue;
    }
    if (code === PDF) {
      if (stack.length > 1 && !top.isolate) stack.pop();
      continue;
    }
    if (code === PDI) {
      while (stack.length > 1 && !(stack[stack.length - 1] as Entry).isolate) stack.pop();
      if (stack.length > 1) stack.pop();
      continue;
    }
    let level = top.level;
    const strong = top.override ?? (isStrongRtl(code) ? 'R' : isStrongLtr(code) ? 'L' : undefined);
    if (strong === 'L' && level % 2 === 1) level += 1;
    else if (strong === 'R' && level % 2 === 0) level += 1;
    kept.push(char);
    levels.push(level);
  }
  const highest = levels.reduce((max, l) => Math.max(max, l), 0);
  const lowestOdd = levels.reduce((min, l) => (l % 2 === 1 ? Math.min(min, l) : min), Infinity);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < kept.length; ) {
      if ((levels[i] as number) < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < kept.length && (levels[end] as number) >= level) end++;
      reverseRange(kept, i, end);
      reverseRange(levels, i, end);
      i = end;
    }
  }
  return kept.join('');
}

function reverseRange<T>(items: T[], from: number, to: number): void {
  for (let a = from, b = to - 1; a < b; a++, b--) {
    const swap = items[a] as T;
    items[a] = items[b] as T;
    items[b] = swap;
  }
}

/** `text` as drawn on a left-to-right page; unchanged (the same string) when it holds no bidi control. */
export function inVisualOrder(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.split('\n').map(orderLine).join('\n');
}

/** Text laid out right to left by markup or style (`<bdo dir=rtl>`, bidi-override): the same run, wrapped for inVisualOrder. */
export function asRightToLeftOverride(text: string): string {
  return `\u202e${text}\u202c`;
}
