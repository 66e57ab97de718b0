/** Popup entry: which tab, fetch its verdict, render, and wire 检查此页, evidence, report and decisions. */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import { localizePage, setLanguage, t } from '../shared/i18n';
import { askBackground, askContent } from '../shared/ask';
import { EvidenceCollect, TabCheckPage, TabGetVerdict, type TabVerdict } from '../shared/messages';
import { tabStateKey } from '../shared/storage-keys';
import { loadSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { labelDecisions, setUpDecisions } from './decisions';
import { renderLureCards } from './lure-cards';
import { setUpReportPanel } from './report-panel';
import { saveEvidence } from './save-evidence';
import { pageKind, renderScanPaused, renderVerdict } from './render';
import { showTrustNotices } from './trust-notices';

const checkButton = document.querySelector<HTMLButtonElement>('[data-testid="check-page"]');
const status = document.querySelector<HTMLElement>('[data-testid="status"]');

function localizeStatic(): void {
  localizePage(document);
  if (checkButton && !checkButton.disabled) checkButton.textContent = t('popupCheckPage');
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
let latestTab: { url?: string; title?: string } = {};
// the language and plain-words settings; the page follows changes made while it is open
let settings: Settings = parseSettings(undefined);

function render(view: TabVerdict): void {
  latestView = view;
  renderVerdict(document, view, t);
  renderScanPaused(document, view, t);
  renderLureCards(document, view, pack, t, settings.largeText, pageKind(view) === 'explained');
}

function applySettings(next: Settings): void {
  settings = next;
  setLanguage(next.language);
  document.body.classList.toggle('large', next.largeText);
  document.documentElement.classList.toggle('large', next.largeText);
  localizeStatic();
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
  setUpReportPanel(document, t, () => ({
    view: latestView,
    url: latestTab.url,
    pageTitle: latestTab.title,
    packVersion: pack.version,
    blocks: async () => (await askContent(EvidenceCollect, tabId, {})).blocks,
  }));
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

/**
 * The toolbar popup sizes itself from its content; anywhere else (the details tab, Firefox for
 * Android, which opens the popup as a page) the popup follows the window's width.
 */
function markPage(): void {
  const isToolbarPopup = browser.extension.getViews({ type: 'popup' }).includes(window);
  document.documentElement.classList.toggle('page', !isToolbarPopup);
}

async function main(): Promise<void> {
  markPage();
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
  latestTab = await browser.tabs.get(tabId).then((tab) => ({ url: tab.url, title: tab.title }), () => ({}));
  setUpTools(tabId);
  await refresh(tabId);
}

void main();
