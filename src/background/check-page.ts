/**
 * "检查此页": make sure our content script runs in the tab (injecting it where the tab was
 * open before install, which activeTab + scripting allow after the user's click), rescan,
 * and answer with the fresh verdict.
 */
import { BUILT_CONTENT_SCRIPTS } from '../shared/extension-paths';
import { browser } from '../shared/browser';
import { PingReply, RescanReply, type CheckPageReply, type ToContent, type TabVerdict } from '../shared/messages';

async function ask(tabId: number, message: ToContent, frameId?: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId });
}

async function isContentScriptPresent(tabId: number): Promise<boolean> {
  try {
    return PingReply.safeParse(await ask(tabId, { type: 'content/ping' }, 0)).success;
  } catch {
    return false;
  }
}

export async function checkPage(tabId: number, verdictNow: () => Promise<TabVerdict>): Promise<CheckPageReply> {
  try {
    if (!(await isContentScriptPresent(tabId))) {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [...BUILT_CONTENT_SCRIPTS] });
    }
    // the top frame answers once its report is stored; other frames report as they finish
    const top = RescanReply.safeParse(await ask(tabId, { type: 'content/rescan' }, 0));
    if (!top.success) return { ok: false, error: 'no answer from the page' };
    await ask(tabId, { type: 'content/rescan' }).catch(() => undefined);
    return { ok: true, verdict: await verdictNow() };
  } catch (error) {
    return { ok: false, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}
