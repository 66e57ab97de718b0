import { askBackground } from '../../shared/ask';
import { LIMITS } from '../../shared/limits';
import { ScanReport, type BlockReport } from '../../shared/messages';

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
    await askBackground(ScanReport, {
      docId,
      replace: replace && first,
      blocks: reports.slice(i, i + LIMITS.blocksPerReport),
      throttled,
    });
    first = false;
  }
}
