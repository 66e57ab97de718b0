import { describe, expect, it } from 'vitest';
import baseManifest from '../../manifest.json';
import { manifestFor } from '../../tools/build/manifest-for';

/** The OCR host differs per browser: an offscreen document in Chrome, the background page in Firefox. */
describe('manifest for the OCR host', () => {
  it('asks Chrome for offscreen documents', () => {
    expect((manifestFor(baseManifest, 'chrome') as { permissions?: string[] }).permissions).toContain('offscreen');
  });

  it('does not ask Firefox for a permission it does not know', () => {
    const firefox = manifestFor(baseManifest, 'firefox') as { permissions?: string[] };
    expect(firefox.permissions).not.toContain('offscreen');
    expect(firefox.permissions).toEqual(expect.arrayContaining(['storage', 'scripting']));
  });

  it('lets extension pages compile WebAssembly, and nothing evaluated from strings', () => {
    const policy = baseManifest.content_security_policy.extension_pages;
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(policy.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(policy).toMatch(/connect-src 'self';/);
  });
});
