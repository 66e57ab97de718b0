/** The content script's one message router: validated, and only from our own extension. */
import { browser, type Runtime } from '../shared/browser';
import { routeRequest, type Handlers } from '../shared/contract';
import { TO_CONTENT } from '../shared/messages';

export type ContentHandlers = Handlers<typeof TO_CONTENT>;

export function listenForMessages(handlers: ContentHandlers, signal: AbortSignal): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined =>
    routeRequest(TO_CONTENT, handlers, raw, sender, self);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
