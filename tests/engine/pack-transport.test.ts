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
      literals: ['加微信', 'vx', '停息挂账'],
      fold: [
        [0x8b49, 0x8bc1],
        [0xff21, 0x61],
      ],
      entries: [
        { kind: 'rule', ref: 0, pieces: [0], gap: 8 },
        { kind: 'cue', ref: 1, pieces: [2, 1, 0], gap: 3 },
        { kind: 'rule', ref: 2, pieces: [1, 2], gap: 12 },
      ],
    };
    expect(packFromTransport(packForTransport(small))).toEqual(small);
    const empty: CompiledPack = { ...pack, literals: [], fold: [], entries: [] };
    expect(packFromTransport(packForTransport(empty))).toEqual(empty);
  });

  it('refuses a literal it could not split again', () => {
    expect(() => packForTransport({ ...pack, literals: ['加 微信'] })).toThrow(/separator/);
    expect(() => packForTransport({ ...pack, literals: [''] })).toThrow(/empty/);
  });

  it('is much smaller as JSON', () => {
    expect(JSON.stringify(packForTransport(pack)).length).toBeLessThan(JSON.stringify(pack).length * 0.55);
  });
});
