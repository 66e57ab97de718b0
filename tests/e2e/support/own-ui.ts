/**
 * fcs-guard's own elements in a page, found the way no page can: its hosts carry no stable name
 * or attribute and their shadow roots are closed, so a test reaches them through the browser's
 * automation protocol, which sees closed shadow roots (CDP `DOM.describeNode` with `pierce` in
 * Chromium, WebDriver BiDi serialization with `includeShadowTree: "all"` in Firefox). The
 * product has no hook for this: the store build is what is tested.
 *
 * Each closed shadow root under <html> is asked whether it is the one wanted (by what is inside
 * it, which no page can see); the one that is gets exposed to the page's own scripts for the
 * test, as `window.__fcsOwnUi = { host, root }`, and its host's `shadowRoot` getter answers with
 * it, so axe-core (which walks `element.shadowRoot`) can look inside. Only a test ever does this.
 */

/** which of fcs-guard's elements: the overlay showing the banner, the overlay at all (outlines), an input caution */
export type OwnUi = 'banner' | 'overlay' | 'caution';

const MARKERS: Record<OwnUi, string> = {
  banner: '.panel',
  overlay: '.panel, .outline',
  caution: '.caution',
};

/** the page-side function that exposes `this` (a shadow root) when it is the wanted one */
export function exposeFunction(what: OwnUi): string {
  return `function () {
    const root = this;
    if (!root || !root.querySelector(${JSON.stringify(MARKERS[what])})) return false;
    const host = root.host;
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
    window.__fcsOwnUi = { host, root };
    return true;
  }`;
}

export const CLEAR_EXPOSED = 'window.__fcsOwnUi = null';

/** what a page itself would see as the host's shadow root: null for a closed one, however the test exposed it */
export const PAGE_SEES_ROOT = `Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get.call(window.__fcsOwnUi.host) !== null`;

interface CdpNode {
  children?: CdpNode[];
  shadowRoots?: { backendNodeId: number }[];
}

/** the slice of a CDP session the lookup needs (playwright's and puppeteer's both have it) */
export interface CdpLike {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** Chromium: describes <html> with its children's shadow roots (closed ones too) and asks each. */
export async function exposeOwnUiOverCdp(cdp: CdpLike, what: OwnUi): Promise<boolean> {
  const evaluated = (await cdp.send('Runtime.evaluate', { expression: 'document.documentElement' })) as { result: { objectId?: string } };
  const htmlId = evaluated.result.objectId;
  if (!htmlId) return false;
  const { node } = (await cdp.send('DOM.describeNode', { objectId: htmlId, depth: 1, pierce: true })) as { node: CdpNode };
  await cdp.send('Runtime.releaseObject', { objectId: htmlId });
  for (const child of node.children ?? []) {
    for (const shadow of child.shadowRoots ?? []) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId?: string } };
      if (!object.objectId) continue;
      const called = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: exposeFunction(what),
        returnByValue: true,
      })) as { result: { value?: unknown } };
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
      if (called.result.value === true) return true;
    }
  }
  await cdp.send('Runtime.evaluate', { expression: CLEAR_EXPOSED });
  return false;
}

interface BidiValue {
  type: string;
  sharedId?: string;
  handle?: string;
  value?: unknown;
}

/** the slice of puppeteer's WebDriver BiDi realm the lookup needs (an internal of puppeteer-core) */
export interface BidiRealmLike {
  callFunction(
    functionDeclaration: string,
    awaitPromise: boolean,
    options?: Record<string, unknown>,
  ): Promise<{ type: string; result?: BidiValue; exceptionDetails?: { text?: string } }>;
  disown?(handles: string[]): Promise<void>;
}

/** Firefox: serializes <html>'s extra children with every shadow root (closed ones too) and asks each. */
export async function exposeOwnUiOverBidi(realm: BidiRealmLike, what: OwnUi): Promise<boolean> {
  const listed = await realm.callFunction(
    `() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body)`,
    false,
    { serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' }, resultOwnership: 'root' },
  );
  if (listed.exceptionDetails) throw new Error(`listing <html>'s children failed: ${listed.exceptionDetails.text ?? ''}`);
  try {
    const items = (listed.result?.value ?? []) as BidiValue[];
    for (const item of items) {
      const shadow = (item.value as { shadowRoot?: BidiValue | null } | undefined)?.shadowRoot;
      if (!shadow?.sharedId) continue;
      const called = await realm.callFunction(exposeFunction(what), false, { this: { sharedId: shadow.sharedId } });
      if (called.result?.type === 'boolean' && called.result.value === true) return true;
    }
  } finally {
    if (listed.result?.handle) await realm.disown?.([listed.result.handle]).catch(() => undefined);
  }
  await realm.callFunction(`() => { ${CLEAR_EXPOSED}; }`, false);
  return false;
}

/**
 * Where to click `selector` inside the exposed root: scrolled into the banner's own view, and
 * only if a click there would reach it (nothing of the page's on top); null otherwise.
 */
export function clickPointOf(selector: string): string {
  return `new Promise((resolve) => {
    const ui = window.__fcsOwnUi;
    const el = ui && ui.root.querySelector(${JSON.stringify(selector)});
    if (!el) return resolve(null);
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      resolve(document.elementFromPoint(x, y) === ui.host ? { x, y } : { blocked: true, x, y });
    }));
  })`;
}

/** what a driver offers to reach fcs-guard's elements (both drivers implement it with the helpers below) */
export interface OwnUiDriver {
  exposeOwnUi(what: OwnUi): Promise<boolean>;
  evaluate<R>(expression: string): Promise<R>;
  mouseClick(x: number, y: number): Promise<void>;
}

export async function evaluateInOwnUi<R>(driver: OwnUiDriver, what: OwnUi, expression: string): Promise<R | null> {
  if (!(await driver.exposeOwnUi(what))) return null;
  return driver.evaluate<R>(`(() => { const { root, host } = window.__fcsOwnUi; return (${expression}); })()`);
}

export async function clickInOwnUi(driver: OwnUiDriver, what: OwnUi, selector: string): Promise<void> {
  // the banner may be re-placed (the page scrolled, a block moved): find the point again if a click there would miss
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await driver.exposeOwnUi(what))) throw new Error(`no fcs-guard ${what} to click ${selector} in`);
    const at = await driver.evaluate<{ x: number; y: number; blocked?: boolean } | null>(clickPointOf(selector));
    if (!at) throw new Error(`no ${selector} in fcs-guard's ${what}`);
    if (!at.blocked) return driver.mouseClick(at.x, at.y);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${selector} in fcs-guard's ${what} is covered: a click would not reach it`);
}
