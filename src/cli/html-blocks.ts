import { Window } from 'happy-dom';
import { extractBlocks } from '../content/scan/extract';

/** The blocks the content script would see in this HTML, via the same extractor. */
export function htmlToBlocks(html: string): string[] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  const blocks = extractBlocks(window.document.body as unknown as HTMLElement).map((b) => b.text);
  void window.happyDOM.close();
  return blocks;
}
