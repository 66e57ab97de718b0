declare module 'virtual:fcs-pack' {
  import type { CompiledPack } from '../engine/types';
  const pack: CompiledPack;
  /** the same pack, decoded on the first call instead of at import */
  export function compiledPack(): CompiledPack;
  export default pack;
}
