import type { Level } from '../engine/types';
import { browser } from '../shared/browser';
import type { TabVerdict } from '../shared/messages';

const COLOURS: Record<Level, string> = { none: '#667085', low: '#f79009', medium: '#dc6803', high: '#b42318' };

/** Badge: how many blocks are flagged, coloured by the page's level. */
export async function setBadge(tabId: number, view: TabVerdict): Promise<void> {
  const text = view.flaggedBlocks > 0 ? String(Math.min(view.flaggedBlocks, 99)) : '';
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[view.level] }),
  ]).catch(() => undefined); // the tab may have closed meanwhile
}
