/** The banner's own styles; the host resets everything the page could inherit into it. */
export const HOST_STYLE: Readonly<Record<string, string>> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  right: '0',
  'z-index': '2147483647',
  margin: '0',
  padding: '0',
  border: '0',
  // the host overlays the page; nothing in the page's flow moves
  width: 'auto',
  height: 'auto',
  transform: 'none',
  filter: 'none',
  opacity: '1',
  visibility: 'visible',
  'pointer-events': 'auto',
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

export const BANNER_CSS = `
:host { all: initial; }
.banner {
  box-sizing: border-box;
  margin: 8px auto;
  max-width: 760px;
  max-height: 70vh;
  overflow: auto;
  padding: 14px 18px;
  border-radius: 10px;
  border: 2px solid #b42318;
  background: #fffbfa;
  color: #1d1d1f;
  font: 15px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  letter-spacing: normal;
  word-spacing: normal;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  text-align: left;
}
.banner[data-level="medium"] { border-color: #b54708; background: #fffcf5; }
h2 { margin: 0 0 6px; font-size: 17px; font-weight: 700; color: #b42318; }
.banner[data-level="medium"] h2 { color: #93370d; }
p { margin: 6px 0; }
ul { margin: 4px 0 6px; padding-left: 1.4em; }
li { margin: 2px 0; }
a { color: #0b4fb3; text-decoration: underline; margin-right: 12px; white-space: nowrap; }
.channels { display: flex; flex-wrap: wrap; gap: 4px 0; align-items: baseline; }
.actions { display: flex; gap: 10px; margin-top: 10px; }
button {
  font: inherit; font-size: 15px; cursor: pointer; padding: 6px 14px; border-radius: 6px;
  border: 1px solid #667085; background: #fff; color: #1d1d1f;
}
button[data-action="details"] { background: #b42318; border-color: #b42318; color: #fff; }
button:focus-visible, a:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
.decide { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; padding-top: 8px; border-top: 1px solid #d0d5dd; }
.decide p { flex-basis: 100%; margin: 0; font-size: 14px; color: #475467; }
.decide[hidden] { display: none; }
.banner.large { font-size: 19px; }
.banner.large h2 { font-size: 21px; }
.banner.large button { font-size: 18px; padding: 8px 16px; }
.plain li { margin: 4px 0; font-weight: 600; }
details { margin: 6px 0; }
summary { cursor: pointer; color: #0b4fb3; text-decoration: underline; }
summary:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
`;
