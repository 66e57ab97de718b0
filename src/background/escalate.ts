/**
 * A page that takes the warning away (removes, hides, restyles or keeps covering the banner) is
 * telling on itself. fcs-guard notes it on the tab's verdict (for the popup and the evidence
 * report) and warns where the page cannot reach: the details view of the tab in a window of
 * the extension's own. Once per tab within ESCALATE_AGAIN_MS, whatever the page does or how
 * often it reloads itself: the page can never make the extension open window after window.
 */
import type { KeyValueArea } from '../shared/storage-area';
import { escalationKey } from '../shared/storage-keys';
import type { TamperKind } from '../shared/messages';
import { applyTamper, type TabState } from './tab-state';
import type { TabStore } from './tab-store';

/** a tab whose page was escalated this recently gets no second window */
export const ESCALATE_AGAIN_MS = 10 * 60_000;

export interface EscalationContext {
  store: TabStore;
  /** storage.session: when each tab was last escalated (survives the tab's navigations) */
  session: KeyValueArea;
  /** opens the tab's details view where the page cannot reach it */
  openWarning(tabId: number): Promise<void>;
  now?: () => number;
}

/** Records `kind` on the tab's verdict; opens the warning window unless this tab had one lately. Resolves to whether it opened one. */
export async function reportTamper(context: EscalationContext, tabId: number, kind: TamperKind): Promise<boolean> {
  const now = (context.now ?? Date.now)();
  const key = escalationKey(tabId);
  // decided inside the tab's queue of updates: a burst of reports opens one window, not several
  const open = await context.store.update(tabId, async (state): Promise<[TabState, boolean]> => {
    const next = applyTamper(state, kind, now);
    const last = (await context.session.get(key))[key];
    if (typeof last === 'number' && now >= last && now - last < ESCALATE_AGAIN_MS) return [next, false];
    await context.session.set({ [key]: now });
    return [next, true];
  });
  if (open) await context.openWarning(tabId);
  return open;
}

export async function forgetEscalation(session: KeyValueArea, tabId: number): Promise<void> {
  await session.remove(escalationKey(tabId));
}
