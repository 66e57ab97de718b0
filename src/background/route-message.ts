/** Routing for the background: only our extension's messages that parse get through. Pure, for tests. */
import type { Runtime } from 'webextension-polyfill';
import { ToBackground, type AckReply, type CheckPageReply, type TabVerdict } from '../shared/messages';

export interface BackgroundHandlers {
  report(tabId: number, frameId: number, url: string | undefined, message: Extract<ToBackground, { type: 'scan/report' }>): Promise<unknown>;
  openDetails(tab: { id: number; index: number; windowId?: number }): Promise<unknown>;
  getVerdict(tabId: number): Promise<TabVerdict>;
  checkPage(tabId: number): Promise<CheckPageReply>;
}

export function isExtensionPage(sender: Runtime.MessageSender, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Routes one message; undefined means "not ours to answer". */
export function routeMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: BackgroundHandlers,
  self: { id: string; origin: string },
): Promise<unknown> | undefined {
  if (sender.id !== self.id) return undefined;
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  const fromPage = !isExtensionPage(sender, self.origin);
  const tab = sender.tab;
  const ack: AckReply = { ok: true };
  switch (message.type) {
    case 'scan/report':
      if (!fromPage || tab?.id === undefined || sender.frameId === undefined) return undefined;
      return handlers.report(tab.id, sender.frameId, sender.url, message).then(() => ack);
    case 'banner/openDetails':
      if (!fromPage || tab?.id === undefined || sender.frameId !== 0) return undefined;
      return handlers.openDetails({ id: tab.id, index: tab.index, windowId: tab.windowId }).then(() => ack);
    case 'tab/getVerdict':
      return fromPage ? undefined : handlers.getVerdict(message.tabId);
    case 'tab/checkPage':
      return fromPage ? undefined : handlers.checkPage(message.tabId);
  }
}
