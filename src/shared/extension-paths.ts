/** Paths inside the built extension (dist/<browser>/), shared by the build check and the runtime. */

/** crxjs writes the standalone content script src/content/index.ts here. */
export const BUILT_CONTENT_SCRIPT = 'src/content/index.js';
export const POPUP_PAGE = 'src/popup/index.html';
