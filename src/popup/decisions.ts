/**
 * The popup's scoped decisions for the tab it shows: "not a scam" for the page or site (an
 * hour or always), and "mute this rule" on each lure. Saved in storage.local like the options
 * page does; the background reads them at the next report.
 */
import { browser } from '../shared/browser';
import { allowUrl, muteRule, siteKeyOf, type AllowDuration, type AllowScope } from '../shared/decisions';
import type { MessageKey } from '../shared/i18n';
import { askContent } from '../shared/ask';
import { BannerHide } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { updateSettings as updateStoredSettings } from '../shared/settings';

type Translate = (key: MessageKey) => string;

const CHOICES: readonly { testid: string; scope: AllowScope; duration: AllowDuration; label: MessageKey }[] = [
  { testid: 'allow-site', scope: 'site', duration: 'always', label: 'decideSiteAlways' },
  { testid: 'allow-site-hour', scope: 'site', duration: 'hour', label: 'decideSiteHour' },
  { testid: 'allow-page', scope: 'page', duration: 'always', label: 'decidePageAlways' },
  { testid: 'allow-page-hour', scope: 'page', duration: 'hour', label: 'decidePageHour' },
];

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

/** The section's heading and button labels, again after a language change. */
export function labelDecisions(doc: Document, t: Translate): void {
  const heading = doc.getElementById('decisions-heading');
  if (heading) heading.textContent = t('popupNotScam');
  for (const choice of CHOICES) {
    const button = doc.querySelector(`[data-testid="decisions"] [data-testid="${choice.testid}"]`);
    if (button) button.textContent = t(choice.label);
  }
}

/** Fills the decisions section; `onChange` runs after a decision is saved. */
export async function setUpDecisions(doc: Document, tabId: number, t: Translate, onChange: () => void): Promise<void> {
  const section = doc.querySelector<HTMLElement>('[data-testid="decisions"]');
  const done = doc.querySelector<HTMLElement>('[data-testid="decision-done"]');
  if (!section || !done) return;
  const url = await tabUrl(tabId);
  const site = siteKeyOf(url);
  const list = section.querySelector<HTMLElement>('.choices');
  list?.replaceChildren();
  for (const choice of CHOICES) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.dataset.testid = choice.testid;
    button.disabled = !site;
    button.addEventListener('click', async () => {
      await updateSettings((s) => allowUrl(s, url, choice.scope, choice.duration));
      await askContent(BannerHide, tabId, {}).catch(() => undefined);
      done.hidden = false;
      done.textContent = `${t('popupDecisionSaved')} ${t(choice.label)}${site ? ` (${site})` : ''}`;
      onChange();
    });
    list?.append(button);
  }
  labelDecisions(doc, t);
  section.hidden = false;

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
