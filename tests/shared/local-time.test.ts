import { describe, expect, it } from 'vitest';
import { describeLocalTime, localTime } from '../../src/shared/local-time';

// an evening in Beijing is the next morning's date nowhere but in UTC: the report must say the local one
const EVENING_IN_BEIJING = new Date('2026-12-07T19:34:55.288Z');

describe('the local time of the evidence', () => {
  it('gives the local date and time, the offset and the zone', () => {
    expect(localTime(EVENING_IN_BEIJING, 'zh-CN', 'Asia/Shanghai')).toEqual({
      local: '2026-12-08 03:34:55',
      offset: 'UTC+08:00',
      zone: 'Asia/Shanghai',
      zoneName: '中国标准时间',
      iso: '2026-12-08T03:34:55+08:00',
      utc: '2026-12-07 19:34:55',
    });
  });

  it.each([
    ['UTC', '2026-12-07 19:34:55', 'UTC+00:00'],
    ['America/St_Johns', '2026-12-07 16:04:55', 'UTC-03:30'],
    ['Asia/Kolkata', '2026-12-08 01:04:55', 'UTC+05:30'],
  ])('%s: %s %s', (zone, local, offset) => {
    const time = localTime(EVENING_IN_BEIJING, 'en', zone);
    expect(time.local).toBe(local);
    expect(time.offset).toBe(offset);
    expect(time.iso).toBe(`${local.replace(' ', 'T')}${offset.slice(3)}`);
  });

  it('names the zone in the UI language', () => {
    expect(localTime(EVENING_IN_BEIJING, 'en', 'Asia/Shanghai').zoneName).toBe('China Standard Time');
  });

  it('says it in words with the brackets of the language', () => {
    const time = localTime(EVENING_IN_BEIJING, 'zh-CN', 'Asia/Shanghai');
    expect(describeLocalTime(time, 'zh-CN')).toBe('2026-12-08 03:34:55 UTC+08:00（中国标准时间，Asia/Shanghai）');
    expect(describeLocalTime(localTime(EVENING_IN_BEIJING, 'en', 'Asia/Shanghai'), 'en')).toBe(
      '2026-12-08 03:34:55 UTC+08:00 (China Standard Time, Asia/Shanghai)',
    );
  });
});
