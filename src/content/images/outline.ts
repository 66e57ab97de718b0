/**
 * Outlines an image whose text carries a lure. The frame is our own element laid over the page
 * (position absolute, no pointer events) just outside the image, so the page's layout and the
 * image itself stay untouched, and a later screenshot crop of the image does not include it.
 */
const OUTLINE_ATTRIBUTE = 'data-fcs-image-outline';
const BORDER = 3;

export function outlineImage(image: HTMLImageElement, label: string, signal: AbortSignal): void {
  const doc = image.ownerDocument;
  const view = doc.defaultView;
  if (!view || signal.aborted) return;
  const existing = outlines.get(image);
  if (existing?.isConnected) return;
  const host = doc.createElement('div');
  host.setAttribute(OUTLINE_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('div');
  frame.title = label;
  shadow.append(frame);
  const place = (): void => {
    const box = image.getBoundingClientRect();
    frame.style.cssText = [
      'position:absolute',
      `left:${box.left + view.scrollX - BORDER - 1}px`,
      `top:${box.top + view.scrollY - BORDER - 1}px`,
      `width:${box.width + 2}px`,
      `height:${box.height + 2}px`,
      `border:${BORDER}px solid #d32f2f`,
      'border-radius:4px',
      'box-shadow:0 0 0 2px #fff',
      'pointer-events:none',
      'z-index:2147483646',
    ].join(';');
  };
  host.style.cssText = 'all:initial;position:absolute;left:0;top:0;width:0;height:0;pointer-events:none';
  place();
  doc.documentElement.append(host);
  outlines.set(image, host);
  view.addEventListener('resize', place, { signal });
  signal.addEventListener('abort', () => host.remove());
}

export function isImageOutline(node: Node): boolean {
  return node instanceof Element && node.hasAttribute(OUTLINE_ATTRIBUTE);
}

const outlines = new WeakMap<HTMLImageElement, HTMLElement>();
