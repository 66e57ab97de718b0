/** The one place the extension touches the WebExtension API: promise-based in every browser. */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
