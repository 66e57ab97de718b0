/**
 * The evidence kit: one self-contained HTML file for a report to 110, 12378 or the 国家反诈中心
 * app. Styles and images are inline, the same facts are embedded as machine-readable JSON (a
 * `<script type="application/json">` block, which no browser runs; the file's CSP allows no
 * script either), the time is local with its UTC offset and zone, and it prints on A4. Every
 * piece of page text goes through `escapeHtml`; nothing is fetched or sent.
 */
import type { Explanation } from '../engine/pack-schema';
import type { Level } from '../engine/types';
import type { Contacts } from './contacts';
import { localTime, type LocalTime } from './local-time';
import type { TamperKind } from './messages';

export interface EvidenceLure {
  ruleId: string;
  title: string;
  snippets: string[];
  explain?: Explanation;
}

export interface Evidence {
  url: string;
  title: string;
  /** ISO 8601 in UTC */
  capturedAt: string;
  /** the IANA time zone the browser was in when the evidence was saved */
  timeZone: string;
  packVersion: string;
  level: Level;
  /** the likelihood that the page is a scam ad, ×100 */
  score: number;
  lures: EvidenceLure[];
  /** the text of the flagged blocks */
  blocks: string[];
  contacts: Contacts;
  /** PNG data URL of the visible tab without fcs-guard's own marks, or null when the browser refused */
  screenshot: string | null;
  /** PNG data URL of the first flagged block, cut from the screenshot */
  blockCrop?: string;
  /** ad images whose text carried a lure: the crop (PNG data URL) and what was read in it */
  imageCrops?: { text: string; dataUrl: string }[];
  /** the page tried to take fcs-guard's warning away: how, and when it first did (ISO 8601, UTC) */
  tampered?: { kinds: TamperKind[]; firstAt: string };
}

export interface EvidenceStrings {
  heading: string;
  intro: string;
  page: string;
  time: string;
  utc: string;
  pageTitle: string;
  verdict: string;
  /** the row saying the page tried to hide the warning, and each way it did */
  tampered: string;
  tamperKinds: Record<TamperKind, string>;
  levels: Record<Level, string>;
  likelihoodLabel: string;
  likelihood: Record<Level, string>;
  score: string;
  checkedBy: string;
  pack: string;
  screenshot: string;
  blockCrop: string;
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
  data: string;
  footer: string;
  lang: string;
}

/** the id of the embedded data block, for whoever reads the file by machine */
export const EVIDENCE_DATA_ID = 'fcs-guard-evidence';
export const EVIDENCE_FORMAT = 'fcs-guard-evidence';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const SAFE_PNG = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

const CSS = `
body { font: 16px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; max-width: 980px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 26px; line-height: 1.3; color: #b42318; } h2 { font-size: 20px; border-bottom: 1px solid #d0d5dd; padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 17px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 6px 8px; border: 1px solid #d0d5dd; }
th { width: 8em; background: #f9fafb; } .block { white-space: pre-wrap; overflow-wrap: anywhere; background: #fffbfa; border-left: 4px solid #b42318; padding: 8px 12px; margin: 8px 0; }
img { max-width: 100%; border: 1px solid #d0d5dd; } figure { margin: 8px 0; } figcaption { color: #475467; font-size: 14px; }
.views { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 16px; align-items: start; }
.rule { border: 1px solid #d0d5dd; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
code { overflow-wrap: anywhere; font-family: ui-monospace, Menlo, monospace; } .utc { color: #475467; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h1 { font-size: 17pt; } h2 { font-size: 13pt; break-after: avoid; } h3 { break-after: avoid; }
  .views { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  img { max-height: 120mm; object-fit: contain; }
  figure, .rule, tr, .block { break-inside: avoid; }
}
@media (max-width: 640px) { .views { grid-template-columns: minmax(0, 1fr); } }
`;

function list(items: readonly string[], none: string): string {
  return items.length === 0 ? `<p>${escapeHtml(none)}</p>` : `<ul>${items.map((i) => `<li><code>${escapeHtml(i)}</code></li>`).join('')}</ul>`;
}

/** the facts a machine reads: images are referenced by the id of the element that shows them */
export function evidenceData(evidence: Evidence, time: LocalTime = localTime(new Date(evidence.capturedAt), 'en', evidence.timeZone)): unknown {
  const { screenshot, blockCrop, imageCrops, ...facts } = evidence;
  return {
    format: EVIDENCE_FORMAT,
    version: 2,
    ...facts,
    capturedAtLocal: time.iso,
    utcOffset: time.offset,
    screenshot: screenshot ? '#screenshot' : null,
    ...(blockCrop ? { blockCrop: '#block-crop' } : {}),
    ...(imageCrops ? { imageCrops: imageCrops.map((crop, i) => ({ text: crop.text, image: `#image-crop-${i}` })) } : {}),
  };
}

