/**
 * On a page that reached the warning level: when the user focuses or types into a field that
 * looks like it wants a 身份证号, bank card, SMS 验证码 or a file, show a one-time caution next
 * to it. Never blocks the field, never moves focus, never keeps what was typed.
 */
import { unlockTextSpacing } from '../banner/styles';
import { sensitiveKindOf, type SensitiveKind } from './sensitive-input';

/** The input caution's own styles, inside its shadow root. */
const CAUTION_CSS = `
:host { all: initial; }
.caution {
  box-sizing: border-box;
  max-width: 340px;
  padding: 10px 12px;
  border: 2px solid #b42318;
  border-radius: 8px;
  background: #fffbfa;
  color: #1d1d1f;
  font: 14px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  letter-spacing: normal;
  word-spacing: normal;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
}
strong { display: block; color: #b42318; }
p { margin: 4px 0 8px; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #667085; background: #fff; color: #1d1d1f; cursor: pointer; }
button:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
`;

export interface InputGuardStrings {
  title: string;
  close: string;
  kinds: Record<SensitiveKind, string>;
  lang?: string;
}

export const CAUTION_ATTRIBUTE = 'data-fcs-caution';
const ownHosts = new WeakSet<Element>();

export function isCautionHost(node: Node): boolean {
  return node instanceof Element && ownHosts.has(node);
}

export interface InputGuard {
  /** the page's verdict reached the warning level: start watching fields */
  activate(): void;
}

export function createInputGuard(doc: Document, strings: () => InputGuardStrings, signal: AbortSignal): InputGuard {
  let active = false;
  const shown = new Set<SensitiveKind>();
  let host: HTMLElement | undefined;

  const close = () => {
    host?.remove();
    host = undefined;
  };
  signal.addEventListener('abort', close);

  const show = (field: Element, kind: SensitiveKind) => {
    if (shown.has(kind)) return;
    shown.add(kind);
    close();
    const text = strings();
    host = doc.createElement('div');
    ownHosts.add(host);
    host.setAttribute(CAUTION_ATTRIBUTE, kind);
    const rect = field.getBoundingClientRect();
    const view = doc.defaultView;
    const style: Record<string, string> = {
      all: 'initial',
      position: 'absolute',
      'z-index': '2147483646',
      top: `${rect.bottom + (view?.scrollY ?? 0) + 6}px`,
      left: `${Math.max(4, rect.left + (view?.scrollX ?? 0))}px`,
      display: 'block',
    };
    for (const [property, value] of Object.entries(style)) host.style.setProperty(property, value, 'important');
    unlockTextSpacing(host);
    const root = host.attachShadow({ mode: 'open' });
    const box = doc.createElement('div');
    box.className = 'caution';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', text.lang ?? 'zh-CN');
    const title = doc.createElement('strong');
    title.textContent = text.title;
    const detail = doc.createElement('p');
    detail.textContent = text.kinds[kind];
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = text.close;
    button.setAttribute('data-action', 'close-caution');
    button.addEventListener('click', close);
    const styleSheet = doc.createElement('style');
    styleSheet.textContent = CAUTION_CSS;
    box.append(title, detail, button);
    root.append(styleSheet, box);
    doc.documentElement.append(host);
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
  };
}
