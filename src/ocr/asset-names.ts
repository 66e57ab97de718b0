/** Where the build puts the OCR engine's files inside the extension, and the runtime finds them. */
export const OCR_ASSET_DIR = 'ocr';
