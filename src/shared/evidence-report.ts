/**
 * The evidence kit: one self-contained HTML report (styles and screenshot inline, no script)
 * and the same facts as JSON, laid out for a report to 110, 12378 or the 国家反诈中心 app.
 * Every piece of page text goes through `escapeHtml`; nothing is fetched or sent.
 */
import type { Explanation } from '../engine/pack-schema';
import type { Contacts } from './contacts';

export interface EvidenceLure {
  ruleId: string;
  title: string;
  snippets: string[];
  explain?: Explanation;
}

export interface Evidence {
  url: string;
  title: string;
  capturedAt: string;
  packVersion: string;
  level: string;
  score: number;
  lures: EvidenceLure[];
  /** the text of the flagged blocks */
  blocks: string[];
  contacts: Contacts;
  /** PNG data URL of the visible tab, or null when the browser refused */
  screenshot: string | null;
  /** ad images whose text carried a lure: the crop (PNG data URL) and what was read in it */
  imageCrops?: { text: string; dataUrl: string }[];
}

export interface EvidenceStrings {
  heading: string;
  intro: string;
  page: string;
  time: string;
  pageTitle: string;
  verdict: string;
  screenshot: string;
  noScreenshot: string;
  /** heading over the ad images read on the device */
  imageText?: string;
  flaggedText: string;
  rules: string;
  claim: string;
  reality: string;
  advice: string;
  contacts: string;
  phones: string;
  wechat: string;
  qq: string;
  links: string;
  none: string;
  howTo: string;
  steps: string[];
  footer: string;
  lang: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const SAFE_PNG = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

const CSS = `
body { font: 16px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; max-width: 900px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; color: #b42318; } h2 { font-size: 19px; border-bottom: 1px solid #d0d5dd; padding-bottom: 4px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border: 1px solid #eaecf0; }
th { width: 9em; background: #f9fafb; } .block { white-space: pre-wrap; background: #fffbfa; border-left: 4px solid #b42318; padding: 8px 12px; margin: 8px 0; }
img { max-width: 100%; border: 1px solid #d0d5dd; } .rule { border: 1px solid #eaecf0; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
code { overflow-wrap: anywhere; } @media print { body { margin: 0; } }
`;

function list(items: readonly string[], none: string): string {
  return items.length === 0 ? `<p>${escapeHtml(none)}</p>` : `<ul>${items.map((i) => `<li><code>${escapeHtml(i)}</code></li>`).join('')}</ul>`;
}

export function evidenceHtml(evidence: Evidence, s: EvidenceStrings): string {
  const e = escapeHtml;
  const screenshot =
    evidence.screenshot && SAFE_PNG.test(evidence.screenshot)
      ? `<img src="${evidence.screenshot}" alt="${e(s.screenshot)}">`
      : `<p>${e(s.noScreenshot)}</p>`;
  const crops = (evidence.imageCrops ?? [])
    .filter((crop) => SAFE_PNG.test(crop.dataUrl))
    .map((crop) => `<figure><img src="${crop.dataUrl}" alt="${e(crop.text)}"><figcaption class="block">${e(crop.text)}</figcaption></figure>`)
    .join('\n');
  const rules = evidence.lures
    .map(
      (lure) => `<div class="rule"><h3>${e(lure.title)} <small><code>${e(lure.ruleId)}</code></small></h3>
${lure.snippets.map((snippet) => `<p class="block">${e(snippet)}</p>`).join('')}
${lure.explain ? `<p><strong>${e(s.claim)}:</strong> ${e(lure.explain.claim)}</p><p><strong>${e(s.reality)}:</strong> ${e(lure.explain.reality)}</p><p><strong>${e(s.advice)}:</strong> ${e(lure.explain.advice)}</p>` : ''}</div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${e(s.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(s.heading)} — ${e(evidence.title || evidence.url)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(s.heading)}</h1>
<p>${e(s.intro)}</p>
<table>
<tr><th>${e(s.page)}</th><td><code>${e(evidence.url)}</code></td></tr>
<tr><th>${e(s.pageTitle)}</th><td>${e(evidence.title)}</td></tr>
<tr><th>${e(s.time)}</th><td>${e(evidence.capturedAt)}</td></tr>
<tr><th>${e(s.verdict)}</th><td>${e(evidence.level)} (${e(String(evidence.score))}/100) · fcs-guard ${e(evidence.packVersion)}</td></tr>
</table>
<h2>${e(s.howTo)}</h2>
<ol>${s.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
<h2>${e(s.screenshot)}</h2>
${screenshot}
${crops ? `<h2>${e(s.imageText ?? s.screenshot)}</h2>\n${crops}` : ''}
<h2>${e(s.flaggedText)}</h2>
${evidence.blocks.map((block) => `<p class="block">${e(block)}</p>`).join('\n') || `<p>${e(s.none)}</p>`}
<h2>${e(s.contacts)}</h2>
<h3>${e(s.phones)}</h3>${list(evidence.contacts.phones, s.none)}
<h3>${e(s.wechat)}</h3>${list(evidence.contacts.wechat, s.none)}
<h3>${e(s.qq)}</h3>${list(evidence.contacts.qq, s.none)}
<h3>${e(s.links)}</h3>${list(evidence.contacts.links, s.none)}
<h2>${e(s.rules)}</h2>
${rules}
<p><small>${e(s.footer)}</small></p>
</body>
</html>
`;
}

export function evidenceJson(evidence: Evidence): string {
  return `${JSON.stringify({ format: 'fcs-guard-evidence', version: 1, ...evidence }, null, 2)}\n`;
}

/** A file name from the time and host: fcs-guard-evidence-2026-11-25T0012-example.com */
export function evidenceFileName(evidence: Pick<Evidence, 'url' | 'capturedAt'>): string {
  let host = 'page';
  try {
    host = new URL(evidence.url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
  } catch {
    // keep "page"
  }
  return `fcs-guard-evidence-${evidence.capturedAt.slice(0, 16).replace(/:/g, '')}-${host}`;
}
