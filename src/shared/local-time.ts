/**
 * A moment as the person who saved the evidence lived it: the local date and time, the UTC
 * offset and the time zone's name. A raw UTC stamp puts an evening in Beijing on the next
 * morning's date; a police officer reading the report needs the local time and the offset.
 */

export interface LocalTime {
  /** "2026-12-08 03:34:55" in the time zone */
  local: string;
  /** "UTC+08:00" */
  offset: string;
  /** the IANA name, "Asia/Shanghai" */
  zone: string;
  /** the zone's name in the UI language, "中国标准时间"; empty where the browser has none */
  zoneName: string;
  /** ISO 8601 with the offset, for machines: "2026-12-08T03:34:55+08:00" */
  iso: string;
  /** the same moment in UTC: "2026-12-07 19:34:55" */
  utc: string;
}

/** The time zone this browser is in. */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

function wallClock(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')} ${part(parts, 'hour')}:${part(parts, 'minute')}:${part(parts, 'second')}`;
}

/** "+08:00" from "GMT+08:00"; "GMT" alone is "+00:00" */
function offsetOf(date: Date, timeZone: string): string {
  const name = part(new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date), 'timeZoneName');
  const match = /([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!match) return '+00:00';
  return `${match[1]}${(match[2] ?? '0').padStart(2, '0')}:${match[3] ?? '00'}`;
}

export function localTime(date: Date, language: string, timeZone = currentTimeZone()): LocalTime {
  const offset = offsetOf(date, timeZone);
  const local = wallClock(date, timeZone);
  const named = part(new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'long' }).formatToParts(date), 'timeZoneName');
  return {
    local,
    offset: `UTC${offset}`,
    zone: timeZone,
    // a browser without a name for the zone gives its offset again, "GMT+8": say nothing instead
    zoneName: /^(GMT|UTC)([+-]|$)/.test(named) ? '' : named,
    iso: `${local.replace(' ', 'T')}${offset}`,
    utc: wallClock(date, 'UTC'),
  };
}

/** "2026-12-08 03:34:55 UTC+08:00（中国标准时间，Asia/Shanghai）", the brackets of the language */
export function describeLocalTime(time: LocalTime, language: string): string {
  const names = [time.zoneName, time.zone].filter(Boolean);
  const chinese = language.startsWith('zh');
  const inner = names.join(chinese ? '，' : ', ');
  return `${time.local} ${time.offset}${chinese ? `（${inner}）` : ` (${inner})`}`;
}
