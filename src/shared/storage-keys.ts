/**
 * Every key fcs-guard keeps in extension storage, in one place: the context that writes a key
 * and the contexts that read or watch it take it from here.
 */

/** storage.local: the settings (settings.ts) */
export const SETTINGS_KEY = 'settings';
/** storage.local: the user's custom rules (custom-rules.ts) */
export const CUSTOM_RULES_KEY = 'customRules';
/** storage.session: what a tab's frames reported (background/tab-store.ts; the popup watches it) */
export const tabStateKey = (tabId: number): string => `tab:${tabId}`;
/** storage.session: the crops of ad images read in a tab, for the evidence kit (background/image-read.ts) */
export const imageCropsKey = (tabId: number): string => `ocr:crops:${tabId}`;
/** storage.session: when fcs-guard last warned in a window of its own about a tab whose page took the warning away (background/escalate.ts) */
export const escalationKey = (tabId: number): string => `escalated:${tabId}`;
