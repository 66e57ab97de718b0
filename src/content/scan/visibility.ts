/** Whether a block's element is hidden: cheaply by markup while extracting, by CSS for the few that matter. */

/**
 * Hidden by markup alone. Computed styles are not read here: on a long page that forces a
 * style and layout pass over the whole document inside one of our slices. Blocks that turn
 * out to carry a lure are checked with `isRenderedHidden` instead (see scan.ts).
 */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/** Not rendered, or invisible, by CSS: reads computed style, so call it for the few blocks that matter. */
export function isRenderedHidden(element: Element): boolean {
  return typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true });
}
