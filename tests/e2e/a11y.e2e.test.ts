import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, launchChromium, waitForBanner, waitForVerdict, type ExtensionSession, type PageDriver } from '../../src/cli/browsers';

const SCREENSHOTS = join(DIST_DIR, 'screenshots');
import { fixtureUrl } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core in the page; `include` scopes it (axe walks open shadow roots of what it includes). */
async function seriousViolations(page: PageDriver, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(`(() => { ${AXE_SOURCE}\n; return true; })()`);
  const context = include ? JSON.stringify({ include: [include] }) : 'document';
  const violations = await page.evaluate<AxeViolation[]>(
    `window.axe.run(${context}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('\n');

describe('accessibility (axe-core, Chromium)', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let adTab: PageDriver;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launchChromium();
    adTab = await session.open(fixtureUrl(server, 'ad.html'));
    await waitForBanner(adTab);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the banner has no serious or critical violations', async () => {
    const violations = await seriousViolations(adTab, '[data-fcs-banner]');
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the popup has no serious or critical violations', async () => {
    const popup = await session.openPopupFor(adTab);
    await waitForVerdict(popup);
    const violations = await seriousViolations(popup);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the banner with its “not a scam” choices open has none either, and announces itself', async () => {
    await adTab.clickInShadow('[data-fcs-banner]', '[data-action="not-scam"]');
    const violations = await seriousViolations(adTab, '[data-fcs-banner]');
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await adTab.evaluate<string>(`document.querySelector('[data-fcs-banner]').shadowRoot.querySelector('.banner').getAttribute('role')`)).toBe('alert');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await adTab.screenshot(join(SCREENSHOTS, 'banner.png'));
  });

  it('the popup with the report preview open: no violations; every control reachable by Tab, visibly focused, no trap', async () => {
    const popup = await session.openPopupFor(adTab);
    await waitForVerdict(popup, (v) => v.level !== 'none' && v.level !== '');
    await popup.click('[data-testid="report"]');
    const violations = await seriousViolations(popup);
    expect(violations, describeViolations(violations)).toEqual([]);
    await popup.screenshot(join(SCREENSHOTS, 'popup.png'), { fullPage: true });

    const page = (popup as PageDriver & { page: { keyboard: { press(key: string): Promise<void> } } }).page;
    await popup.evaluate('document.activeElement && document.activeElement.blur()');
    const reached: string[] = [];
    let leftThePage = false;
    // go round once and then some: focus leaves the page after the last control, then comes back
    for (let i = 0; i < 70; i++) {
      await page.keyboard.press('Tab');
      const focused = await popup.evaluate<{ id: string; outline: string } | null>(
        `(() => { const el = document.activeElement; if (!el || el === document.body) return null;
          const style = getComputedStyle(el); return { id: el.dataset.testid || el.id || el.tagName, outline: style.outlineStyle + ' ' + style.outlineWidth }; })()`,
      );
      if (focused === null) leftThePage = leftThePage || reached.length > 0;
      else {
        reached.push(focused.id);
        expect(focused.outline, `visible focus on ${focused.id}`).not.toMatch(/^none/);
      }
    }
    for (const id of ['check-page', 'save-evidence', 'report', 'report-text', 'report-copy', 'report-open', 'allow-site', 'mute-rule', 'open-options']) {
      expect(reached, `Tab reaches ${id}`).toContain(id);
    }
    expect(leftThePage, 'focus moves on past the last control (no trap)').toBe(true);
  });

  it('the options page has no serious or critical violations', async () => {
    const options = await session.open(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await popupReady(options);
    const violations = await seriousViolations(options);
    expect(violations, describeViolations(violations)).toEqual([]);
    await options.screenshot(join(SCREENSHOTS, 'options.png'), { fullPage: true });
  });
});

async function popupReady(page: PageDriver): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await page.evaluate<number>(`document.querySelectorAll('[data-testid="threshold-40"]').length`)) > 0) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the options page did not render');
}
