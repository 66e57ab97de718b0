/**
 * What fcs-guard's content script holds in a Chromium tab, read over CDP: the tab's JS heap
 * after a forced garbage collection (page and content-script worlds share one isolate, so a
 * figure for the content script alone is the difference with and without the extension), and
 * the live objects of the content script's own isolated world, counted by prototype (each world
 * has its own `Map.prototype`), which is exact and needs nothing from the bundle.
 */

/** The part of a CDP session this needs; playwright's and puppeteer's both fit. */
export interface CdpSender {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** MB, one decimal, after a forced GC */
export async function heapUsedMb(cdp: CdpSender): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round(usedSize / 1e5) / 10;
}

export interface IsolatedWorldObjects {
  /** WeakRefs alive in the world: the content script keeps one per tracked block key */
  weakRefs: number;
  /** Maps alive in the world, and their entries summed */
  maps: number;
  mapEntries: number;
  /** Sets alive in the world, and their entries summed */
  sets: number;
  setEntries: number;
}

/** A session that also reports the page's execution contexts (playwright's and puppeteer's do). */
export interface CdpEvents extends CdpSender {
  on(event: 'Runtime.executionContextCreated', listener: (event: { context: ExecutionContext }) => void): unknown;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

/**
 * Counts the objects of the extension's isolated world in the top frame of the page the
 * session is attached to. Throws when that frame has no such world (the script did not run).
 */
export async function isolatedWorldObjects(cdp: CdpEvents, extensionId: string): Promise<IsolatedWorldObjects> {
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => void contexts.push(event.context));
  // enabling reports every existing context at once
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = contexts.find(
    (c) => c.auxData?.frameId === frameTree.frame.id && c.auxData?.type === 'isolated' && c.origin.includes(extensionId),
  );
  if (!world) throw new Error(`no isolated world of ${extensionId} in the top frame (contexts: ${contexts.map((c) => c.origin || c.name).join(', ')})`);

  async function query(prototype: string, measure: string): Promise<[number, number]> {
    const proto = (await cdp.send('Runtime.evaluate', { expression: prototype, contextId: world!.id })) as {
      result: { objectId: string };
    };
    const { objects } = (await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })) as {
      objects: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: `function () { return [this.length, this.reduce((sum, o) => sum + (${measure}), 0)]; }`,
      returnByValue: true,
    })) as { result: { value: [number, number] } };
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: proto.result.objectId });
    return result.value;
  }

  await cdp.send('HeapProfiler.collectGarbage');
  const [weakRefs] = await query('WeakRef.prototype', '0');
  const [maps, mapEntries] = await query('Map.prototype', 'o.size');
  const [sets, setEntries] = await query('Set.prototype', 'o.size');
  return { weakRefs, maps, mapEntries, sets, setEntries };
}
