/** Content script entry: wires the scanner, observer, banner and router for this frame. */
import pack from 'virtual:fcs-pack';
import { browser } from '../shared/browser';
import type { ToBackground } from '../shared/messages';
import { isBannerHost, removeBanner, showBanner } from './banner';
import { bannerStrings } from './banner-strings';
import { observePage } from './observe';
import { PageScanner } from './page-scanner';
import { listenForMessages } from './router';
import { takeOverFrame } from './single-instance';

const controller = takeOverFrame();
const { signal } = controller;
const scanner = new PageScanner(pack, document, signal);
const isTopFrame = window === window.top;
let dismissed = false;

signal.addEventListener('abort', () => {
  if (isTopFrame) removeBanner(document);
});

function logError(error: unknown): void {
  // the extension was reloaded or updated under us: this instance is finished
  if (String(error).includes('Extension context invalidated')) controller.abort();
  else console.debug('fcs-guard:', error);
}

listenForMessages(
  {
    ping: () => ({ ok: true, docId: scanner.docId }),
    rescan: async () => ({ ok: true, blocks: await scanner.scanAll() }),
    showBanner: ({ level, titles }) => {
      if (isTopFrame && !dismissed && !signal.aborted) {
        showBanner(document, { level, titles }, bannerStrings(), {
          onDetails: () => {
            const message: ToBackground = { type: 'banner/openDetails' };
            browser.runtime.sendMessage(message).catch(logError);
          },
          onDismiss: () => (dismissed = true),
        });
      }
      return { ok: true };
    },
  },
  signal,
);

observePage(document, signal, {
  isOwnUi: isBannerHost,
  onAdded: (nodes) => void scanner.scanAdded(nodes).catch(logError),
  onNavigated: () => {
    dismissed = false;
    if (isTopFrame) removeBanner(document);
    void scanner.scanAll().catch(logError);
  },
});

void scanner.scanAll().catch(logError);
