/**
 * Keeps the banner showing on a page that fights it. A scam page can see our host element (it
 * is in its DOM) and may remove it, restyle it, empty its shadow root or close its popover.
 * Each of those is undone, at most MAX_RESTORATIONS times per page, so a page that keeps
 * fighting gets a bounded number of repairs, never a loop that hangs the tab.
 *
 * The banner sits in the top layer (`popover="manual"`, where the browser has it), above any
 * z-index the page can set; its host carries `all: initial` and its own values as inline
 * `!important` styles, which beat every `!important` rule in the page's stylesheets.
 */

export const MAX_RESTORATIONS = 3;

/** Attributes the host keeps; any other attribute on it was put there by the page. */
const OWN_ATTRIBUTES = new Set(['style', 'popover']);

interface Guard {
  host: HTMLElement;
  /** re-shows the banner as it was last shown, on `host` or a fresh host */
  reshow: () => void;
  observers: MutationObserver[];
  events: AbortController;
}

interface PageState {
  restorations: number;
  guard?: Guard;
}

const pages = new WeakMap<Document, PageState>();

/** Shadow roots where the user is acting right now: what changes in them then is our own UI. */
const userActing = new WeakSet<ShadowRoot>();

const INPUT_EVENTS = [
  'click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'input', 'change', 'submit',
] as const;

/**
 * The shadow root is open, so page scripts can reach our buttons and `click()` them ("not a
 * scam, always", dismiss). Events the browser marks as not from the user (`isTrusted` false)
 * are stopped before any of our handlers see them. Call once per shadow root.
 */
export function acceptOnlyUserInput(root: ShadowRoot): void {
  const win = root.ownerDocument.defaultView;
  for (const type of INPUT_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted === false) {
          event.stopImmediatePropagation();
          event.preventDefault();
          return;
        }
        // our handlers may now change the banner (open the "not a scam" choices); let them
        userActing.add(root);
        (win ?? globalThis).setTimeout(() => userActing.delete(root), 0);
      },
      { capture: true },
    );
  }
}

/** Puts the host into the top layer, where no page overlay or z-index reaches over it. */
export function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // an older engine without :popover-open, or a host the page moved into a hidden subtree:
    // the inline z-index still holds
  }
}

/** Removes what the page added to the host, so only our attributes remain. */
function cleanHost(host: HTMLElement, bannerAttribute: string): void {
  for (const name of host.getAttributeNames()) {
    if (!OWN_ATTRIBUTES.has(name) && name !== bannerAttribute) host.removeAttribute(name);
  }
}

function disconnect(guard: Guard): void {
  for (const observer of guard.observers) observer.disconnect();
  guard.events.abort();
}

/** Stops guarding: the user dismissed the banner, or the content script is going away. */
export function stopGuarding(doc: Document): void {
  const state = pages.get(doc);
  if (state?.guard) disconnect(state.guard);
  pages.delete(doc);
}

/** How many times the banner was put back on this page (for tests). */
export function restorationsOf(doc: Document): number {
  return pages.get(doc)?.restorations ?? 0;
}

/**
 * Watches the banner `host` just shown (or updated) in `doc`. Call after every show: it
 * re-arms on the current host and keeps the page's repair count.
 */
export function keepShowing(doc: Document, host: HTMLElement, bannerAttribute: string, reshow: () => void): void {
  const state = pages.get(doc) ?? { restorations: 0 };
  pages.set(doc, state);
  if (state.guard) disconnect(state.guard);
  raiseToTopLayer(host);
  if (state.restorations >= MAX_RESTORATIONS) {
    state.guard = undefined;
    return;
  }

  const guard: Guard = { host, reshow, observers: [], events: new AbortController() };
  state.guard = guard;

  const tampered = () => {
    if (state.guard !== guard) return;
    disconnect(guard);
    state.guard = undefined;
    state.restorations += 1;
    if (!host.isConnected || host.parentNode !== doc.documentElement) {
      doc.documentElement?.append(host);
    }
    cleanHost(host, bannerAttribute);
    // reshow re-applies the host's styles, re-renders the shadow root and calls keepShowing
    guard.reshow();
  };

  const win = doc.defaultView;
  const Observer = win?.MutationObserver ?? MutationObserver;
  const watch = (target: Node, options: MutationObserverInit, isTamper: (records: MutationRecord[]) => boolean) => {
    const observer = new Observer((records) => {
      if (isTamper(records)) tampered();
    });
    observer.observe(target, options);
    guard.observers.push(observer);
  };

  // removed from <html>, or <html> itself replaced
  const detached = () => host.parentNode !== doc.documentElement;
  watch(doc, { childList: true }, detached);
  if (doc.documentElement) watch(doc.documentElement, { childList: true }, detached);
  // restyled, hidden, made inert, its level attribute rewritten
  watch(host, { attributes: true }, () => true);
  // its content emptied or rewritten through the open shadow root
  const root = host.shadowRoot;
  if (root) watch(root, { childList: true, subtree: true, attributes: true, characterData: true }, () => !userActing.has(root));
  // hidePopover() changes no attribute; the toggle event tells
  host.addEventListener(
    'toggle',
    () => {
      if (host.isConnected && typeof host.showPopover === 'function' && !host.matches(':popover-open')) tampered();
    },
    { signal: guard.events.signal },
  );
}
