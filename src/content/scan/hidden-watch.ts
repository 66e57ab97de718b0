/**
 * Blocks whose lure the reader could not see when they were read (hidden by style) are looked at
 * again when the page may have shown them without any DOM change our observer sees: a :hover or
 * :focus rule, a scroll, an animation or transition ending, a stylesheet rewritten, or a timer.
 * Re-reading costs a few style reads per block; the look-again timer backs off to once every
 * MAX_DELAY_MS, and a watched block that is gone or has been reported visible leaves the list.
 */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** events come in bursts (pointer moves, scrolling): at most one look per this */
const EVENT_GAP_MS = 500;
const MAX_WATCHED = 20;
const EVENTS = ['scroll', 'pointerover', 'focusin', 'transitionend', 'animationend', 'click'] as const;

export class HiddenLureWatch {
  private watched = new Set<Element>();
  /** the blocks of the last look: one still hidden comes back without resetting the back-off */
  private looked = new Set<Element>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay = FIRST_DELAY_MS;
  private lastLook = 0;
  private looking = false;
  private listening = false;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    /** scans the elements again; a block still hidden is added back through `add` */
    private readonly lookAgain: (elements: Element[]) => Promise<unknown>,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer));
  }

  get size(): number {
    return this.watched.size;
  }

  add(element: Element): void {
    if (this.signal.aborted || this.watched.has(element) || this.watched.size >= MAX_WATCHED) return;
    this.watched.add(element);
    if (!this.looked.has(element)) this.delay = FIRST_DELAY_MS;
    this.listen();
    this.schedule();
  }

  /** Something may have shown hidden text (a stylesheet changed): look soon. */
  poke(): void {
    if (this.watched.size > 0) void this.look();
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const onEvent = () => {
      if (this.watched.size > 0 && performance.now() - this.lastLook > EVENT_GAP_MS) void this.look();
    };
    for (const type of EVENTS) this.doc.addEventListener(type, onEvent, { capture: true, passive: true, signal: this.signal });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.watched.size === 0 || this.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.delay = Math.min(MAX_DELAY_MS, this.delay * 2);
      void this.look();
    }, this.delay);
  }

  private async look(): Promise<void> {
    if (this.looking || this.signal.aborted) return;
    this.looking = true;
    this.lastLook = performance.now();
    const elements = [...this.watched].filter((e) => e.isConnected);
    // the scan puts back whatever is still hidden
    this.looked = new Set(elements);
    this.watched = new Set();
    try {
      if (elements.length > 0) await this.lookAgain(elements);
    } finally {
      this.looking = false;
      this.schedule();
    }
  }
}
