import { describe, expect, it } from 'vitest';
import { extensionTasks, type TraceEvent } from '../../tools/bench/trace-attribution';

const PAGE = { pid: 1, tid: 7 };
const EXT = 'chrome-extension://abcdef/src/content/index.js';
const x = (name: string, ts: number, dur: number, url?: string, where = PAGE): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...where,
  ...(url ? { args: { data: { url } } } : {}),
});

describe('extensionTasks (which long tasks ran our code, from a Chromium trace)', () => {
  const dcl: TraceEvent = { name: 'MarkDOMContent', ph: 'I', ts: 1_000_000, ...PAGE, args: { data: { isMainFrame: true } } };

  it('finds the tasks that evaluate or call into our scripts, and only those', () => {
    const events: TraceEvent[] = [
      dcl,
      // the page's own layout: not ours however long
      x('RunTask', 900_000, 300_000),
      x('Layout', 900_100, 299_000),
      // our content script's evaluation after DOMContentLoaded, 20 ms of it compiling
      x('RunTask', 1_200_000, 55_000),
      x('EvaluateScript', 1_200_010, 54_900, EXT),
      x('v8.compile', 1_200_020, 20_000, EXT),
      // one of our scanning slices
      x('RunTask', 1_300_000, 9_000),
      x('FunctionCall', 1_300_100, 8_000, EXT),
      // the page's own script
      x('RunTask', 1_400_000, 70_000),
      x('FunctionCall', 1_400_100, 69_000, 'http://127.0.0.1/app.js'),
      // our script, but in another renderer's thread (the extension's service worker)
      x('RunTask', 1_500_000, 80_000, undefined, { pid: 2, tid: 3 }),
      x('FunctionCall', 1_500_100, 79_000, EXT, { pid: 2, tid: 3 }),
    ];
    expect(extensionTasks(events)).toEqual([
      { startMs: 200, durationMs: 55, kind: 'evaluate', compileMs: 20 },
      { startMs: 300, durationMs: 9, kind: 'callback', compileMs: 0 },
    ]);
  });

  it("takes the DOMContentLoaded of the thread that evaluated our scripts, not an earlier blank page's", () => {
    const blank: TraceEvent = { name: 'MarkDOMContent', ph: 'I', ts: 100, pid: 5, tid: 9, args: { data: { isMainFrame: true } } };
    const events = [blank, dcl, x('RunTask', 1_050_000, 60_000), x('EvaluateScript', 1_050_010, 59_000, EXT)];
    expect(extensionTasks(events)).toEqual([{ startMs: 50, durationMs: 60, kind: 'evaluate', compileMs: 0 }]);
    expect(extensionTasks([{ ...dcl, ts: 2_000_000 }, ...events])).toEqual([{ startMs: -950, durationMs: 60, kind: 'evaluate', compileMs: 0 }]);
  });

  it('gives nothing without a DOMContentLoaded mark or without our scripts', () => {
    expect(extensionTasks([x('RunTask', 0, 90_000), x('EvaluateScript', 10, 80_000, EXT)])).toEqual([]);
    expect(extensionTasks([dcl, x('RunTask', 1_100_000, 90_000), x('FunctionCall', 1_100_010, 80_000, 'https://example.com/a.js')])).toEqual([]);
  });
});
