/**
 * The banner's "not a scam": one quiet disclosure that reveals two plain choices (just this
 * page / this whole site) and how long (an hour / always, an hour unless changed). Undoable in
 * the options page; muting one rule is for the details view, not the banner.
 */
export type DecideScope = 'page' | 'site';
export type DecideDuration = 'hour' | 'always';

export interface DecideStrings {
  notScam: string;
  /** the choices' question: how long not to warn */
  howLong: string;
  hour: string;
  always: string;
  page: string;
  site: string;
  undoHint: string;
}

let nextId = 0;

export function decideControls(
  doc: Document,
  strings: DecideStrings,
  onDecide: (scope: DecideScope, duration: DecideDuration) => void,
): { toggle: HTMLButtonElement; panel: HTMLElement } {
  const id = `d${nextId++}`;
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'quiet';
  toggle.textContent = strings.notScam;
  toggle.setAttribute('data-action', 'not-scam');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', id);

  const panel = doc.createElement('div');
  panel.id = id;
  panel.className = 'decide';
  panel.hidden = true;
  const hint = doc.createElement('p');
  hint.textContent = strings.undoHint;

  const durations = doc.createElement('fieldset');
  const legend = doc.createElement('legend');
  legend.textContent = strings.howLong;
  durations.append(legend);
  const radios = new Map<DecideDuration, HTMLInputElement>();
  for (const [duration, label] of [['hour', strings.hour], ['always', strings.always]] as const) {
    const wrapper = doc.createElement('label');
    const radio = doc.createElement('input');
    radio.type = 'radio';
    radio.name = `${id}-duration`;
    radio.value = duration;
    radio.checked = duration === 'hour';
    radio.setAttribute('data-duration', duration);
    wrapper.append(radio, doc.createTextNode(label));
    durations.append(wrapper);
    radios.set(duration, radio);
  }
  const chosen = (): DecideDuration => (radios.get('always')?.checked ? 'always' : 'hour');

  const choices = doc.createElement('div');
  choices.className = 'choices';
  for (const [scope, label] of [['page', strings.page], ['site', strings.site]] as const) {
    const choice = doc.createElement('button');
    choice.type = 'button';
    choice.textContent = label;
    choice.setAttribute('data-action', `allow-${scope}`);
    choice.addEventListener('click', () => onDecide(scope, chosen()));
    choices.append(choice);
  }
  panel.append(hint, durations, choices);
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  return { toggle, panel };
}
