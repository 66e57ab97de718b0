/**
 * The overlay's own styles. The host resets everything the page could inherit into it and
 * covers the viewport without taking a click; what is inside is styled only from within its
 * closed shadow root, where no page rule reaches.
 */

/**
 * The overlay host: fixed to the viewport and clipped by it (no scroll size, no layout change
 * for the page), in the top layer where the browser has it, letting every click through except
 * on the banner itself.
 */
export const OVERLAY_HOST_STYLE: Readonly<Record<string, string>> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  right: '0',
  bottom: '0',
  width: 'auto',
  height: 'auto',
  'max-width': 'none',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  contain: 'strict',
  background: 'transparent',
  'z-index': '2147483647',
  transform: 'none',
  filter: 'none',
  opacity: '1',
  visibility: 'visible',
  'pointer-events': 'none',
};

/**
 * Text spacing the reader may adjust (WCAG 1.4.12): `all: initial !important` makes Firefox
 * write every longhand inline as important, these too, which locks a user's spacing out. They
 * go back on the host without `!important`; the shadow styles set their own values, so the
 * page gains nothing by changing them on the host.
 */
export function unlockTextSpacing(host: HTMLElement): void {
  for (const property of ['letter-spacing', 'word-spacing', 'line-height']) host.style.setProperty(property, 'normal');
}

const FONT = `system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

export const OVERLAY_CSS = `
.outline {
  position: absolute;
  box-sizing: border-box;
  pointer-events: none;
  border: 3px dashed #b42318;
  border-radius: 6px;
}
.panel {
  position: absolute;
  box-sizing: border-box;
  margin: 0;
  pointer-events: auto;
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 16px;
  border-radius: 10px;
  border: 2px solid #b42318;
  background: #fffbfa;
  color: #1d1d1f;
  font: 16px/1.5 ${FONT};
  letter-spacing: normal;
  word-spacing: normal;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  text-align: left;
  container-type: inline-size;
}
.panel[data-level="medium"] { border-color: #b54708; background: #fffcf5; }
.panel[hidden] { display: none; }
h2 { margin: 0 0 4px; font-size: 18px; line-height: 1.35; font-weight: 700; color: #b42318; }
.panel[data-level="medium"] h2 { color: #93370d; }
p { margin: 4px 0; }
ul { margin: 2px 0 4px; padding-left: 1.3em; }
li { margin: 2px 0; }
.quotes q { font-weight: 600; margin-right: 4px; }
.quotes q::before { content: open-quote; }
.quotes q::after { content: close-quote; }
a { color: #0b4fb3; text-decoration: underline; white-space: nowrap; }
.channels { display: flex; flex-wrap: wrap; gap: 0 14px; align-items: baseline; }
.actions { display: flex; flex-wrap: wrap; gap: 8px 10px; align-items: center; margin-top: 8px; }
button {
  font: inherit; font-size: 16px; line-height: 1.3; min-height: 44px; cursor: pointer; padding: 8px 16px;
  border-radius: 8px; border: 1px solid #667085; background: #fff; color: #1d1d1f;
}
button.primary { background: #b42318; border-color: #b42318; color: #fff; }
button.count { min-height: 36px; min-width: 44px; padding: 4px 10px; margin-left: 2px; font-weight: 600; color: #0b4fb3; border-color: #0b4fb3; }
button.quiet { margin-left: auto; border-color: transparent; background: transparent; color: #475467; text-decoration: underline; padding: 8px 6px; }
button:focus-visible, a:focus-visible, summary:focus-visible, input:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
.decide { margin-top: 8px; padding-top: 8px; border-top: 1px solid #d0d5dd; }
.decide[hidden] { display: none; }
.decide p { margin: 0 0 6px; color: #475467; }
.decide fieldset { border: 0; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
.decide legend { float: left; margin-right: 8px; padding: 0; }
.decide label { display: inline-flex; align-items: center; gap: 6px; min-height: 36px; cursor: pointer; }
.decide input { width: 20px; height: 20px; margin: 0; }
.decide .choices { display: flex; flex-wrap: wrap; gap: 8px; }
.panel.large { font-size: 20px; }
.panel.large h2 { font-size: 22px; }
.panel.large button { font-size: 20px; }
.plain li { margin: 4px 0; font-weight: 600; }
details { margin: 4px 0; }
summary { cursor: pointer; color: #0b4fb3; text-decoration: underline; min-height: 32px; }
.pointer .arrow { display: inline-block; min-width: 1.2em; font-weight: 700; color: #b42318; }
/* a narrow banner (a phone): the channels by number, what each is for still read out */
@container (max-width: 520px) {
  .channels .what { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .actions { gap: 8px; }
}
`;
