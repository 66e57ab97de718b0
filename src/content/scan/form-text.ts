/**
 * The text a form control shows: what a button says, a field's value or placeholder, the option
 * a drop-down shows (every option of a list box), a text area's value. An ad can be written into
 * a read-only field or a button as well as into a paragraph.
 *
 * What the user types is never read: a field the user has typed into (an `input` event, which
 * the page's own scripts cannot fake as trusted) is read by its placeholder alone, and password,
 * e-mail, number, phone and file fields are never read at all.
 */
const NEVER_READ = new Set(['password', 'email', 'tel', 'number', 'file', 'hidden', 'range', 'color', 'checkbox', 'radio', 'image', 'date', 'datetime-local', 'month', 'time', 'week']);
const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);

/** fields the user has typed into, per document; an extraction reads their placeholder only */
const typedInto = new WeakSet<Element>();

export const FORM_CONTROL_TAGS: ReadonlySet<string> = new Set(['input', 'select', 'textarea']);

/** Remembers the fields the user types into from now on. */
export function watchTyping(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(
    'input',
    (event) => {
      if (event.isTrusted && event.target instanceof Element) typedInto.add(event.target);
    },
    { capture: true, passive: true, signal },
  );
}

function valueOf(control: HTMLInputElement | HTMLTextAreaElement): string {
  const value = typedInto.has(control) ? '' : control.value;
  return value.trim() ? value : control.placeholder;
}

/** The text `control` shows, or '' (not a control, or one never read). */
export function formControlText(control: Element): string {
  switch (control.localName) {
    case 'input': {
      const input = control as HTMLInputElement;
      const type = (input.getAttribute('type') ?? 'text').toLowerCase();
      if (NEVER_READ.has(type)) return '';
      if (BUTTON_TYPES.has(type)) return input.value;
      return valueOf(input);
    }
    case 'textarea':
      return valueOf(control as HTMLTextAreaElement);
    case 'select': {
      const select = control as HTMLSelectElement;
      // a list box shows its options; a drop-down only the chosen one
      const listBox = select.multiple || select.size > 1 || Number(select.getAttribute('size')) > 1;
      const options = Array.from(select.options).filter((option) => listBox || option.selected);
      return options.map((option) => option.text).join('\n');
    }
    default:
      return '';
  }
}
