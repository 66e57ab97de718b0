// Lint: typescript-eslint's recommended rules, no `any`, and the architecture's import boundaries
// (CONVENTIONS: data flows one way; src/ ships or is run by a user, tools/ and tests/ do not ship).
import tseslint from 'typescript-eslint';

/** a folder's imports may not reach these folders of src/ */
const forbid = (...folders) =>
  folders.map((folder) => ({ group: [`**/${folder}/**`, `**/${folder}`], message: `the architecture does not let this folder import src/${folder}` }));
const outsideSrc = [
  { group: ['**/tools/**', '**/tests/**'], message: 'src/ holds what ships or what a user runs: it never imports tools/ or tests/' },
];
const restrict = (...patterns) => ['error', { patterns: [...outsideSrc, ...patterns] }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/e2e/fixtures/**', '.eval-out/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': restrict() } },
  {
    // the engine is pure: no browser API, no DOM, no other part of the extension
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['webextension-polyfill'], message: 'the engine runs in Node, the page and the worker alike: no browser API' },
        ...forbid('shared', 'content', 'background', 'popup', 'options', 'offscreen', 'ocr', 'cli'),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'location'],
    },
  },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': restrict(...forbid('content', 'background', 'popup', 'options', 'offscreen', 'cli')) } },
  { files: ['src/content/**/*.ts'], rules: { 'no-restricted-imports': restrict(...forbid('background', 'popup', 'options', 'offscreen', 'cli')) } },
  { files: ['src/background/**/*.ts'], rules: { 'no-restricted-imports': restrict(...forbid('content', 'popup', 'options', 'cli')) } },
  { files: ['src/popup/**/*.ts', 'src/options/**/*.ts'], rules: { 'no-restricted-imports': restrict(...forbid('content', 'background', 'offscreen', 'cli')) } },
  { files: ['src/ocr/**/*.ts', 'src/offscreen/**/*.ts'], rules: { 'no-restricted-imports': restrict(...forbid('content', 'background', 'popup', 'options', 'cli')) } },
);
