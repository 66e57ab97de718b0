/**
 * The warning a page cannot reach: the tab's details view (the popup page, showing that tab)
 * in a small window of the extension's own, in front; in a tab where the browser has no
 * windows to make (Firefox for Android).
 */
import { browser } from '../shared/browser';
import { POPUP_PAGE } from '../shared/extension-paths';

const WIDTH = 460;
const HEIGHT = 720;

export async function openWarningWindow(tabId: number): Promise<void> {
  const url = browser.runtime.getURL(`${POPUP_PAGE}?tabId=${tabId}`);
  if (typeof browser.windows?.create === 'function') {
    try {
      await browser.windows.create({ url, type: 'popup', width: WIDTH, height: HEIGHT, focused: true });
      return;
    } catch (error) {
      console.debug('fcs-guard: no window for the warning, opening a tab', error);
    }
  }
  await browser.tabs.create({ url, active: true, openerTabId: tabId });
}
