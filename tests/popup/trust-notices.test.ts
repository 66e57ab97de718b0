// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_SITES, showTrustNotices, type NoticeApis } from '../../src/popup/trust-notices';
import { SETTINGS_KEY } from '../../src/shared/settings';

const t = (key: string) => `«${key}»`;

function apis(hasAccess: boolean, stored: unknown, grant = true): NoticeApis & { request: ReturnType<typeof vi.fn> } {
  const request = vi.fn(async () => grant);
  return {
    request,
    permissions: { contains: vi.fn(async () => hasAccess), request },
    settingsArea: { get: async () => (stored === undefined ? {} : { [SETTINGS_KEY]: stored }) },
  };
}

describe('popup trust notices', () => {
  beforeEach(() => {
    document.body.innerHTML = '<main><section class="verdict"></section></main>';
  });

  it('shows nothing when all is well', async () => {
    expect(await showTrustNotices(document, apis(true, { threshold: 60 }), t as never)).toEqual([]);
    expect(document.querySelector('[data-testid]')).toBeNull();
  });

  it('without access to sites, says so and asks for it from the click', async () => {
    const fake = apis(false, undefined);
    expect(await showTrustNotices(document, fake, t as never)).toEqual(['host-access']);
    const box = document.querySelector<HTMLElement>('[data-testid="host-access"]');
    expect(box?.textContent).toContain('«hostAccessMissing»');
    expect(fake.request).not.toHaveBeenCalled();
    document.querySelector<HTMLButtonElement>('[data-testid="host-access-grant"]')?.click();
    expect(fake.request).toHaveBeenCalledWith(ALL_SITES);
    await vi.waitFor(() => expect(document.querySelector('[data-testid="host-access"]')).toBeNull());
  });

  it('keeps the notice when the user declines', async () => {
    const fake = apis(false, undefined, false);
    await showTrustNotices(document, fake, t as never);
    document.querySelector<HTMLButtonElement>('[data-testid="host-access-grant"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('[data-testid="host-access"]')).not.toBeNull();
  });

  it('names the settings that were reset after damage', async () => {
    await showTrustNotices(document, apis(true, { threshold: 'high', allowedSites: ['ok.example', 3] }), t as never);
    expect(document.querySelector('[data-testid="settings-repaired"]')?.textContent).toBe('«settingsRepaired» threshold, allowedSites');
  });

  it('a stored value that is not an object at all', async () => {
    await showTrustNotices(document, apis(true, '{"threshold": 4'), t as never);
    expect(document.querySelector('[data-testid="settings-repaired"]')?.textContent).toContain('settings');
  });
});
