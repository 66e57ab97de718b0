/**
 * A message made of the UI's words and the file's own identifiers (field names, rule ids),
 * which stay as the file writes them and are shown as code. DOM APIs only.
 */
import type { Problem } from '../engine/issue-text';
import type { MessageKey } from '../shared/i18n';
import { fill, speaksChinese } from '../shared/message-format';
import { localProblem } from '../shared/problem-text';

type Translate = (key: MessageKey) => string;

/** a piece of UI text, or an identifier quoted from a file */
export type Part = string | { code: string };

export interface LocatedProblem {
  line?: number;
  field: string;
  ruleId?: string;
  /** plain English, shown only when there is no `detail` to say it in the UI's language */
  problem: string;
  detail?: Problem;
}

function punctuation(t: Translate): { comma: string; colon: string; stop: string } {
  return speaksChinese(t) ? { comma: '，', colon: '：', stop: '。' } : { comma: ', ', colon: ': ', stop: '.' };
}

/** "第 7 行，字段 weight，规则 my-rule：应该是数字。" */
export function problemParts(problem: LocatedProblem, t: Translate): Part[] {
  const { comma, colon, stop } = punctuation(t);
  const where: Part[][] = [];
  if (problem.line !== undefined) where.push([fill(t('optWhereLine'), { line: problem.line })]);
  if (problem.field === '(json)') where.push([t('optFieldJson')]);
  else if (problem.field === '(file)') where.push([t('optFieldFile')]);
  else where.push([`${t('optWhereField')} `, { code: problem.field }]);
  if (problem.ruleId !== undefined) where.push([`${t('optWhereRule')} `, { code: problem.ruleId }]);
  const what: Part[] = problem.detail ? [localProblem(problem.detail, t)] : [t('problemNotValid'), ' ', { code: problem.problem }];
  return [...where.flatMap((parts, i) => (i === 0 ? parts : [comma, ...parts])), colon, ...what, stop];
}

export function showParts(element: HTMLElement, parts: readonly Part[]): void {
  const doc = element.ownerDocument;
  element.replaceChildren(
    ...parts.map((part) => {
      if (typeof part === 'string') return doc.createTextNode(part);
      const code = doc.createElement('code');
      code.textContent = part.code;
      return code;
    }),
  );
}

/** a list of identifiers, each as code */
export function codeList(ids: readonly string[], t: Translate): Part[] {
  const { comma } = punctuation(t);
  return ids.flatMap((id, i) => (i === 0 ? [{ code: id }] : [comma, { code: id }]));
}
