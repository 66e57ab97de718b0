/** The report preview: everything that would be shared, editable, then copied or opened by the user. */
import { siteKeyOf } from '../shared/decisions';
import type { MessageKey } from '../shared/i18n';
import type { TabVerdict } from '../shared/messages';
import { issueUrl, reportBody, reportTitle, type ReportKind, type ReportLabels } from '../shared/report-draft';

type Translate = (key: MessageKey) => string;

export function setUpReportPanel(
  doc: Document,
  t: Translate,
  context: () => { view: TabVerdict | undefined; url: string | undefined; packVersion: string },
): void {
  const toggle = doc.querySelector<HTMLButtonElement>('[data-testid="report"]');
  const panel = doc.querySelector<HTMLElement>('[data-testid="report-panel"]');
  const text = doc.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]');
  const open = doc.querySelector<HTMLAnchorElement>('[data-testid="report-open"]');
  const copy = doc.querySelector<HTMLButtonElement>('[data-testid="report-copy"]');
  const copied = doc.querySelector<HTMLElement>('[data-testid="report-copied"]');
  if (!toggle || !panel || !text || !open || !copy) return;
  const labels: ReportLabels = {
    kind: { 'false-alarm': t('reportFalseAlarm'), 'missed-ad': t('reportMissedAd') },
    domain: t('reportDomain'),
    packVersion: t('reportPackVersion'),
    level: t('reportLevel'),
    rules: t('reportRules'),
    snippets: t('reportSnippets'),
    describe: t('reportDescribe'),
  };
  let title = '';
  const kind = (): ReportKind =>
    doc.querySelector<HTMLInputElement>('input[name="report-kind"]:checked')?.value === 'missed-ad' ? 'missed-ad' : 'false-alarm';
  const draft = () => {
    const { view, url, packVersion } = context();
    const live = view?.lures.filter((l) => l.points > 0) ?? [];
    const facts = {
      kind: kind(),
      domain: siteKeyOf(url) ?? '',
      packVersion,
      level: view?.level ?? 'none',
      ruleIds: live.map((l) => l.ruleId),
      snippets: live.flatMap((l) => l.snippets).slice(0, 5),
    };
    title = reportTitle(facts, labels);
    text.value = reportBody(facts, labels);
    sync();
  };
  const sync = () => {
    open.href = issueUrl(title, text.value);
  };
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      const missed = (context().view?.flaggedBlocks ?? 0) === 0;
      const radio = doc.querySelector<HTMLInputElement>(`input[name="report-kind"][value="${missed ? 'missed-ad' : 'false-alarm'}"]`);
      if (radio) radio.checked = true;
      draft();
      text.focus();
    }
  });
  for (const radio of doc.querySelectorAll<HTMLInputElement>('input[name="report-kind"]')) radio.addEventListener('change', draft);
  text.addEventListener('input', sync);
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(`${title}\n\n${text.value}`).catch(() => {
      text.select();
    });
    if (copied) copied.textContent = t('reportCopied');
  });
}
