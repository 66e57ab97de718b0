/** The background's one message router. */
import { browser, type Runtime } from '../shared/browser';
import { routeMessage, type BackgroundHandlers } from './route-message';

export function listenForMessages(handlers: BackgroundHandlers): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => routeMessage(raw, sender, handlers, self));
}
