/**
 * Every finding `web-ext lint` reports on a built package that we keep, each with its reason.
 * The Firefox package has no error and no warning outside this list; the Chrome package is
 * linted too, and what Firefox's linter says of it is here, because it is not for Firefox.
 * tests/e2e/trust-static.e2e.test.ts holds the packages to this list (an entry no longer
 * reported fails as well), and the reviewer notes quote the Firefox reasons.
 */
import type { TargetBrowser } from './manifest-for';

export interface LintFinding {
  code: string;
  file?: string;
  message: string;
}

export interface LintAllowance {
  browser: TargetBrowser;
  code: string;
  /** the file it is reported in, when that matters, and that file as the notes name it */
  file?: RegExp;
  where?: string;
  reason: string;
}

const ONNX_IMPORT =
  "onnxruntime-web's loader can `import()` its WebAssembly glue module from a computed URL. It does so only when the glue " +
  'is not bundled or a custom `wasmPaths` is set; this build bundles it and sets none, and the extension pages\' CSP ' +
  "(`script-src 'self'`) would refuse a module from anywhere but the extension itself.";

const OCR_BUNDLE = /^assets\/extension-ocr-[\w-]+\.js$/;

const NOT_FOR_FIREFOX = 'The Chrome package is not for Firefox: ';

export const LINT_ALLOWANCES: readonly LintAllowance[] = [
  { browser: 'firefox', code: 'UNSAFE_VAR_ASSIGNMENT', file: OCR_BUNDLE, where: 'assets/extension-ocr-*.js', reason: ONNX_IMPORT },
  { browser: 'chrome', code: 'UNSAFE_VAR_ASSIGNMENT', file: OCR_BUNDLE, where: 'assets/extension-ocr-*.js', reason: ONNX_IMPORT },
  {
    browser: 'chrome',
    code: 'MANIFEST_PERMISSIONS',
    reason: `${NOT_FOR_FIREFOX}\`offscreen\` is Chrome's (the OCR runs in an offscreen document); the Firefox package leaves it out.`,
  },
  {
    browser: 'chrome',
    code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
    reason: `${NOT_FOR_FIREFOX}the Firefox package declares \`data_collection_permissions\` (none).`,
  },
  {
    browser: 'chrome',
    code: 'BACKGROUND_SERVICE_WORKER_NOFALLBACK',
    reason: `${NOT_FOR_FIREFOX}Chrome runs the background as a service worker; the Firefox package has \`background.scripts\`.`,
  },
  {
    browser: 'chrome',
    code: 'ADDON_ID_REQUIRED',
    reason: `${NOT_FOR_FIREFOX}the Firefox package carries the add-on id.`,
  },
];

export const allowanceFor = (browser: TargetBrowser, finding: LintFinding): LintAllowance | undefined =>
  LINT_ALLOWANCES.find((a) => a.browser === browser && a.code === finding.code && (!a.file || a.file.test(finding.file ?? '')));
