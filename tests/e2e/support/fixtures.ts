import type { FixtureServer } from './server';

let opened = 0;

/**
 * The fixture's URL, made unique per call so a tab can be found by its URL (popup
 * lookup) even when a test opens the same fixture twice.
 */
export function fixtureUrl(server: FixtureServer, fixture: string): string {
  opened += 1;
  return `${server.url(fixture)}?visit=${opened}`;
}

export const HOTLINES = ['tel:12378', 'tel:12315', 'tel:110'] as const;
export const WEB_12315 = 'https://www.12315.cn';
export const WARNING_LEVELS = ['medium', 'high'];
