/**
 * zod, configured for extension contexts: no `new Function` code generation. Extension CSP
 * forbids it anyway, and in a content script the probe could surface as a CSP violation the
 * page can observe.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
