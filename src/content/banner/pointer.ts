/**
 * The banner's "the ad is in the red frame" line: an arrow from the banner towards the
 * outlined blocks, which may be beside it, above or below it, or scrolled off screen.
 */
import type { Box, Size } from './placement';

const hasBlocks = (blocks: Box | undefined): blocks is Box => blocks !== undefined && (blocks.width > 0 || blocks.height > 0);

/**
 * Shows the line while there are outlined blocks (`blocks`: all of them together), hides it
 * otherwise; true when that changed. Done before the banner is measured: the line is part of
 * its height.
 */
export function showPointer(panel: HTMLElement, blocks: Box | undefined): boolean {
  const line = panel.querySelector<HTMLElement>('.pointer');
  if (!line) return false;
  const hidden = !hasBlocks(blocks);
  if (line.hidden === hidden) return false;
  line.hidden = hidden;
  return true;
}

/** `at`: the banner's box; `blocks`: all the outlined blocks together (none: the line hides). */
export function pointTowards(panel: HTMLElement, at: Box, blocks: Box | undefined, viewport: Size): void {
  showPointer(panel, blocks);
  const arrow = panel.querySelector('.pointer .arrow');
  if (!arrow || !hasBlocks(blocks)) return;
  const centreY = blocks.top + blocks.height / 2;
  let direction: string;
  if (blocks.top + blocks.height <= 0) direction = '↑';
  else if (blocks.top >= viewport.height) direction = '↓';
  else if (blocks.left >= at.left + at.width) direction = '→';
  else if (blocks.left + blocks.width <= at.left) direction = '←';
  else direction = centreY < at.top + at.height / 2 ? '↑' : '↓';
  if (arrow.textContent !== direction) arrow.textContent = direction;
}
