import { describe, expect, it } from 'vitest';
import { boxesFromProbabilities, detectionInput } from '../../src/ocr/ppocr-detect';
import { decodeCtc, LINE_HEIGHT, recognitionInput } from '../../src/ocr/ppocr-recognize';
import { cropImage, resizeImage, type RgbaImage } from '../../src/ocr/raster';
import { imageHash } from '../../src/ocr/image-hash';

function solid(width: number, height: number, rgb: [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return { width, height, data };
}

describe('raster', () => {
  it('crops inside the image, clamping at its edges', () => {
    const image = solid(10, 10, [1, 2, 3]);
    expect(cropImage(image, { x: 8, y: -3, width: 5, height: 5 })).toMatchObject({ width: 2, height: 2 });
  });

  it('resizes a flat image to the same colour', () => {
    const resized = resizeImage(solid(7, 5, [200, 100, 50]), 32, 16);
    expect(resized.width).toBe(32);
    expect(Array.from(resized.data.slice(0, 4))).toEqual([200, 100, 50, 255]);
  });
});

describe('PP-OCR detection input and boxes', () => {
  it('sizes the input to multiples of 32 and fills B, G, R planes', () => {
    const input = detectionInput(solid(300, 90, [255, 0, 0]));
    expect(input.width % 32).toBe(0);
    expect(input.height % 32).toBe(0);
    const plane = input.width * input.height;
    expect(input.data.length).toBe(plane * 3);
    // red is the third plane: (1 − 0.406) / 0.225
    expect(input.data[2 * plane]).toBeCloseTo((1 - 0.406) / 0.225, 4);
    expect(input.data[0]).toBeCloseTo((0 - 0.485) / 0.229, 4);
  });

  it('finds one box per confident region, grown back and in reading order', () => {
    const width = 64;
    const height = 32;
    const map = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number): void => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = p;
    };
    fill(40, 4, 60, 10, 0.9); // first line, right
    fill(4, 4, 30, 10, 0.9); // first line, left
    fill(4, 20, 50, 28, 0.9); // second line
    fill(2, 14, 3, 15, 0.9); // a speck: too small
    fill(10, 12, 20, 18, 0.35); // above the pixel threshold, below the box threshold
    const boxes = boxesFromProbabilities(map, { width, height, scaleX: 0.5, scaleY: 0.5 }, { width: 128, height: 64 });
    expect(boxes).toHaveLength(3);
    expect(boxes[0]?.x).toBeLessThan(2);
    expect(boxes[1]?.x).toBeGreaterThan(15);
    expect(boxes[2]?.y).toBeGreaterThan(7);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(128);
    }
  });
});

describe('PP-OCR recognition input and CTC decoding', () => {
  it('scales a line to 48 px high, keeping its aspect', () => {
    const input = recognitionInput(solid(200, 24, [0, 0, 0]));
    expect(input.width).toBe(400);
    expect(input.data.length).toBe(3 * LINE_HEIGHT * 400);
  });

  it('drops blanks and repeats, keeps a repeat separated by a blank', () => {
    const dictionary = ['停', '息', '挂', '账'];
    const classes = dictionary.length + 2;
    const path = [1, 1, 0, 2, 3, 3, 0, 3, 4, 0, 5];
    const logits = new Float32Array(path.length * classes);
    path.forEach((c, t) => (logits[t * classes + c] = 0.9));
    expect(decodeCtc(logits, path.length, classes, dictionary)).toEqual({ text: '停息挂挂账 ', confidence: expect.closeTo(0.9, 5) });
  });
});

describe('image hash', () => {
  it('is stable for the same picture and differs for another', () => {
    expect(imageHash(solid(100, 50, [10, 20, 30]))).toBe(imageHash(solid(100, 50, [10, 20, 30])));
    expect(imageHash(solid(100, 50, [10, 20, 30]))).not.toBe(imageHash(solid(100, 50, [200, 20, 30])));
  });
});
