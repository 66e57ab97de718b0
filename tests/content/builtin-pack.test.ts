import { describe, expect, it } from 'vitest';
import shipped from 'virtual:fcs-pack';
import transportJson from 'virtual:fcs-pack-transport';
import { builtinPack, leaveBuiltinPack } from '../../src/content/builtin-pack';

describe('the built-in pack handed from pack-script.ts to the main content script', () => {
  it('arrives as the compiled pack, decoded once', () => {
    const world: Record<string, unknown> = {};
    leaveBuiltinPack(transportJson, world);
    const pack = builtinPack(world);
    expect(pack).toEqual(shipped);
    expect(builtinPack(world)).toBe(pack);
  });

  it('says so when the pack script did not run first', () => {
    expect(() => builtinPack({})).toThrow(/pack is missing/);
  });
});
