/**
 * Plain-words mode (the `largeText` setting, for older users): per lure category, one short
 * sentence of what they want and one of what to do, instead of the rule pack's detailed text.
 */
import type { LureCategory } from '../engine/pack-schema';
import type { MessageKey } from './i18n';

export const PLAIN_CATEGORY: Record<LureCategory, MessageKey> = {
  'upfront-fee': 'plainUpfrontFee',
  'data-harvest': 'plainDataHarvest',
  'false-promise': 'plainFalsePromise',
  'debt-relief-offer': 'plainDebtReliefOffer',
  'forgery-coaching': 'plainForgeryCoaching',
  'off-platform': 'plainOffPlatform',
};
