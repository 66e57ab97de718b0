/** The popup's line saying a page changes so fast that its checking was slowed down for now. */
import type { MessageKey } from '../shared/i18n';
import type { TabVerdict } from '../shared/messages';

export function renderScanPaused(doc: Document, view: TabVerdict, t: (key: MessageKey) => string): void {
  const line = doc.querySelector<HTMLElement>('[data-testid="scan-paused"]');
  if (!line) return;
  line.hidden = view.scanPaused !== true;
  line.textContent = line.hidden ? '' : t('popupScanPaused');
}
