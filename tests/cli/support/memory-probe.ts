/**
 * Loaded into a scan child with `node --import`: each time the child has written another
 * FCS_MEMORY_PROBE_EVERY lines to stdout, it reports on stderr how much memory it holds then
 * (after a full collection when run with --expose-gc, so garbage not yet collected does not count).
 */
const every = Number(process.env.FCS_MEMORY_PROBE_EVERY);
if (!Number.isInteger(every) || every <= 0) throw new Error('memory-probe needs FCS_MEMORY_PROBE_EVERY, a whole number of lines');
const collect = (globalThis as { gc?: () => void }).gc;
const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
let lines = 0;

function report(): void {
  collect?.();
  const { heapUsed, external, rss } = process.memoryUsage();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stderr.write(`memory ${JSON.stringify({ lines, heapUsed, external, rss, maxRss })}\n`);
}

process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines % every === 0) report();
  return write(chunk, ...rest);
}) as typeof process.stdout.write;
