/**
 * DOM constants by value: extraction also runs over a happy-dom Window in Node (the scan CLI),
 * where `Node` and `NodeFilter` are not globals.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;
export const SHOW_ELEMENT = 0x1;
export const SHOW_TEXT = 0x4;
export const FILTER_ACCEPT = 1;
export const FILTER_REJECT = 2;
export const FILTER_SKIP = 3;
export const DOCUMENT_POSITION_FOLLOWING = 4;
