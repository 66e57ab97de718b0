import { pollFor, sleep, type BannerState, type PageDriver, type VerdictState } from './browser-session';
import { PAGE_SEES_ROOT } from './own-ui';

/** Reads the banner of a page and the verdict of a popup, in any browser session. */

/** what the banner shows, read inside its closed shadow root (exposed by support/own-ui.ts) */
const READ_BANNER = `(() => {
  const panel = root.querySelector('.panel');
  const texts = [];
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag = node.parentElement && node.parentElement.tagName;
    if (tag !== 'STYLE' && tag !== 'SCRIPT') texts.push(node.textContent);
  }
  return {
    level: panel.getAttribute('data-level') || '',
    text: texts.join(' ').replace(/\\s+/g, ' ').trim(),
    links: [...panel.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    actions: [...panel.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action')),
    pageSeesRoot: ${PAGE_SEES_ROOT},
  };
})()`;

export async function readBanner(page: PageDriver): Promise<BannerState | null> {
  return page.inOwnUi<BannerState>('banner', READ_BANNER);
}

export async function waitForBanner(page: PageDriver, timeoutMs = 10_000): Promise<BannerState> {
  return pollFor(`the fcs-guard banner on ${page.url()}`, timeoutMs, async () => (await readBanner(page)) ?? undefined);
}

/**
 * Absence cannot be awaited: wait for the load event, give the extension a bounded time to
 * scan and answer, then look once more.
 */
export async function expectNoBanner(page: PageDriver, settleMs = 1_500): Promise<void> {
  await pollFor('the page to finish loading', 10_000, async () =>
    (await page.evaluate<string>('document.readyState')) === 'complete' ? true : undefined,
  );
  await sleep(settleMs);
  const banner = await readBanner(page);
  if (banner) {
    throw new Error(`expected no banner on ${page.url()}, found level ${banner.level}: ${banner.text}`);
  }
}

const READ_VERDICT = `(() => {
  const el = document.querySelector('[data-testid="verdict"]');
  // the popup's markup carries data-level="none" before its first render: an empty heading is no verdict yet
  if (!el || !el.textContent.trim()) return null;
  return { level: el.getAttribute('data-level') || '', text: (document.body.innerText || '').trim() };
})()`;

export async function readVerdict(popup: PageDriver): Promise<VerdictState | null> {
  return popup.evaluate<VerdictState | null>(READ_VERDICT);
}

/** waits until the popup shows a verdict that `accept` takes (default: any verdict) */
export async function waitForVerdict(
  popup: PageDriver,
  accept: (verdict: VerdictState) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<VerdictState> {
  let last: VerdictState | null = null;
  try {
    return await pollFor('a verdict in the popup', timeoutMs, async () => {
      last = await readVerdict(popup);
      return last && accept(last) ? last : undefined;
    });
  } catch (error) {
    const seen = last as VerdictState | null;
    throw new Error(`${(error as Error).message}; last seen: ${seen ? `level=${seen.level} "${seen.text.slice(0, 300)}"` : 'no verdict yet'}`);
  }
}
