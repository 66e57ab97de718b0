/**
 * Sending a request of the contract (messages.ts) and parsing its reply, one function per
 * direction. A reply that does not parse is an error, never a value: a sender always gets what
 * the contract says or a rejection it can handle.
 */
import { browser } from './browser';
import type { AnyRequest, PayloadOf, ReplyOf } from './contract';

export class ReplyError extends Error {
  constructor(type: string, detail: string) {
    super(`${type}: ${detail}`);
    this.name = 'ReplyError';
  }
}

function parseReply<C extends AnyRequest>(request: C, raw: unknown): ReplyOf<C> {
  if (raw === undefined) throw new ReplyError(request.type, 'no receiver answered');
  const parsed = request.reply.safeParse(raw);
  if (!parsed.success) throw new ReplyError(request.type, 'the reply does not match the contract');
  return parsed.data as ReplyOf<C>;
}

function messageOf<C extends AnyRequest>(request: C, payload: PayloadOf<C>): { type: string } {
  return { ...payload, type: request.type };
}

/** From a content script or one of our pages to the background. */
export async function askBackground<C extends AnyRequest>(request: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
  return parseReply(request, await browser.runtime.sendMessage(messageOf(request, payload)));
}

/** From the background or one of our pages to our content script in a tab (its top frame unless told). */
export async function askContent<C extends AnyRequest>(
  request: C,
  tabId: number,
  payload: PayloadOf<C>,
  frames: { frameId: number } | 'all-frames' = { frameId: 0 },
): Promise<ReplyOf<C>> {
  const message = messageOf(request, payload);
  const raw = await (frames === 'all-frames' ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, frames));
  return parseReply(request, raw);
}

/** From the background to the OCR host in Chrome's offscreen document. */
export async function askOcrHost<C extends AnyRequest>(request: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
  return parseReply(request, await browser.runtime.sendMessage(messageOf(request, payload)));
}
