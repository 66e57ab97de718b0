/** A verdict's level in words, the same in the popup, the report draft and the evidence file. */
import type { Level } from '../engine/types';
import type { MessageKey } from '../shared/i18n';

export const LEVEL_LABELS: Record<Level, MessageKey> = {
  none: 'levelNone',
  low: 'levelLow',
  medium: 'levelMedium',
  high: 'levelHigh',
};

/** the score is a probability ×100; it is said in words, by the level it falls in */
export const LIKELIHOOD_WORDS: Record<Level, MessageKey> = {
  none: 'likelihoodNone',
  low: 'likelihoodLow',
  medium: 'likelihoodMedium',
  high: 'likelihoodHigh',
};
