#!/usr/bin/env tsx
/**
 * npm run scan -- <file.html|file.txt|->     readable verdict for a page or a text
 * npm run scan -- --jsonl FILE                one JSON verdict per input line, in order
 */
import { extname } from 'node:path';
import { PackError } from '../engine';
import { htmlToBlocks } from './html-blocks';
import { readInput, splitLines } from './read-input';
import { createScanner, scoreTexts, summarize, verdictForJsonLine, type Scanner } from './text-verdict';

const CATEGORY_NAMES: Record<string, string> = {
  'false-promise': '虚假承诺',
  'upfront-fee': '预缴费用',
  'data-harvest': '索要个人信息',
  'forgery-coaching': '教唆伪造/恶意投诉',
  'off-platform': '站外引流',
  'debt-relief-offer': '债务处理服务推销',
};

function usage(): never {
  process.stderr.write('usage: npm run scan -- <file.html|file.txt|->\n       npm run scan -- --jsonl <file.jsonl|->\n');
  process.exit(2);
}

function scanJsonl(scanner: Scanner, path: string): void {
  for (const line of splitLines(readInput(path))) {
    if (line.trim() === '') {
      process.stdout.write(JSON.stringify({ error: 'empty line' }) + '\n');
      continue;
    }
    process.stdout.write(JSON.stringify(verdictForJsonLine(scanner, line)) + '\n');
  }
}

function scanDocument(scanner: Scanner, path: string): void {
  const text = readInput(path);
  const isHtml = ['.html', '.htm'].includes(extname(path).toLowerCase()) || /^\s*<(!doctype|html)/i.test(text);
  const blocks = isHtml ? htmlToBlocks(text) : text.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  const verdict = scoreTexts(scanner, blocks);
  const summary = summarize(verdict, scanner.threshold);
  const out: string[] = [];
  out.push(`${path}: ${summary.flag ? 'WARN' : 'ok'}  score ${summary.score}  level ${summary.level}  (banner from ${scanner.threshold})`);
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
  process.stdout.write(out.join('\n') + '\n');
}

function main(argv: string[]): void {
  if (argv.length === 0 || argv.includes('--help')) usage();
  let scanner: Scanner;
  try {
    scanner = createScanner();
  } catch (e) {
    if (e instanceof PackError) {
      process.stderr.write(`rule pack error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (argv[0] === '--jsonl') {
    if (!argv[1]) usage();
    scanJsonl(scanner, argv[1]);
  } else {
    for (const path of argv) scanDocument(scanner, path);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`scan: ${(e as Error).message}\n`);
  process.exit(1);
}
