import { PackFileSource, type CueSource, type FamilySource, type LureCategory, type RuleSource } from './pack-schema';
import { englishProblem, ISSUE_TEXT_PARSE, issueProblem, problem, type Problem } from './issue-text';
import { normalizeLiteral } from './normalize';
import { MIN_LITERAL_LENGTH } from './automaton';
import type { CompiledEntry, CompiledPack } from './types';

/** A problem in a rule source, located precisely enough to fix it. */
export class PackError extends Error {
  /** the problem in plain English */
  readonly problem: string;
  /** the same problem as a code, for a UI that says it in its own language */
  readonly detail: Problem | undefined;

  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    readonly field: string,
    what: string | Problem,
    readonly line?: number,
  ) {
    const text = typeof what === 'string' ? what : englishProblem(what);
    super(
      `${file}${line !== undefined ? `:${line}` : ''}: ` +
        `${ruleId !== undefined ? `rule "${ruleId}"` : 'file'}, field "${field}": ${text}`,
    );
    this.name = 'PackError';
    this.problem = text;
    this.detail = typeof what === 'string' ? undefined : what;
  }
}

export interface PackSourceFile {
  file: string;
  data: unknown;
  /** maps a zod issue path to a line number in the file, when the loader knows it */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface CompileOptions {
  /** extra folds (traditional → simplified, NFKC) for the characters the pack uses */
  foldPairsFor?: (alphabet: ReadonlySet<number>) => [number, number][];
  version?: string;
}

const DEFAULT_GAP = 6;
const MAX_EXPANSIONS = 256;

export function parsePackFile(source: PackSourceFile): PackFileSource {
  const result = PackFileSource.safeParse(source.data, ISSUE_TEXT_PARSE);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  throw new PackError(
    source.file,
    ruleIdAt(source.data, path),
    fieldName(path),
    issue ? issueProblem(issue) : problem('notValid'),
    source.lineOf?.(path),
  );
}

function ruleIdAt(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.length < 2 || (path[0] !== 'rules' && path[0] !== 'cues')) return undefined;
  const list = (data as Record<string, unknown> | null)?.[path[0]];
  const item = Array.isArray(list) ? list[Number(path[1])] : undefined;
  const id = (item as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : `#${String(path[1])}`;
}

function fieldName(path: readonly PropertyKey[]): string {
  const rest = path[0] === 'rules' || path[0] === 'cues' ? path.slice(2) : path;
  return rest.length === 0 ? String(path[0] ?? '(root)') : rest.map(String).join('.');
}

export function expandAliases(
  pattern: string,
  aliases: ReadonlyMap<string, readonly string[]>,
  where: { file: string; id: string },
): string[] {
  let results = [''];
  const parts = pattern.split(/(\{[a-z0-9-]+\})/);
  for (const part of parts) {
    const alias = /^\{([a-z0-9-]+)\}$/.exec(part);
    const options = alias ? aliases.get(alias[1] ?? '') : [part];
    if (!options) throw new PackError(where.file, where.id, 'patterns', problem('unknownAlias', { alias: part }));
    results = results.flatMap((prefix) => options.map((o) => prefix + o));
    if (results.length > MAX_EXPANSIONS) {
      throw new PackError(where.file, where.id, 'patterns', problem('tooManySpellings', { pattern, limit: MAX_EXPANSIONS }));
    }
  }
  return results;
}

interface Located<T> {
  file: string;
  item: T;
}

/** Validates every source file and compiles them into one pack. Throws PackError. */
export function compilePack(sources: readonly PackSourceFile[], options: CompileOptions = {}): CompiledPack {
  const rules: Located<RuleSource>[] = [];
  const cues: Located<CueSource>[] = [];
  const aliases = new Map<string, string[]>();
  const families = new Map<LureCategory, FamilySource>();
  const seen = new Map<string, string>();

  for (const source of sources) {
    const parsed = parsePackFile(source);
    for (const [name, spellings] of Object.entries(parsed.aliases ?? {})) {
      if (aliases.has(name)) throw new PackError(source.file, undefined, `aliases.${name}`, problem('aliasTwice'));
      aliases.set(name, spellings);
    }
    for (const [category, family] of Object.entries(parsed.families ?? {}) as [LureCategory, FamilySource][]) {
      if (families.has(category)) throw new PackError(source.file, undefined, `families.${category}`, problem('familyTwice'));
      families.set(category, family);
    }
    for (const item of [...(parsed.rules ?? []), ...(parsed.cues ?? [])]) {
      if (item.id.startsWith('family-')) throw new PackError(source.file, item.id, 'id', problem('familyPrefix'));
      const earlier = seen.get(item.id);
      if (earlier !== undefined) {
        throw new PackError(source.file, item.id, 'id', problem('duplicateId', { file: earlier }));
      }
      seen.set(item.id, source.file);
    }
    for (const item of parsed.rules ?? []) rules.push({ file: source.file, item });
    for (const item of parsed.cues ?? []) cues.push({ file: source.file, item });
  }

  const rawEntries: { kind: 'rule' | 'cue'; ref: number; pieces: string[]; gap: number }[] = [];
  const addPatterns = (
    kind: 'rule' | 'cue',
    ref: number,
    { file, item }: Located<RuleSource | CueSource>,
  ): void => {
    for (const pattern of item.patterns) {
      for (const spelling of expandAliases(pattern, aliases, { file, id: item.id })) {
        const pieces = spelling.split(/…|\.\.\./).map((p) => normalizeLiteral(p));
        if (pieces.some((p) => p.length === 0)) {
          throw new PackError(file, item.id, 'patterns', problem('emptyPiece', { pattern }));
        }
        if (pieces.every((p) => p.length < MIN_LITERAL_LENGTH)) {
          throw new PackError(file, item.id, 'patterns', problem('shortPiece', { pattern, limit: MIN_LITERAL_LENGTH }));
        }
        rawEntries.push({ kind, ref, pieces, gap: item.gap ?? DEFAULT_GAP });
      }
    }
  };
  rules.forEach((r, i) => addPatterns('rule', i, r));
  cues.forEach((c, i) => addPatterns('cue', i, c));

  const alphabet = new Set<number>();
  for (const e of rawEntries) for (const p of e.pieces) for (let i = 0; i < p.length; i++) alphabet.add(p.charCodeAt(i));
  const fold = (options.foldPairsFor?.(alphabet) ?? []).sort((a, b) => a[0] - b[0]);

  const literalIndex = new Map<string, number>();
  const literals: string[] = [];
  const entries: CompiledEntry[] = [];
  const entryKeys = new Set<string>();
  for (const e of rawEntries) {
    const key = `${e.kind}:${e.ref}:${e.gap}:${e.pieces.join('\u0000')}`;
    if (entryKeys.has(key)) continue;
    entryKeys.add(key);
    const pieces = e.pieces.map((p) => {
      let index = literalIndex.get(p);
      if (index === undefined) {
        index = literals.length;
        literals.push(p);
        literalIndex.set(p, index);
      }
      return index;
    });
    entries.push({ kind: e.kind, ref: e.ref, pieces, gap: e.gap });
  }

  const pack: CompiledPack = {
    format: 1,
    version: '',
    rules: rules.map(({ item }) => ({
      id: item.id,
      category: item.category,
      title: item.title,
      weight: item.weight,
      explain: item.explain,
      ...(item.needsTopic ? { needsTopic: true } : {}),
      ...(item.source !== undefined ? { source: item.source } : {}),
    })),
    cues: cues.map(({ item }) => ({ id: item.id, kind: item.kind })),
    ...(families.size > 0 ? { families: Object.fromEntries([...families].sort((a, b) => (a[0] < b[0] ? -1 : 1))) } : {}),
    literals,
    entries,
    fold,
  };
  pack.version = options.version ?? `0-${hashString(JSON.stringify(pack))}`;
  return pack;
}

/** FNV-1a, enough to tell two packs apart in a bug report. */
export function hashString(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
