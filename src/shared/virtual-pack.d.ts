declare module 'virtual:fcs-pack' {
  import type { CompiledPack } from '../engine/types';
  const pack: CompiledPack;
  export default pack;
}
