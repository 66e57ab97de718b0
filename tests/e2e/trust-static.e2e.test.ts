import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allowanceFor, LINT_ALLOWANCES, type LintFinding } from '../../tools/build/lint-allowances';
import { DIST_DIR } from './support/browsers';

/**
 * What the shipped extension is made of, read from the build (dist/chrome, dist/firefox):
 * a strict CSP (connections and images from itself only), no remote code, no network API in the content script, every permission justified,
 * nothing a page could probe, and packages the store's linter accepts (each warning kept has its reason).
 */

const run = promisify(execFile);
const TARGETS = ['chrome', 'firefox'] as const;

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Every permission fcs-guard asks for, and why; README.md's permission table says the same. */
const JUSTIFIED_PERMISSIONS: Record<string, string> = {
  storage: 'settings and decisions (storage.local), per-tab verdicts and OCR crops that outlive the service worker (storage.session)',
  scripting: '检查此页: inject the content script into a tab that was open before install',
  offscreen: 'Chrome: the page that runs the on-device OCR of ad images (the service worker has no DOM)',
};
const JUSTIFIED_HOSTS: Record<string, string> = {
  '<all_urls>':
    'the automatic scan of every page, the capture of the visible tab for on-device OCR of ad images without a click, the tab address for per-site decisions, and 检查此页',
};

const manifestOf = (target: string): Manifest =>
  JSON.parse(readFileSync(join(DIST_DIR, target, 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Script APIs that reach the network. */
const NETWORK_APIS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts|WebTransport)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection|WebTransport|Worker|SharedWorker)\b/g;

describe.each(TARGETS)('the %s build', (target) => {
  const dir = join(DIST_DIR, target);

  it('has a strict CSP for its pages: own scripts only (WASM for the on-device OCR), connections and images from itself only', () => {
    const csp = manifestOf(target).content_security_policy;
    expect(typeof csp).toBe('object');
    const policy = (csp as { extension_pages?: string }).extension_pages ?? '';
    const directives = new Map(
      policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
    );
    // 'wasm-unsafe-eval' compiles WebAssembly (onnxruntime for OCR); it allows no JS eval
    expect(directives.get('script-src')?.filter((v) => v !== "'wasm-unsafe-eval'")).toEqual(["'self'"]);
    // the browser itself refuses any fetch/XHR/WebSocket from our pages and worker to anywhere else
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    // no remote image either (an <img> is a request too); data: and blob: URLs are bytes the
    // extension already holds (screenshots and OCR crops are PNG data URLs)
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);
  });

  it('asks only for permissions it can justify, and lets no page or extension talk to it', () => {
    const manifest = manifestOf(target);
    for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
      expect(JUSTIFIED_PERMISSIONS, `permission "${permission}" needs a reason here and in README`).toHaveProperty([permission]);
    }
    for (const host of [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]) {
      expect(JUSTIFIED_HOSTS, `host permission "${host}" needs a reason`).toHaveProperty([host]);
    }
    expect(manifest.web_accessible_resources, 'pages could probe for our files').toBeUndefined();
    expect(manifest.externally_connectable, 'pages could message us').toBeUndefined();
    expect(manifest.content_scripts?.flatMap((c) => c.css ?? []) ?? [], 'injected CSS is visible to pages').toEqual([]);
  });

  it('loads no remote code: every script and stylesheet in its pages is a file of its own', () => {
    const pages = filesUnder(dir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const sources = [...html.matchAll(/<(?:script|link|iframe|img|object|embed)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] ?? '');
      for (const source of sources) {
        expect(source, `${relative(dir, page)} loads ${source}`).not.toMatch(/^(https?:|\/\/|data:|blob:)/i);
      }
      expect(html, `${relative(dir, page)} has an inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
  });

  it('ships a content script with no network API (it runs under the page’s rules, not our CSP)', () => {
    // Extension pages and the worker are held to their own files by connect-src 'self' above.
    // The content script is not: it must have nothing that could send page text anywhere.
    const scripts = manifestOf(target).content_scripts?.flatMap((c) => c.js ?? []) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const script of scripts) {
      const code = readFileSync(join(dir, script), 'utf8');
      for (const match of code.matchAll(NETWORK_APIS)) found.push(`${script}: ${match[0]}`);
    }
    expect(found).toEqual([]);
  });
});

interface LintReport {
  errors: LintFinding[];
  warnings: LintFinding[];
  notices: LintFinding[];
}

const reports = new Map<string, Promise<LintReport>>();

/** web-ext lint of a built package, run once per package for all the tests that read it */
function lint(target: (typeof TARGETS)[number]): Promise<LintReport> {
  const cached = reports.get(target);
  if (cached) return cached;
  const report = run(
    'npx',
    ['web-ext', 'lint', '--source-dir', join(DIST_DIR, target), '--self-hosted', '--output', 'json', '--no-input'],
    { maxBuffer: 1 << 24 },
  )
    .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
    .then(({ stdout }) => JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport);
  reports.set(target, report);
  return report;
}

const describeFinding = (f: LintFinding): string => `${f.code} ${f.file ?? ''}: ${f.message}`;
const findingsOf = (report: LintReport): LintFinding[] => [...report.errors, ...report.warnings, ...report.notices];

describe('the Firefox package', () => {
  it('passes web-ext lint with zero errors', { timeout: 120_000 }, async () => {
    expect((await lint('firefox')).errors.map(describeFinding)).toEqual([]);
  });
});

describe.each(TARGETS)('web-ext lint of the %s package', (target) => {
  it('reports nothing without a documented reason (tools/build/lint-allowances.ts)', { timeout: 120_000 }, async () => {
    expect(findingsOf(await lint(target)).filter((f) => !allowanceFor(target, f)).map(describeFinding)).toEqual([]);
  });

  it('still reports everything documented: a reason for a warning that is gone goes too', { timeout: 120_000 }, async () => {
    const findings = findingsOf(await lint(target));
    const stale = LINT_ALLOWANCES.filter((a) => a.browser === target && !findings.some((f) => allowanceFor(target, f) === a));
    expect(stale.map((a) => `${a.code} ${a.where ?? ''}`)).toEqual([]);
  });
});
