/**
 * The popup's scoped decisions for the tab it shows. "Not a scam" waits behind one quiet
 * disclosure with two plain choices, this page or this whole site, for an hour (the default:
 * a scammer on the phone may talk a victim into it) or from now on. Muting one lure ("stop
 * warnings for this lure") sits in each lure's details. Saved in storage.local like the options page does; the
 * background reads them at the next report.
 */
import { browser } from '../shared/browser';
import { allowUrl, muteRule, siteKeyOf, type AllowDuration, type AllowScope } from '../shared/decisions';
import type { MessageKey } from '../shared/i18n';
import { fill } from '../shared/message-format';
import { askContent } from '../shared/ask';
import { BannerHide } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { updateSettings as updateStoredSettings } from '../shared/settings';

type Translate = (key: MessageKey) => string;

const SCOPES: readonly { testid: string; scope: AllowScope }[] = [
  { testid: 'allow-page', scope: 'page' },
  { testid: 'allow-site', scope: 'site' },
];

const DURATION_LABELS: Record<AllowDuration, MessageKey> = { hour: 'popupAllowHour', always: 'popupAllowAlways' };

function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return updateStoredSettings(browser.storage.local, change);
}

async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

function scopeLabel(scope: AllowScope, site: string | undefined, t: Translate): string {
  return scope === 'page' ? t('popupAllowPage') : fill(t('popupAllowSite'), { site: site ?? '' }).trim();
}

/** The section's texts, again after a language change. */
export function labelDecisions(doc: Document, t: Translate, site?: string): void {
  const section = doc.querySelector<HTMLElement>('[data-testid="decisions"]');
  if (!section) return;
  const known = site ?? section.dataset.site;
  for (const { testid, scope } of SCOPES) {
    const button = section.querySelector(`[data-testid="${testid}"]`);
    if (button) button.textContent = scopeLabel(scope, known, t);
  }
}

/** Fills the decisions section; `onChange` runs after a decision is saved. */
export async function setUpDecisions(doc: Document, tabId: number, t: Translate, onChange: () => void): Promise<void> {
  const section = doc.querySelector<HTMLElement>('[data-testid="decisions"]');
  const done = doc.querySelector<HTMLElement>('[data-testid="decision-done"]');
  if (!section || !done) return;
  const url = await tabUrl(tabId);
  const site = siteKeyOf(url);
  if (site) section.dataset.site = site;
  const duration = (): AllowDuration =>
    section.querySelector<HTMLInputElement>('input[name="allow-duration"]:checked')?.value === 'always' ? 'always' : 'hour';
  for (const { testid, scope } of SCOPES) {
    const button = section.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);
    if (!button) continue;
    button.disabled = !site;
    button.addEventListener('click', async () => {
      const chosen = duration();
      await updateSettings((s) => allowUrl(s, url, scope, chosen));
      await askContent(BannerHide, tabId, {}).catch(() => undefined);
      done.hidden = false;
      done.textContent = `${t('popupDecisionSaved')} ${scopeLabel(scope, site, t)} · ${t(DURATION_LABELS[chosen])}`;
      onChange();
    });
  }
  labelDecisions(doc, t, site);

  // mute buttons live on the lure cards, which are re-rendered: listen once on the section
  doc.querySelector('[data-testid="lures"]')?.addEventListener('click', async (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-testid="mute-rule"]') : null;
    const ruleId = target?.dataset.ruleId;
    if (!ruleId) return;
    await updateSettings((s) => muteRule(s, ruleId));
    done.hidden = false;
    done.textContent = `${t('popupRuleMuted')} ${target.dataset.title ?? ruleId}`;
    onChange();
  });
}
