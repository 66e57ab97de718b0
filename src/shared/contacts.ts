/**
 * Contact identifiers in a flagged ad, for the evidence kit: phone numbers (CN mobile and
 * landline forms, through libphonenumber-js), 微信号, QQ号 and links.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/min';

export interface Contacts {
  /** E.164, e.g. +8613800138000 */
  phones: string[];
  wechat: string[];
  qq: string[];
  links: string[];
}

const WECHAT = /(?:微信|v信|vx|wx|威信|薇信|weixin|wechat)(?:号|id)?[\s:：]*([a-z][a-z0-9_-]{5,19})/gi;
const QQ = /(?:qq|扣扣)[号群]?[\s:：]*(\d{5,11})/gi;
const LINK = /\bhttps?:\/\/[^\s<>"'，。；！？）)]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'，。；！？）)]*/gi;

const unique = (items: Iterable<string>) => [...new Set(items)];

export function extractContacts(texts: readonly string[]): Contacts {
  const phones: string[] = [];
  const wechat: string[] = [];
  const qq: string[] = [];
  const links: string[] = [];
  for (const raw of texts) {
    // full-width digits and separators are common in ads that dodge filters
    const text = raw.normalize('NFKC');
    for (const match of text.matchAll(WECHAT)) if (match[1]) wechat.push(match[1]);
    for (const match of text.matchAll(QQ)) if (match[1]) qq.push(match[1]);
    // a QQ number or WeChat id is not also a phone number
    const rest = text.replace(WECHAT, ' ').replace(QQ, ' ');
    for (const found of findPhoneNumbersInText(rest, 'CN')) if (found.number.isValid()) phones.push(found.number.number);
    for (const match of text.matchAll(LINK)) links.push(match[0]);
  }
  return { phones: unique(phones), wechat: unique(wechat), qq: unique(qq), links: unique(links) };
}
