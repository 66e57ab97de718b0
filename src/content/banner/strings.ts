/** The content script's UI strings, read at each use so a language change applies to the next one. */
import { LURE_CATEGORIES, type LureCategory } from '../../engine/pack-schema';
import { t, uiLanguage } from '../../shared/i18n';
import { PLAIN_CATEGORY } from '../../shared/plain-words';
import type { InputGuardStrings } from '../input-guard/input-guard';
import type { BannerStrings, PlainBannerStrings } from './banner';

function plainStrings(): PlainBannerStrings {
  const categories = Object.fromEntries(LURE_CATEGORIES.map((c) => [c, t(PLAIN_CATEGORY[c])])) as Record<LureCategory, string>;
  return { more: t('plainMore'), categories };
}

/** `plain`: the plain-words mode of the `largeText` setting */
export function bannerStrings(plain = false): BannerStrings {
  return {
    title: t(plain ? 'bannerTitlePlain' : 'bannerTitle'),
    quotes: t('bannerQuotes'),
    found: t('bannerFound'),
    moreLures: t('bannerMoreLures'),
    pointer: t('bannerPointer'),
    foundInImage: t('bannerFoundInImage'),
    safePath: t(plain ? 'bannerSafePathPlain' : 'bannerSafePath'),
    channels: t('bannerChannels'),
    channel12378: t('channel12378'),
    channel12315: t('channel12315'),
    channel110: t('channel110'),
    channel12315Web: t('channel12315Web'),
    dismiss: t('bannerDismiss'),
    details: t('bannerDetails'),
    decide: {
      notScam: t('bannerNotScam'),
      howLong: t('decideHowLong'),
      hour: t('decideHour'),
      always: t('decideAlways'),
      page: t('decidePage'),
      site: t('decideSite'),
      undoHint: t('decideUndoHint'),
    },
    lang: uiLanguage(),
    ...(plain ? { plain: plainStrings() } : {}),
  };
}

export function inputGuardStrings(): InputGuardStrings {
  return {
    title: t('cautionTitle'),
    close: t('cautionClose'),
    kinds: {
      'id-number': t('cautionIdNumber'),
      'bank-card': t('cautionBankCard'),
      'sms-code': t('cautionSmsCode'),
      file: t('cautionFile'),
    },
    lang: uiLanguage(),
  };
}
