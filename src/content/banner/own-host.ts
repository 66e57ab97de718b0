/**
 * Our elements in a page's DOM (the warning overlay, an input caution), made so that a page
 * finds nothing stable to look for and cannot reach in: each host has a random custom-element
 * name, no attribute but its inline style (and `popover`), and a closed shadow root. Which
 * elements are ours is known only here, by reference: a page cannot claim to be ours by
 * copying a name or an attribute.
 */
import { unlockTextSpacing } from './styles';

const hosts = new WeakSet<Element>();
/** the boxes of ours that hide page content while they show (the banner, a caution) */
const panels = new Set<Element>();

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function randomLetters(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count));
  return Array.from(bytes, (b) => LETTERS[b % LETTERS.length]).join('');
}

/** A valid custom-element name no page can predict (two words of random letters). */
export function randomTagName(): string {
  return `${randomLetters(3)}-${randomLetters(6)}`;
}

/** A CSS identifier no page can predict, e.g. a highlight's name. */
export function randomIdent(): string {
  return randomLetters(12);
}

/**
 * Our values on the host as inline `!important` styles, which beat every rule of the page's
 * stylesheets (important ones included); re-applied whenever the page may have changed them.
 */
export function applyHostStyle(host: HTMLElement, style: Readonly<Record<string, string>>): void {
  host.style.cssText = '';
  for (const [property, value] of Object.entries(style)) host.style.setProperty(property, value, 'important');
  unlockTextSpacing(host);
}

export interface OwnHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/** A new host with a closed shadow root holding `css`; not yet in the document. */
export function createOwnHost(doc: Document, css: string): OwnHost {
  const host = doc.createElement(randomTagName());
  hosts.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/**
 * Into the top layer (`popover="manual"`, where the browser has it), above any z-index the page
 * can set; `again`: out and back in, above whatever the page put there since.
 */
export function raiseToTopLayer(host: HTMLElement, again = false): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  try {
    if (again && host.matches(':popover-open')) host.hidePopover();
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // a host the page moved into a hidden subtree: the inline z-index still holds
  }
}

/** One of our hosts (never an element of the page, whatever it carries). */
export function isOwnHost(node: Node): boolean {
  return typeof Element !== 'undefined' && node instanceof Element && hosts.has(node);
}

/** `panel` (inside one of our shadow roots) now covers part of the page, or no longer does. */
export function setPanelShowing(panel: Element, showing: boolean): void {
  if (showing) panels.add(panel);
  else panels.delete(panel);
}

/**
 * What of ours covers the page right now, so image reading can leave those parts out: our own
 * elements, by reference, never anything found by a selector a page could match.
 */
export function ownPanels(): Element[] {
  for (const panel of panels) if (!panel.isConnected) panels.delete(panel);
  return [...panels];
}
