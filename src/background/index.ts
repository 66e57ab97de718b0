/** Background entry: wires the router, per-tab state and badge. Nothing that matters lives here. */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import { POPUP_PAGE } from '../shared/extension-paths';
import type { ToContent } from '../shared/messages';
import { setBadge } from './badge';
import { checkPage } from './check-page';
import { decideFromBanner, muteFromBanner } from './decide';
import { effectivePackSource } from './effective-pack';
import { forgetImageCrops, imageCropsOf, readImagesInTab } from './image-read';
import { currentVerdict, handleReport, type ReportContext } from './report-handler';
import { listenForMessages } from './router';
import { TabStore } from './tab-store';

const store = new TabStore(browser.storage.session);
const effectivePack = effectivePackSource(pack);
const context: ReportContext = {
  pack,
  store,
  settingsArea: browser.storage.local,
  effects: {
    setBadge,
    async sendToTopFrame(tabId: number, message: ToContent) {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
  },
};

listenForMessages({
  report: async (tabId, frameId, url, message) => {
    context.pack = await effectivePack();
    const { docId, replace, blocks, throttled } = message;
    return handleReport(context, tabId, { frameId, url, docId, replace, blocks, throttled });
  },
  openDetails: (tab) =>
    browser.tabs.create({
      url: browser.runtime.getURL(`${POPUP_PAGE}?tabId=${tab.id}`),
      index: tab.index + 1,
      openerTabId: tab.id,
      ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
    }),
  getVerdict: async (tabId) => {
    context.pack = await effectivePack();
    return currentVerdict(context, tabId);
  },
  checkPage: (tabId) => checkPage(tabId, () => currentVerdict(context, tabId)),
  decide: (_tabId, url, message) => decideFromBanner(browser.storage.local, url, message),
  mute: async (ruleId) => muteFromBanner(browser.storage.local, await effectivePack(), ruleId),
  readImages: readImagesInTab,
  getImageCrops: async (tabId) => ({ crops: await imageCropsOf(tabId) }),
});

// a new top-level document (navigation or reload) starts the tab over; its frames report after this
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void store.clear(tabId);
  if (change.status === 'loading') void forgetImageCrops(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void store.clear(tabId));
browser.tabs.onRemoved.addListener((tabId) => void forgetImageCrops(tabId));
