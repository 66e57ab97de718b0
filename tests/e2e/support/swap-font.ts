/**
 * Builds a glyph-swapping web font for the hostile-font fixture: a TrueType font whose character
 * map sends each DOM character to the glyph of another character, so the page draws an ad while
 * its DOM holds unrelated words. Glyph outlines are taken from a system TrueType font (Debian's
 * WenQuanYi Micro Hei, which the e2e setup installs); the font is written at test time, never
 * committed. Only what a browser's font sanitizer needs: head, hhea, maxp, OS/2, name, post,
 * cmap (format 4), hmtx, loca, glyf and the hinting tables the glyphs' instructions refer to.
 */
import { readFileSync } from 'node:fs';

export const SYSTEM_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

interface Tables {
  data: Buffer;
  tables: Map<string, { offset: number; length: number }>;
}

function readFont(path: string): Tables {
  const data = readFileSync(path);
  let base = 0;
  if (data.toString('latin1', 0, 4) === 'ttcf') base = data.readUInt32BE(12);
  const count = data.readUInt16BE(base + 4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = base + 12 + 16 * i;
    tables.set(data.toString('latin1', at, at + 4), { offset: data.readUInt32BE(at + 8), length: data.readUInt32BE(at + 12) });
  }
  return { data, tables };
}

function table(font: Tables, tag: string): Buffer {
  const entry = font.tables.get(tag);
  if (!entry) throw new Error(`${SYSTEM_CJK_FONT} has no ${tag} table`);
  return font.data.subarray(entry.offset, entry.offset + entry.length);
}

/** glyph id of `code` through the font's (3,1) format-4 character map */
function glyphOf(cmap: Buffer, code: number): number {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    if (platform !== 3 || encoding !== 1 || cmap.readUInt16BE(offset) !== 4) continue;
    const segments = cmap.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      if (code > cmap.readUInt16BE(ends + 2 * s) || code < cmap.readUInt16BE(starts + 2 * s)) continue;
      const rangeOffset = cmap.readUInt16BE(ranges + 2 * s);
      const delta = cmap.readInt16BE(deltas + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = cmap.readUInt16BE(ranges + 2 * s + rangeOffset + 2 * (code - cmap.readUInt16BE(starts + 2 * s)));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
  }
  throw new Error(`no glyph for U+${code.toString(16)}`);
}

