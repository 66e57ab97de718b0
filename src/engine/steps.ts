/**
 * Work cut into steps: a generator that yields between them and returns the result. The content
 * script gives the page its turn at each yield; everything else runs the steps straight through.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
