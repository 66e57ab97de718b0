/** Content script entry: wires the scanner, observer, banner and router for this frame. */
import { askBackground } from '../shared/ask';
import { browser } from '../shared/browser';
import { loadCustomPack } from '../shared/custom-rules';
import { t } from '../shared/i18n';
import { BannerDecide, BannerOpenDetails, BannerTampered } from '../shared/messages';
import { isBannerHost, isBannerShowing, removeBanner, showBanner, type BannerCallbacks, type BannerContent } from './banner/banner';
import { ownPanels } from './banner/own-host';
import { overlayOf } from './banner/overlay';
import { bannerStrings, inputGuardStrings } from './banner/strings';
import { builtinPack } from './builtin-pack';
import { LureHighlighter } from './banner/highlight';
import { ImageReader } from './images/reader';
import { createInputGuard, type InputGuard } from './input-guard/input-guard';
import { RenderedBlockReader } from './images/rendered-block-reader';
import { watchTyping } from './scan/form-text';
import { HiddenLureWatch } from './scan/hidden-watch';
import { observePage } from './scan/observe';
import { PageScanner, type ScannerHooks } from './scan/page-scanner';
import { watchPreferences, type ContentPreferences } from './preferences';
import { listenForMessages } from './router';
import { yieldToPage } from './scan/scan-blocks';
import { takeOverFrame } from './single-instance';
import { afterPaint, captureGeometry, hideOwnUi, showOwnUi } from './capture-view';

const controller = takeOverFrame();
const { signal } = controller;
// the built-in pack is decoded when first needed (the matcher, custom rules), not in this
// start-up task: the script starts in every frame of every page
// blocks whose lure is hidden now are looked at again when the page may show them; blocks whose
// DOM text does not say what is drawn are read by OCR (top frame only, like images)
const hiddenLures = new HiddenLureWatch(document, signal, (elements) => scanner.scanAdded(elements));
const scannerHooks: ScannerHooks = {
  onHiddenLure: (block) => hiddenLures.add(block.element),
  onUnreadable: (block) => {
    if (window === window.top) renderedBlocks.consider(block);
  },
};
let scanner = new PageScanner(builtinPack, document, signal, scannerHooks);
const renderedBlocks = new RenderedBlockReader(
  document,
  {
    matcher: () => scanner.matcher,
    docId: () => scanner.docId,
    pageHasAdSigns: () => scanner.sawAdSigns,
    // our own boxes, by reference: an element of the page can never claim to be one
    ownUi: () => ownPanels(),
  },
  signal,
);
watchTyping(document, signal);
const highlighter = new LureHighlighter(document, isBannerHost);
signal.addEventListener('abort', () => highlighter.clear());
const isTopFrame = window === window.top;
let dismissed = false;
// OCR of ad-like images: the top frame only, whose viewport is what the tab's screenshot shows
const images = new ImageReader(
  document,
  {
    matcher: () => scanner.matcher,
    docId: () => scanner.docId,
    // our own boxes, by reference: an element of the page can never claim to be one
    ownUi: () => ownPanels(),
    outlineLabel: () => t('imageOutlineLabel'),
  },
  signal,
);
const readImages = (mode: 'auto' | 'check'): Promise<number> =>
  isTopFrame ? renderedBlocks.resend().then(() => images.read(mode)) : Promise.resolve(0);

signal.addEventListener('abort', () => {
  if (isTopFrame) overlayOf(document).dispose();
});

function logError(error: unknown): void {
  // the extension was reloaded or updated under us: this instance is finished
  if (String(error).includes('Extension context invalidated')) controller.abort();
  else console.debug('fcs-guard:', error);
}

const bannerCallbacks: BannerCallbacks = {
  onDetails: () => {
    highlighter.scrollToFirst();
    askBackground(BannerOpenDetails, {}).catch(logError);
  },
  onDismiss: () => (dismissed = true),
  onDecide: (scope, duration) => {
    dismissed = true;
    highlighter.clear();
    askBackground(BannerDecide, { scope, duration }).catch(logError);
  },
  // the page took the warning away: the background warns where the page cannot reach
  onTamper: (kind) => void askBackground(BannerTampered, { kind }).catch(logError),
};
let shownBanner: BannerContent | undefined;
// the flagged blocks last shown, for the evidence screenshot
let flaggedKeys: string[] = [];