function checksum(buffer: Buffer): number {
  const padded = Buffer.concat([buffer, Buffer.alloc((4 - (buffer.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The components of a composite glyph (none for a simple one): where each one's glyph id is written, and the id. */
function components(data: Buffer): { at: number; glyph: number }[] {
  if (data.length === 0 || data.readInt16BE(0) >= 0) return [];
  const found: { at: number; glyph: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = data.readUInt16BE(at);
    found.push({ at: at + 2, glyph: data.readUInt16BE(at + 2) });
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return found;
  }
}

/** A font drawing `pairs[i][0]` wherever the text holds `pairs[i][1]` (one BMP character each). */
export function buildSwapFont(pairs: readonly (readonly [drawn: string, dom: string])[], source = SYSTEM_CJK_FONT): Buffer {
  const font = readFont(source);
  const head = Buffer.from(table(font, 'head'));
  const longLoca = head.readInt16BE(50) === 1;
  const loca = table(font, 'loca');
  const glyf = table(font, 'glyf');
  const hhea = Buffer.from(table(font, 'hhea'));
  const hmtx = table(font, 'hmtx');
  const metrics = hhea.readUInt16BE(34);
  const cmap = table(font, 'cmap');
  const offsetOf = (g: number) => (longLoca ? loca.readUInt32BE(4 * g) : loca.readUInt16BE(2 * g) * 2);

  const glyphData = (g: number): Buffer => glyf.subarray(offsetOf(g), offsetOf(g + 1));
  // a CJK font builds many characters from shared components (composite glyphs): the new font
  // carries every component too, renumbered, so each drawn character keeps its whole outline
  const sourceGlyphs = [0, ...pairs.map(([drawn]) => glyphOf(cmap, drawn.charCodeAt(0)))];
  for (let i = 0; i < sourceGlyphs.length; i++) {
    for (const { glyph } of components(glyphData(sourceGlyphs[i] as number))) if (!sourceGlyphs.includes(glyph)) sourceGlyphs.push(glyph);
  }
  const newId = new Map(sourceGlyphs.map((g, i) => [g, i]));
  const glyphs: Buffer[] = [];
  const hmetrics = Buffer.alloc(4 * sourceGlyphs.length);
  sourceGlyphs.forEach((g, i) => {
    const data = Buffer.from(glyphData(g));
    for (const { at, glyph } of components(data)) data.writeUInt16BE(newId.get(glyph) as number, at);
    glyphs.push(Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]));
    const m = Math.min(g, metrics - 1);
    hmetrics.writeUInt16BE(hmtx.readUInt16BE(4 * m), 4 * i);
    hmetrics.writeInt16BE(g < metrics ? hmtx.readInt16BE(4 * g + 2) : hmtx.readInt16BE(4 * metrics + 2 * (g - metrics)), 4 * i + 2);
  });
  const newGlyf = Buffer.concat(glyphs);
  const newLoca = Buffer.alloc(4 * (glyphs.length + 1));
  let at = 0;
  glyphs.forEach((g, i) => {
    newLoca.writeUInt32BE(at, 4 * i);
    at += g.length;
  });
  newLoca.writeUInt32BE(at, 4 * glyphs.length);

  // cmap: one format-4 subtable, a segment per DOM character, and the closing 0xFFFF one
  const mapped = pairs.map(([, dom], i) => ({ code: dom.charCodeAt(0), glyph: i + 1 })).sort((a, b) => a.code - b.code);
  const segments = mapped.length + 1;
  const sub = Buffer.alloc(16 + 8 * segments);
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(2 * segments, 6);
  const power = 2 ** Math.floor(Math.log2(segments));
  sub.writeUInt16BE(2 * power, 8);
  sub.writeUInt16BE(Math.log2(power), 10);
  sub.writeUInt16BE(2 * segments - 2 * power, 12);
  const endAt = 14;
  const startAt = endAt + 2 * segments + 2;
  const deltaAt = startAt + 2 * segments;
  [...mapped, { code: 0xffff, glyph: 0 }].forEach(({ code, glyph }, s) => {
    sub.writeUInt16BE(code, endAt + 2 * s);
    sub.writeUInt16BE(code, startAt + 2 * s);
    sub.writeUInt16BE(code === 0xffff ? 1 : (glyph - code + 0x10000) & 0xffff, deltaAt + 2 * s);
  });
  const newCmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), sub]);

  head.writeInt16BE(1, 50);
  head.writeUInt32BE(0, 8);
  hhea.writeUInt16BE(glyphs.length, 34);
  const maxp = Buffer.from(table(font, 'maxp'));
  maxp.writeUInt16BE(glyphs.length, 4);
  const post = Buffer.from(table(font, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);

  const out = new Map<string, Buffer>([
    ['OS/2', table(font, 'OS/2')],
    ['cmap', newCmap],
    ['cvt ', table(font, 'cvt ')],
    ['fpgm', table(font, 'fpgm')],
    ['gasp', table(font, 'gasp')],
    ['glyf', newGlyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmetrics],
    ['loca', newLoca],
    ['maxp', maxp],
    ['name', table(font, 'name')],
    ['post', post],
    ['prep', table(font, 'prep')],
  ]);
  const tags = [...out.keys()].sort();
  const header = Buffer.alloc(12 + 16 * tags.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tags.length, 4);
  const tablePower = 2 ** Math.floor(Math.log2(tags.length));
  header.writeUInt16BE(16 * tablePower, 6);
  header.writeUInt16BE(Math.log2(tablePower), 8);
  header.writeUInt16BE(16 * tags.length - 16 * tablePower, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const body = out.get(tag) as Buffer;
    header.write(tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(body), 16 + 16 * i);
    header.writeUInt32BE(offset, 20 + 16 * i);
    header.writeUInt32BE(body.length, 24 + 16 * i);
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
