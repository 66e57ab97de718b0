/**
 * "检查此页": make sure our content script runs in the tab (injecting it where the tab was
 * open before install, which the host permission and scripting allow), rescan, and answer
 * with the fresh verdict.
 */
import { BUILT_CONTENT_SCRIPTS } from '../shared/extension-paths';
import { browser } from '../shared/browser';
import { askContent } from '../shared/ask';
import type { ReplyOf } from '../shared/contract';
import { ContentPing, ContentRescan, type TabCheckPage, type TabVerdict } from '../shared/messages';

async function isContentScriptPresent(tabId: number): Promise<boolean> {
  try {
    await askContent(ContentPing, tabId, {});
    return true;
  } catch {
    return false;
  }
}

export async function checkPage(tabId: number, verdictNow: () => Promise<TabVerdict>): Promise<ReplyOf<typeof TabCheckPage>> {
  try {
    if (!(await isContentScriptPresent(tabId))) {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [...BUILT_CONTENT_SCRIPTS] });
    }
    // the top frame answers once its report is stored; other frames report as they finish
    const top = await askContent(ContentRescan, tabId, {}).catch(() => undefined);
    if (!top) return { ok: false, error: 'no answer from the page' };
    await askContent(ContentRescan, tabId, {}, 'all-frames').catch(() => undefined);
    return { ok: true, verdict: await verdictNow() };
  } catch (error) {
    return { ok: false, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}
