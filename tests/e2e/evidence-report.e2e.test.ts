import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  pollFor,
  waitForBanner,
  waitForVerdict,
  type BrowserKind,
  type PageDriver,
} from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { useExtensionSession } from './support/session';

/** The evidence kit saved by a click, and the report preview. */
describe.each<BrowserKind>(['chromium', 'firefox'])('evidence kit and report in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  async function popupForAd(): Promise<{ tab: PageDriver; popup: PageDriver }> {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, 'ad.html'));
    e2e.tabs.push(tab);
    await waitForBanner(tab);
    const popup = await e2e.session.openPopupFor(tab);
    e2e.tabs.push(popup);
    await waitForVerdict(popup, (v) => v.level === 'medium' || v.level === 'high');
    return { tab, popup };
  }

  it('“save-evidence” downloads an HTML report and a JSON file; the report opens with the screenshot, text and steps', async () => {
    const { tab, popup } = await popupForAd();
    const files = await popup.downloadsFrom('[data-testid="save-evidence"]', 2);
    const html = files.find((f) => f.endsWith('.html'));
    const json = files.find((f) => f.endsWith('.json'));
    expect(html && json, files.join(', ')).toBeTruthy();
    const data = JSON.parse(readFileSync(json as string, 'utf8')) as Record<string, unknown> & { contacts: { wechat: string[] }; blocks: string[]; lures: unknown[] };
    expect(data.url).toBe(tab.url());
    expect(data.lures.length).toBeGreaterThan(0);
    expect(data.blocks.length).toBeGreaterThan(0);
    expect(data.contacts.wechat).toContain('anxin_shangan888');
    expect(String(data.screenshot)).toMatch(/^data:image\/png;base64,/);

    const report = await e2e.session.open(pathToFileURL(html as string).href);
    e2e.tabs.push(report);
    const facts = await report.evaluate<{ scripts: number; images: number; text: string }>(
      `({ scripts: document.scripts.length, images: document.images.length, text: document.body.innerText })`,
    );
    expect(facts.scripts).toBe(0);
    expect(facts.images).toBe(1);
    for (const needle of ['110', '12378', '国家反诈中心', tab.url()]) expect(facts.text).toContain(needle);
  });

  it('“report” previews exactly what would be shared, editable, with a prefilled issue link', async () => {
    const { popup } = await popupForAd();
    await popup.click('[data-testid="report"]');
    const draft = await pollFor('the report draft', 5_000, async () => {
      const value = await popup.evaluate<string>(`document.querySelector('[data-testid="report-text"]').value`);
      return value.length > 0 ? value : undefined;
    });
    expect(draft).toContain('127.0.0.1');
    expect(draft).not.toContain('ad.html'); // the domain only, never the address
    const ruleId = await popup.evaluate<string>(`document.querySelector('[data-testid="lure"]').dataset.ruleId`);
    expect(draft).toContain(ruleId);

    await popup.type('[data-testid="report-text"]', 'fixture test note');
    const href = await popup.evaluate<string>(`document.querySelector('[data-testid="report-open"]').href`);
    expect(href.startsWith('https://github.com/fcs-guard/fcs-guard/issues/new?title=')).toBe(true);
    expect(new URL(href).searchParams.get('body')).toContain('fixture test note');
    await popup.click('[data-testid="report-copy"]');
    await pollFor('the copy confirmation', 5_000, async () =>
      (await popup.evaluate<string>(`document.querySelector('[data-testid="report-copied"]').textContent`)) ? true : undefined,
    );
  });
});
