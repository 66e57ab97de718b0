/**
 * Whether the reader can see a piece of text, from rendering rather than markup: any rule that
 * hides it (display, visibility, opacity, content-visibility, a closed <details>), a size too
 * small to read or none at all, a transparent colour, a position outside the page, or a clipping
 * box that leaves nothing of it. Reads computed style and layout, so it is used only for the
 * blocks that matter and only after the page has rendered (rendered-text.ts), when style and
 * layout are clean and each read is cheap; answers are cached per element for one reading.
 */

/** What the checks read from the page; a fake in DOM tests, where happy-dom lays nothing out. */
export interface RenderView {
  style(element: Element, pseudo?: '::before' | '::after'): CSSStyleDeclaration;
  /** displayed, and neither invisible nor fully transparent, with every ancestor (Element.checkVisibility) */
  displayed(element: Element): boolean;
  /** the box of the text's drawn glyphs, viewport coordinates; undefined when it has none */
  textRect(node: Text): DOMRectReadOnly | undefined;
  elementRect(element: Element): DOMRectReadOnly;
  /** the scrollable page in viewport coordinates */
  page(): { left: number; top: number; right: number; bottom: number };
  /** a family of the page's own fonts (web fonts it loaded) */
  isPageFont(family: string): boolean;
}

/** The page's rendering, or undefined where nothing is laid out (a DOM without a layout engine, a frame with no size). */
export function browserView(doc: Document): RenderView | undefined {
  const view = doc.defaultView;
  if (!view || doc.documentElement.getBoundingClientRect().width === 0) return undefined;
  let pageFonts: Set<string> | undefined;
  return {
    style: (element, pseudo) => view.getComputedStyle(element, pseudo ?? null),
    displayed: (element) => {
      if (typeof element.checkVisibility !== 'function') return view.getComputedStyle(element).display !== 'none';
      // both spellings: Firefox before 122 knows only the older option names
      return element.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true } as CheckVisibilityOptions);
    },
    textRect: (node) => {
      const range = doc.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      range.detach();
      return rect;
    },
    elementRect: (element) => element.getBoundingClientRect(),
    page: () => {
      const scroller = doc.scrollingElement ?? doc.documentElement;
      return {
        left: -view.scrollX,
        top: -view.scrollY,
        right: Math.max(scroller.scrollWidth, view.innerWidth) - view.scrollX,
        bottom: Math.max(scroller.scrollHeight, view.innerHeight) - view.scrollY,
      };
    },
    isPageFont: (family) => {
      if (!pageFonts) {
        pageFonts = new Set();
        const fonts = (doc as Document & { fonts?: Iterable<FontFace> }).fonts;
        for (const face of fonts ?? []) if (face.status === 'loaded') pageFonts.add(unquote(face.family).toLowerCase());
      }
      return pageFonts.has(unquote(family).toLowerCase());
    },
  };
}

export function unquote(family: string): string {
  return family.trim().replace(/^["']|["']$/g, '');
}

/** Too small to read: glyphs under this many CSS px are a line or a dot. */
export const MIN_FONT_PX = 4;
/** Opacity under which text is not read (the product of the element's and its ancestors'). */
export const MIN_OPACITY = 0.05;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** overflow values that clip what an element draws to its box */
const CLIPPING = new Set(['hidden', 'clip', 'scroll', 'auto']);

/** Alpha of a computed colour: rgba(…, a), rgb(… / a), color(… / a), transparent; 1 when unknown. */
export function alphaOf(color: string): number {
  if (!color) return 1;
  if (color === 'transparent') return 0;
  const slash = /\/\s*([\d.]+)(%?)\s*\)$/.exec(color);
  if (slash) return Number(slash[1]) / (slash[2] ? 100 : 1);
  const rgba = /^rgba\(([^)]*)\)$/.exec(color);
  if (rgba) {
    const parts = (rgba[1] as string).split(',');
    if (parts.length === 4) return Number((parts[3] as string).trim());
  }
  return 1;
}

