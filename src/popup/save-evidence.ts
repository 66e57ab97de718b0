/**
 * "保存证据": at the user's click, gather what a report to the police or a regulator needs
 * (a screenshot of the tab taken without fcs-guard's banner and marks, the flagged block cut
 * out of it, URL, local time with offset and zone, title, flagged text, rules and explanations,
 * contacts) and save it as one self-contained HTML file through <a download>. Nothing is sent.
 */
import { explainLure } from '../engine/explain';
import type { CompiledPack } from '../engine/types';
import { browser, type Tabs } from '../shared/browser';
import { extractContacts } from '../shared/contacts';
import { evidenceFileName, evidenceHtml, type Evidence, type EvidenceStrings } from '../shared/evidence-report';
import type { MessageKey } from '../shared/i18n';
import { currentTimeZone } from '../shared/local-time';
import { askBackground, askContent } from '../shared/ask';
import { EvidenceCaptureView, EvidenceCollect, TabGetImageCrops, type CaptureViewReply, type TabVerdict } from '../shared/messages';
import { cropBlock } from './crop-block';
import { LEVEL_LABELS, LIKELIHOOD_WORDS } from './level-words';

type Translate = (key: MessageKey) => string;

const STEP_KEYS: MessageKey[] = ['evidenceStep110', 'evidenceStep12378', 'evidenceStepApp', 'evidenceStepBank', 'evidenceStepKeep'];

export function evidenceStrings(t: Translate): EvidenceStrings {
  const byLevel = (keys: typeof LEVEL_LABELS) => ({ none: t(keys.none), low: t(keys.low), medium: t(keys.medium), high: t(keys.high) });
  return {
    heading: t('evidenceHeading'),
    intro: t('evidenceIntro'),
    page: t('evidencePage'),
    time: t('evidenceTime'),
    utc: t('evidenceUtc'),
    pageTitle: t('evidencePageTitle'),
    verdict: t('evidenceVerdict'),
    tampered: t('evidenceTampered'),
    tamperKinds: { removed: t('tamperRemoved'), restyled: t('tamperRestyled'), hidden: t('tamperHidden'), covered: t('tamperCovered') },
    levels: byLevel(LEVEL_LABELS),
    likelihoodLabel: t('popupLikelihood'),
    likelihood: byLevel(LIKELIHOOD_WORDS),
    score: t('evidenceScore'),
    checkedBy: t('evidenceCheckedBy'),
    pack: t('evidencePack'),
    screenshot: t('evidenceScreenshot'),
    blockCrop: t('evidenceAdCrop'),
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
    data: t('evidenceData'),
    footer: t('evidenceFooter'),
    lang: t('uiLang'),
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

/**
 * The screenshot without our banner, outline and highlights: the page hides them, the tab is
 * captured, the page shows them again (also when the capture fails). A page without our
 * content script is captured as it is.
 */
async function cleanScreenshot(tab: Tabs.Tab, tabId: number): Promise<{ screenshot: string | null; geometry?: CaptureViewReply }> {
  const geometry = await askContent(EvidenceCaptureView, tabId, { hide: true }).catch(() => undefined);
  try {
    return { screenshot: await screenshotOf(tab), ...(geometry ? { geometry } : {}) };
  } finally {
    if (geometry) await askContent(EvidenceCaptureView, tabId, { hide: false }).catch(() => undefined);
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
  const blocks = await flaggedBlocks(tabId);
  const { screenshot, geometry } = await cleanScreenshot(tab, tabId);
  const crops = await imageCrops(tabId);
  const firstBlock = geometry?.blocks[0];
  const blockCrop = screenshot && geometry && firstBlock ? await cropBlock(screenshot, geometry.viewport, firstBlock).catch(() => undefined) : undefined;
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
    timeZone: currentTimeZone(),
    packVersion: pack.version,
    level: view.level,
    score: view.score,
    lures,
    blocks,
    contacts: extractContacts(blocks.length > 0 ? blocks : lures.flatMap((l) => l.snippets)),
    screenshot,
    ...(blockCrop ? { blockCrop } : {}),
    ...(crops.length > 0 ? { imageCrops: crops } : {}),
    ...(view.tampered ? { tampered: { kinds: view.tampered.kinds, firstAt: new Date(view.tampered.at).toISOString() } } : {}),
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

/** Collects and saves one file; returns its name. */
export async function saveEvidence(doc: Document, tabId: number, view: TabVerdict, pack: CompiledPack, t: Translate): Promise<string> {
  const evidence = await collectEvidence(tabId, view, pack);
  const name = `${evidenceFileName(evidence)}.html`;
  download(doc, name, 'text/html', evidenceHtml(evidence, evidenceStrings(t)));
  return name;
}
