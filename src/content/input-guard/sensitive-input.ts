/**
 * Does a form field look like it asks for something a scammer wants: a 身份证号, a bank card
 * number, an SMS 验证码, or a file (ID photo, bank statement)? Pure checks over the field and
 * its current value; the value is only looked at, never kept.
 */
export type SensitiveKind = 'id-number' | 'bank-card' | 'sms-code' | 'file';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** 18-character resident ID number with a valid GB 11643-1999 check digit. */
export function isChineseIdNumber(raw: string): boolean {
  const value = raw.replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** 16–19 digits (spaces and dashes allowed between) passing the Luhn check. */
export function isBankCardNumber(raw: string): boolean {
  const value = raw.replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let digit = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const OTP_HINT = /验证码|校验码|动态码|动态密码|短信码|one-?time|otp|sms-?code|verif\w*-?code|auth-?code|captcha/i;

/** A field the page labels as an SMS / one-time code. */
export function isOneTimeCodeField(field: HTMLInputElement): boolean {
  if ((field.getAttribute('autocomplete') ?? '').toLowerCase().includes('one-time-code')) return true;
  const hints = [field.name, field.id, field.placeholder, field.getAttribute('aria-label') ?? '', field.title];
  for (const label of field.labels ?? []) hints.push(label.textContent ?? '');
  return hints.some((hint) => OTP_HINT.test(hint));
}

const TEXT_TYPES = new Set(['', 'text', 'tel', 'number', 'search', 'password']);

/** What the field asks for, judging by what it is (on focus) and, for numbers, what is in it. */
export function sensitiveKindOf(field: Element, checkValue: boolean): SensitiveKind | undefined {
  if (field.localName !== 'input') return undefined;
  const input = field as HTMLInputElement;
  const type = input.type.toLowerCase();
  if (type === 'file') return 'file';
  if (!TEXT_TYPES.has(type)) return undefined;
  if (isOneTimeCodeField(input)) return 'sms-code';
  if (!checkValue) return undefined;
  const value = input.value;
  if (isChineseIdNumber(value)) return 'id-number';
  if (isBankCardNumber(value)) return 'bank-card';
  return undefined;
}
