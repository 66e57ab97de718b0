/**
 * zod, configured for extension contexts: no `new Function` code generation. Extension CSP
 * forbids it anyway, and in a content script the probe could surface as a CSP violation the
 * page can observe.
 * zod/mini rather than classic zod: its functions tree-shake, and it registers no locale, so
 * the content script (evaluated in every frame) carries only the schema kinds it uses. Issue
 * messages are therefore "Invalid input"; `describeIssue` turns issues into text for people.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
