import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHead, encodeHead } from '../../../src/engine/model/encode';

const headArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: (1 << 20) - 1 }), fc.double({ min: -5, max: 5, noNaN: true })), { selector: ([id]) => id, maxLength: 300 })
  .map((entries) => ({ bias: 0.25, weights: new Map(entries.filter(([, w]) => w !== 0)) }));

describe('encodeHead / decodeHead', () => {
  it('gives back every id, each weight within half a quantisation step', () => {
    fc.assert(
      fc.property(headArb, (head) => {
        const encoded = encodeHead(head);
        const decoded = decodeHead(JSON.parse(JSON.stringify(encoded)));
        expect(decoded.bias).toBe(head.bias);
        for (const [id, w] of head.weights) {
          const back = decoded.weights.get(id) ?? 0;
          expect(Math.abs(back - w)).toBeLessThanOrEqual(encoded.scale / 2 + 1e-9);
        }
        for (const id of decoded.weights.keys()) expect(head.weights.has(id)).toBe(true);
      }),
    );
  });

  it('keeps only the strongest weights when asked', () => {
    const head = { bias: 0, weights: new Map([[1, 0.1], [2, -3], [3, 2], [4, 0.5]]) };
    expect([...decodeHead(encodeHead(head, 2)).weights.keys()].sort()).toEqual([2, 3]);
  });

  it('refuses a head that is not base64', () => {
    expect(() => decodeHead({ bias: 0, scale: 1, ids: '!!', weights: 'AA==', count: 1 })).toThrow(/base64/);
  });
});
