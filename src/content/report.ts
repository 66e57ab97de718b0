import { browser } from '../shared/browser';
import { LIMITS } from '../shared/limits';
import type { BlockReport, ToBackground } from '../shared/messages';

/** Sends findings in message-sized chunks; a full scan replaces what the frame reported before. */
export async function sendReports(docId: string, replace: boolean, reports: readonly BlockReport[]): Promise<void> {
  let first = true;
  for (let i = 0; i < reports.length || (first && replace); i += LIMITS.blocksPerReport) {
    const message: ToBackground = {
      type: 'scan/report',
      docId,
      replace: replace && first,
      blocks: reports.slice(i, i + LIMITS.blocksPerReport),
    };
    first = false;
    await browser.runtime.sendMessage(message);
  }
}
