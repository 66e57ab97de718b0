/** Popup entry: which tab, fetch its verdict, render, and wire "检查此页". */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import { localizePage, setLanguage, t, uiLanguage } from '../shared/i18n';
import { askBackground } from '../shared/ask';
import { TabCheckPage, TabGetVerdict, type TabVerdict } from '../shared/messages';
import { tabStateKey } from '../shared/storage-keys';
import { loadSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { labelDecisions, setUpDecisions } from './decisions';
import { setUpReportPanel } from './report-panel';
import { saveEvidence } from './save-evidence';
import { renderLures, renderVerdict } from './render';
import { renderScanPaused } from './render';
import { showTrustNotices } from './trust-notices';

const checkButton = document.querySelector<HTMLButtonElement>('[data-testid="check-page"]');
const status = document.querySelector<HTMLElement>('[data-testid="status"]');

function localizeStatic(): void {
  document.documentElement.lang = uiLanguage();
  const texts: [string, Parameters<typeof t>[0]][] = [
    ['lures-heading', 'popupLures'],
    ['channels-heading', 'popupChannels'],
    ['channel-12378', 'channel12378'],
    ['channel-12315', 'channel12315'],
    ['channel-110', 'channel110'],
    ['channel-12315-web', 'channel12315Web'],
  ];
  for (const [id, key] of texts) {
    const node = document.getElementById(id);
    if (node) node.textContent = t(key);
  }
  if (checkButton && !checkButton.disabled) checkButton.textContent = t('popupCheckPage');
  const options = document.getElementById('open-options');
  if (options) options.textContent = t('popupOpenOptions');
}

function wireOptionsLink(): void {
  const options = document.getElementById('open-options');
  // a new tab each time: runtime.openOptionsPage() would focus an options tab already open
  if (options instanceof HTMLAnchorElement) {
    options.addEventListener('click', (event) => {
      event.preventDefault();
      void browser.tabs.create({ url: options.href });
    });
  }
}

function showStatus(text: string | undefined): void {
  if (!status) return;
  status.hidden = !text;
  status.textContent = text ?? '';
}

let latestView: TabVerdict | undefined;
let latestUrl: string | undefined;
// the language and plain-words settings; the page follows changes made while it is open
let settings: Settings = parseSettings(undefined);

function render(view: TabVerdict): void {
  latestView = view;
  renderVerdict(document, view, t);
  renderScanPaused(document, view, t);
  renderLures(document, view, pack, t, settings.largeText);
}

function applySettings(next: Settings): void {
  settings = next;
  setLanguage(next.language);
  document.body.classList.toggle('large', next.largeText);
  localizeStatic();
  localizePage(document);
  labelDecisions(document, t);
  if (latestView) render(latestView);
}

async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && location.search.includes('tabId=')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function refresh(tabId: number): Promise<void> {
  render(await askBackground(TabGetVerdict, { tabId }));
}

async function checkNow(tabId: number): Promise<void> {
  if (!checkButton) return;
  checkButton.disabled = true;
  checkButton.textContent = t('popupChecking');
  showStatus(undefined);
  try {
    const reply = await askBackground(TabCheckPage, { tabId });
    if (reply.ok) render(reply.verdict);
    else showStatus(t('popupCheckFailed'));
  } catch {
    showStatus(t('popupCheckFailed'));
  } finally {
    checkButton.disabled = false;
    checkButton.textContent = t('popupCheckPage');
  }
}

function setUpTools(tabId: number): void {
  setUpReportPanel(document, t, () => ({ view: latestView, url: latestUrl, packVersion: pack.version }));
  const save = document.querySelector<HTMLButtonElement>('[data-testid="save-evidence"]');
  const saved = document.querySelector<HTMLElement>('[data-testid="evidence-status"]');
  save?.addEventListener('click', async () => {
    if (!latestView || !saved) return;
    save.disabled = true;
    saved.hidden = false;
    saved.textContent = t('popupSavingEvidence');
    try {
      const name = await saveEvidence(document, tabId, latestView, pack, t);
      saved.textContent = `${t('popupEvidenceSaved')} ${name}`;
    } catch {
      saved.textContent = t('popupEvidenceFailed');
    } finally {
      save.disabled = false;
    }
  });
}

async function main(): Promise<void> {
  // the browser's language at once, so the page is never blank; the setting follows in a moment
  applySettings(settings);
  applySettings(await loadSettings(browser.storage.local).catch(() => settings));
  wireOptionsLink();
  browser.storage.local.onChanged.addListener((changes) => {
    if (SETTINGS_KEY in changes) applySettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
  });
  void showTrustNotices(document, { permissions: browser.permissions, settingsArea: browser.storage.local }, t);
  const tabId = await targetTabId();
  if (tabId === undefined) {
    showStatus(t('popupNoTab'));
    if (checkButton) checkButton.disabled = true;
    return;
  }
  checkButton?.addEventListener('click', () => void checkNow(tabId));
  // the details tab stays open while the page keeps reporting; follow it
  browser.storage.session.onChanged.addListener((changes) => {
    if (tabStateKey(tabId) in changes) void refresh(tabId);
  });
  await setUpDecisions(document, tabId, t, () => void refresh(tabId));
  latestUrl = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
  setUpTools(tabId);
  await refresh(tabId);
}

void main();
