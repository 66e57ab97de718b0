/**
 * The one overlay fcs-guard draws over a page: a host in the top layer that covers the
 * viewport without taking a click, holding, in a closed shadow root, the banner and the
 * outlines of the flagged blocks. Fixed to the viewport and clipped by it, it never changes
 * the page's layout or scroll size; what is inside is placed in viewport coordinates and
 * placed again whenever the page scrolls, resizes or reflows, so the outlines stay on their
 * blocks and the banner stays off them (placement.ts).
 *
 * While the banner shows, the overlay is guarded (guard.ts): tampering is undone a bounded
 * number of times and reported once per kind.
 *
 * Why this file is long: the banner and the outlines share one host, one guard and one round of
 * layout (every box read, then every box written), so they are placed together here.
 */
import { followLayout, type LayoutFollower } from './follow-layout';
import { OverlayGuard, type TamperKind } from './guard';
import { applyHostStyle, createOwnHost, raiseToTopLayer, setPanelShowing, type OwnHost } from './own-host';
import { pointTowards, showPointer } from './pointer';
import { GAP, placeBanner, union, type Box, type Side } from './placement';
import { OVERLAY_CSS, OVERLAY_HOST_STYLE } from './styles';

/** outlines drawn at most; the details view lists every block */
const MAX_OUTLINES = 30;
/** the outline stands this far outside its block */
const OUTLINE_OFFSET = 4;
const PANEL_WIDTH = 720;
const PANEL_WIDTH_LARGE = 860;
const MIN_SIDE_WIDTH = 300;
/** forms of the page the banner keeps off, besides the flagged blocks */
const MAX_FORMS = 5;
/** covering the field the reader types in is this much worse than covering the ad */
const FOCUSED_WEIGHT = 20;
const isField = (el: Element) => el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select' || (el as HTMLElement).isContentEditable;

export class PageOverlay {
  private own: OwnHost | undefined;
  private outlineLayer: HTMLElement | undefined;
  private panel: HTMLElement | undefined;
  private large = false;
  private flagged: Element[] = [];
  private outlines: HTMLElement[] = [];
  private side: Side | undefined;
  private heights = new Map<number, number>();
  private measuredIn = 0;
  private concealed = false;
  private layout: { follower: LayoutFollower; stop: AbortController } | undefined;
  private guard: OverlayGuard | undefined;
  private readonly checks = new Set<() => void>();
  onTamper: (kind: TamperKind) => void = () => undefined;

  constructor(private readonly doc: Document) {}

  /** the banner's box on the page, or undefined when it does not show */
  get panelElement(): HTMLElement | undefined {
    return this.panel;
  }

  /** how many times the overlay was put back on this page */
  get restorations(): number {
    return this.guard?.restored ?? 0;
  }

  /** the overlay's host, while it is in the page */
  get hostElement(): HTMLElement | undefined {
    return this.own?.host;
  }

  /** Shows `panel` as the banner (replacing the one showing), guarded. */
  showPanel(panel: HTMLElement, large: boolean): void {
    const { root } = this.attach();
    if (this.panel) setPanelShowing(this.panel, false);
    if (panel !== this.panel) {
      // what the reader opens inside it ("not a scam", 更多说明) changes its height: measured and placed again
      const remeasure = () => {
        this.heights.clear();
        this.layout?.follower.schedule();
      };
      panel.addEventListener('click', remeasure);
      panel.addEventListener('toggle', remeasure, { capture: true });
    }
    this.panel?.remove();
    this.panel = panel;
    this.large = large;
    this.heights.clear();
    panel.classList.add('panel');
    root.append(panel);
    setPanelShowing(panel, true);
    this.place();
    this.ensureGuard().start();
  }

  hidePanel(): void {
    this.guard?.stop();
    if (this.panel) setPanelShowing(this.panel, false);
    this.panel?.remove();
    this.panel = undefined;
    this.side = undefined;
    this.detachWhenEmpty();
  }

