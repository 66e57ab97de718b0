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

declare module 'virtual:fcs-model' {
  import type { LureModel } from '../engine/model/model-schema';
  /** the lure model trained from rules/corpus by the build */
  const model: LureModel | null;
  export default model;
}
