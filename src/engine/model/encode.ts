/**
 * A trained head to and from its shipped form: ids as LEB128 deltas and weights as int8, both
 * base64, which keeps a head of tens of thousands of n-grams to tens of kilobytes.
 */
import type { EncodedHead } from './model-schema';
import type { TrainedHead } from './train';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error('model: a head is not valid base64');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, at);
}

/** Keeps the `keep` largest weights (all when undefined) and quantises them. */
export function encodeHead(head: TrainedHead, keep?: number): EncodedHead {
  let entries = [...head.weights.entries()];
  if (keep !== undefined && entries.length > keep) {
    entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
    entries = entries.slice(0, keep);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const maxWeight = entries.reduce((m, [, w]) => Math.max(m, Math.abs(w)), 0) || 1;
  const scale = maxWeight / 127;
  const ids: number[] = [];
  const weights = new Int8Array(entries.length);
  let previous = 0;
  entries.forEach(([id, w], i) => {
    let delta = id - previous;
    previous = id;
    do {
      const byte = delta & 0x7f;
      delta >>>= 7;
      ids.push(delta > 0 ? byte | 0x80 : byte);
    } while (delta > 0);
    weights[i] = Math.round(w / scale);
  });
  return { bias: head.bias, scale, ids: toBase64(Uint8Array.from(ids)), weights: toBase64(new Uint8Array(weights.buffer)), count: entries.length };
}

export function decodeHead(encoded: EncodedHead): TrainedHead {
  const idBytes = fromBase64(encoded.ids);
  const weightBytes = new Int8Array(fromBase64(encoded.weights).buffer);
  const weights = new Map<number, number>();
  let id = 0;
  let at = 0;
  for (let i = 0; i < encoded.count; i++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = idBytes[at++];
      if (byte === undefined) throw new Error('model: a head ends early');
      delta |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    id += delta;
    const w = weightBytes[i];
    if (w === undefined) throw new Error('model: a head has fewer weights than ids');
    if (w !== 0) weights.set(id, w * encoded.scale);
  }
  return { bias: encoded.bias, weights };
}
