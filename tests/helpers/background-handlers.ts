import { vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundHandlers } from '../../src/background/router';
import { routeRequest, type SelfIdentity } from '../../src/shared/contract';
import { TO_BACKGROUND } from '../../src/shared/messages';

/** The background's routing, as its router runs it, without the browser. */
export function routeMessage(raw: unknown, sender: Runtime.MessageSender, handlers: BackgroundHandlers, self: SelfIdentity): Promise<unknown> | undefined {
  return routeRequest(TO_BACKGROUND, handlers, raw, sender, self);
}

/** Every background handler as a mock that answers something valid, for router tests. */
export function mockHandlers(): BackgroundHandlers {
  const ack = { ok: true as const };
  return {
    'scan/report': vi.fn(async () => ack),
    'banner/openDetails': vi.fn(async () => ack),
    'banner/decide': vi.fn(async () => ack),
    'banner/tampered': vi.fn(async () => ack),
    'image/read': vi.fn(async () => ({ ok: true as const, readings: [] })),
    'tab/getVerdict': vi.fn(async () => ({ scanned: false, level: 'none' as const, score: 0, flaggedBlocks: 0, antiFraudPage: false, reasons: [], lures: [] })),
    'tab/checkPage': vi.fn(async () => ({ ok: false as const, error: 'x' })),
    'tab/getImageCrops': vi.fn(async () => ({ crops: [] })),
  };
}
