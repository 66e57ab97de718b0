import { t } from '../shared/i18n';
import type { BannerStrings } from './banner';

export function bannerStrings(): BannerStrings {
  return {
    title: t('bannerTitle'),
    found: t('bannerFound'),
    safePath: t('bannerSafePath'),
    channels: t('bannerChannels'),
    channel12378: t('channel12378'),
    channel12315: t('channel12315'),
    channel110: t('channel110'),
    channel12315Web: t('channel12315Web'),
    dismiss: t('bannerDismiss'),
    details: t('bannerDetails'),
  };
}
