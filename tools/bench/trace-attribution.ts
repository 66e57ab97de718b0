/**
 * Which main-thread tasks of a page ran the extension's code, from a Chromium trace
 * (CDP Tracing, categories TRACE_CATEGORIES). The page's own `PerformanceObserver('longtask')`
 * cannot tell whose code a long task ran; the trace can: a task is the extension's when an
 * `EvaluateScript`, `FunctionCall` or `v8.compile` inside it names a chrome-extension:// script.
 * Tracing slows every task down a little, so the durations are upper bounds.
 */
export const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; isMainFrame?: boolean } };
}

export interface ExtensionTask {
  /** ms after DOMContentLoaded (negative: before it) */
  startMs: number;
  durationMs: number;
  /** 'evaluate': compiling and running a content script; 'callback': a callback, slice or promise of ours */
  kind: 'evaluate' | 'callback';
  /** of which V8 compiling our scripts */
  compileMs: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);

/** The extension's tasks on the page's main thread, in order. */
export function extensionTasks(events: readonly TraceEvent[], origin = 'chrome-extension://'): ExtensionTask[] {
  const isOurs = (e: TraceEvent) => SCRIPT_EVENTS.has(e.name) && String(e.args?.data?.url ?? '').startsWith(origin);
  const threadsRunningUs = new Set(events.filter((e) => e.name === 'EvaluateScript' && isOurs(e)).map((e) => `${e.pid}:${e.tid}`));
  // the page's DOMContentLoaded: the last top-frame one on a thread that evaluated our scripts
  // (a new tab's about:blank, or our service worker, have none or run none of them)
  const dcl = events
    .filter((e) => e.name === 'MarkDOMContent' && e.args?.data?.isMainFrame !== false && threadsRunningUs.has(`${e.pid}:${e.tid}`))
    .reduce<TraceEvent | undefined>((last, e) => (last && last.ts > e.ts ? last : e), undefined);
  if (!dcl) return [];
  const onThread = events.filter((e) => e.pid === dcl.pid && e.tid === dcl.tid && e.ph === 'X' && typeof e.dur === 'number');
  // in start order, so each task's events are one run found by a binary search
  const ours = onThread.filter(isOurs).sort((a, b) => a.ts - b.ts);
  const tasks: ExtensionTask[] = [];
  for (const task of onThread) {
    if (task.name !== 'RunTask') continue;
    const end = task.ts + (task.dur as number);
    const inside: TraceEvent[] = [];
    for (let i = firstAtOrAfter(ours, task.ts); i < ours.length && (ours[i] as TraceEvent).ts < end; i++) inside.push(ours[i] as TraceEvent);
    if (inside.length === 0) continue;
    tasks.push({
      startMs: (task.ts - dcl.ts) / 1000,
      durationMs: (task.dur as number) / 1000,
      kind: inside.some((e) => e.name === 'EvaluateScript') ? 'evaluate' : 'callback',
      compileMs: inside.filter((e) => e.name === 'v8.compile').reduce((n, e) => n + (e.dur as number), 0) / 1000,
    });
  }
  return tasks.sort((a, b) => a.startMs - b.startMs);
}

/** The index of the first event starting at or after `ts` in `sorted` (its length if none). */
function firstAtOrAfter(sorted: readonly TraceEvent[], ts: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as TraceEvent).ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
