/**
 * What happens when a frame reports: aggregate, re-score, update the badge, and ask the top
 * frame to show the banner when the page crosses the user's threshold. Browser access comes
 * in through `TabEffects`, so this runs in tests with fakes.
 */
import type { DecodedModel } from '../engine/model/read';
import type { CompiledPack } from '../engine/types';
import type { PayloadOf } from '../shared/contract';
import type { BannerShow, BlockReport, TabVerdict } from '../shared/messages';
import { isAllowed, loadSettings } from '../shared/settings';
import type { KeyValueArea } from '../shared/storage-area';
import { storeBlock } from './model-reading';
import { applyReport, emptyTabState, type IncomingReport } from './tab-state';
import type { TabStore } from './tab-store';
import { assessTab } from './verdict';

export interface TabEffects {
  setBadge(tabId: number, view: TabVerdict): Promise<void>;
  /** rejects when the top frame's content script does not answer */
  showBanner(tabId: number, banner: PayloadOf<typeof BannerShow>): Promise<void>;
}

export interface ReportContext {
  pack: CompiledPack;
  /** the lure model, decoded; absent, the rules alone decide */
  model?: DecodedModel;
  store: TabStore;
  settingsArea: KeyValueArea;
  effects: TabEffects;
}

export async function handleReport(
  context: ReportContext,
  tabId: number,
  incoming: Omit<IncomingReport, 'blocks'> & { blocks: readonly BlockReport[] },
): Promise<TabVerdict> {
  const settings = await loadSettings(context.settingsArea);
  const report: IncomingReport = { ...incoming, blocks: incoming.blocks.map((block) => storeBlock(context.model, block)) };
  const { view, banner } = await context.store.update(tabId, (previous) => {
    const state = applyReport(previous, report);
    const assessment = assessTab(context.pack, state, settings, context.model);
    const wantsBanner =
      settings.autoWarn && assessment.page.score >= settings.threshold && !isAllowed(settings, state.topUrl);
    const signature = bannerSignature(assessment);
    const banner = wantsBanner && state.bannerSent !== signature ? assessment : undefined;
    if (banner) state.bannerSent = signature;
    return [state, { view: assessment.view, banner }];
  });
  await context.effects.setBadge(tabId, view);
  if (banner) {
    try {
      await context.effects.showBanner(tabId, {
        level: banner.view.level,
        titles: banner.bannerTitles,
        inImage: banner.bannerInImage,
        flagged: banner.topFlagged,
        frames: banner.flaggedFrames,
        categories: banner.bannerCategories,
      });
    } catch {
      // the top frame's content script is not listening yet (an iframe reported first): forget
      // that the banner was sent, so the top frame's own report brings it
      await context.store.update(tabId, (state = emptyTabState()) => {
        if (state.bannerSent === bannerSignature(banner)) delete state.bannerSent;
        return [state, undefined];
      });
    }
  }
  return view;
}

function bannerSignature(assessment: { view: { level: string }; bannerTitles: readonly string[] }): string {
  return `${assessment.view.level}|${assessment.bannerTitles.join('|')}`;
}

export async function currentVerdict(context: Pick<ReportContext, 'pack' | 'store' | 'settingsArea' | 'model'>, tabId: number): Promise<TabVerdict> {
  const settings = await loadSettings(context.settingsArea);
  return assessTab(context.pack, await context.store.get(tabId), settings, context.model).view;
}
