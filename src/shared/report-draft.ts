/**
 * Reporting without a server or an account, in drafts the user sees and edits in full:
 * - the scam ad itself, for the 12321 / 国家反诈中心 / 12378 channels or an e-mail: the full
 *   address, what the ad says, its contacts, when it was seen;
 * - feedback on fcs-guard (a false alarm or a missed ad), copied, e-mailed or opened as a
 *   prefilled issue on the public tracker: only the domain, never the full URL.
 */
import type { Contacts } from './contacts';

export const ISSUE_TRACKER = 'https://github.com/fcs-guard/fcs-guard/issues/new';
/** browsers and GitHub accept long URLs, but not endless ones */
const MAX_URL_CHARS = 7_500;
/** some mail programs cut long mailto: links; the whole text stays a click away on "copy" */
const MAX_MAILTO_CHARS = 1_900;

export type ReportKind = 'scam' | 'false-alarm' | 'missed-ad';
export type FeedbackKind = Exclude<ReportKind, 'scam'>;

export interface ReportFacts {
  kind: FeedbackKind;
  domain: string;
  packVersion: string;
  level: string;
  ruleIds: string[];
  snippets: string[];
}

export interface ReportLabels {
  kind: Record<FeedbackKind, string>;
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

/** what a report of the scam ad says, for the official channels */
export interface ScamFacts {
  url: string;
  pageTitle: string;
  /** the local time, its offset and zone, already in words */
  seenAt: string;
  /** the verdict in words */
  verdict: string;
  /** what the ad says: its flagged text, or the matched snippets */
  adText: string[];
  /** the lure titles */
  tricks: string[];
  contacts: Contacts;
}

export interface ScamLabels {
  title: string;
  intro: string;
  address: string;
  pageTitle: string;
  seenAt: string;
  verdict: string;
  adText: string;
  tricks: string;
  contacts: string;
  phones: string;
  wechat: string;
  qq: string;
  links: string;
  footer: string;
  /** "：" or ": " */
  colon: string;
  /** "、" or ", " */
  comma: string;
}

export function scamReportBody(facts: ScamFacts, labels: ScamLabels): string {
  const { colon, comma } = labels;
  const contacts = [
    [labels.phones, facts.contacts.phones],
    [labels.wechat, facts.contacts.wechat],
    [labels.qq, facts.contacts.qq],
    [labels.links, facts.contacts.links],
  ] as const;
  const lines = [
    labels.intro,
    '',
    `${labels.address}${colon}${facts.url}`,
    ...(facts.pageTitle ? [`${labels.pageTitle}${colon}${facts.pageTitle}`] : []),
    `${labels.seenAt}${colon}${facts.seenAt}`,
    `${labels.verdict}${colon}${facts.verdict}`,
    ...(facts.tricks.length > 0 ? [`${labels.tricks}${colon}${facts.tricks.join(comma)}`] : []),
    '',
    `${labels.adText}${colon}`,
    ...(facts.adText.length > 0 ? facts.adText.map((text) => `> ${text.replace(/\s+/g, ' ').trim()}`) : ['> -']),
  ];
  const found = contacts.filter(([, items]) => items.length > 0);
  if (found.length > 0) lines.push('', `${labels.contacts}${colon}`, ...found.map(([label, items]) => `${label}${colon}${items.join(comma)}`));
  lines.push('', labels.footer, '');
  return lines.join('\n');
}

/**
 * The longest version of `text` for which `build` stays within `limit`: whatever has to go is
 * cut from the middle, so the head (what was found) and the tail (what the user wrote) stay.
 */
function fitted(text: string, limit: number, build: (text: string) => string): string {
  if (build(text).length <= limit) return build(text);
  const marker = '\n…\n';
  let keep = text.length;
  while (keep > 0) {
    keep = Math.floor(keep * 0.9);
    const head = Math.ceil(keep / 2);
    const candidate = `${text.slice(0, head)}${marker}${text.slice(text.length - (keep - head))}`;
    if (build(candidate).length <= limit) return build(candidate);
  }
  return build('');
}

export function issueUrl(title: string, body: string): string {
  return fitted(body, MAX_URL_CHARS, (text) => `${ISSUE_TRACKER}?title=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`);
}

/** A mailto: link with the subject and text filled in and no recipient: the user chooses whom to send it to. */
export function mailtoUrl(subject: string, body: string): string {
  return fitted(body, MAX_MAILTO_CHARS, (text) => `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`);
}
