// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledPack } from '../../../src/engine/types';
import { AD_TEXT, TEST_PACK } from '../../helpers/test-pack';

const sent: { replace: boolean; blocks: number }[] = [];
vi.mock('../../../src/content/scan/report', () => ({
  sendReports: async (_docId: string, replace: boolean, reports: readonly unknown[]) => {
    sent.push({ replace, blocks: reports.length });
  },
}));
vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

const { PageScanner } = await import('../../../src/content/scan/page-scanner');

/**
 * The matcher is built when text first needs matching, in tasks of its own: the page gets its
 * turn between the pack's decoding and each step of the build, and scans that start meanwhile
 * share one build.
 */
describe('PageScanner: building the matcher', () => {
  let tasks = 0;
  const realSetTimeout = globalThis.setTimeout;

  beforeEach(() => {
    sent.length = 0;
    tasks = 0;
    document.body.innerHTML = `<main><p>${AD_TEXT}</p><p>今天的天气很好，我们去公园散步。</p></main>`;
    // every yield to the page is a new task: count them (happy-dom has no scheduler.yield)
    vi.stubGlobal('setTimeout', ((fn: () => void, ms?: number) => {
      tasks++;
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('decodes the pack only when a scan needs it, then builds in several tasks', async () => {
    let packTask = -1;
    const pack = vi.fn((): CompiledPack => ((packTask = tasks), TEST_PACK));
    const scanner = new PageScanner(pack, document, new AbortController().signal);
    expect(pack).not.toHaveBeenCalled();
    const found = await scanner.scanAll();
    expect(found).toBe(1);
    expect(pack).toHaveBeenCalledTimes(1);
    // not in the task that started the scan, and the build went on over more tasks after it
    expect(packTask).toBeGreaterThan(0);
    expect(tasks - packTask).toBeGreaterThanOrEqual(6);
    expect(sent).toEqual([{ replace: true, blocks: 1 }]);
  });

  it('shares one build between scans that start together', async () => {
    const pack = vi.fn((): CompiledPack => TEST_PACK);
    const scanner = new PageScanner(pack, document, new AbortController().signal);
    const added = document.createElement('p');
    added.textContent = '停息挂账，加微信，预缴服务费';
    document.body.append(added);
    const [all] = await Promise.all([scanner.scanAll(), scanner.scanAdded([added])]);
    expect(all).toBe(2);
    expect(pack).toHaveBeenCalledTimes(1);
    expect(scanner.matcher.pack).toBe(TEST_PACK);
  });

  it('hands the synchronous getter a matcher at once, and a build under way then uses it', async () => {
    const pack = vi.fn((): CompiledPack => TEST_PACK);
    const scanner = new PageScanner(pack, document, new AbortController().signal);
    const scanning = scanner.scanAll();
    const matcher = scanner.matcher;
    expect(matcher.pack).toBe(TEST_PACK);
    expect(await scanning).toBe(1);
    expect(scanner.matcher).toBe(matcher);
  });

  it('builds nothing for a frame without text', async () => {
    document.body.innerHTML = '<div><img alt=""></div>';
    const pack = vi.fn((): CompiledPack => TEST_PACK);
    const scanner = new PageScanner(pack, document, new AbortController().signal);
    expect(await scanner.scanAll()).toBe(0);
    expect(pack).not.toHaveBeenCalled();
  });
});
