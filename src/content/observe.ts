/**
 * Watches for content added after the first scan (feeds, lazy ads) and for in-page
 * navigation, calling back with only the new nodes, debounced.
 */
export interface ObserveCallbacks {
  onAdded(nodes: Node[]): void;
  /** the URL changed without a new document (pushState, popstate), or bfcache restored it */
  onNavigated(): void;
  /** nodes that are ours and must not trigger a scan */
  isOwnUi?(node: Node): boolean;
}

const DEBOUNCE_MS = 400;
const MAX_PENDING = 2000;

export function observePage(doc: Document, signal: AbortSignal, callbacks: ObserveCallbacks): void {
  const win = doc.defaultView;
  let pending: Node[] = [];
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // hash changes count too: the background starts a tab over on every 'loading' it sees
  const currentUrl = () => doc.location?.href;
  let lastUrl = currentUrl();

  const flush = () => {
    timer = undefined;
    if (checkUrl()) return;
    const nodes = overflow ? [doc.body ?? doc.documentElement] : pending;
    pending = [];
    overflow = false;
    const live = nodes.filter((n): n is Node => !!n && n.isConnected);
    if (live.length > 0) callbacks.onAdded(live);
  };

  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(flush, DEBOUNCE_MS);
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
      checkUrl();
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
