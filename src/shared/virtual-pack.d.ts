declare module 'virtual:fcs-pack' {
  import type { CompiledPack } from '../engine/types';
  const pack: CompiledPack;
  export default pack;
}

declare module 'virtual:fcs-pack-transport' {
  /** the built-in pack as JSON text in the transport form of src/engine/pack-transport.ts */
  const json: string;
  export default json;
}
