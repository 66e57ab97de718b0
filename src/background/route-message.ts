/**
 * Routing for the background: only our extension's messages that parse, from the kind of
 * sender each message is meant for, get through. Pure, for tests.
 *
 * Who may send what is decided from fields the browser stamps on `sender` (id, url, tab,
 * frameId), never from the payload:
 * - content messages come from a content script in a web page: `sender.tab` and `frameId` are
 *   set, and the sender's URL is not one of our pages;
 * - requests from the popup / options page come from our own pages: `sender.url` is on our
 *   origin, and if the page is in a tab at all, that tab shows our page too.
 */
import type { Runtime } from 'webextension-polyfill';
import { ToBackground, type AckReply, type CheckPageReply, type ImageCropsReply, type ImageReadReply, type TabVerdict } from '../shared/messages';

export interface BackgroundHandlers {
  report(tabId: number, frameId: number, url: string | undefined, message: Extract<ToBackground, { type: 'scan/report' }>): Promise<unknown>;
  openDetails(tab: { id: number; index: number; windowId?: number }): Promise<unknown>;
  getVerdict(tabId: number): Promise<TabVerdict>;
  checkPage(tabId: number): Promise<CheckPageReply>;
  /** "not a scam" from the banner: `url` is the sending top frame's, never the payload's */
  decide(tabId: number, url: string, message: Extract<ToBackground, { type: 'banner/decide' }>): Promise<unknown>;
  mute?(ruleId: string): Promise<unknown>;
  /** OCR of image rectangles on screen, asked by a tab's top frame */
  readImages?(tabId: number, message: Extract<ToBackground, { type: 'image/read' }>): Promise<ImageReadReply>;
  getImageCrops?(tabId: number): Promise<ImageCropsReply>;
}

export interface SelfIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with the trailing slash */
  origin: string;
}

const onOrigin = (url: string | undefined, origin: string): boolean =>
  typeof url === 'string' && origin.endsWith('/') && url.startsWith(origin);

/** One of our own pages (popup, options, details tab), not a content script. */
export function isExtensionPage(sender: Runtime.MessageSender, self: SelfIdentity): boolean {
  if (!onOrigin(sender.url, self.origin)) return false;
  // a page of ours in a tab: that tab must show our page (a tab URL we cannot see is fine)
  const tabUrl = sender.tab?.url;
  return tabUrl === undefined || onOrigin(tabUrl, self.origin);
}

/** A content script of ours in a web page: tab and frame known, and not one of our pages. */
function contentSender(sender: Runtime.MessageSender, self: SelfIdentity): { tab: Runtime.MessageSender['tab'] & { id: number }; frameId: number } | undefined {
  const tab = sender.tab;
  if (tab?.id === undefined || tab.id < 0 || sender.frameId === undefined || sender.frameId < 0) return undefined;
  if (onOrigin(sender.url, self.origin)) return undefined;
  return { tab: tab as typeof tab & { id: number }, frameId: sender.frameId };
}

/** Routes one message; undefined means "not ours to answer". */
export function routeMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: BackgroundHandlers,
  self: SelfIdentity,
): Promise<unknown> | undefined {
  if (typeof sender.id !== 'string' || sender.id !== self.id) return undefined;
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  const ack: AckReply = { ok: true };
  switch (message.type) {
    case 'scan/report': {
      const from = contentSender(sender, self);
      if (!from) return undefined;
      return handlers.report(from.tab.id, from.frameId, sender.url, message).then(() => ack);
    }
    case 'banner/openDetails': {
      const from = contentSender(sender, self);
      if (!from || from.frameId !== 0) return undefined;
      const { id, index, windowId } = from.tab;
      return handlers.openDetails({ id, index, windowId }).then(() => ack);
    }
    case 'banner/decide': {
      const from = contentSender(sender, self);
      if (!from || from.frameId !== 0 || sender.url === undefined) return undefined;
      return handlers.decide(from.tab.id, sender.url, message).then(() => ack);
    }
    case 'banner/mute': {
      const from = contentSender(sender, self);
      if (!from || from.frameId !== 0 || !handlers.mute) return undefined;
      return handlers.mute(message.ruleId).then(() => ack);
    }
    case 'tab/getVerdict':
      return isExtensionPage(sender, self) ? handlers.getVerdict(message.tabId) : undefined;
    case 'tab/checkPage':
      return isExtensionPage(sender, self) ? handlers.checkPage(message.tabId) : undefined;
    case 'image/read': {
      const from = contentSender(sender, self);
      if (!from || from.frameId !== 0) return undefined;
      return handlers.readImages?.(from.tab.id, message);
    }
    case 'tab/getImageCrops':
      return isExtensionPage(sender, self) ? handlers.getImageCrops?.(message.tabId) : undefined;
  }
}
