/**
 * Keeps the warning in front of the reader on a page that fights it. The page cannot reach
 * into the overlay (closed shadow root) nor out-style its host (inline `!important`), but it
 * can see the host in its DOM and remove it, edit its attributes, close its popover, or open
 * a dialog or popover of its own above it. Removal, restyling and hiding are undone, at most
 * MAX_RESTORATIONS times per page, never in a loop, and each kind is reported once
 * (`onTamper`), so the extension can warn where the page cannot reach.
 *
 * Covering is subtler: a page's own dialog or popover opened after the banner (a cookie notice,
 * a picture the reader clicked) lands above it innocently. The banner is then raised above it
 * again, quietly. A page that covers it again right after that, without the reader having
 * clicked anything, is fighting it: that is tampering. What went into the top layer is known
 * from the page's events (toggle, a dialog's `open`, full screen) and, for what a page hides
 * from those (inside a shadow root of its own), from hit-testing the banner's box once a second.
 */
import type { TamperKind } from '../../shared/messages';

export const MAX_RESTORATIONS = 3;
/** quiet raises above covers that look innocent; then the banner stays where it is */
export const MAX_SILENT_RAISES = 5;
/** a cover this soon after the banner was raised above the last one, with no click of the reader's, is deliberate */
export const RECOVER_MS = 5_000;
const CHECK_EVERY_MS = 1_000;

export type { TamperKind } from '../../shared/messages';

export interface GuardTarget {
  doc: Document;
  host: HTMLElement;
  /** puts the host back under <html> with only its own attributes and styles, raised to the top */
  restore(): void;
  /** points of the banner (viewport coordinates) the reader must be able to see; none while unmeasurable */
  samplePoints(): { x: number; y: number }[];
  /** each round of checks: keep the rest of our marks (highlights, placement) up to date */
  onCheck(): void;
}

export class OverlayGuard {
  private restorations = 0;
  private silentRaises = 0;
  /** when the banner last went to the top of the top layer */
  private lastRaise = 0;
  /** when it last went there because something covered it */
  private lastCoverRaise = 0;
  /** when the page last put something into the top layer */
  private lastTopLayerChange = 0;
  private readonly reported = new Set<TamperKind>();
  private observers: MutationObserver[] = [];
  private events: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly target: GuardTarget,
    private readonly onTamper: (kind: TamperKind) => void,
  ) {}

  /** how many times the overlay was put back on this page (for tests) */
  get restored(): number {
    return this.restorations;
  }

  start(): void {
    if (this.events || this.restorations >= MAX_RESTORATIONS) return;
    const { doc, host } = this.target;
    const view = doc.defaultView;
    this.events = new AbortController();
    const { signal } = this.events;
    const Observer = view?.MutationObserver ?? MutationObserver;
    const watch = (node: Node, options: MutationObserverInit, isTamper: (records: MutationRecord[]) => TamperKind | undefined) => {
      const observer = new Observer((records) => {
        const kind = isTamper(records);
        if (kind) this.tampered(kind);
      });
      observer.observe(node, options);
      this.observers.push(observer);
    };
    const detached = () => (host.parentNode !== doc.documentElement ? 'removed' : undefined);
    watch(doc, { childList: true }, detached);
    if (doc.documentElement) watch(doc.documentElement, { childList: true }, detached);
    // restyled, hidden, made inert, given a class for the page's stylesheet, popover removed
    watch(host, { attributes: true }, () => 'restyled');
    // a dialog the page opens (show/showModal set `open`); popovers it opens say so by toggle events
    watch(doc, { attributes: true, attributeFilter: ['open'], subtree: true }, () => (this.topLayerChanged(), undefined));
    host.addEventListener(
      'toggle',
      () => {
        if (host.isConnected && typeof host.showPopover === 'function' && !host.matches(':popover-open')) this.tampered('hidden');
      },
      { signal },
    );
    const onTopLayer = (event: Event) => {
      if (event.target !== host) this.topLayerChanged();
    };
    doc.addEventListener('toggle', onTopLayer, { capture: true, signal });
    doc.addEventListener('fullscreenchange', onTopLayer, { capture: true, signal });
    this.lastRaise = Date.now();
    this.schedule(CHECK_EVERY_MS);
  }

  stop(): void {
    for (const observer of this.observers) observer.disconnect();
    this.observers = [];
    this.events?.abort();
    this.events = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Runs a change of our own to the host without taking it for the page's. */
  ownChange(change: () => void): void {
    change();
    for (const observer of this.observers) observer.takeRecords();
  }

  /** One round of checks now: is the banner what the reader sees at its place? */
  check(): void {
    if (!this.events) return;
    this.target.onCheck();
    const { doc, host } = this.target;
    // the reader's own full screen (a video) is theirs to leave; the banner waits
    if (doc.fullscreenElement || doc.visibilityState === 'hidden') return;
    const popoverClosed = typeof host.showPopover === 'function' && !host.matches(':popover-open');
    const invisible = typeof host.checkVisibility === 'function' && !host.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    if (popoverClosed || invisible) {
      this.tampered('hidden');
      return;
    }
    if (this.lastTopLayerChange > this.lastRaise || this.hitByOther()) this.covered();
  }

  /**
   * Something else answers a hit test at the banner's place. Not so while a modal dialog is open
   * that the banner was raised above since: a modal dialog makes everything outside it inert, and
   * hit tests pass through inert elements, however visible.
   */
  private hitByOther(): boolean {
    const { doc, host } = this.target;
    const points = this.target.samplePoints();
    if (points.length === 0 || points.every((p) => doc.elementFromPoint(p.x, p.y) === host)) return false;
    return !(this.lastRaise >= this.lastTopLayerChange && hasModalDialog(doc));
  }

  private covered(): void {
    const now = Date.now();
    const userActive = (this.target.doc.defaultView?.navigator as { userActivation?: { isActive?: boolean } } | undefined)?.userActivation?.isActive === true;
    if (this.lastCoverRaise > 0 && now - this.lastCoverRaise < RECOVER_MS && !userActive) {
      this.tampered('covered');
      this.lastCoverRaise = Date.now();
      return;
    }
    if (this.silentRaises >= MAX_SILENT_RAISES) return;
    this.silentRaises += 1;
    this.ownChange(() => this.target.restore());
    this.lastRaise = this.lastCoverRaise = Date.now();
  }

  private topLayerChanged(): void {
    this.lastTopLayerChange = Date.now();
    // what the page opened is laid out in the next frame
    const view = this.target.doc.defaultView;
    view?.requestAnimationFrame(() => view.setTimeout(() => this.check(), 0));
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.events) return;
      this.check();
      if (this.events) this.schedule(CHECK_EVERY_MS);
    }, ms);
  }

  private tampered(kind: TamperKind): void {
    if (!this.events) return;
    if (!this.reported.has(kind)) {
      this.reported.add(kind);
      this.onTamper(kind);
    }
    this.repair();
  }

  /** Puts the overlay back, while repairs are left; then stops watching for good. */
  private repair(): void {
    if (this.restorations >= MAX_RESTORATIONS) {
      this.stop();
      return;
    }
    this.restorations += 1;
    this.ownChange(() => this.target.restore());
    this.lastRaise = Date.now();
    if (this.restorations >= MAX_RESTORATIONS) this.stop();
  }
}

function hasModalDialog(doc: Document): boolean {
  try {
    return doc.querySelector('dialog:modal') !== null;
  } catch {
    // an engine without :modal
    return false;
  }
}
