/** The input caution's own styles, inside its shadow root. */
export const CAUTION_CSS = `
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
