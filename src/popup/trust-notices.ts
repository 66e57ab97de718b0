/**
 * Notices at the top of the popup about fcs-guard itself, not the page:
 * - no access to sites (Firefox lets users withhold or revoke MV3 host access): a button asks
 *   for it, from the user's click, as `permissions.request` requires;
 * - stored settings that were damaged and partly reset to defaults, naming what was reset.
 * Built with DOM APIs; nothing here comes from a web page.
 */
import type { MessageKey } from '../shared/i18n';
import type { Permissions } from 'webextension-polyfill';
import { settingsRepairs } from '../shared/settings-repairs';
import { SETTINGS_KEY } from '../shared/settings';

type Translate = (key: MessageKey) => string;

export const ALL_SITES: Permissions.Permissions = { origins: ['<all_urls>'] };

export interface NoticeApis {
  permissions: Pick<Permissions.Static, 'contains' | 'request'>;
  settingsArea: { get(key: string): Promise<Record<string, unknown>> };
}

function notice(doc: Document, testId: string, text: string): HTMLElement {
  const box = doc.createElement('p');
  box.className = 'status';
  box.setAttribute('role', 'alert');
  box.dataset.testid = testId;
  box.textContent = text;
  return box;
}

/** Shows the notices that apply; returns the test ids shown. */
export async function showTrustNotices(doc: Document, apis: NoticeApis, t: Translate): Promise<string[]> {
  const main = doc.querySelector('main');
  if (!main) return [];
  const shown: HTMLElement[] = [];

  const hasAccess = await apis.permissions.contains(ALL_SITES).catch(() => true);
  if (!hasAccess) {
    const box = notice(doc, 'host-access', t('hostAccessMissing'));
    const grant = doc.createElement('button');
    grant.type = 'button';
    grant.dataset.testid = 'host-access-grant';
    grant.textContent = t('hostAccessGrant');
    grant.addEventListener('click', () => {
      // called straight from the click: the browser only shows its prompt for a user gesture
      void apis.permissions.request(ALL_SITES).then((granted) => {
        if (granted) box.remove();
      });
    });
    box.append(' ', grant);
    shown.push(box);
  }

  const stored = await apis.settingsArea.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  const repaired = settingsRepairs(stored[SETTINGS_KEY]);
  if (repaired.length > 0) shown.push(notice(doc, 'settings-repaired', `${t('settingsRepaired')} ${repaired.join(', ')}`));

  main.prepend(...shown);
  return shown.map((box) => box.dataset.testid ?? '');
}
