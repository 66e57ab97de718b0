import type { Level } from '../engine/types';
import { browser } from '../shared/browser';
import type { TabVerdict } from '../shared/messages';

/** The badge's background per level: the levels' colours, kept apart from the icon's blue. */
export const BADGE_COLOURS: Record<Level, string> = { none: '#667085', low: '#f79009', medium: '#dc6803', high: '#b42318' };

/**
 * The count's colour on each background. Chrome writes white on any badge unless told otherwise,
 * and white on the two ambers is too faint to read; Firefox picks black or white itself, so
 * setting it keeps both browsers alike.
 */
export const BADGE_TEXT_COLOURS: Record<Level, string> = { none: '#ffffff', low: '#101828', medium: '#101828', high: '#ffffff' };

/** Badge: how many blocks are flagged, coloured by the page's level. */
export async function setBadge(tabId: number, view: TabVerdict): Promise<void> {
  const text = view.flaggedBlocks > 0 ? String(Math.min(view.flaggedBlocks, 99)) : '';
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[view.level] }),
    browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOURS[view.level] }),
  ]).catch(() => undefined); // the tab may have closed meanwhile
}
