/**
 * "反馈误报 / 漏报" without a server: a draft the user sees and edits in full, then copies or
 * opens as a prefilled issue on the public tracker. Only the domain, never the full URL.
 */
export const ISSUE_TRACKER = 'https://github.com/fcs-guard/fcs-guard/issues/new';
/** browsers and GitHub accept long URLs, but not endless ones */
const MAX_URL_CHARS = 7_500;

export type ReportKind = 'false-alarm' | 'missed-ad';

export interface ReportFacts {
  kind: ReportKind;
  domain: string;
  packVersion: string;
  level: string;
  ruleIds: string[];
  snippets: string[];
}

export interface ReportLabels {
  kind: Record<ReportKind, string>;
  domain: string;
  packVersion: string;
  level: string;
  rules: string;
  snippets: string;
  describe: string;
}

export function reportTitle(facts: ReportFacts, labels: ReportLabels): string {
  return `${labels.kind[facts.kind]}: ${facts.domain || '?'}`;
}

export function reportBody(facts: ReportFacts, labels: ReportLabels): string {
  const lines = [
    `${labels.domain}: ${facts.domain || '?'}`,
    `${labels.packVersion}: ${facts.packVersion}`,
    `${labels.level}: ${facts.level}`,
    `${labels.rules}: ${facts.ruleIds.join(', ') || '-'}`,
    '',
    `${labels.snippets}:`,
    ...(facts.snippets.length > 0 ? facts.snippets.map((s) => `> ${s.replace(/\s+/g, ' ')}`) : ['> -']),
    '',
    `${labels.describe}:`,
    '',
  ];
  return lines.join('\n');
}

export function issueUrl(title: string, body: string): string {
  const build = (text: string) => `${ISSUE_TRACKER}?title=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`;
  let text = body;
  while (build(text).length > MAX_URL_CHARS && text.length > 0) text = text.slice(0, Math.floor(text.length * 0.9));
  return build(text);
}
