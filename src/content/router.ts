/** The content script's one message router: validated, and only from our own extension. */
import { browser, type Runtime } from '../shared/browser';
import { ToContent, type AckReply, type EvidenceReply, type PingReply, type RescanReply } from '../shared/messages';

export interface ContentHandlers {
  ping(): PingReply;
  rescan(): Promise<RescanReply>;
  showBanner(message: Extract<ToContent, { type: 'banner/show' }>): AckReply | Promise<AckReply>;
  hideBanner(): AckReply;
  collectEvidence(): EvidenceReply;
}

export function listenForMessages(handlers: ContentHandlers, signal: AbortSignal): void {
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = ToContent.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'content/ping':
        return Promise.resolve(handlers.ping());
      case 'content/rescan':
        return handlers.rescan();
      case 'banner/show':
        return Promise.resolve(handlers.showBanner(message));
      case 'banner/hide':
        return Promise.resolve(handlers.hideBanner());
      case 'evidence/collect':
        return Promise.resolve(handlers.collectEvidence());
    }
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
