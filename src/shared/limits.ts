/** Size limits shared by the content script (which truncates) and the message schemas (which reject). */
import { SNIPPET_CHARS } from '../engine/snippet';
export const LIMITS = {
  blockChars: 4000,
  blocksPerReport: 400,
  hitsPerBlock: 200,
  snippetChars: SNIPPET_CHARS,
  snippetsPerBlock: 40,
  idChars: 64,
  titleChars: 40,
  bannerTitles: 20,
  urlChars: 2048,
  /** subframes with flagged blocks the banner is told about */
  framesPerBanner: 10,
  /** images read (OCR) per request: the top few ad-like images on screen */
  imagesPerRead: 3,
} as const;