/** JSON that cannot end its <script> element or open a comment, whatever the page text holds */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function timeCell(time: LocalTime, s: EvidenceStrings): string {
  const e = escapeHtml;
  const chinese = s.lang.startsWith('zh');
  const names = [time.zoneName ? e(time.zoneName) : '', `<code>${e(time.zone)}</code>`].filter(Boolean).join(chinese ? '，' : ', ');
  const zone = chinese ? `（${names}）` : ` (${names})`;
  return `<span data-testid="local-time">${e(time.local)} ${e(time.offset)}${zone}</span><br><span class="utc">${e(s.utc)} ${e(time.utc)}</span>`;
}

function verdictCell(evidence: Evidence, s: EvidenceStrings): string {
  const e = escapeHtml;
  const chinese = s.lang.startsWith('zh');
  const detail = `${s.likelihoodLabel}${chinese ? '' : ' '}${s.likelihood[evidence.level]}${chinese ? '，' : ', '}${s.score} ${Math.round(evidence.score)} / 100`;
  return `${e(s.levels[evidence.level])}${chinese ? `（${e(detail)}）` : ` (${e(detail)})`}`;
}

export function evidenceHtml(evidence: Evidence, s: EvidenceStrings): string {
  const e = escapeHtml;
  const time = localTime(new Date(evidence.capturedAt), s.lang, evidence.timeZone);
  const screenshot =
    evidence.screenshot && SAFE_PNG.test(evidence.screenshot)
      ? `<figure><img id="screenshot" src="${evidence.screenshot}" alt="${e(s.screenshot)}"><figcaption>${e(s.screenshot)}</figcaption></figure>`
      : `<p>${e(s.noScreenshot)}</p>`;
  const crop =
    evidence.blockCrop && SAFE_PNG.test(evidence.blockCrop)
      ? `<figure><img id="block-crop" src="${evidence.blockCrop}" alt="${e(s.blockCrop)}"><figcaption>${e(s.blockCrop)}</figcaption></figure>`
      : '';
  const crops = (evidence.imageCrops ?? [])
    .map((c, i) => ({ ...c, i }))
    .filter((c) => SAFE_PNG.test(c.dataUrl))
    .map((c) => `<figure><img id="image-crop-${c.i}" src="${c.dataUrl}" alt="${e(c.text)}"><figcaption class="block">${e(c.text)}</figcaption></figure>`)
    .join('\n');
  const colon = s.lang.startsWith('zh') ? '：' : ': ';
  const said = (label: string, text: string) => `<p><strong>${e(label)}${colon}</strong>${e(text)}</p>`;
  const rules = evidence.lures
    .map(
      (lure) => `<div class="rule"><h3>${e(lure.title)} <small><code>${e(lure.ruleId)}</code></small></h3>
${lure.snippets.map((snippet) => `<p class="block">${e(snippet)}</p>`).join('')}
${lure.explain ? `${said(s.claim, lure.explain.claim)}${said(s.reality, lure.explain.reality)}${said(s.advice, lure.explain.advice)}` : ''}</div>`,
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
<tr><th>${e(s.time)}</th><td>${timeCell(time, s)}</td></tr>
<tr><th>${e(s.verdict)}</th><td>${verdictCell(evidence, s)}</td></tr>
${evidence.tampered ? `<tr data-testid="tampered"><th>${e(s.tampered)}</th><td>${evidence.tampered.kinds.map((kind) => e(s.tamperKinds[kind])).join(s.lang.startsWith('zh') ? '、' : ', ')}</td></tr>\n` : ''}<tr><th>${e(s.checkedBy)}</th><td>fcs-guard · ${e(s.pack)} <code>${e(evidence.packVersion)}</code></td></tr>
</table>
<h2>${e(s.howTo)}</h2>
<ol>${s.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol>
<h2>${e(s.screenshot)}</h2>
${crop ? `<div class="views">${crop}\n${screenshot}</div>` : screenshot}
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
<p><small>${e(s.data)}</small></p>
<p><small>${e(s.footer)}</small></p>
<script type="application/json" id="${EVIDENCE_DATA_ID}">
${embeddedJson(evidenceData(evidence, time))}
</script>
</body>
</html>
`;
}

/** A file name from the local time and host: fcs-guard-evidence-2026-11-25T0812-example.com */
export function evidenceFileName(evidence: Pick<Evidence, 'url' | 'capturedAt' | 'timeZone'>): string {
  let host = 'page';
  try {
    host = new URL(evidence.url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
  } catch {
    // keep "page"
  }
  const local = localTime(new Date(evidence.capturedAt), 'en', evidence.timeZone).iso;
  return `fcs-guard-evidence-${local.slice(0, 16).replace(/:/g, '')}-${host}`;
}
