/**
 * The machinery of the message contract (the contract itself is messages.ts): a request is
 * defined once with its reply and the kind of sender it may come from; each receiving context
 * routes with `routeRequest`, which checks the sender from fields the browser stamps on it and
 * parses the message; each sender asks with ask.ts, which parses the reply. In the spirit of
 * Bitwarden's `defineContentRequest<Req, Res>`.
 */
import type { Runtime } from 'webextension-polyfill';
import type { z } from './zod';
import { lazySchema } from '../engine/lazy-schema';

/**
 * Who may send a request, judged from `sender` (id, url, tab, frameId), never from the payload:
 * - `content`: a content script of ours in a web page (any frame);
 * - `top-frame`: the same, in the tab's top frame;
 * - `extension-page`: our popup, options or details page (in a tab, that tab shows our page);
 * - `extension`: our background or one of our pages, i.e. anything of ours but a content script;
 * - `background`: our background, the only client of the OCR host.
 */
export type SenderKind = 'content' | 'top-frame' | 'extension-page' | 'extension' | 'background';

export interface Request<T extends string = string, M extends { type: T } = { type: T }, R = unknown, F extends SenderKind = SenderKind> {
  readonly type: T;
  readonly from: F;
  readonly message: z.ZodMiniType<M>;
  readonly reply: z.ZodMiniType<R>;
}

/** every request is one of these: zod's schema types are covariant in what they parse to */
export type AnyRequest = Request<string, { type: string }, unknown, SenderKind>;
export type MessageOf<C extends AnyRequest> = C extends Request<string, infer M, unknown> ? M : never;
export type ReplyOf<C extends AnyRequest> = C extends Request<string, { type: string }, infer R> ? R : never;
/** what a sender passes to ask(): the message without its type, which the request adds */
export type PayloadOf<C extends AnyRequest> = Omit<MessageOf<C>, 'type'>;

/**
 * One request: its type, who may send it, the message schema and the reply schema. The schemas
 * are built on first use (lazySchema), so a bundle carries and builds only those it touches.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineRequest<T extends string, M extends { type: T }, R, F extends SenderKind>(
  type: T,
  from: F,
  message: () => z.ZodMiniType<M>,
  reply: () => z.ZodMiniType<R>,
): Request<T, M, R, F> {
  return { type, from, message: lazySchema(message), reply: lazySchema(reply) };
}

export interface SelfIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with the trailing slash */
  origin: string;
}

/** What a handler learns about the sender: for content senders, from the browser's stamp. */
export interface SenderInfo {
  tabId?: number;
  frameId?: number;
  /** the sending frame's URL */
  url?: string;
  tabIndex?: number;
  windowId?: number;
}

/** a content script's sender always has these */
export interface ContentSenderInfo extends SenderInfo {
  tabId: number;
  frameId: number;
}

const onOrigin = (url: string | undefined, origin: string): boolean =>
  typeof url === 'string' && origin.endsWith('/') && url.startsWith(origin);

const isPage = (url: string): boolean => new URL(url).pathname.endsWith('.html');

/** One of our own pages (popup, options, details tab), not a content script nor the worker. */
export function isExtensionPage(sender: Runtime.MessageSender, self: SelfIdentity): boolean {
  if (!onOrigin(sender.url, self.origin) || !isPage(sender.url as string)) return false;
  // a page of ours in a tab: that tab must show our page (a tab URL we cannot see is fine)
  const tabUrl = sender.tab?.url;
  return tabUrl === undefined || onOrigin(tabUrl, self.origin);
}

/** Our background: on our origin, in no tab, and a script rather than a page. */
function isBackground(sender: Runtime.MessageSender, self: SelfIdentity): boolean {
  return sender.tab === undefined && onOrigin(sender.url, self.origin) && !isPage(sender.url as string);
}

function contentSender(sender: Runtime.MessageSender, self: SelfIdentity): ContentSenderInfo | undefined {
  const tab = sender.tab;
  if (tab?.id === undefined || tab.id < 0 || sender.frameId === undefined || sender.frameId < 0) return undefined;
  if (onOrigin(sender.url, self.origin)) return undefined;
  return {
    tabId: tab.id,
    frameId: sender.frameId,
    ...(sender.url === undefined ? {} : { url: sender.url }),
    tabIndex: tab.index,
    ...(tab.windowId === undefined ? {} : { windowId: tab.windowId }),
  };
}

/** The sender's information when it is of `kind`, else undefined. */
export function senderOf(kind: SenderKind, sender: Runtime.MessageSender, self: SelfIdentity): SenderInfo | undefined {
  if (typeof sender.id !== 'string' || sender.id !== self.id) return undefined;
  switch (kind) {
    case 'content':
      return contentSender(sender, self);
    case 'top-frame': {
      const from = contentSender(sender, self);
      return from?.frameId === 0 ? from : undefined;
    }
    case 'extension-page':
      return isExtensionPage(sender, self) ? {} : undefined;
    case 'extension':
      return isExtensionPage(sender, self) || isBackground(sender, self) ? {} : undefined;
    case 'background':
      return isBackground(sender, self) ? {} : undefined;
  }
}

type FromOf<C extends AnyRequest> = C['from'] extends 'content' | 'top-frame' ? ContentSenderInfo : SenderInfo;

/** One handler per request a context receives; the compiler asks for a handler for each. */
export type Handlers<L extends readonly AnyRequest[]> = {
  [C in L[number] as C['type']]: (message: MessageOf<C>, from: FromOf<C>) => ReplyOf<C> | Promise<ReplyOf<C>>;
};

/**
 * Routes one incoming message to its handler; undefined means "not ours to answer": another
 * extension's message, a type this context does not receive, a message that does not parse, or
 * a sender of the wrong kind. A promise is returned, as webextension-polyfill expects.
 */
export function routeRequest<L extends readonly AnyRequest[]>(
  requests: L,
  handlers: Handlers<L>,
  raw: unknown,
  sender: Runtime.MessageSender,
  self: SelfIdentity,
): Promise<unknown> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const type = (raw as { type?: unknown }).type;
  const request = requests.find((r) => r.type === type);
  if (!request) return undefined;
  const from = senderOf(request.from, sender, self);
  if (!from) return undefined;
  const parsed = request.message.safeParse(raw);
  if (!parsed.success) return undefined;
  const handler = (handlers as Record<string, (message: unknown, from: SenderInfo) => unknown>)[request.type];
  if (!handler) return undefined;
  return Promise.resolve(handler(parsed.data, from));
}
