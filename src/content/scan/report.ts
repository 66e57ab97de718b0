import { browser } from '../../shared/browser';
import { LIMITS } from '../../shared/limits';
import type { BlockReport, ToBackground } from '../../shared/messages';

/**
 * Sends findings in message-sized chunks; a full scan replaces what the frame reported before.
 * `throttled` goes with every message; pass it to send even when there are no findings.
 */
export async function sendReports(
  docId: string,
  replace: boolean,
  reports: readonly BlockReport[],
  throttled?: boolean,
): Promise<void> {
  let first = true;
  for (let i = 0; i < reports.length || (first && (replace || throttled !== undefined)); i += LIMITS.blocksPerReport) {
    const message: ToBackground = {
      type: 'scan/report',
      docId,
      replace: replace && first,
      blocks: reports.slice(i, i + LIMITS.blocksPerReport),
      throttled,
    };
    first = false;
    await browser.runtime.sendMessage(message);
  }
}
