import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { onnxSchema, quantizeChannels, quantizeWeights, type NodeProto } from '../../tools/build/quantize-onnx';

const FLOAT = 1;
const INT8 = 3;

describe('quantizeChannels', () => {
  it('gives each output channel its own scale and keeps every value within half a step', () => {
    // two output channels (axis 0) of very different magnitude
    const values = Float32Array.from([0.5, -1, 0.25, 100, -40, 3]);
    const { q, scales } = quantizeChannels(values, [2, 3], 0, 8);
    expect(Array.from(scales)).toEqual([expect.closeTo(1 / 127, 6), expect.closeTo(100 / 127, 4)]);
    values.forEach((v, i) => {
      const scale = scales[Math.floor(i / 3)] as number;
      expect(Math.abs((q[i] as number) * scale - v)).toBeLessThanOrEqual(scale / 2 + 1e-6);
    });
    expect(Math.max(...Array.from(q).map(Math.abs))).toBe(127);
  });

  it('uses the columns as channels along the last axis, and fewer levels with fewer bits', () => {
    const values = Float32Array.from([1, 10, -1, -10, 0.6, 6]);
    const { q, scales } = quantizeChannels(values, [3, 2], 1, 4);
    expect(Array.from(scales)).toEqual([expect.closeTo(1 / 7, 6), expect.closeTo(10 / 7, 6)]);
    expect(Array.from(q)).toEqual([7, 7, -7, -7, 4, 4]);
  });

  it('leaves an all-zero channel at zero', () => {
    const { q, scales } = quantizeChannels(new Float32Array(4), [2, 2], 0, 6);
    expect(Array.from(q)).toEqual([0, 0, 0, 0]);
    expect(Array.from(scales)).toEqual([1, 1]);
  });
});

/** y = x · W + b and z = conv(img, K): W and K are weights, b is not */
function tinyModel(weights: Float32Array, kernel: Float32Array): Uint8Array {
  const onnx = onnxSchema();
  const constant = (name: string, dims: number[], values: Float32Array): NodeProto =>
    onnx.NodeProto.create({
      input: [],
      output: [name],
      opType: 'Constant',
      attribute: [{ name: 'value', type: 4, t: { dims, dataType: FLOAT, rawData: new Uint8Array(values.buffer.slice(0)) } }],
    });
  const tensor = (name: string, dims: number[]) => ({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } } });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 11 }],
    graph: {
      name: 'tiny',
      node: [
        constant('W', [4, 3], weights),
        constant('b', [3], Float32Array.from([0.1, 0.2, 0.3])),
        constant('K', [3, 2, 1, 1], kernel),
        onnx.NodeProto.create({ input: ['x', 'W'], output: ['xw'], opType: 'MatMul', attribute: [] }),
        onnx.NodeProto.create({ input: ['xw', 'b'], output: ['y'], opType: 'Add', attribute: [] }),
        onnx.NodeProto.create({ input: ['img', 'K'], output: ['z'], opType: 'Conv', attribute: [] }),
      ],
      input: [tensor('x', [1, 4]), tensor('img', [1, 2, 2, 2])],
      output: [tensor('y', [1, 3]), tensor('z', [1, 3, 2, 2])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

async function run(model: Uint8Array, x: Float32Array, img: Float32Array): Promise<{ y: number[]; z: number[] }> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const out = await session.run({ x: new ort.Tensor('float32', x, [1, 4]), img: new ort.Tensor('float32', img, [1, 2, 2, 2]) });
  await session.release();
  return { y: Array.from(out.y?.data as Float32Array), z: Array.from(out.z?.data as Float32Array) };
}

describe('quantizeWeights', () => {
  const weights = Float32Array.from([0.3, -1.2, 0.05, 2.5, 0.7, -0.01, -0.9, 0.33, 1.1, 0.02, -2.2, 0.6]);
  const kernel = Float32Array.from([0.5, -0.25, 3, 1.5, -0.125, 0.0625]);
  const model = tinyModel(weights, kernel);

  it('stores the Conv and MatMul weights as int8 turned back into floats, and nothing else', () => {
    const { model: quantized, report } = quantizeWeights(model, { bits: 6, minElements: 4 });
    expect(report).toMatchObject({ tensors: 2, weights: 18 });
    const nodes = onnxSchema().ModelProto.decode(quantized).graph.node;
    const ints = nodes.filter((n) => n.opType === 'Constant' && n.attribute[0]?.t?.dataType === INT8).map((n) => n.output[0]);
    expect(ints).toEqual(['W__int', 'K__int']);
    expect(nodes.filter((n) => n.opType === 'Mul').map((n) => n.output[0])).toEqual(['W', 'K']);
    // the bias feeds an Add, not a weight input: it stays float
    const bias = nodes.find((n) => n.output[0] === 'b');
    expect(bias?.attribute[0]?.t?.dataType).toBe(FLOAT);
  });

  it('leaves tensors below the size limit as they were', () => {
    const { report } = quantizeWeights(model, { bits: 6, minElements: 7 });
    expect(report.tensors).toBe(1);
  });

  it('computes what the float model computes, within the rounding of each channel', async () => {
    const x = Float32Array.from([1, -2, 0.5, 3]);
    const img = Float32Array.from([1, 2, 3, 4, -1, 0.5, 2, -3]);
    const exact = await run(model, x, img);
    const quantized = await run(quantizeWeights(model, { bits: 8, minElements: 4 }).model, x, img);
    // |Δy_j| ≤ Σ_k |x_k| · step_j / 2, the step at most max |W| / 127
    const bound = (x.reduce((s, v) => s + Math.abs(v), 0) * (2.5 / 127)) / 2;
    quantized.y.forEach((v, j) => expect(Math.abs(v - (exact.y[j] as number))).toBeLessThanOrEqual(bound));
    quantized.z.forEach((v, j) => expect(Math.abs(v - (exact.z[j] as number))).toBeLessThanOrEqual((4 * 3) / 127));
    expect(quantized.y).not.toEqual([0, 0, 0]);
  });
});