function intersect(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

function isEmpty(box: Box): boolean {
  return box.right - box.left < 2 || box.bottom - box.top < 2;
}

/** clip-path shapes that leave nothing: inset(50%) or more, circle(0), ellipse(0 …) */
function clipsEverything(clipPath: string, clip: string, position: string): boolean {
  if (clipPath && clipPath !== 'none') {
    const inset = /inset\(\s*([\d.]+)%/.exec(clipPath);
    if (inset && Number(inset[1]) >= 50) return true;
    if (/^(circle|ellipse)\(\s*0(px|%)?[\s)]/.test(clipPath)) return true;
  }
  if ((position === 'absolute' || position === 'fixed') && clip.startsWith('rect(')) {
    const [top, right, bottom, left] = clip.slice(5, -1).split(/[\s,]+/).map((v) => parseFloat(v));
    if ([top, right, bottom, left].every((v) => Number.isFinite(v)) && ((right as number) - (left as number) < 1 || (bottom as number) - (top as number) < 1)) return true;
  }
  return false;
}

/** Per-element answers for one reading of one document state. */
export class VisibilityCheck {
  private readonly styles = new Map<Element, CSSStyleDeclaration>();
  private readonly opacity = new Map<Element, number>();
  private readonly clip = new Map<Element, Box | undefined>();
  private readonly lookOk = new Map<Element, boolean>();
  private pageBox: Box | undefined;

  constructor(readonly view: RenderView) {}

  styleOf(element: Element): CSSStyleDeclaration {
    let style = this.styles.get(element);
    if (!style) {
      style = this.view.style(element);
      this.styles.set(element, style);
    }
    return style;
  }

  private effectiveOpacity(element: Element | null): number {
    if (!element) return 1;
    let value = this.opacity.get(element);
    if (value === undefined) {
      const style = this.styleOf(element);
      let own = style.opacity === '' ? 1 : Number(style.opacity);
      if (!Number.isFinite(own)) own = 1;
      if (/opacity\(\s*0(\.0*)?\s*\)|opacity\(\s*0%\s*\)/.test(style.filter ?? '')) own = 0;
      value = own * this.effectiveOpacity(element.parentElement);
      this.opacity.set(element, value);
    }
    return value;
  }

  /**
   * The box that clips what `element` draws (overflow, clip, clip-path of it and the boxes
   * that contain it), viewport coordinates; undefined: nothing clips it.
   */
  private clipBox(element: Element | null): Box | undefined {
    if (!element) return undefined;
    if (this.clip.has(element)) return this.clip.get(element);
    const style = this.styleOf(element);
    const position = style.position;
    // what clips an element comes from the boxes that contain it, not from every ancestor
    let container: Element | null = element.parentElement;
    if (position === 'fixed') container = null;
    else if (position === 'absolute') {
      while (container && this.styleOf(container).position === 'static' && this.styleOf(container).transform === 'none') container = container.parentElement;
    }
    let box = this.clipBox(container);
    if (clipsEverything(style.clipPath ?? '', style.clip ?? '', position)) box = { left: 0, top: 0, right: 0, bottom: 0 };
    else if (CLIPPING.has(style.overflowX || style.overflow) || CLIPPING.has(style.overflowY || style.overflow)) {
      const rect = this.view.elementRect(element);
      const clipsX = CLIPPING.has(style.overflowX || style.overflow);
      const clipsY = CLIPPING.has(style.overflowY || style.overflow);
      const own: Box = {
        left: clipsX ? rect.left : -Infinity,
        right: clipsX ? rect.right : Infinity,
        top: clipsY ? rect.top : -Infinity,
        bottom: clipsY ? rect.bottom : Infinity,
      };
      box = intersect(box, own);
    }
    this.clip.set(element, box);
    return box;
  }

  /** Does the element draw text the reader can see: displayed, opaque enough, big enough, coloured? */
  looksReadable(element: Element, pseudo?: '::before' | '::after'): boolean {
    if (!pseudo) {
      const cached = this.lookOk.get(element);
      if (cached !== undefined) return cached;
    }
    let ok = this.view.displayed(element) && this.effectiveOpacity(element) >= MIN_OPACITY;
    if (ok) {
      const style = pseudo ? this.view.style(element, pseudo) : this.styleOf(element);
      if (pseudo && (style.display === 'none' || style.visibility === 'hidden' || (style.opacity !== '' && Number(style.opacity) < MIN_OPACITY))) ok = false;
      else if (parseFloat(style.fontSize) < MIN_FONT_PX) ok = false;
      else ok = !this.transparentText(element, style);
    }
    if (!pseudo) this.lookOk.set(element, ok);
    return ok;
  }

  private transparentText(element: Element, style: CSSStyleDeclaration): boolean {
    const strokeWidth = parseFloat(style.getPropertyValue('-webkit-text-stroke-width') || '0');
    const shadow = style.textShadow && style.textShadow !== 'none';
    if (element.namespaceURI === SVG_NS) {
      const stroke = style.stroke && style.stroke !== 'none' && alphaOf(style.stroke) > 0;
      return (style.fill === 'none' || alphaOf(style.fill) === 0 || style.fillOpacity === '0') && !stroke;
    }
    const fill = style.getPropertyValue('-webkit-text-fill-color') || style.color;
    return alphaOf(fill) === 0 && !shadow && !(strokeWidth > 0);
  }

  /** Is `rect` (what `element` draws) on the page and inside every box that clips it? */
  placedVisibly(element: Element, rect: DOMRectReadOnly | undefined): boolean {
    if (!rect || rect.width < 1 || rect.height < 1) return false;
    const page = (this.pageBox ??= this.view.page());
    if (rect.right <= page.left || rect.bottom <= page.top || rect.left >= page.right || rect.top >= page.bottom) return false;
    const clip = this.clipBox(element);
    return !clip || !isEmpty(intersect(clip, rect));
  }

  /** A text node the reader can see. */
  textVisible(node: Text): boolean {
    const parent = node.parentElement;
    if (!parent || !this.looksReadable(parent)) return false;
    return this.placedVisibly(parent, this.view.textRect(node));
  }

  /** An element's own drawing (a control's text, generated content) the reader can see. */
  elementVisible(element: Element, pseudo?: '::before' | '::after'): boolean {
    if (!this.looksReadable(element, pseudo)) return false;
    return this.placedVisibly(element, this.view.elementRect(element));
  }
}
