import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPreferences } from '../../src/content/preferences';
import { currentLanguage, setLanguage } from '../../src/shared/i18n';
import { SETTINGS_KEY } from '../../src/shared/settings';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;
const storage = vi.hoisted(() => ({ stored: {} as Record<string, unknown>, listeners: new Set<Listener>() }));

vi.mock('../../src/shared/browser', () => ({
  browser: {
    i18n: { getMessage: () => '' },
    storage: {
      local: {
        get: async () => storage.stored,
        onChanged: {
          addListener: (listener: Listener) => storage.listeners.add(listener),
          removeListener: (listener: Listener) => storage.listeners.delete(listener),
        },
      },
    },
  },
}));

const change = (settings: unknown) => storage.listeners.forEach((listener) => listener({ [SETTINGS_KEY]: { newValue: settings } }));

describe('content preferences', () => {
  afterEach(() => setLanguage('auto'));

  it('apply the stored language before the first banner, and follow changes', async () => {
    storage.stored = { [SETTINGS_KEY]: { language: 'zh_CN' } };
    const controller = new AbortController();
    const onChange = vi.fn();
    const preferences = watchPreferences(controller.signal, onChange);
    await preferences.ready;
    expect(currentLanguage()).toBe('zh_CN');
    expect(preferences.current().largeText).toBe(false);

    change({ language: 'en', largeText: true });
    expect(currentLanguage()).toBe('en');
    expect(preferences.current().largeText).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[1]).toMatchObject({ language: 'zh_CN', largeText: false });

    controller.abort();
    expect(storage.listeners.size).toBe(0);
  });

  it('leaves no storage listener behind for an instance that was already replaced', async () => {
    storage.listeners.clear();
    storage.stored = { [SETTINGS_KEY]: { language: 'en' } };
    const controller = new AbortController();
    controller.abort();
    const preferences = watchPreferences(controller.signal);
    await preferences.ready;
    expect(storage.listeners.size).toBe(0);
    expect(preferences.current().language).toBe('en');
  });

  it('a damaged language falls back to following the browser', async () => {
    storage.stored = { [SETTINGS_KEY]: { language: 'klingon' } };
    setLanguage('en');
    await watchPreferences(new AbortController().signal).ready;
    expect(currentLanguage()).toBe('auto');
  });
});
