/**
 * Watches for content added after the first scan (feeds, lazy ads) and for in-page
 * navigation, calling back with only the new nodes, coalesced: one scan at a time, and what
 * arrives meanwhile waits for the next. A page that keeps the scanner busy more than a tenth
 * of the time gets scanned less often (the delay doubles up to MAX_DELAY_MS), not chased.
 */
export interface ObserveCallbacks {
  /** scans the nodes; may resolve to the main-thread milliseconds that took */
  onAdded(nodes: Node[]): void | Promise<number | void>;
  /** scanning of changes was slowed down (true) or is back to normal (false) */
  onThrottled?(throttled: boolean): void;
  /** the URL changed without a new document (pushState, popstate), or bfcache restored it */
  onNavigated(): void;
  /** nodes that are ours and must not trigger a scan */
  isOwnUi?(node: Node): boolean;
}

const DEBOUNCE_MS = 400;
const MAX_DELAY_MS = 8_000;
const MAX_PENDING = 2000;
/** share of wall time the scanner may take on a page that keeps changing */
const BUSY_SHARE = 0.1;

export function observePage(doc: Document, signal: AbortSignal, callbacks: ObserveCallbacks): void {
  const win = doc.defaultView;
  let pending: Node[] = [];
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // hash changes count too: the background starts a tab over on every 'loading' it sees
  const currentUrl = () => doc.location?.href;
  let lastUrl = currentUrl();

  let delay = DEBOUNCE_MS;
  let scanning = false;
  let lastFlushAt = 0;

  /** Doubles the delay while scanning costs more than BUSY_SHARE of the time, halves it when calm. */
  const adapt = (busyMs: number, sinceLastFlush: number) => {
    const before = delay;
    if (busyMs > BUSY_SHARE * sinceLastFlush) delay = Math.min(MAX_DELAY_MS, delay * 2);
    else if (busyMs < (BUSY_SHARE / 2) * sinceLastFlush) delay = Math.max(DEBOUNCE_MS, delay / 2);
    if ((before > DEBOUNCE_MS) !== (delay > DEBOUNCE_MS)) callbacks.onThrottled?.(delay > DEBOUNCE_MS);
  };

  const flush = () => {
    timer = undefined;
    if (checkUrl()) return;
    const nodes = overflow ? [doc.body ?? doc.documentElement] : pending;
    pending = [];
    overflow = false;
    const live = nodes.filter((n): n is Node => !!n && n.isConnected);
    if (live.length === 0) return;
    const startedAt = performance.now();
    const sinceLastFlush = lastFlushAt === 0 ? delay : startedAt - lastFlushAt;
    lastFlushAt = startedAt;
    scanning = true;
    void Promise.resolve(callbacks.onAdded(live))
      .then((busyMs) => adapt(typeof busyMs === 'number' ? busyMs : performance.now() - startedAt, sinceLastFlush))
      .catch(() => undefined)
      .finally(() => {
        scanning = false;
        // what arrived during the scan waits for the next turn
        if (pending.length > 0 || overflow) schedule();
      });
  };

  const schedule = () => {
    if (timer === undefined && !scanning && !signal.aborted) timer = setTimeout(flush, delay);
  };

  /** SPA routers change the URL without events we can see from the isolated world; compare. */
  const checkUrl = (): boolean => {
    const url = currentUrl();
    if (url === lastUrl) return false;
    lastUrl = url;
    pending = [];
    overflow = false;
    callbacks.onNavigated();
    return true;
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (callbacks.isOwnUi?.(node)) continue;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (pending.length >= MAX_PENDING) overflow = true;
        else pending.push(node);
      }
    }
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  const onHistory = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!checkUrl() && (pending.length > 0 || overflow)) schedule();
    }, DEBOUNCE_MS);
  };
  win?.addEventListener('popstate', onHistory, { signal });
  win?.addEventListener('hashchange', onHistory, { signal });
  // back/forward cache: the document comes back without our script running again
  win?.addEventListener('pageshow', (event) => event.persisted && callbacks.onNavigated(), { signal });
  // The Navigation API sees pushState from the page world too, where the browser has it.
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('navigatesuccess', onHistory, { signal });
}
