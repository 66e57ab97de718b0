/**
 * The built-in pack, handed from the content script that runs at document_start
 * (pack-script.ts) to the main one (index.ts) through the global object of the extension's
 * isolated world, which pages cannot see. Carrying the pack's ~100,000 characters in its own
 * script, run while the page is still empty, keeps them out of the main script, whose
 * compilation and start-up is one task on the page's main thread once the page has loaded.
 */
import type { CompiledPack } from '../engine/types';
import { packFromTransport, type PackTransport } from '../engine/pack-transport';

const PACK_GLOBAL = '__fcsGuardBuiltinPack';

type Holder = Record<string, unknown>;

export function leaveBuiltinPack(json: string, holder: Holder = globalThis as unknown as Holder): void {
  holder[PACK_GLOBAL] = json;
}

const decoded = new WeakMap<Holder, CompiledPack>();

/** The pack pack-script.ts left, decoded on first call. */
export function builtinPack(holder: Holder = globalThis as unknown as Holder): CompiledPack {
  let pack = decoded.get(holder);
  if (pack) return pack;
  const json = holder[PACK_GLOBAL];
  if (typeof json !== 'string') throw new Error('fcs-guard: the built-in pack is missing (pack-script.js did not run before index.js)');
  pack = packFromTransport(JSON.parse(json) as PackTransport);
  decoded.set(holder, pack);
  return pack;
}
