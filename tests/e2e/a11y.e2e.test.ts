import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitForBanner, waitForVerdict, type ExtensionSession, type PageDriver } from '../../src/cli/browsers';
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
});
