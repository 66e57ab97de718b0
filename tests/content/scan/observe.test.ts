// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observePage } from '../../../src/content/scan/observe';

/**
 * The observer's back-off, on a fake clock: a page that floods us with nodes is scanned less
 * and less often (each scan takes what arrived meanwhile), says so, and comes back when calm.
 */

interface Watch {
  scans: Node[][];
  throttled: boolean[];
  controller: AbortController;
}

function watch(busyMs = 1): Watch {
  const scans: Node[][] = [];
  const throttled: boolean[] = [];
  const controller = new AbortController();
  observePage(document, controller.signal, {
    onAdded: async (nodes) => {
      scans.push(nodes);
      return busyMs;
    },
    onThrottled: (value) => throttled.push(value),
    onNavigated: () => undefined,
  });
  return { scans, throttled, controller };
}

let added = 0;
function addParagraphs(count: number): void {
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `第${added++}条`;
    document.body.append(p);
    // the page keeps a window of the latest ones, like a ticker
    if (document.body.childElementCount > 200) document.body.firstElementChild?.remove();
  }
}

/** `perTick` nodes every `everyMs` for `forMs`, letting mutation records and scans settle in between */
async function mutate(perTick: number, everyMs: number, forMs: number): Promise<number> {
  let count = 0;
  for (let t = 0; t < forMs; t += everyMs) {
    addParagraphs(perTick);
    count += perTick;
    await vi.advanceTimersByTimeAsync(everyMs);
  }
  return count;
}

describe('observePage back-off', () => {
  let current: Watch | undefined;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
    document.body.replaceChildren();
    added = 0;
  });

  afterEach(() => {
    current?.controller.abort();
    current = undefined;
    vi.useRealTimers();
  });

  it('scans an ordinary trickle of changes promptly and is never throttled', async () => {
    current = watch();
    // a feed: a few cards a second
    await mutate(1, 500, 10_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(current.scans.length).toBeGreaterThanOrEqual(19);
    expect(current.throttled).toEqual([]);
  });

  it('coalesces a flood of mutations into few scans, backs off and says so', async () => {
    current = watch();
    // 10 nodes every 10 ms, 1,000 a second, for 20 s
    const mutations = await mutate(10, 10, 20_000);
    const scans = current.scans.length;
    // without back-off a 400 ms debounce would scan 50 times; the delay doubles up to 8 s
    expect(scans).toBeLessThan(mutations / 1_000);
    expect(scans).toBeLessThan(20_000 / 400 / 4);
    expect(scans).toBeGreaterThan(0);
    expect(current.throttled).toEqual([true]);
    // each scan took what arrived meanwhile (capped where it overflowed to a whole-page scan)
    expect(current.scans.every((nodes) => nodes.length > 0)).toBe(true);
  });

  it('comes back to normal once the page calms down', async () => {
    current = watch();
    await mutate(10, 10, 10_000);
    expect(current.throttled).toEqual([true]);
    // the flood stops: within the longest delay plus the calm period, scanning is normal again
    await vi.advanceTimersByTimeAsync(8_000 + 2_000 + 100);
    expect(current.throttled).toEqual([true, false]);
    // and a later change is scanned within the normal debounce
    const before = current.scans.length;
    addParagraphs(1);
    await vi.advanceTimersByTimeAsync(450);
    expect(current.scans.length).toBe(before + 1);
  });

  it('a short burst (a view rendering) is not reported as throttled', async () => {
    current = watch();
    await mutate(300, 10, 10);
    await vi.advanceTimersByTimeAsync(5_000);
    addParagraphs(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(current.scans.length).toBe(2);
    expect(current.throttled).toEqual([]);
  });

  it('backs off when the scans themselves are costly, even at a modest rate', async () => {
    // each scan holds the thread 200 ms: more than a tenth of the time at any short delay
    current = watch(200);
    await mutate(1, 100, 20_000);
    expect(current.throttled).toEqual([true]);
    expect(current.scans.length).toBeLessThan(20_000 / 400 / 4);
  });

  it('stops for good when its signal aborts', async () => {
    current = watch();
    current.controller.abort();
    await mutate(10, 10, 2_000);
    expect(current.scans).toEqual([]);
    expect(current.throttled).toEqual([]);
  });
});

describe('observePage: changes that add no element', () => {
  let controller: AbortController | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
    document.body.innerHTML = '<p id="p">今天天气很好</p><section id="s" class="hide"><p>藏起来的一段</p></section><div id="d">x</div>';
  });
  afterEach(() => {
    controller?.abort();
    vi.useRealTimers();
  });

  function watchChanges(onStyleChanged = () => undefined): Node[][] {
    const scans: Node[][] = [];
    controller = new AbortController();
    observePage(document, controller.signal, { onAdded: async (nodes) => void scans.push(nodes), onNavigated: () => undefined, onStyleChanged });
    return scans;
  }

  it('rescans a text node whose data is rewritten', async () => {
    const scans = watchChanges();
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = '停息挂账，加微信';
    await vi.advanceTimersByTimeAsync(450);
    expect(scans).toEqual([[text]]);
  });

  it.each([
    ['class', (el: Element) => el.classList.remove('hide')],
    ['style', (el: Element) => el.setAttribute('style', 'display:block')],
    ['hidden', (el: Element) => el.toggleAttribute('hidden')],
    ['open', (el: Element) => el.setAttribute('open', '')],
  ])('rescans the element whose %s changes', async (_name, change) => {
    const scans = watchChanges();
    const section = document.getElementById('s')!;
    change(section);
    await vi.advanceTimersByTimeAsync(450);
    expect(scans).toEqual([[section]]);
  });

  it('an element restyled over and over is scanned once per flush, and other attributes are ignored', async () => {
    const scans = watchChanges();
    const div = document.getElementById('d')!;
    for (let i = 0; i < 50; i++) div.style.left = `${i}px`;
    div.setAttribute('data-x', '1');
    await vi.advanceTimersByTimeAsync(450);
    expect(scans).toEqual([[div]]);
  });

  it('says when a stylesheet changes', async () => {
    const restyled = vi.fn();
    watchChanges(restyled);
    const style = document.createElement('style');
    style.textContent = '.hide { display: block }';
    document.head.append(style);
    await vi.advanceTimersByTimeAsync(10);
    expect(restyled).toHaveBeenCalled();
  });
});
