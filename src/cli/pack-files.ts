import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import * as OpenCC from 'opencc-js';
import { compilePack, PackError, type PackSourceFile } from '../engine/compile';
import { foldCode } from '../engine/char-fold';
import { createMatcher } from '../engine/analyze';
import { buildModel, type BuiltModel } from '../engine/model/build-model';
import { normalizeWithOffsets } from '../engine/normalize';
import type { CorpusRow } from '../engine/model/corpus-schema';
import type { CompiledPack } from '../engine/types';
import { corpusFiles, readCorpus } from './corpus-files';

/** `FCS_RULES_DIR` points the build, the CLI and the tests at another rule folder. */
export const RULES_DIR = process.env.FCS_RULES_DIR ?? fileURLToPath(new URL('../../rules/', import.meta.url));

/** Reads one YAML rule file; a syntax error becomes a PackError with its line. */
export function readPackFile(path: string, displayName = path): PackSourceFile {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new PackError(displayName, undefined, '(yaml)', error.message.split('\n')[0] ?? 'YAML syntax error', line);
  }
  return {
    file: displayName,
    data: doc.toJS(),
    lineOf: (path) => {
      let node: unknown = doc.contents;
      let found: YamlNode | undefined;
      for (const key of path) {
        if (isMap(node)) node = node.get(key as string, true);
        else if (isSeq(node)) node = node.get(Number(key), true);
        else break;
        if (node && typeof node === 'object' && 'range' in node) found = node as YamlNode;
      }
      const offset = found?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

export function readPackSources(dir = RULES_DIR): PackSourceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => readPackFile(join(dir, f), relative(process.cwd(), join(dir, f)) || f));
}

const toSimplified = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

/**
 * Folds for the characters the pack uses: every traditional form opencc maps onto one of
 * them, and every BMP character whose NFKC form is one of them. Only these ship.
 */
export function foldPairsFor(alphabet: ReadonlySet<number>): [number, number][] {
  const pairs = new Map<number, number>();
  for (let c = 0x3400; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    for (const convert of toSimplified) {
      const simplified = convert(ch);
      if (simplified.length === 1 && simplified !== ch && alphabet.has(simplified.charCodeAt(0))) {
        pairs.set(c, simplified.charCodeAt(0));
      }
    }
  }
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length !== 1) continue;
    const target = foldCode(nfkc.toLowerCase().charCodeAt(0));
    if (target !== c && target >= 0 && alphabet.has(target) && foldCode(c) !== target) pairs.set(c, target);
  }
  return [...pairs.entries()];
}

export function buildPack(dir = RULES_DIR): CompiledPack {
  return compilePack(readPackSources(dir), { foldPairsFor });
}

/** The compiled pack with the lure model trained from rules/corpus (cached until an input changes). */
export function buildPackWithModel(dir = RULES_DIR): { pack: CompiledPack; built: BuiltModel } {
  const pack = buildPack(dir);
  const built = trainedModel(pack, dir);
  return { pack: { ...pack, model: built.model }, built };
}

const ENGINE_DIR = fileURLToPath(new URL('../engine/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/fcs-guard/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** what the model depends on: the rules, the corpus and the engine's code */
function modelInputsHash(dir: string): string {
  const hash = createHash('sha256');
  const inputs = [
    ...readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f)),
    ...corpusFiles(),
    ...filesUnder(ENGINE_DIR),
  ];
  for (const file of inputs) hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The model trained on these lines (no cache): for the build, and for the learning curve. */
export function trainModelOn(rows: readonly CorpusRow[], pack: CompiledPack): BuiltModel {
  const alphabet = new Set<number>();
  for (const row of rows) {
    const text = normalizeWithOffsets(row.text).text;
    for (let i = 0; i < text.length; i++) alphabet.add(text.charCodeAt(i));
  }
  return buildModel({ rows, pack, matcher: createMatcher(pack), fold: foldPairsFor(alphabet) });
}

function trainedModel(pack: CompiledPack, dir: string): BuiltModel {
  const cached = join(CACHE_DIR, `model-${modelInputsHash(dir)}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as BuiltModel;
  const built = trainModelOn(readCorpus(), pack);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, JSON.stringify(built));
  return built;
}

