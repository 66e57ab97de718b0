import { describe, expect, it } from 'vitest';
import { pollFor, waitForBanner, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { useExtensionSession } from './support/session';

/** A caution next to a field that wants an ID number, never blocking it. */
describe.each<BrowserKind>(['chromium', 'firefox'])('sensitive-input guard in %s', (kind) => {
  const e2e = useExtensionSession(kind);

  const CAUTION = `(() => {
    const host = document.querySelector('[data-fcs-caution]');
    if (!host) return null;
    return { kind: host.getAttribute('data-fcs-caution'), text: host.shadowRoot ? host.shadowRoot.querySelector('.caution').textContent : '' };
  })()`;
  const readCaution = (tab: PageDriver) => tab.evaluate<{ kind: string; text: string } | null>(CAUTION);

  async function adWithForm(): Promise<PageDriver> {
    const tab = await e2e.session.open(fixtureUrl(e2e.server, 'ad-with-form.html'));
    e2e.tabs.push(tab);
    await waitForBanner(tab);
    // the banner covers the form; the guard stays on after it is dismissed
    await tab.clickInShadow('[data-fcs-banner]', '[data-action="dismiss"]');
    return tab;
  }

  it('an ID number with a wrong check digit gets no caution', async () => {
    const tab = await adWithForm();
    await tab.type('[data-testid="idcard"]', '110105194912310021');
    await new Promise((done) => setTimeout(done, 700));
    expect(await readCaution(tab)).toBeNull();
    expect(await tab.evaluate<string>(`document.querySelector('[data-testid="idcard"]').value`)).toBe('110105194912310021');
  });

  it('a valid ID number gets the caution once, next to the field, and typing goes on', async () => {
    const tab = await adWithForm();
    await tab.type('[data-testid="idcard"]', '11010519491231002X');
    const caution = await pollFor('the caution', 5_000, async () => (await readCaution(tab)) ?? undefined);
    expect(caution.kind).toBe('id-number');
    expect(caution.text).not.toContain('11010519491231002X');
    expect(await tab.evaluate<string>(`document.activeElement && document.activeElement.getAttribute('data-testid')`)).toBe('idcard');
    expect(await tab.evaluate<string>(`document.querySelector('[data-testid="idcard"]').value`)).toBe('11010519491231002X');
    await tab.clickInShadow('[data-fcs-caution]', '[data-action="close-caution"]');
    expect(await readCaution(tab)).toBeNull();
    // one time: the same kind of field does not warn again on this page
    await tab.type('[data-testid="idcard"]', ' ');
    await new Promise((done) => setTimeout(done, 300));
    expect(await readCaution(tab)).toBeNull();
  });

  it('a one-time-code field warns on focus', async () => {
    const tab = await adWithForm();
    await tab.click('[data-testid="code"]');
    const caution = await pollFor('the caution', 5_000, async () => (await readCaution(tab)) ?? undefined);
    expect(caution.kind).toBe('sms-code');
  });
});