function presentBanner(content: BannerContent, preferences: ContentPreferences): void {
  shownBanner = content;
  showBanner(document, content, bannerStrings(preferences.current().largeText), bannerCallbacks);
}

interface Started {
  preferences: ContentPreferences;
  inputGuard: InputGuard;
}


/**
 * The task that evaluates this script, in every frame of every page, is mostly compiling it; it
 * sets up only what a message may need at once. The settings, the input guard, the observer
 * and the first scan start in the next task.
 */
const started: Promise<Started> = yieldToPage().then(start);
started.catch(logError);

listenForMessages(
  {
    'content/ping': () => ({ ok: true, docId: scanner.docId }),
    'content/rescan': async () => {
      const blocks = await scanner.scanAll();
      const imageBlocks = await readImages('check').catch((error: unknown) => (logError(error), 0));
      return { ok: true, blocks: blocks + imageBlocks };
    },
    'banner/show': async ({ level, titles, flagged, frames, inImage, categories }) => {
      // the strings follow the language and plain-words settings, read once at start
      const { preferences, inputGuard } = await started;
      await preferences.ready;
      let quotes: string[] = [];
      // the page reached the warning level: fields asking for ID, card, code or files get a caution
      if (isTopFrame && !signal.aborted) {
        inputGuard.activate();
        quotes = highlighter.show(flagged ?? [], frames ?? []).quotes;
        flaggedKeys = (flagged ?? []).map((block) => block.key);
      }
      if (isTopFrame && !dismissed && !signal.aborted) {
        presentBanner({ level, titles, quotes, inImage, ...(categories ? { categories } : {}) }, preferences);
      }
      return { ok: true };
    },
    'evidence/collect': () => ({ ok: true, blocks: isTopFrame ? highlighter.flaggedTexts() : [] }),
    'evidence/captureView': async ({ hide }) => {
      if (isTopFrame && hide) {
        const { preferences, inputGuard } = await started;
        const banner = {
          hide: () => {
            const showing = isBannerShowing(document);
            removeBanner(document);
            return showing;
          },
          show: () => {
            if (shownBanner && !dismissed && !signal.aborted) presentBanner(shownBanner, preferences);
          },
        };
        // the overlay's outlines, the highlights and the caution: hidden, the page's tampering is not watched
        const conceal = (concealed: boolean): void => {
          overlayOf(document).conceal(concealed);
          highlighter.conceal(concealed);
          inputGuard.conceal(concealed);
        };
        hideOwnUi(document, banner, conceal, flaggedKeys);
        await afterPaint(document);
      } else if (isTopFrame) showOwnUi();
      return { ok: true, ...captureGeometry(document, isTopFrame ? flaggedKeys : []) };
    },
    'banner/hide': () => {
      if (isTopFrame) removeBanner(document);
      highlighter.clear();
      return { ok: true };
    },
  },
  signal,
);

function start(): Started {
  // a language or plain-words change redraws a banner that is showing (other changes leave it be)
  const preferences = watchPreferences(signal, (now, before) => {
    const looksDifferent = now.language !== before.language || now.largeText !== before.largeText;
    if (looksDifferent && shownBanner && isBannerShowing(document)) presentBanner(shownBanner, preferences);
  });
  const inputGuard = createInputGuard(document, inputGuardStrings, signal);
  if (signal.aborted) return { preferences, inputGuard };
  observePage(document, signal, {
    isOwnUi: isBannerHost,
    onAdded: (nodes) =>
      scanner.scanAdded(nodes).catch((error: unknown) => {
        logError(error);
        return 0;
      }),
    onThrottled: (throttled) => scanner.setThrottled(throttled),
    onStyleChanged: () => hiddenLures.poke(),
    onNavigated: () => {
      dismissed = false;
      if (isTopFrame) removeBanner(document);
      void scanner.scanAll().then(() => readImages('auto')).catch(logError);
    },
  });

  // custom rules from the options page join the built-in pack before the first scan
  void loadCustomPack(browser.storage.local, builtinPack)
    .then((custom) => {
      if (custom) scanner = new PageScanner(() => custom, document, signal, scannerHooks);
      return scanner.scanAll();
    })
    .then(() => readImages('auto'))
    .catch(logError);
  return { preferences, inputGuard };
}
