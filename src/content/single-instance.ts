/**
 * One live fcs-guard instance per frame. The marker lives on the isolated world's global,
 * which the page cannot see (Chrome gives content scripts their own global; Firefox keeps
 * expandos on its Xray wrapper). A re-injection aborts the older instance and takes over.
 */
const INSTANCE = Symbol.for('fcs-guard/content-instance');

type Holder = { [INSTANCE]?: AbortController };

export function takeOverFrame(): AbortController {
  const holder = globalThis as Holder;
  holder[INSTANCE]?.abort();
  const controller = new AbortController();
  holder[INSTANCE] = controller;
  return controller;
}
