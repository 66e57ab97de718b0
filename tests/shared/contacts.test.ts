import { describe, expect, it } from 'vitest';
import { extractContacts } from '../../src/shared/contacts';

describe('extractContacts', () => {
  it.each([
    ['手机 138 0013 8000 随时联系', { phones: ['+8613800138000'] }],
    ['热线：010-12345678', { phones: ['+861012345678'] }],
    ['电话１３９００１３９０００', { phones: ['+8613900139000'] }],
    ['加微信 zhaiwu2024 咨询', { wechat: ['zhaiwu2024'] }],
    ['VX：Shangan_888', { wechat: ['Shangan_888'] }],
    ['QQ群：12345678，扣扣 998877', { qq: ['12345678', '998877'] }],
    ['详见 https://loan-help.example.cn/a?b=1。', { links: ['https://loan-help.example.cn/a?b=1'] }],
    ['www.zhaiwu.example.com 了解', { links: ['www.zhaiwu.example.com'] }],
    ['番茄炒蛋加一点糖', {}],
  ])('%s', (text, expected) => {
    expect(extractContacts([text])).toEqual({ phones: [], wechat: [], qq: [], links: [], ...expected });
  });

  it('lists each contact once', () => {
    expect(extractContacts(['加微信 abc12345', '微信号：abc12345']).wechat).toEqual(['abc12345']);
  });
});
