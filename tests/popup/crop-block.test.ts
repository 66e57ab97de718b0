import { describe, expect, it } from 'vitest';
import { cropBox } from '../../src/popup/crop-block';

const viewport = { width: 1000, height: 800 };

describe('cutting the flagged block out of the screenshot', () => {
  it.each([
    ['a block in view, screenshot at 1×', { x: 100, y: 200, width: 300, height: 100 }, { width: 1000, height: 800 }, { x: 92, y: 192, width: 316, height: 116 }],
    ['the same on a 2× screen', { x: 100, y: 200, width: 300, height: 100 }, { width: 2000, height: 1600 }, { x: 184, y: 384, width: 632, height: 232 }],
    ['a block running off the bottom', { x: 0, y: 700, width: 1000, height: 400 }, { width: 1000, height: 800 }, { x: 0, y: 692, width: 1000, height: 108 }],
  ])('%s', (_label, box, image, expected) => {
    expect(cropBox(box, viewport, image)).toEqual(expected);
  });

  it.each([
    ['above the viewport', { x: 0, y: -500, width: 100, height: 100 }],
    ['below it', { x: 0, y: 900, width: 100, height: 100 }],
  ])('nothing for a block %s', (_label, box) => {
    expect(cropBox(box, viewport, { width: 1000, height: 800 })).toBeUndefined();
  });

  it('nothing for a viewport without size', () => {
    expect(cropBox({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 0 }, { width: 10, height: 10 })).toBeUndefined();
  });
});
