/** Paths inside the built extension (dist/<browser>/), shared by the build check and the runtime. */

/** crxjs writes the standalone content script src/content/index.ts here. */
export const BUILT_CONTENT_SCRIPT = 'src/content/index.js';
/** …and src/content/pack-script.ts here: the built-in pack, run before it (see builtin-pack.ts). */
export const BUILT_PACK_SCRIPT = 'src/content/pack-script.js';
/** Both, in the order they must run in a frame. */
export const BUILT_CONTENT_SCRIPTS = [BUILT_PACK_SCRIPT, BUILT_CONTENT_SCRIPT] as const;
export const POPUP_PAGE = 'src/popup/index.html';

/** Where the build puts the OCR engine's files inside the extension, and the runtime finds them. */
export const OCR_ASSET_DIR = 'ocr';
