/** A quotation of a few matched words with a little context: what the popup and the report show. */

const SNIPPET_CONTEXT = 16;
/** the longest snippet any context carries (the message schemas refuse longer) */
export const SNIPPET_CHARS = 80;

/** The matched words with a little context, one line, at most SNIPPET_CHARS. */
export function snippetAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, Math.max(end, start) + SNIPPET_CONTEXT);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  const snippet = `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
  return snippet.length <= SNIPPET_CHARS ? snippet : `${snippet.slice(0, SNIPPET_CHARS - 1)}…`;
}
