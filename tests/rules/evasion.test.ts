import { describe, expect, it } from 'vitest';
import { createScanner, scoreTexts, summarize } from '../../src/cli/text-verdict';

const scanner = createScanner();
const verdict = (text: string) => summarize(scoreTexts(scanner, [text]), scanner.threshold);

// Each ad next to the way ads write it to dodge moderation: the disguised form must
// fire the same rules as the plain one, and warn.
describe('evasion', () => {
  it.each([
    ['traditional characters', '专业团队帮你停息挂账，全额平债，加微信咨询', '專業團隊幫你停息掛賬，全額平債，加微信諮詢'],
    ['full-width letters and digits', '不成功100%退费，加vx', '不成功１００％退费，加ＶＸ'],
    ['spaces inside phrases', '停息挂账，全额平债，不成功100%退费', '停 息 挂 账 ， 全 额 平 债 ， 不 成 功 1 0 0 % 退 费'],
    ['zero-width characters', '停息挂账，全额平债，不成功100%退费', '停\u200b息\u200c挂\u200d账，全\ufeff额平债，不成\u200b功100%退费'],
    ['punctuation inside phrases', '停息挂账，全额平债，不成功100%退费', '停-息-挂-账，全·额·平·债，不.成.功100%退/费'],
    ['emoji inside phrases', '停息挂账，全额平债', '停🔥息挂账，全额💰平债'],
    ['百分百 for 100%', '征信修复，100%成功', '征信修复，百分百成功'],
    ['V信 / 威信 for 微信', '全额平债，加微信', '全额平债，加V信'],
    ['威信', '全额平债，加微信', '全额平债，加威信'],
    ['崔哥 for 催收', '专业团队帮你停催，全额平债', '专业团队帮你停崔，全额平债'],
    ['pinyin initials', '专业反催收团队，全额平债', '专业fcs团队，全额平债'],
  ])('%s', (_how, plain, disguised) => {
    const a = verdict(plain);
    const b = verdict(disguised);
    expect(a.flag, plain).toBe(true);
    expect(b.flag, disguised).toBe(true);
    expect(b.rules).toEqual(expect.arrayContaining(a.rules));
  });

  it.each([
    ['上岸 jargon', '负债30万也能上岸，我们帮你一律上岸，不成功不收费'],
    ['a "fiction, for entertainment" disclaimer', '虚构演绎，仅供娱乐。逾期不用怕，专业团队帮你处理债务'],
  ])('%s still warns', (_how, text) => {
    expect(verdict(text).flag, text).toBe(true);
  });

  it('the disclaimer alone is not a lure', () => {
    expect(verdict('本视频虚构演绎，仅供娱乐').flag).toBe(false);
  });
});
