/**
 * The report panel: everything that would be shared, editable, then copied, e-mailed or opened
 * by the user; nothing is sent by fcs-guard. Reporting the scam ad itself needs no account:
 * the text is ready to paste into 12321, the 国家反诈中心 app, a call to 12378, or an e-mail.
 * Feedback on fcs-guard's own mistakes keeps the GitHub option for those who have an account.
 */
import { siteKeyOf } from '../shared/decisions';
import { extractContacts } from '../shared/contacts';
import type { MessageKey } from '../shared/i18n';
import { speaksChinese } from '../shared/message-format';
import { describeLocalTime, localTime } from '../shared/local-time';
import type { TabVerdict } from '../shared/messages';
import {
  issueUrl,
  mailtoUrl,
  reportBody,
  reportTitle,
  scamReportBody,
  type FeedbackKind,
  type ReportKind,
  type ReportLabels,
  type ScamLabels,
} from '../shared/report-draft';
import { LEVEL_LABELS, LIKELIHOOD_WORDS } from './level-words';

type Translate = (key: MessageKey) => string;

export interface ReportContext {
  view: TabVerdict | undefined;
  url: string | undefined;
  pageTitle: string | undefined;
  packVersion: string;
  /** the text of the flagged blocks, asked of the page when the panel opens */
  blocks(): Promise<string[]>;
}

function feedbackLabels(t: Translate): ReportLabels {
  return {
    kind: { 'false-alarm': t('reportFalseAlarm'), 'missed-ad': t('reportMissedAd') },
    domain: t('reportDomain'),
    packVersion: t('reportPackVersion'),
    level: t('reportLevel'),
    rules: t('reportRules'),
    snippets: t('reportSnippets'),
    describe: t('reportDescribe'),
  };
}

function scamLabels(t: Translate): ScamLabels {
  const chinese = speaksChinese(t);
  return {
    title: t('reportScamTitle'),
    intro: t('reportScamIntro'),
    address: t('reportAddress'),
    pageTitle: t('reportPageTitle'),
    seenAt: t('reportSeenAt'),
    verdict: t('reportLevel'),
    adText: t('reportAdText'),
    tricks: t('reportTricks'),
    contacts: t('reportContacts'),
    phones: t('evidencePhones'),
    wechat: t('evidenceWechat'),
    qq: t('evidenceQq'),
    links: t('evidenceLinks'),
    footer: t('reportScamFooter'),
    colon: chinese ? '：' : ': ',
    comma: chinese ? '、' : ', ',
  };
}

function verdictWords(view: TabVerdict | undefined, t: Translate): string {
  if (!view) return '-';
  const chinese = speaksChinese(t);
  const likelihood = `${t('popupLikelihood')}${chinese ? '' : ' '}${t(LIKELIHOOD_WORDS[view.level])}`;
  return chinese ? `${t(LEVEL_LABELS[view.level])}（${likelihood}）` : `${t(LEVEL_LABELS[view.level])} (${likelihood})`;
}

export function setUpReportPanel(doc: Document, t: Translate, context: () => ReportContext): void {
  const toggle = doc.querySelector<HTMLButtonElement>('[data-testid="report"]');
  const panel = doc.querySelector<HTMLElement>('[data-testid="report-panel"]');
  const text = doc.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]');
  const open = doc.querySelector<HTMLAnchorElement>('[data-testid="report-open"]');
  const email = doc.querySelector<HTMLAnchorElement>('[data-testid="report-email"]');
  const copy = doc.querySelector<HTMLButtonElement>('[data-testid="report-copy"]');
  const copied = doc.querySelector<HTMLElement>('[data-testid="report-copied"]');
  const where = doc.querySelector<HTMLElement>('[data-testid="report-where"]');
  const feedback = doc.querySelector<HTMLElement>('[data-testid="report-feedback"]');
  if (!toggle || !panel || !text || !open || !email || !copy) return;
  let title = '';
  const kind = (): ReportKind => {
    const value = doc.querySelector<HTMLInputElement>('input[name="report-kind"]:checked')?.value;
    return value === 'false-alarm' || value === 'missed-ad' ? value : 'scam';
  };

  const scamDraft = async (): Promise<string> => {
    const { view, url, pageTitle } = context();
    const live = view?.lures.filter((l) => l.points > 0) ?? [];
    const blocks = await context().blocks().catch(() => []);
    const snippets = live.flatMap((l) => l.snippets);
    const adText = blocks.length > 0 ? blocks : [...new Set(snippets)].slice(0, 5);
    title = scamLabels(t).title;
    return scamReportBody(
      {
        url: url ?? '',
        pageTitle: pageTitle ?? '',
        seenAt: describeLocalTime(localTime(new Date(), t('uiLang')), t('uiLang')),
        verdict: verdictWords(view, t),
        adText,
        tricks: [...new Set(live.map((l) => l.title))],
        contacts: extractContacts(adText),
      },
      scamLabels(t),
    );
  };

  const feedbackDraft = (which: FeedbackKind): string => {
    const { view, url, packVersion } = context();
    const live = view?.lures.filter((l) => l.points > 0) ?? [];
    const facts = {
      kind: which,
      domain: siteKeyOf(url) ?? '',
      packVersion,
      level: view ? t(LEVEL_LABELS[view.level]) : '-',
      ruleIds: live.map((l) => l.ruleId),
      snippets: live.flatMap((l) => l.snippets).slice(0, 5),
    };
    title = reportTitle(facts, feedbackLabels(t));
    return reportBody(facts, feedbackLabels(t));
  };

  const sync = () => {
    open.href = issueUrl(title, text.value);
    email.href = mailtoUrl(title, text.value);
  };
  const draft = async () => {
    const which = kind();
    if (where) where.hidden = which !== 'scam';
    if (feedback) feedback.hidden = which === 'scam';
    text.value = which === 'scam' ? await scamDraft() : feedbackDraft(which);
    sync();
  };
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      // a page that warned: report the ad; one that did not: say what was missed
      const warned = (context().view?.flaggedBlocks ?? 0) > 0;
      const radio = doc.querySelector<HTMLInputElement>(`input[name="report-kind"][value="${warned ? 'scam' : 'missed-ad'}"]`);
      if (radio) radio.checked = true;
      void draft().then(() => text.focus());
    }
  });
  for (const radio of doc.querySelectorAll<HTMLInputElement>('input[name="report-kind"]')) radio.addEventListener('change', () => void draft());
  text.addEventListener('input', sync);
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(`${title}\n\n${text.value}`).catch(() => {
      text.select();
    });
    if (copied) copied.textContent = t('reportCopied');
  });
}
