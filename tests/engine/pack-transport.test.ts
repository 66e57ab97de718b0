import { describe, expect, it } from 'vitest';
import shipped from 'virtual:fcs-pack';
import { buildPack } from '../../src/cli/pack-files';
import { packForTransport, packFromTransport } from '../../src/engine/pack-transport';
import type { CompiledPack } from '../../src/engine/types';

describe('the pack as bundles carry it', () => {
  const pack = buildPack();

  it('is the compiled pack, entry for entry (what the extension imports)', () => {
    expect(shipped).toEqual(pack);
    expect(shipped.entries.length).toBeGreaterThan(1000);
  });

  it('round-trips a pack with rules, cues and multi-piece entries', () => {
    const small: CompiledPack = {
      ...pack,
      entries: [
        { kind: 'rule', ref: 0, pieces: [0], gap: 8 },
        { kind: 'cue', ref: 1, pieces: [2, 3, 4], gap: 3 },
        { kind: 'rule', ref: 2, pieces: [5, 6], gap: 12 },
      ],
    };
    expect(packFromTransport(packForTransport(small))).toEqual(small);
  });

  it('is much smaller as JSON', () => {
    expect(JSON.stringify(packForTransport(pack)).length).toBeLessThan(JSON.stringify(pack).length * 0.6);
  });
});
