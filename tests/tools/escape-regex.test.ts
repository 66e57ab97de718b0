import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeRegex } from '../../tools/build/escape-regex';

describe('escapeRegex', () => {
  it('makes a pattern that matches exactly the text, whatever its syntax characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'.*+?^${}()|[]\\/-ab债'.split('')) }), (text) => {
        const pattern = new RegExp(`^${escapeRegex(text)}$`);
        expect(pattern.test(text)).toBe(true);
        expect(pattern.test(`${text}x`)).toBe(false);
      }),
    );
    expect(new RegExp(`^${escapeRegex('virtual:fcs-pack')}$`).test('virtual:fcs-pack-transport')).toBe(false);
  });
});