  /** Outlines `elements` (the flagged blocks); the banner keeps off them. */
  setFlagged(elements: readonly Element[]): void {
    this.flagged = elements.slice(0, MAX_OUTLINES);
    this.layout?.follower.unobserveAll();
    if (this.flagged.length === 0) {
      for (const outline of this.outlines) outline.remove();
      this.outlines = [];
      this.place();
      this.detachWhenEmpty();
      return;
    }
    const { root } = this.attach();
    const layer = this.outlineLayer ?? root.ownerDocument.createElement('div');
    if (!this.outlineLayer) {
      layer.setAttribute('aria-hidden', 'true');
      root.prepend(layer);
      this.outlineLayer = layer;
    }
    while (this.outlines.length < this.flagged.length) {
      const outline = this.doc.createElement('div');
      outline.className = 'outline';
      layer.append(outline);
      this.outlines.push(outline);
    }
    for (const outline of this.outlines.splice(this.flagged.length)) outline.remove();
    for (const element of this.flagged) this.layout?.follower.observe(element);
    this.place();
  }

  /** the flagged blocks outlined now */
  get flaggedElements(): readonly Element[] {
    return this.flagged;
  }

  /** Runs `check` with each round of the guard's checks (keeping the highlights). */
  addCheck(check: () => void): void {
    this.checks.add(check);
  }

  /** Hides everything of ours without taking it away (a screenshot for the evidence), or shows it again. */
  conceal(concealed: boolean): void {
    if (this.concealed === concealed) return;
    this.concealed = concealed;
    if (!this.own) return;
    const host = this.own.host;
    const apply = () => applyHostStyle(host, this.hostStyle());
    if (this.guard) this.guard.ownChange(apply);
    else apply();
    if (concealed) this.guard?.stop();
    else if (this.panel) this.ensureGuard().start();
  }

  /** Takes the overlay off the page for good (the content script is going away, or the user allowed the page). */
  dispose(): void {
    this.guard?.stop();
    this.guard = undefined;
    this.flagged = [];
    this.outlines = [];
    this.outlineLayer = undefined;
    if (this.panel) setPanelShowing(this.panel, false);
    this.panel = undefined;
    this.layout?.stop.abort();
    this.layout = undefined;
    this.own?.host.remove();
    this.own = undefined;
  }

  /** Places the banner and the outlines again now (also each round of the guard's checks). */
  place(): void {
    const own = this.own;
    if (!own || !own.host.isConnected) return;
    const frame = own.host.getBoundingClientRect();
    const viewport = { width: frame.width, height: frame.height };
    // not laid out (no layout engine, or the page hid the document): nothing to measure
    if (viewport.width === 0 || viewport.height === 0) return;
    // the banner's heights were measured at widths of another viewport
    if (viewport.width !== this.measuredIn) this.heights.clear();
    this.measuredIn = viewport.width;
    // every read first, then every write: one layout of the page, not one per block
    const rects = this.flagged.map((element) => (element.isConnected ? boxOf(element.getBoundingClientRect(), frame) : undefined));
    // the page's forms too: on an ad's page they are the ad's (its 留资 form), and a reader filling one in must see it
    const forms = this.panel ? [...this.doc.forms].slice(0, MAX_FORMS).map((form) => boxOf(form.getBoundingClientRect(), frame)) : [];
    // above all, the field the reader is typing in
    const active = this.doc.activeElement;
    const typing = this.panel && active && active !== this.doc.body && isField(active) ? [{ ...boxOf(active.getBoundingClientRect(), frame), weight: FOCUSED_WEIGHT }] : [];
    const blocks: Box[] = [];
    rects.forEach((rect, i) => {
      const outline = this.outlines[i];
      const shown = rect !== undefined && (rect.width > 0 || rect.height > 0);
      if (outline) outline.hidden = !shown;
      if (!shown || !outline) return;
      const box = {
        left: rect.left - OUTLINE_OFFSET,
        top: rect.top - OUTLINE_OFFSET,
        width: rect.width + 2 * OUTLINE_OFFSET,
        height: rect.height + 2 * OUTLINE_OFFSET,
      };
      outline.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
      blocks.push(box);
    });
    const panel = this.panel;
    if (!panel) return;
    const around = union(blocks);
    // the pointer line is part of the banner's height: shown or hidden before it is measured
    if (showPointer(panel, around)) this.heights.clear();
    const placement = placeBanner({
      viewport,
      blocks: [...blocks, ...forms.filter((f) => f.width > 0 && f.height > 0), ...typing],
      maxWidth: this.large ? PANEL_WIDTH_LARGE : PANEL_WIDTH,
      minSideWidth: MIN_SIDE_WIDTH,
      heightAt: (width) => this.heightAt(panel, width),
      keep: this.side,
    });
    this.side = placement.side;
    panel.dataset.side = placement.side;
    panel.style.cssText = `left:${placement.left}px;top:${placement.top}px;width:${placement.width}px;max-height:${Math.max(placement.height, 2 * GAP)}px`;
    pointTowards(panel, placement, around, viewport);
  }

