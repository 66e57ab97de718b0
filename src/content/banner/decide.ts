/**
 * The banner's "not a scam" choices: a disclosure button that reveals four scoped choices
 * (this page / this site, for an hour / always). Undoable in the options page.
 */
export type DecideScope = 'page' | 'site';
export type DecideDuration = 'hour' | 'always';

export interface DecideStrings {
  notScam: string;
  pageHour: string;
  siteHour: string;
  pageAlways: string;
  siteAlways: string;
  undoHint: string;
  /** before a rule's title on its "mute" button */
  muteRule?: string;
}

export interface MuteChoice {
  rules: readonly { ruleId: string; title: string }[];
  onMute(ruleId: string): void;
}

const CHOICES: readonly [DecideScope, DecideDuration, Exclude<keyof DecideStrings, 'muteRule'>][] = [
  ['page', 'hour', 'pageHour'],
  ['site', 'hour', 'siteHour'],
  ['page', 'always', 'pageAlways'],
  ['site', 'always', 'siteAlways'],
];

let nextId = 0;
/** more would crowd the banner; the popup lists every rule */
const MAX_MUTE_CHOICES = 5;

export function decideControls(
  doc: Document,
  strings: DecideStrings,
  onDecide: (scope: DecideScope, duration: DecideDuration) => void,
  mute?: MuteChoice,
): { toggle: HTMLButtonElement; panel: HTMLElement } {
  const panelId = `fcs-decide-${nextId++}`;
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.textContent = strings.notScam;
  toggle.setAttribute('data-action', 'not-scam');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panelId);

  const panel = doc.createElement('div');
  panel.id = panelId;
  panel.className = 'decide';
  panel.hidden = true;
  const hint = doc.createElement('p');
  hint.textContent = strings.undoHint;
  panel.append(hint);
  for (const [scope, duration, label] of CHOICES) {
    const choice = doc.createElement('button');
    choice.type = 'button';
    choice.textContent = strings[label];
    choice.setAttribute('data-action', `allow-${scope}-${duration}`);
    choice.addEventListener('click', () => onDecide(scope, duration));
    panel.append(choice);
  }
  for (const rule of mute && strings.muteRule ? mute.rules.slice(0, MAX_MUTE_CHOICES) : []) {
    const choice = doc.createElement('button');
    choice.type = 'button';
    choice.textContent = `${strings.muteRule} ${rule.title}`;
    choice.setAttribute('data-action', 'mute-rule');
    choice.setAttribute('data-rule-id', rule.ruleId);
    choice.addEventListener('click', () => mute?.onMute(rule.ruleId));
    panel.append(choice);
  }
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  return { toggle, panel };
}
