import { t, uiLanguage } from '../shared/i18n';
import type { InputGuardStrings } from './input-guard';
import type { BannerStrings } from './banner';

export function bannerStrings(): BannerStrings {
  return {
    title: t('bannerTitle'),
    found: t('bannerFound'),
    foundInImage: t('bannerFoundInImage'),
    safePath: t('bannerSafePath'),
    channels: t('bannerChannels'),
    channel12378: t('channel12378'),
    channel12315: t('channel12315'),
    channel110: t('channel110'),
    channel12315Web: t('channel12315Web'),
    dismiss: t('bannerDismiss'),
    details: t('bannerDetails'),
    decide: {
      notScam: t('bannerNotScam'),
      pageHour: t('decidePageHour'),
      siteHour: t('decideSiteHour'),
      pageAlways: t('decidePageAlways'),
      siteAlways: t('decideSiteAlways'),
      undoHint: t('decideUndoHint'),
      muteRule: t('decideMuteRule'),
    },
    lang: uiLanguage(),
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
