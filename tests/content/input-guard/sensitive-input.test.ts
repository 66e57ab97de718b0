// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isBankCardNumber, isChineseIdNumber, sensitiveKindOf } from '../../../src/content/input-guard/sensitive-input';

describe('身份证号 check digit (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440524188001010014', true],
    ['110105194912310021', false], // check digit should be X
    ['440524188001010015', false],
    ['11010519491231002', false], // 17 characters
    ['1101051949123100211', false],
    ['11010519491231002Y', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isChineseIdNumber(value)).toBe(valid);
  });
});

describe('bank card number (Luhn, 16–19 digits)', () => {
  it.each([
    ['6222021234567890128', true],
    ['4111 1111 1111 1111', true],
    ['4111-1111-1111-1111', true],
    ['4111111111111112', false], // Luhn fails
    ['411111111111', false], // too short
    ['41111111111111111111', false], // 20 digits
    ['4111a11111111111', false],
  ])('%s → %s', (value, valid) => {
    expect(isBankCardNumber(value)).toBe(valid);
  });
});

describe('sensitiveKindOf', () => {
  const field = (html: string, value = '') => {
    document.body.innerHTML = html;
    const input = document.querySelector('input') as HTMLInputElement;
    input.value = value;
    return input;
  };

  it.each([
    ['<input autocomplete="one-time-code">', '', false, 'sms-code'],
    ['<input name="smsCode">', '', false, 'sms-code'],
    ['<input placeholder="请输入短信验证码">', '', false, 'sms-code'],
    ['<label for="c">验证码</label><input id="c">', '', false, 'sms-code'],
    ['<input type="file">', '', false, 'file'],
    ['<input name="idcard">', '11010519491231002X', true, 'id-number'],
    ['<input name="idcard">', '110105194912310021', true, undefined],
    ['<input name="idcard">', '11010519491231002X', false, undefined],
    ['<input type="tel">', '6222021234567890128', true, 'bank-card'],
    ['<input type="email">', '11010519491231002X', true, undefined],
    ['<input type="checkbox">', '', true, undefined],
    ['<input name="q" placeholder="搜索">', '上岸', true, undefined],
  ])('%s with %j → %s', (html, value, checkValue, kind) => {
    expect(sensitiveKindOf(field(html, value), checkValue)).toBe(kind);
  });
});
