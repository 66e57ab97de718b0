import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBlock, createMatcher, type Matcher } from '../../../src/engine';
import { buildPack } from '../../../src/cli/pack-files';
import { htmlToBlocks } from '../../../src/cli/html-blocks';
import { FIXTURES_DIR } from './server';

let matcher: Matcher | undefined;

/**
 * The rule titles the engine finds in a fixture (or one element of it), outside quotation
 * marks, computed from the same rule pack the build ships. Tests compare the banner and the
 * popup with these, so they do not hard-code titles the rules author may reword.
 */
export function lureTitlesIn(fixture: string, elementPattern?: RegExp): string[] {
  let html = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
  if (elementPattern) {
    const part = html.match(elementPattern)?.[0];
    if (!part) throw new Error(`${fixture} has nothing matching ${elementPattern}`);
    html = `<!doctype html><html><body>${part}</body></html>`;
  }
  const shared = (matcher ??= createMatcher(buildPack()));
  const { pack } = shared;
  const ids = new Set<string>();
  for (const block of htmlToBlocks(html)) {
    for (const lure of analyzeBlock(shared, block).lures) {
      if (!lure.quoted && !lure.negated) ids.add(lure.ruleId);
    }
  }
  return pack.rules.filter((rule) => ids.has(rule.id)).map((rule) => rule.title);
}

/** text without any whitespace, to compare a quote with the page it came from however lines wrap */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** The visible text of a fixture (or one element of it), through the CLI's own HTML reading, squeezed. */
export function fixtureText(fixture: string, elementPattern?: RegExp): string {
  let html = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
  if (elementPattern) {
    const part = html.match(elementPattern)?.[0];
    if (!part) throw new Error(`${fixture} has nothing matching ${elementPattern}`);
    html = `<!doctype html><html><body>${part}</body></html>`;
  }
  return squeeze(htmlToBlocks(html).join(''));
}
