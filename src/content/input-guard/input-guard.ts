/**
 * On a page that reached the warning level: when the user focuses or types into a field that
 * looks like it wants a 身份证号, bank card, SMS 验证码 or a file, show a one-time caution next
 * to it. Never blocks the field, never moves focus, never keeps what was typed.
 *
 * The caution sits beside its field where it covers none of the form's other fields (so the
 * card and code fields below an ID field stay visible and clickable), in the top layer (a form
 * in a page's dialog is not drawn over it), follows the field through scroll and resize, and
 * lives in a closed shadow root on a host of ours with nothing a page could find it by.
 */
import { followLayout } from '../banner/follow-layout';
import { applyHostStyle, createOwnHost, isOwnHost, ownPanels, raiseToTopLayer, setPanelShowing } from '../banner/own-host';
import { placeNextTo, type Box } from '../banner/placement';
import { OVERLAY_HOST_STYLE } from '../banner/styles';
import { sensitiveKindOf, type SensitiveKind } from './sensitive-input';

const FONT = `system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

/** The input caution's own styles, inside its shadow root. */
const CAUTION_CSS = `
.caution {
  position: absolute;
  box-sizing: border-box;
  pointer-events: auto;
  overflow: auto;
  padding: 10px 12px;
  border: 2px solid #b42318;
  border-radius: 8px;
  background: #fffbfa;
  color: #1d1d1f;
  font: 16px/1.5 ${FONT};
  letter-spacing: normal;
  word-spacing: normal;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
}
strong { display: block; color: #b42318; font-size: 17px; }
p { margin: 4px 0 8px; }
button { font: inherit; min-height: 44px; padding: 8px 16px; border-radius: 8px; border: 1px solid #667085; background: #fff; color: #1d1d1f; cursor: pointer; }
button:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
`;

/**
 * the host: the banner overlay's host style (over the viewport, every click through but on the
 * caution itself), one layer below the banner
 */
const CAUTION_HOST_STYLE: Readonly<Record<string, string>> = { ...OVERLAY_HOST_STYLE, 'z-index': '2147483646' };

const CAUTION_WIDTH = 340;
/** form controls farther than this from the field are not what a caution could cover */
const NEARBY_PX = 600;
const FORM_CONTROLS = 'input:not([type="hidden"]), select, textarea, button, label';

export interface InputGuardStrings {
  title: string;
  close: string;
  kinds: Record<SensitiveKind, string>;
  lang?: string;
}

/** One of our hosts (the caution's, the banner's): never read as page text. */
export function isCautionHost(node: Node): boolean {
  return isOwnHost(node);
}

export interface InputGuard {
  /** the page's verdict reached the warning level: start watching fields */
  activate(): void;
  /** the caution showing now, for tests */
  readonly caution: { box: HTMLElement; kind: SensitiveKind; field: Element } | undefined;
  /** hides the caution for a moment (a screenshot for the evidence), or shows it again */
  conceal(concealed: boolean): void;
}

const near = (a: Box, b: Box) =>
  b.left < a.left + a.width + NEARBY_PX && b.left + b.width > a.left - NEARBY_PX && b.top < a.top + a.height + NEARBY_PX && b.top + b.height > a.top - NEARBY_PX;

const boxOf = (rect: DOMRect): Box => ({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });

/** What the caution must not cover: the other fields, buttons and labels near `field`, and our banner. */
function obstaclesAround(doc: Document, field: Element, own: Element): Box[] {
  const anchor = boxOf(field.getBoundingClientRect());
  const boxes: Box[] = [];
  for (const control of doc.querySelectorAll(FORM_CONTROLS)) {
    if (control === field) continue;
    const box = boxOf(control.getBoundingClientRect());
    if ((box.width > 0 || box.height > 0) && near(anchor, box)) boxes.push(box);
    if (boxes.length >= 60) break;
  }
  for (const panel of ownPanels()) if (panel !== own) boxes.push(boxOf(panel.getBoundingClientRect()));
  return boxes;
}

export function createInputGuard(doc: Document, strings: () => InputGuardStrings, signal: AbortSignal): InputGuard {
  let active = false;
  let concealed = false;
  const shown = new Set<SensitiveKind>();
  let current: { host: HTMLElement; box: HTMLElement; kind: SensitiveKind; field: Element; stop: AbortController } | undefined;

  const close = () => {
    if (!current) return;
    setPanelShowing(current.box, false);
    current.stop.abort();
    current.host.remove();
    current = undefined;
  };
  signal.addEventListener('abort', close);

  const place = () => {
    if (!current) return;
    const { host, box, field } = current;
    const frame = host.getBoundingClientRect();
    if (frame.width === 0 || !field.isConnected) return;
    const rect = field.getBoundingClientRect();
    const anchor = { left: rect.left - frame.left, top: rect.top - frame.top, width: rect.width, height: rect.height };
    const obstacles = obstaclesAround(doc, field, box);
    const heights = new Map<number, number>();
    const at = placeNextTo({
      viewport: { width: frame.width, height: frame.height },
      anchor,
      avoid: obstacles.map((b) => ({ ...b, left: b.left - frame.left, top: b.top - frame.top })),
      maxWidth: CAUTION_WIDTH,
      heightAt: (width) => {
        const rounded = Math.round(width);
        let height = heights.get(rounded);
        if (height === undefined) {
          box.style.cssText = `left:0;top:0;width:${rounded}px;max-height:none;visibility:hidden`;
          height = box.getBoundingClientRect().height;
          heights.set(rounded, height);
        }
        return height;
      },
    });
    box.dataset.side = at.side;
    box.style.cssText = `left:${at.left}px;top:${at.top}px;width:${at.width}px;max-height:${at.height}px`;
  };

  const show = (field: Element, kind: SensitiveKind) => {
    if (shown.has(kind)) return;
    shown.add(kind);
    close();
    const text = strings();
    const { host, root } = createOwnHost(doc, CAUTION_CSS);
    applyHostStyle(host, concealed ? { ...CAUTION_HOST_STYLE, visibility: 'hidden' } : CAUTION_HOST_STYLE);
    const box = doc.createElement('div');
    box.className = 'caution';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', text.lang ?? 'zh-CN');
    box.setAttribute('data-kind', kind);
    const title = doc.createElement('strong');
    title.textContent = text.title;
    const detail = doc.createElement('p');
    detail.textContent = text.kinds[kind];
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = text.close;
    button.setAttribute('data-action', 'close-caution');
    button.addEventListener('click', (event) => {
      if (event.isTrusted !== false) close();
    });
    box.append(title, detail, button);
    root.append(box);
    doc.documentElement.append(host);
    raiseToTopLayer(host);
    setPanelShowing(box, true);
    const stop = new AbortController();
    current = { host, box, kind, field, stop };
    const follower = followLayout(doc, stop.signal, place);
    follower.observe(field);
    place();
  };

  const check = (event: Event, checkValue: boolean) => {
    if (!active || !(event.target instanceof Element)) return;
    const kind = sensitiveKindOf(event.target, checkValue);
    if (kind) show(event.target, kind);
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener('focusin', (event) => check(event, false), options);
  doc.addEventListener('input', (event) => check(event, true), options);
  doc.addEventListener('change', (event) => check(event, true), options);

  return {
    activate() {
      active = true;
    },
    get caution() {
      return current && { box: current.box, kind: current.kind, field: current.field };
    },
    conceal(hide: boolean) {
      concealed = hide;
      if (current) applyHostStyle(current.host, hide ? { ...CAUTION_HOST_STYLE, visibility: 'hidden' } : CAUTION_HOST_STYLE);
    },
  };
}
