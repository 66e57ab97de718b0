import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = { sendMessage: vi.fn() };
const tabs = { sendMessage: vi.fn() };
vi.mock('../../src/shared/browser', () => ({ browser: { runtime, tabs } }));

const { askBackground, askContent, ReplyError } = await import('../../src/shared/ask');
const { ContentPing, TabCheckPage } = await import('../../src/shared/messages');

describe('ask', () => {
  beforeEach(() => {
    runtime.sendMessage.mockReset();
    tabs.sendMessage.mockReset();
  });

  it('sends the request with its type and gives back the parsed reply', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: false, error: 'no page', extra: 'dropped' });
    await expect(askBackground(TabCheckPage, { tabId: 4 })).resolves.toEqual({ ok: false, error: 'no page' });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'tab/checkPage', tabId: 4 });
  });

  it('rejects a reply that breaks the contract, and a missing one', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: 'yes' });
    await expect(askBackground(TabCheckPage, { tabId: 4 })).rejects.toBeInstanceOf(ReplyError);
    runtime.sendMessage.mockResolvedValue(undefined);
    await expect(askBackground(TabCheckPage, { tabId: 4 })).rejects.toThrow(/no receiver answered/);
  });

  it('asks the top frame of a tab unless told otherwise', async () => {
    tabs.sendMessage.mockResolvedValue({ ok: true, docId: 'doc' });
    await expect(askContent(ContentPing, 3, {})).resolves.toEqual({ ok: true, docId: 'doc' });
    expect(tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'content/ping' }, { frameId: 0 });
    await askContent(ContentPing, 3, {}, 'all-frames');
    expect(tabs.sendMessage).toHaveBeenLastCalledWith(3, { type: 'content/ping' });
  });
});
