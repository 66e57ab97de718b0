/** From a tab's aggregated findings to what the badge, banner and popup show. */
import { scorePage } from '../engine/score';
import type { LureCategory } from '../engine/pack-schema';
import type { CompiledPack, ContextReason, PageVerdict } from '../engine/types';
import { LIMITS } from '../shared/limits';
import type { FlaggedBlock, LureView, TabVerdict } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { blocksOf, isScanPaused, type TabState } from './tab-state';

export interface TabAssessment {
  page: PageVerdict;
  view: TabVerdict;
  /** titles of the lures in flagged blocks, for the banner */
  bannerTitles: string[];
  /** flagged blocks of the top frame with their lure spans, for highlighting */
  topFlagged: FlaggedBlock[];
  /** the rules behind the banner's titles, for "mute this rule" */
  bannerRules: { ruleId: string; title: string }[];
  /** the categories of those rules, for the banner's plain words */
  bannerCategories: LureCategory[];
  /** a flagged block's text was read from an image (OCR): the banner says so */
  bannerInImage: boolean;
}

const MAX_SNIPPETS_PER_LURE = 3;

export function assessTab(pack: CompiledPack, state: TabState | undefined, settings: Settings): TabAssessment {
  const blocks = state ? blocksOf(state) : [];
  const page = scorePage(pack, blocks.map((b) => b.findings), {
    threshold: settings.threshold,
    muted: new Set(settings.mutedRules),
  });

  const lures = new Map<string, LureView>();
  const reasons = new Set<ContextReason>();
  page.blocks.forEach((verdict, i) => {
    const snippets = blocks[i]?.snippets ?? [];
    for (const reason of verdict.reasons) reasons.add(reason);
    for (const rule of verdict.rules) {
      const view = lures.get(rule.ruleId) ?? { ruleId: rule.ruleId, category: rule.category, title: rule.title, points: 0, snippets: [] };
      view.points = Math.max(view.points, rule.points);
      if (blocks[i]?.source === 'image') view.inImage = true;
      const snippet = snippets.find((s) => s.ruleId === rule.ruleId)?.text;
      if (snippet && view.snippets.length < MAX_SNIPPETS_PER_LURE && !view.snippets.includes(snippet)) view.snippets.push(snippet);
      lures.set(rule.ruleId, view);
    }
  });

  const bannerTitles = new Set<string>();
  for (const i of page.flagged) for (const rule of page.blocks[i]?.rules ?? []) if (rule.points > 0) bannerTitles.add(rule.title);

  // blocksOf lists the top frame first
  const topCount = Object.keys(state?.frames['0']?.blocks ?? {}).length;
  const topFlagged: FlaggedBlock[] = page.flagged
    .filter((i) => i < topCount)
    .flatMap((i) => {
      const key = blocks[i]?.key;
      const spans = (page.blocks[i]?.rules ?? []).filter((r) => r.points > 0).flatMap((r) => r.spans);
      return key ? [{ key, spans: spans.slice(0, LIMITS.hitsPerBlock) }] : [];
    });

  const bannerRules = new Map<string, string>();
  const bannerCategories = new Set<LureCategory>();
  for (const i of page.flagged) {
    for (const rule of page.blocks[i]?.rules ?? []) {
      if (rule.points <= 0) continue;
      bannerRules.set(rule.ruleId, rule.title);
      bannerCategories.add(rule.category);
    }
  }

  return {
    page,
    topFlagged,
    bannerRules: [...bannerRules]
      .slice(0, LIMITS.bannerTitles)
      .map(([ruleId, title]) => ({ ruleId, title: title.slice(0, LIMITS.titleChars) })),
    bannerCategories: [...bannerCategories],
    bannerInImage: page.flagged.some((i) => blocks[i]?.source === 'image'),
    view: {
      scanned: state !== undefined,
      level: page.level,
      score: page.score,
      flaggedBlocks: page.flagged.length,
      antiFraudPage: page.antiFraudPage,
      reasons: [...reasons],
      lures: [...lures.values()].sort((a, b) => b.points - a.points),
      scanPaused: state !== undefined && isScanPaused(state),
    },
    bannerTitles: [...bannerTitles].slice(0, LIMITS.bannerTitles).map((t) => t.slice(0, LIMITS.titleChars)),
  };
}
