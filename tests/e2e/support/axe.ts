import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { PageDriver } from './browsers';
import type { OwnUi } from './own-ui';

/**
 * axe-core run inside a page through `evaluate` (the same in Chromium and Firefox, extension
 * pages included), and a control that proves a run can fail.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * where axe looks: the whole document, one element (axe walks the open shadow roots of what it
 * includes), or one of fcs-guard's own elements, whose closed shadow root the test exposes to
 * axe (support/own-ui.ts)
 */
export interface AxeScope {
  include?: string;
  ownUi?: OwnUi;
}

/** an expression for fcs-guard's exposed shadow root (after `exposeOwnUi`) */
export const OWN_UI_ROOT = 'window.__fcsOwnUi.root';

async function axeViolations(page: PageDriver, scope: AxeScope): Promise<AxeViolation[]> {
  // injected once per document; the banner's host page and extension pages both accept it
  await page.evaluate(`(() => { if (!window.axe) { ${AXE_SOURCE}\n; } return true; })()`);
  if (scope.ownUi && !(await page.exposeOwnUi(scope.ownUi))) throw new Error(`no fcs-guard ${scope.ownUi} for axe to check`);
  const context = scope.ownUi ? 'window.__fcsOwnUi.host' : scope.include ? JSON.stringify({ include: [scope.include] }) : 'document';
  return page.evaluate<AxeViolation[]>(
    `window.axe.run(${context}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
}

/** the serious and critical violations axe finds in `scope` */
export async function seriousViolations(page: PageDriver, scope: AxeScope = {}): Promise<AxeViolation[]> {
  const violations = await axeViolations(page, scope);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('\n');

export interface AxeProbe {
  /** an expression for the document or shadow root the probe stylesheet is adopted by */
  root: string;
  /** the elements the probe squeezes; default every element of `root` */
  selector?: string;
  /** squeeze them as blocks: inline elements (quoted words in a line) do not scroll otherwise */
  asBlocks?: boolean;
}

/** the rule the probe breaks */
export const PROBE_RULE = 'scrollable-region-focusable';

/**
 * The control: a constructed stylesheet adopted by `probe.root` squeezes the selected elements
 * into 2 px high scroll boxes with nothing focusable inside (axe: scrollable-region-focusable,
 * serious), axe runs on `scope`, and the sheet is dropped again. Returns the serious violations
 * axe reported with it; a caller expects PROBE_RULE among them. A stylesheet rather than an
 * added element, so that the page's DOM (and the banner's, reached through the test's handle on
 * its closed shadow root) is left as it was. Not a contrast
 * probe: axe reports the banner's contrast as "incomplete" (it cannot find the background in
 * the top layer), never as a violation, in both browsers.
 */
export async function seriousViolationsWithProbe(page: PageDriver, scope: AxeScope, probe: AxeProbe): Promise<AxeViolation[]> {
  const selector = probe.selector ?? '*';
  const display = probe.asBlocks ? ' display: block !important;' : '';
  const css = `${selector} {${display} overflow: auto !important; height: 2px !important; min-height: 0 !important; max-height: 2px !important; }`;
  if (scope.ownUi) await page.exposeOwnUi(scope.ownUi);
  await page.evaluate(`(() => {
    const root = ${probe.root};
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(css)});
    window.__a11yProbe = { root, sheet };
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return true;
  })()`);
  try {
    return await seriousViolations(page, scope);
  } finally {
    await page.evaluate(`(() => {
      const { root, sheet } = window.__a11yProbe;
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      delete window.__a11yProbe;
      return true;
    })()`);
  }
}

export interface TabRound {
  /** data-testid (or id, or tag) of each element Tab focused, in order */
  reached: string[];
  /** elements focused without a visible outline */
  unoutlined: string[];
  /** focus went past the last control (out of the page) after reaching something */
  leftThePage: boolean;
}

/**
 * Walks the page with the real Tab key (playwright's or puppeteer's keyboard; in Firefox
 * WebDriver BiDi input actions) from its top: a real click on a blank spot at the top left
 * makes the start of the page the starting point of sequential focus navigation (blur() would
 * leave it at the last focused control). Records what gets focus and whether it shows an
 * outline, until focus leaves the page after reaching something (or `maxPresses`). One round
 * only: Firefox, after focus has been out in its own UI, hands it back to the page's controls
 * without focusing the document (no :focus-visible, document.hasFocus() false) in this
 * automated window, an artefact that says nothing about the extension.
 */
export async function tabRound(driver: PageDriver, maxPresses: number): Promise<TabRound> {
  const { keyboard, mouse } = (driver as PageDriver & {
    page: { keyboard: { press(key: string): Promise<void> }; mouse: { click(x: number, y: number): Promise<void> } };
  }).page;
  const blank = await driver.evaluate<string>(`(() => { const el = document.elementFromPoint(2, 2); return el ? el.tagName : 'nothing'; })()`);
  if (blank !== 'BODY' && blank !== 'HTML') throw new Error(`the top left corner is not blank (${blank})`);
  await mouse.click(2, 2);
  const round: TabRound = { reached: [], unoutlined: [], leftThePage: false };
  for (let i = 0; i < maxPresses && !round.leftThePage; i++) {
    await keyboard.press('Tab');
    const focused = await driver.evaluate<{ id: string; outline: string; state: string } | null>(
      `(() => { const el = document.activeElement; if (!el || el === document.body) return null;
        const style = getComputedStyle(el); return { id: el.dataset.testid || el.id || el.tagName, outline: style.outlineStyle + ' ' + style.outlineWidth,
          state: (el.matches(':focus-visible') ? 'focus-visible' : 'not focus-visible') + (document.hasFocus() ? '' : ', document without focus') }; })()`,
    );
    if (focused === null) round.leftThePage = round.reached.length > 0;
    else {
      round.reached.push(focused.id);
      if (/^none|\b0px$/.test(focused.outline)) round.unoutlined.push(`${focused.id} (${focused.outline}; ${focused.state})`);
    }
  }
  return round;
}

/** No serious or critical violations in `scope`, and the control (`probe`) is reported, so the check can fail. */
export async function expectAccessible(page: PageDriver, what: string, scope: AxeScope = {}, probe: AxeProbe = { root: 'document' }): Promise<void> {
  const violations = await seriousViolations(page, scope);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
  const probed = await seriousViolationsWithProbe(page, scope, probe);
  expect(probed.map((v) => v.id), `${what}: the probe is reported (the check can fail)`).toContain(PROBE_RULE);
}
