/**
 * The lure model in the background: a block's text is read as it arrives and only the reading is
 * kept in the tab's state (storage.session), never the text itself.
 */
import { readWithModel, type DecodedModel, type ModelReading } from '../engine/model/read';
import { snippetAround } from '../engine/snippet';
import type { BlockReport } from '../shared/messages';
import type { StoredBlock, StoredReading } from './tab-state';

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

export function storeBlock(model: DecodedModel | undefined, block: BlockReport): StoredBlock {
  const { text, ...stored } = block;
  if (!model || text === undefined) return stored;
  const reading = readWithModel(model, text);
  return {
    ...stored,
    reading: {
      logit: round(reading.logit, 3),
      ...(reading.blockLogit === undefined ? {} : { blockLogit: round(reading.blockLogit, 3) }),
      families: reading.families.map((f) => [f.category, round(f.probability, 3)]),
      phrases: reading.phrases.map((p) => ({ ...p, snippet: snippetAround(text, p.start, p.end) })),
    },
  };
}

export function readingOf(stored: StoredReading | undefined): ModelReading | undefined {
  if (!stored) return undefined;
  return {
    logit: stored.logit,
    ...(stored.blockLogit === undefined ? {} : { blockLogit: stored.blockLogit }),
    families: stored.families.map(([category, probability]) => ({ category, probability })),
    phrases: stored.phrases.map(({ start, end }) => ({ start, end })),
  };
}
