import { vi } from 'vitest';
import type { BackgroundHandlers } from '../../src/background/route-message';

/** Every background handler as a mock that answers something valid, for router tests. */
export function mockHandlers(): Required<BackgroundHandlers> {
  return {
    report: vi.fn(async () => undefined),
    openDetails: vi.fn(async () => undefined),
    getVerdict: vi.fn(async () => ({ scanned: false, level: 'none' as const, score: 0, flaggedBlocks: 0, antiFraudPage: false, reasons: [], lures: [] })),
    checkPage: vi.fn(async () => ({ ok: false as const, error: 'x' })),
    decide: vi.fn(async () => undefined),
    mute: vi.fn(async () => undefined),
    readImages: vi.fn(async () => ({ ok: true as const, readings: [] })),
    getImageCrops: vi.fn(async () => ({ crops: [] })),
  };
}
