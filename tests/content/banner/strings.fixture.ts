import type { BannerStrings } from '../../../src/content/banner/banner';
import zhCN from '../../../src/public/_locales/zh_CN/messages.json';

/** The zh_CN strings the content script would get from browser.i18n. */
export const STRINGS: BannerStrings = {
  title: zhCN.bannerTitle.message,
  quotes: zhCN.bannerQuotes.message,
  found: zhCN.bannerFound.message,
  moreLures: zhCN.bannerMoreLures.message,
  pointer: zhCN.bannerPointer.message,
  safePath: zhCN.bannerSafePath.message,
  channels: zhCN.bannerChannels.message,
  channel12378: zhCN.channel12378.message,
  channel12315: zhCN.channel12315.message,
  channel110: zhCN.channel110.message,
  channel12315Web: zhCN.channel12315Web.message,
  dismiss: zhCN.bannerDismiss.message,
  details: zhCN.bannerDetails.message,
};

export const DECIDE = {
  notScam: zhCN.bannerNotScam.message,
  howLong: zhCN.decideHowLong.message,
  hour: zhCN.decideHour.message,
  always: zhCN.decideAlways.message,
  page: zhCN.decidePage.message,
  site: zhCN.decideSite.message,
  undoHint: zhCN.decideUndoHint.message,
};
