/**
 * The pack the background scores with: built-in plus the user's custom rules. Compiled once
 * per service-worker life and again when the custom rules change.
 */
import type { CompiledPack } from '../engine/types';
import { browser } from '../shared/browser';
import { CUSTOM_RULES_KEY, loadEffectivePack } from '../shared/custom-rules';

export function effectivePackSource(builtin: CompiledPack): () => Promise<CompiledPack> {
  let current: Promise<CompiledPack> | undefined;
  browser.storage.local.onChanged.addListener((changes) => {
    if (CUSTOM_RULES_KEY in changes) current = undefined;
  });
  return () => (current ??= loadEffectivePack(browser.storage.local, builtin));
}
