/**
 * Calls `update` once per frame after anything that can move what our boxes are placed by:
 * a scroll of the page or of any scrolling element in it, a resize of the window, a change of
 * size of the document or of the elements we point at (reflow), focus moving to another field.
 * Nothing runs while nothing moves.
 */
export interface LayoutFollower {
  /** also follow changes of size of `element` */
  observe(element: Element): void;
  /** stop following the elements added with `observe` (the document is still followed) */
  unobserveAll(): void;
  /** run `update` in the next frame */
  schedule(): void;
}

export function followLayout(doc: Document, signal: AbortSignal, update: () => void): LayoutFollower {
  const view = doc.defaultView;
  let frame = 0;
  const schedule = () => {
    if (frame || signal.aborted || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) update();
    });
  };
  const options = { capture: true, passive: true, signal };
  // scroll events of inner scrollers do not bubble; the capture phase sees them all
  doc.addEventListener('scroll', schedule, options);
  view?.addEventListener('resize', schedule, options);
  // the reader moved to another field: what to keep clear has changed
  doc.addEventListener('focusin', schedule, options);
  const Observer = view?.ResizeObserver ?? globalThis.ResizeObserver;
  const sizes = Observer ? new Observer(schedule) : undefined;
  const watched = new Set<Element>();
  if (doc.documentElement) sizes?.observe(doc.documentElement);
  signal.addEventListener('abort', () => {
    sizes?.disconnect();
    if (frame) view?.cancelAnimationFrame(frame);
  });
  return {
    observe(element) {
      if (watched.has(element) || signal.aborted) return;
      watched.add(element);
      sizes?.observe(element);
    },
    unobserveAll() {
      for (const element of watched) sizes?.unobserve(element);
      watched.clear();
    },
    schedule,
  };
}
