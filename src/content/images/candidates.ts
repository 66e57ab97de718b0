/**
 * Which images on screen are worth reading (OCR). Automatically only images that look like ads:
 * inside an ad container, next to a sponsored label (广告 / 推广 / 赞助), or next to debt words.
 * "检查此页" reads any visible image. Never tiny (< 80×40 CSS px) or decorative ones, and at
 * most a few per page, the ad-like and largest first.
 */
import { LIMITS } from '../../shared/limits';

export type ImageReadMode = 'auto' | 'check';

export interface ImageCandidate {
  element: HTMLImageElement;
  /** the visible part, CSS px of the viewport */
  rect: { x: number; y: number; width: number; height: number };
  adLike: boolean;
}

export const MIN_IMAGE_WIDTH = 80;
export const MIN_IMAGE_HEIGHT = 40;
const ANCESTOR_DEPTH = 5;
const NEARBY_TEXT_CHARS = 300;

const AD_CONTAINER = /(^|[\s_-])(ad|ads|adv|advert\w*|sponsor\w*|promo\w*|guanggao|tuiguang)([\s_-]|$)/i;
const SPONSORED_LABEL = /广告|推广|赞助|廣告|推廣|贊助|sponsored/i;
const DEBT_WORD = /负债|負債|逾期|网贷|網貸|信用卡|催收|上岸|停息|挂账|掛賬|协商还款|協商還款|征信|徵信|欠款|债务|債務/;

export function isDecorative(image: HTMLImageElement): boolean {
  const role = image.getAttribute('role');
  return role === 'presentation' || role === 'none' || image.closest('[aria-hidden="true"]') !== null;
}

export function looksLikeAd(image: HTMLImageElement): boolean {
  let node: Element | null = image;
  for (let depth = 0; node && depth <= ANCESTOR_DEPTH; depth++, node = node.parentElement) {
    if (node.tagName === 'INS' || node.hasAttribute('data-ad') || node.hasAttribute('data-ad-slot')) return true;
    if (AD_CONTAINER.test(node.id) || AD_CONTAINER.test(node.getAttribute('class') ?? '')) return true;
    if (node !== image) {
      const text = node.textContent ?? '';
      if (text.length > NEARBY_TEXT_CHARS) break;
      if (SPONSORED_LABEL.test(text) || DEBT_WORD.test(text)) return true;
    }
  }
  const alt = image.alt;
  return SPONSORED_LABEL.test(alt) || DEBT_WORD.test(alt);
}

function visiblePart(image: HTMLImageElement, viewport: { width: number; height: number }): ImageCandidate['rect'] | undefined {
  const box = image.getBoundingClientRect();
  const x = Math.max(0, box.left);
  const y = Math.max(0, box.top);
  const width = Math.min(viewport.width, box.right) - x;
  const height = Math.min(viewport.height, box.bottom) - y;
  if (width < MIN_IMAGE_WIDTH || height < MIN_IMAGE_HEIGHT) return undefined;
  return { x, y, width, height };
}

function overlaps(a: ImageCandidate['rect'], b: DOMRect): boolean {
  return a.x < b.right && a.x + a.width > b.left && a.y < b.bottom && a.y + a.height > b.top;
}

export function findImageCandidates(
  doc: Document,
  mode: ImageReadMode,
  options: { ownUi?: readonly Element[]; limit?: number } = {},
): ImageCandidate[] {
  const view = doc.defaultView;
  if (!view) return [];
  const viewport = { width: view.innerWidth, height: view.innerHeight };
  const covers = (options.ownUi ?? []).map((e) => e.getBoundingClientRect());
  const candidates: ImageCandidate[] = [];
  for (const image of Array.from(doc.images)) {
    if (!image.complete || image.naturalWidth < MIN_IMAGE_WIDTH || image.naturalHeight < MIN_IMAGE_HEIGHT) continue;
    if (isDecorative(image)) continue;
    const rect = visiblePart(image, viewport);
    if (!rect || covers.some((c) => overlaps(rect, c))) continue;
    const style = view.getComputedStyle(image);
    if (style.visibility !== 'visible' || Number(style.opacity) < 0.1) continue;
    const adLike = looksLikeAd(image);
    if (mode === 'auto' && !adLike) continue;
    candidates.push({ element: image, rect, adLike });
  }
  return candidates
    .sort((a, b) => Number(b.adLike) - Number(a.adLike) || b.rect.width * b.rect.height - a.rect.width * a.rect.height)
    .slice(0, options.limit ?? LIMITS.imagesPerRead);
}
