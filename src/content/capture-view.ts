/**
 * The evidence screenshot shows the page as the reader sees it without fcs-guard: for the
 * moment of the capture the top frame hides its own marks (the banner through the hooks it is
 * given; the overlay's outlines, the lure highlights and the input caution through `conceal`;
 * the image outlines), brings
 * the first flagged block into view if it is off screen, and afterwards puts everything back
 * as it was. The popup asks for both through `evidence/captureView`.
 */
import { isImageOutline } from './images/outline';
import { elementForKey } from './scan/block-keys';

export interface BannerHooks {
  /** hides the banner; true when it was showing */
  hide(): boolean;
  /** shows again the banner `hide` took away */
  show(): void;
}

export interface CaptureGeometry {
  viewport: { width: number; height: number };
  /** the flagged blocks' boxes in the viewport, CSS px */
  blocks: { x: number; y: number; width: number; height: number }[];
}

let restore: (() => void) | undefined;
/** the popup may close before it asks to restore: the marks come back on their own after this */
const RESTORE_AFTER_MS = 5_000;

/** Hides fcs-guard's marks until `showOwnUi`; a second call while hidden changes nothing. */
export function hideOwnUi(doc: Document, banner: BannerHooks, conceal: (concealed: boolean) => void, flaggedKeys: readonly string[]): void {
  if (restore) return;
  const undo: (() => void)[] = [];
  if (banner.hide()) undo.push(() => banner.show());
  conceal(true);
  undo.push(() => conceal(false));

  for (const mark of [...doc.documentElement.children].filter(isImageOutline)) {
    if (!(mark instanceof HTMLElement)) continue;
    const [value, priority] = [mark.style.getPropertyValue('visibility'), mark.style.getPropertyPriority('visibility')];
    mark.style.setProperty('visibility', 'hidden', 'important');
    undo.push(() => (value ? mark.style.setProperty('visibility', value, priority) : mark.style.removeProperty('visibility')));
  }

  // the ad itself belongs in the picture: bring the first flagged block into view if it is off screen
  const view = doc.defaultView;
  const first = flaggedKeys.map((key) => elementForKey(key)).find((e) => e?.isConnected);
  if (view && first) {
    const box = first.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= view.innerHeight || box.right <= 0 || box.left >= view.innerWidth) {
      const [x, y] = [view.scrollX, view.scrollY];
      first.scrollIntoView({ block: 'center', inline: 'nearest' });
      undo.push(() => view.scrollTo(x, y));
    }
  }
  const timer = view?.setTimeout(showOwnUi, RESTORE_AFTER_MS);
  restore = () => {
    if (timer !== undefined) view?.clearTimeout(timer);
    for (const step of undo.reverse()) step();
  };
}

/** Puts back what `hideOwnUi` hid. */
export function showOwnUi(): void {
  const undo = restore;
  restore = undefined;
  undo?.();
}

/** Where the flagged blocks are in the viewport now. */
export function captureGeometry(doc: Document, flaggedKeys: readonly string[]): CaptureGeometry {
  const view = doc.defaultView;
  const blocks = flaggedKeys
    .map((key) => elementForKey(key))
    .filter((e): e is Element => e?.isConnected === true)
    .map((e) => e.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0)
    .map((box) => ({ x: box.left, y: box.top, width: box.width, height: box.height }));
  return { viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 }, blocks };
}

/** Resolves after the page has painted what changed (two frames), or soon in a background tab where frames wait. */
export function afterPaint(doc: Document, fallbackMs = 150): Promise<void> {
  const view = doc.defaultView;
  return new Promise((done) => {
    if (!view) return done();
    const timer = view.setTimeout(done, fallbackMs);
    view.requestAnimationFrame(() =>
      view.requestAnimationFrame(() => {
        view.clearTimeout(timer);
        done();
      }),
    );
  });
}
