/** Background entry: wires the router, per-tab state and badge. Nothing that matters lives here. */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import { POPUP_PAGE } from '../shared/extension-paths';
import type { ToContent } from '../shared/messages';
import { setBadge } from './badge';
import { checkPage } from './check-page';
import { currentVerdict, handleReport, type ReportContext } from './report-handler';
import { listenForMessages } from './router';
import { TabStore } from './tab-store';

const store = new TabStore(browser.storage.session);
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
  report: (tabId, frameId, url, message) =>
    handleReport(context, tabId, { frameId, url, docId: message.docId, replace: message.replace, blocks: message.blocks }),
  openDetails: (tab) =>
    browser.tabs.create({
      url: browser.runtime.getURL(`${POPUP_PAGE}?tabId=${tab.id}`),
      index: tab.index + 1,
      openerTabId: tab.id,
      ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
    }),
  getVerdict: (tabId) => currentVerdict(context, tabId),
  checkPage: (tabId) => checkPage(tabId, () => currentVerdict(context, tabId)),
});

// a new top-level document (navigation or reload) starts the tab over; its frames report after this
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void store.clear(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void store.clear(tabId));
