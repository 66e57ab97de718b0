import { extname } from 'node:path';
import { htmlToBlocks } from './html-blocks';
import { inputName, readTextInput } from './read-input';
import { scoreTexts, summarize, type Scanner } from './text-verdict';

const CATEGORY_NAMES: Record<string, string> = {
  'false-promise': '虚假承诺',
  'upfront-fee': '预缴费用',
  'data-harvest': '索要个人信息',
  'forgery-coaching': '教唆伪造/恶意投诉',
  'off-platform': '站外引流',
  'debt-relief-offer': '债务处理服务推销',
};

/**
 * A readable verdict for a page (HTML, through the content script's extractor) or a text (blocks
 * split at blank lines), and whether the extension would show its banner for it. Throws an
 * InputError for an input it cannot read as text.
 */
export function scanDocument(scanner: Scanner, path: string): { report: string; flagged: boolean } {
  const text = readTextInput(path);
  const isHtml = ['.html', '.htm'].includes(extname(path).toLowerCase()) || /^\s*<(!doctype|html)/i.test(text);
  const blocks = isHtml ? htmlToBlocks(text) : text.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  const verdict = scoreTexts(scanner, blocks);
  const summary = summarize(verdict, scanner.threshold);
  const out: string[] = [];
  out.push(`${inputName(path)}: ${summary.flag ? 'WARN' : 'ok'}  score ${summary.score}  level ${summary.level}  (banner from ${scanner.threshold})`);
  if (verdict.antiFraudPage) out.push('  page reads as an anti-fraud article: quoted slogans in it are discounted');
  verdict.blocks.forEach((block, i) => {
    if (block.rules.length === 0 && !block.model) return;
    const flagged = verdict.flagged.includes(i) ? 'FLAGGED' : 'quiet';
    out.push(`  block ${i + 1} [${flagged}] score ${block.score}${block.reasons.length ? `  discounted: ${block.reasons.join(', ')}` : ''}`);
    if (block.model && block.model.families.length > 0) {
      const phrases = block.model.phrases.map((p) => (blocks[i] ?? '').slice(p.start, p.end)).join(' | ');
      out.push(`    - model: ${block.model.families.map((c) => CATEGORY_NAMES[c] ?? c).join(', ')}${phrases ? `: ${phrases}` : ''}`);
    }
    for (const rule of block.rules) {
      const snippet = rule.spans.map((s) => (blocks[i] ?? '').slice(s.start, s.end)).join(' | ');
      out.push(`    - ${rule.ruleId} (${CATEGORY_NAMES[rule.category] ?? rule.category}, ${Math.round(rule.points)} pts): ${snippet}`);
    }
  });
  return { report: out.join('\n') + '\n', flagged: summary.flag };
}