  /** Points of the banner the reader must see (for the guard's hit test); none while it cannot be measured. */
  samplePoints(): { x: number; y: number }[] {
    const panel = this.panel;
    if (!panel || this.concealed) return [];
    const box = panel.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return [];
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    const inset = Math.min(16, box.width / 4, box.height / 4);
    const points = [
      { x: box.left + inset, y: box.top + inset },
      { x: box.left + box.width / 2, y: box.top + box.height / 2 },
      { x: box.right - inset, y: box.bottom - inset },
    ];
    return points.filter((p) => p.x >= 0 && p.y >= 0 && p.x < width && p.y < height);
  }

  private heightAt(panel: HTMLElement, width: number): number {
    const rounded = Math.round(width);
    let height = this.heights.get(rounded);
    if (height === undefined) {
      panel.style.cssText = `left:0;top:0;width:${rounded}px;max-height:none;visibility:hidden`;
      height = panel.getBoundingClientRect().height;
      this.heights.set(rounded, height);
    }
    return height;
  }

  private hostStyle(): Record<string, string> {
    return this.concealed ? { ...OVERLAY_HOST_STYLE, visibility: 'hidden' } : OVERLAY_HOST_STYLE;
  }

  private attach(): OwnHost {
    if (this.own) return this.own;
    const own = createOwnHost(this.doc, OVERLAY_CSS);
    this.own = own;
    applyHostStyle(own.host, this.hostStyle());
    this.doc.documentElement.append(own.host);
    raiseToTopLayer(own.host);
    const stop = new AbortController();
    const follower = followLayout(this.doc, stop.signal, () => this.place());
    this.layout = { follower, stop };
    return own;
  }

  private ensureGuard(): OverlayGuard {
    const own = this.attach();
    this.guard ??= new OverlayGuard(
      {
        doc: this.doc,
        host: own.host,
        restore: () => {
          const host = own.host;
          if (host.parentNode !== this.doc.documentElement) this.doc.documentElement.append(host);
          for (const name of host.getAttributeNames()) if (name !== 'style' && name !== 'popover') host.removeAttribute(name);
          applyHostStyle(host, this.hostStyle());
          raiseToTopLayer(host, true);
          this.place();
        },
        samplePoints: () => this.samplePoints(),
        onCheck: () => {
          for (const check of this.checks) check();
          // a web font that arrived since may have changed the banner's heights
          this.heights.clear();
          this.place();
        },
      },
      (kind) => this.onTamper(kind),
    );
    return this.guard;
  }

  private detachWhenEmpty(): void {
    if (this.panel || this.flagged.length > 0) return;
    this.dispose();
  }
}

const boxOf = (rect: DOMRect, frame: DOMRect): Box => ({ left: rect.left - frame.left, top: rect.top - frame.top, width: rect.width, height: rect.height });

const overlays = new WeakMap<Document, PageOverlay>();

/** The overlay of `doc` (made on first use; it shows nothing until given a banner or blocks). */
export function overlayOf(doc: Document): PageOverlay {
  let overlay = overlays.get(doc);
  if (!overlay) {
    overlay = new PageOverlay(doc);
    overlays.set(doc, overlay);
  }
  return overlay;
}

