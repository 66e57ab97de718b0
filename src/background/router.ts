/**
 * The background's one message router: only our extension's requests that parse, from the kind
 * of sender each request is defined for (messages.ts, contract.ts), reach a handler.
 */
import { browser, type Runtime } from '../shared/browser';
import { routeRequest, type Handlers } from '../shared/contract';
import { TO_BACKGROUND } from '../shared/messages';

export type BackgroundHandlers = Handlers<typeof TO_BACKGROUND>;

export function listenForMessages(handlers: BackgroundHandlers): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => routeRequest(TO_BACKGROUND, handlers, raw, sender, self));
}
