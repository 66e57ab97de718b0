/**
 * The engine benchmark as a page script (`npm run bench -- --browser chromium|firefox` bundles it
 * and runs it in a plain page of that browser, the JavaScript engine the content script runs on).
 */
import type { CompiledPack } from '../../src/engine/types';
import { runEngineBench, summarize, type BenchOptions } from './bench-core';

declare global {
  var fcsEngineBench: ((pack: CompiledPack, options: BenchOptions) => ReturnType<typeof summarize>) | undefined;
}

// a string of its own out of a slice, as extraction builds each block
globalThis.fcsEngineBench = (pack, options) => summarize(runEngineBench(pack, options, (s) => s.split('').join('')));
