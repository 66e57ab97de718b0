/**
 * "保存证据": at the user's click, gather what a report to the police or a regulator needs
 * (screenshot of the tab, URL, time, title, flagged text, rules and explanations, contacts)
 * and save it as one HTML file plus a JSON file through <a download>. Nothing is sent.
 */
import { explainLure } from '../engine/explain';
import type { CompiledPack } from '../engine/types';
import { browser, type Tabs } from '../shared/browser';
import { extractContacts } from '../shared/contacts';
import { evidenceFileName, evidenceHtml, evidenceJson, type Evidence, type EvidenceStrings } from '../shared/evidence-report';
import { uiLanguage, type MessageKey } from '../shared/i18n';
import { askBackground, askContent } from '../shared/ask';
import { EvidenceCollect, TabGetImageCrops, type TabVerdict } from '../shared/messages';

type Translate = (key: MessageKey) => string;

const STEP_KEYS: MessageKey[] = ['evidenceStep110', 'evidenceStep12378', 'evidenceStepApp', 'evidenceStepBank', 'evidenceStepKeep'];

export function evidenceStrings(t: Translate): EvidenceStrings {
  return {
    heading: t('evidenceHeading'),
    intro: t('evidenceIntro'),
    page: t('evidencePage'),
    time: t('evidenceTime'),
    pageTitle: t('evidencePageTitle'),
    verdict: t('evidenceVerdict'),
    screenshot: t('evidenceScreenshot'),
    noScreenshot: t('evidenceNoScreenshot'),
    imageText: t('popupFoundInImage'),
    flaggedText: t('evidenceFlaggedText'),
    rules: t('evidenceRules'),
    claim: t('popupClaim'),
    reality: t('popupReality'),
    advice: t('popupAdvice'),
    contacts: t('evidenceContacts'),
    phones: t('evidencePhones'),
    wechat: t('evidenceWechat'),
    qq: t('evidenceQq'),
    links: t('evidenceLinks'),
    none: t('evidenceNone'),
    howTo: t('evidenceHowTo'),
    steps: STEP_KEYS.map(t),
    footer: t('evidenceFooter'),
    lang: uiLanguage(),
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The visible tab as PNG; when the popup is itself a tab, show the page for a moment to capture it. */
async function screenshotOf(tab: Tabs.Tab): Promise<string | null> {
  try {
    if (tab.active) return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    const self = await browser.tabs.getCurrent();
    if (tab.id === undefined) return null;
    await browser.tabs.update(tab.id, { active: true });
    await pause(300);
    try {
      return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    } finally {
      if (self?.id !== undefined) await browser.tabs.update(self.id, { active: true });
    }
  } catch {
    return null;
  }
}

async function flaggedBlocks(tabId: number): Promise<string[]> {
  const reply = await askContent(EvidenceCollect, tabId, {}).catch(() => undefined);
  return reply?.blocks ?? [];
}

/** Crops of ad images whose text was read on the device, kept by the background. */
async function imageCrops(tabId: number): Promise<{ text: string; dataUrl: string }[]> {
  const reply = await askBackground(TabGetImageCrops, { tabId }).catch(() => undefined);
  return reply ? reply.crops.map(({ text, dataUrl }) => ({ text, dataUrl })) : [];
}

export async function collectEvidence(tabId: number, view: TabVerdict, pack: CompiledPack, now = new Date()): Promise<Evidence> {
  const tab = await browser.tabs.get(tabId);
  const [blocks, screenshot, crops] = [await flaggedBlocks(tabId), await screenshotOf(tab), await imageCrops(tabId)];
  const lures = view.lures
    .filter((l) => l.points > 0)
    .map((l) => {
      const explain = explainLure(pack, l.ruleId);
      return { ruleId: l.ruleId, title: l.title, snippets: l.snippets, ...(explain ? { explain } : {}) };
    });
  return {
    url: tab.url ?? '',
    title: tab.title ?? '',
    capturedAt: now.toISOString(),
    packVersion: pack.version,
    level: view.level,
    score: view.score,
    lures,
    blocks,
    contacts: extractContacts(blocks.length > 0 ? blocks : lures.flatMap((l) => l.snippets)),
    screenshot,
    ...(crops.length > 0 ? { imageCrops: crops } : {}),
  };
}

function download(doc: Document, name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Collects and saves; returns the file names. */
export async function saveEvidence(doc: Document, tabId: number, view: TabVerdict, pack: CompiledPack, t: Translate): Promise<string[]> {
  const evidence = await collectEvidence(tabId, view, pack);
  const base = evidenceFileName(evidence);
  download(doc, `${base}.html`, 'text/html', evidenceHtml(evidence, evidenceStrings(t)));
  await pause(200); // some browsers drop a second download started in the same task
  download(doc, `${base}.json`, 'application/json', evidenceJson(evidence));
  return [`${base}.html`, `${base}.json`];
}
