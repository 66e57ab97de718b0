/** From a tab's aggregated findings to what the badge, banner and popup show. */
import type { DecodedModel } from '../engine/model/read';
import { familyMuteId, scorePage } from '../engine/score';
import type { LureCategory } from '../engine/pack-schema';
import type { CompiledPack, ContextReason, PageVerdict } from '../engine/types';
import { LIMITS } from '../shared/limits';
import type { FlaggedBlock, LureView, TabVerdict } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { readingOf } from './model-reading';
import { blocksOf, frameOfBlocks, isScanPaused, type TabState } from './tab-state';

export interface TabAssessment {
  page: PageVerdict;
  view: TabVerdict;
  /** titles of the lures in flagged blocks, for the banner */
  bannerTitles: string[];
  /** flagged blocks of the top frame with their lure spans, for highlighting */
  topFlagged: FlaggedBlock[];
  /** addresses of the subframes holding flagged blocks, so the top frame can outline (and keep off) their <iframe> */
  flaggedFrames: string[];
  /** the categories of those rules, for the banner's plain words */
  bannerCategories: LureCategory[];
  /** a flagged block's text was read from an image (OCR): the banner says so */
  bannerInImage: boolean;
}

const MAX_SNIPPETS_PER_LURE = 3;

export function assessTab(pack: CompiledPack, state: TabState | undefined, settings: Settings, model?: DecodedModel): TabAssessment {
  const blocks = state ? blocksOf(state) : [];
  const page = scorePage(pack, blocks.map((b) => b.findings), {
    threshold: settings.threshold,
    muted: new Set(settings.mutedRules),
    ...(model ? { model, readings: blocks.map((b) => readingOf(b.reading)) } : {}),
  });
  const flagged = new Set(page.flagged);
  /** the lures of a block: its rules with points, and the families the model reads in a flagged block */
  const luresOf = (i: number): { ruleId: string; title: string; category: LureCategory; points: number; snippets: string[]; spans: { start: number; end: number }[] }[] => {
    const verdict = page.blocks[i];
    const block = blocks[i];
    if (!verdict || !block) return [];
    const rules = verdict.rules.map((rule) => ({
      ruleId: rule.ruleId,
      title: rule.title,
      category: rule.category,
      points: rule.points,
      snippets: block.snippets.filter((s) => s.ruleId === rule.ruleId).map((s) => s.text),
      spans: rule.points > 0 ? rule.spans : [],
    }));
    if (!verdict.model || !flagged.has(i)) return rules;
    const phrases = block.reading?.phrases ?? [];
    const families = verdict.model.families.map((category) => ({
      ruleId: familyMuteId(category),
      title: pack.families?.[category]?.title ?? category,
      category,
      points: verdict.score,
      snippets: phrases.map((p) => p.snippet),
      spans: phrases.map(({ start, end }) => ({ start, end })),
    }));
    return [...rules, ...families];
  };

  const lures = new Map<string, LureView>();
  const reasons = new Set<ContextReason>();
  page.blocks.forEach((verdict, i) => {
    for (const reason of verdict.reasons) reasons.add(reason);
    for (const lure of luresOf(i)) {
      const view = lures.get(lure.ruleId) ?? { ruleId: lure.ruleId, category: lure.category, title: lure.title.slice(0, LIMITS.titleChars), points: 0, snippets: [] };
      view.points = Math.max(view.points, lure.points);
      if (blocks[i]?.source === 'image') view.inImage = true;
      for (const snippet of lure.snippets) {
        if (view.snippets.length < MAX_SNIPPETS_PER_LURE && !view.snippets.includes(snippet)) view.snippets.push(snippet);
      }
      lures.set(lure.ruleId, view);
    }
  });

  const bannerTitles = new Set<string>();
  for (const i of page.flagged) for (const lure of luresOf(i)) if (lure.points > 0) bannerTitles.add(lure.title);

  // blocksOf lists the top frame first; the surest block first, so the banner quotes its words
  // (within a block the rules come strongest first, then the model's phrases)
  const topCount = Object.keys(state?.frames['0']?.blocks ?? {}).length;
  const topFlagged: FlaggedBlock[] = page.flagged
    .filter((i) => i < topCount)
    .sort((a, b) => (page.blocks[b]?.score ?? 0) - (page.blocks[a]?.score ?? 0))
    .flatMap((i) => {
      const key = blocks[i]?.key;
      // the rules' spans with their points; the model's phrases, weighed by the whole block's score, without
      const ruleIds = new Set(page.blocks[i]?.rules.map((r) => r.ruleId));
      const spans = luresOf(i).flatMap((l) => l.spans.map((span) => (ruleIds.has(l.ruleId) ? { ...span, points: l.points } : span)));
      return key ? [{ key, spans: spans.slice(0, LIMITS.hitsPerBlock) }] : [];
    });

  const frames = state ? frameOfBlocks(state) : [];
  const top = state?.frames['0'];
  const flaggedFrames = new Set<string>();
  for (const i of page.flagged) {
    const url = frames[i]?.url;
    if (frames[i] !== top && url !== undefined) flaggedFrames.add(url);
  }

  const bannerCategories = new Set<LureCategory>();
  for (const i of page.flagged) {
    for (const lure of luresOf(i)) if (lure.points > 0) bannerCategories.add(lure.category);
  }

  return {
    page,
    topFlagged,
    flaggedFrames: [...flaggedFrames].slice(0, LIMITS.framesPerBanner),
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
      ...(state?.tampered ? { tampered: { kinds: [...state.tampered.kinds], at: state.tampered.at } } : {}),
    },
    bannerTitles: [...bannerTitles].slice(0, LIMITS.bannerTitles).map((t) => t.slice(0, LIMITS.titleChars)),
  };
}
