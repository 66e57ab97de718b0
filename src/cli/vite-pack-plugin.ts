import type { Plugin } from 'vite';
import { buildPack, RULES_DIR } from './pack-files';

const VIRTUAL_ID = 'virtual:fcs-pack';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Compiles rules/*.yaml into the pack the extension ships, with the same code the CLI
 * and tests use. A broken rule file throws a PackError, which fails the build.
 */
export function fcsPackPlugin(): Plugin {
  return {
    name: 'fcs-pack',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(RULES_DIR);
      const pack = buildPack();
      return `export default ${JSON.stringify(pack)};`;
    },
  };
}
