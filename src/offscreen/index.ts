/**
 * Chrome's offscreen document: hosts the OCR engine, which needs WASM, canvas and more memory
 * than the service worker should hold. It answers only our own background's requests
 * (TO_OCR_HOST); every other message (the popup's, content scripts') is not for it.
 */
import { browser, type Runtime } from '../shared/browser';
import { routeRequest, type Handlers } from '../shared/contract';
import { TO_OCR_HOST } from '../shared/messages';
import { readRegions } from '../ocr/extension-ocr';

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
const handlers: Handlers<typeof TO_OCR_HOST> = { 'offscreen/readRegions': ({ type: _, ...request }) => readRegions(request) };

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => routeRequest(TO_OCR_HOST, handlers, raw, sender, self));
