/**
 * Watches for content added or changed after the first scan (feeds, lazy ads, a text node's data
 * rewritten, a class, style, `hidden` or `open` change that shows a hidden section) and for
 * in-page navigation, calling back with only the nodes concerned, each once, coalesced: one scan at a time, and what
 * arrives meanwhile waits for the next. A page that keeps the scanner busy more than a tenth
 * of the time, or that adds nodes faster than FLOOD_PER_SECOND, gets scanned less often (the
 * delay doubles up to MAX_DELAY_MS), not chased; it comes back when the page calms down.
 */
export interface ObserveCallbacks {
  /** scans the nodes (added, or changed in place); may resolve to the main-thread milliseconds that took */
  onAdded(nodes: Node[]): void | Promise<number | void>;
  /**
   * scanning of changes was slowed down for a while (true: the delay reached THROTTLED_FROM_MS)
   * or is back to normal (false: the delay is DEBOUNCE_MS again)
   */
  onThrottled?(throttled: boolean): void;
  /** the URL changed without a new document (pushState, popstate), or bfcache restored it */
  onNavigated(): void;
  /** nodes that are ours and must not trigger a scan */
  isOwnUi?(node: Node): boolean;
  /** a stylesheet was added or rewritten: what it hid may show now (and the other way round) */
  onStyleChanged?(): void;
}

const isStyleNode = (node: Node | null): boolean => node?.nodeName === 'STYLE' || node?.nodeName === 'LINK' || node?.nodeName === 'style' || node?.nodeName === 'link';

const DEBOUNCE_MS = 400;
const MAX_DELAY_MS = 8_000;
const MAX_PENDING = 2000;
/** share of wall time the scanner may take on a page that keeps changing */
const BUSY_SHARE = 0.1;
/**
 * added nodes a second that no reader follows (a feed page adds a few cards a second at most);
 * a page past this is chased by nobody, so neither by us
 */
const FLOOD_PER_SECOND = 200;
/** attribute changes that can show or hide text without adding an element */
const SHOWING_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];
/** two doublings in a row: one alone is a burst (a view rendering), not a page that never stops */
const THROTTLED_FROM_MS = 4 * DEBOUNCE_MS;
/** this long without any change and the page is calm: back to normal at once */
const CALM_MS = 2_000;

export function observePage(doc: Document, signal: AbortSignal, callbacks: ObserveCallbacks): void {
  const win = doc.defaultView;
  // a set: an element restyled every frame is scanned once per flush, not once per change
  let pending = new Set<Node>();
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // hash changes count too: the background starts a tab over on every 'loading' it sees
  const currentUrl = () => doc.location?.href;
  let lastUrl = currentUrl();

  let delay = DEBOUNCE_MS;
  let throttled = false;
  let scanning = false;
  let lastFlushAt = performance.now();
  /** nodes added since the last flush began, including those past MAX_PENDING */
  let arrived = 0;
  let calmTimer: ReturnType<typeof setTimeout> | undefined;

  const setDelay = (next: number) => {
    delay = next;
    const nowThrottled = throttled ? delay > DEBOUNCE_MS : delay >= THROTTLED_FROM_MS;
    if (nowThrottled === throttled) return;
    throttled = nowThrottled;
    callbacks.onThrottled?.(throttled);
  };

  /** Doubles the delay while scanning is costly or the page floods us with nodes, halves it when calm. */
  const adapt = (busyMs: number, sinceLastFlush: number, added: number) => {
    const perSecond = (added * 1000) / Math.max(sinceLastFlush, 1);
    if (busyMs > BUSY_SHARE * sinceLastFlush || perSecond > FLOOD_PER_SECOND) setDelay(Math.min(MAX_DELAY_MS, delay * 2));
    else if (busyMs < (BUSY_SHARE / 2) * sinceLastFlush && perSecond < FLOOD_PER_SECOND / 2) setDelay(Math.max(DEBOUNCE_MS, delay / 2));
  };

  /** Once nothing has changed for CALM_MS, scanning goes back to normal without waiting for a flush. */
  const watchForCalm = () => {
    if (calmTimer !== undefined) clearTimeout(calmTimer);
    calmTimer = undefined;
    if (delay === DEBOUNCE_MS || signal.aborted) return;
    calmTimer = setTimeout(() => {
      calmTimer = undefined;
      if (timer === undefined && !scanning && pending.size === 0 && !overflow) setDelay(DEBOUNCE_MS);
    }, CALM_MS);
  };

  const flush = () => {
    timer = undefined;
    if (checkUrl()) return;
    const nodes = overflow ? [doc.body ?? doc.documentElement] : [...pending];
    pending = new Set();
    overflow = false;
    const startedAt = performance.now();
    const sinceLastFlush = startedAt - lastFlushAt;
    const added = arrived;
    lastFlushAt = startedAt;
    arrived = 0;
    const live = nodes.filter((n): n is Node => !!n && n.isConnected);
    if (live.length === 0) {
      // nodes that came and went still count: a page churning them is not calm
      adapt(0, sinceLastFlush, added);
      watchForCalm();
      return;
    }
    scanning = true;
    void Promise.resolve(callbacks.onAdded(live))
      .then((busyMs) => adapt(typeof busyMs === 'number' ? busyMs : performance.now() - startedAt, sinceLastFlush, added))
      .catch(() => undefined)
      .finally(() => {
        scanning = false;
        // what arrived during the scan waits for the next turn
        if (pending.size > 0 || overflow) schedule();
        else watchForCalm();
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
    pending = new Set();
    overflow = false;
    callbacks.onNavigated();
    return true;
  };

  const add = (node: Node) => {
    if (callbacks.isOwnUi?.(node) || pending.has(node)) return;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) return;
    arrived += 1;
    if (pending.size >= MAX_PENDING) overflow = true;
    else pending.add(node);
  };
  const observer = new MutationObserver((records) => {
    let restyled = false;
    for (const record of records) {
      restyled ||= isStyleNode(record.target) || isStyleNode(record.target.parentNode) || Array.from(record.addedNodes).some(isStyleNode);
      if (record.type === 'childList') record.addedNodes.forEach(add);
      // text rewritten in place, or a section shown by a class, style, hidden or open change
      else add(record.target);
    }
    if (restyled) callbacks.onStyleChanged?.();
    if (calmTimer !== undefined) clearTimeout(calmTimer);
    calmTimer = undefined;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: SHOWING_ATTRIBUTES });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    if (calmTimer !== undefined) clearTimeout(calmTimer);
  });

  const onHistory = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!checkUrl() && (pending.size > 0 || overflow)) schedule();
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
