/** Background entry: wires the router, per-tab state and badge. Nothing that matters lives here. */
import model from 'virtual:fcs-model';
import pack from 'virtual:fcs-pack';
import { decodeModel, type DecodedModel } from '../engine/model/read';
import { askContent } from '../shared/ask';
import { browser } from '../shared/browser';
import { POPUP_PAGE } from '../shared/extension-paths';
import { BannerShow } from '../shared/messages';
import { setBadge } from './badge';
import { checkPage } from './check-page';
import { decideFromBanner } from './decide';
import { forgetEscalation, reportTamper } from './escalate';
import { effectivePackSource } from './effective-pack';
import { forgetImageCrops, imageCropsOf, readImagesInTab } from './image-read';
import { currentVerdict, handleReport, type ReportContext } from './report-handler';
import { listenForMessages } from './router';
import { TabStore } from './tab-store';
import { openWarningWindow } from './warning-window';

const store = new TabStore(browser.storage.session);
const effectivePack = effectivePackSource(pack);
// decoded when a block first needs it: the worker wakes for many messages that never do
let lureModel: DecodedModel | undefined;
const ACK = { ok: true } as const;
const context: ReportContext = {
  pack,
  get model() {
    return model ? (lureModel ??= decodeModel(model)) : undefined;
  },
  store,
  settingsArea: browser.storage.local,
  effects: {
    setBadge,
    async showBanner(tabId, banner) {
      await askContent(BannerShow, tabId, banner);
    },
  },
};

listenForMessages({
  'scan/report': async ({ docId, replace, blocks, throttled }, from) => {
    context.pack = await effectivePack();
    await handleReport(context, from.tabId, { frameId: from.frameId, url: from.url, docId, replace, blocks, throttled });
    return ACK;
  },
  'banner/openDetails': async (_, from) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(`${POPUP_PAGE}?tabId=${from.tabId}`),
      ...(from.tabIndex === undefined ? {} : { index: from.tabIndex + 1 }),
      openerTabId: from.tabId,
      ...(from.windowId === undefined ? {} : { windowId: from.windowId }),
    });
    return ACK;
  },
  'banner/decide': async (decision, from) => {
    await decideFromBanner(browser.storage.local, from.url, decision);
    return ACK;
  },
  'banner/tampered': async ({ kind }, from) => {
    await reportTamper({ store, session: browser.storage.session, openWarning: openWarningWindow }, from.tabId, kind);
    return ACK;
  },
  'image/read': (message, from) => readImagesInTab(from.tabId, message),
  'tab/getVerdict': async ({ tabId }) => {
    context.pack = await effectivePack();
    return currentVerdict(context, tabId);
  },
  'tab/checkPage': ({ tabId }) => checkPage(tabId, () => currentVerdict(context, tabId)),
  'tab/getImageCrops': async ({ tabId }) => ({ crops: await imageCropsOf(tabId) }),
});

// a new top-level document (navigation or reload) starts the tab over; its frames report after this
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void store.clear(tabId);
  if (change.status === 'loading') void forgetImageCrops(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void store.clear(tabId));
browser.tabs.onRemoved.addListener((tabId) => void forgetImageCrops(tabId));
browser.tabs.onRemoved.addListener((tabId) => void forgetEscalation(browser.storage.session, tabId));
