/** Content script run at document_start, before index.ts: leaves the built-in pack for it (builtin-pack.ts). */
import json from 'virtual:fcs-pack-transport';
import { leaveBuiltinPack } from './builtin-pack';

leaveBuiltinPack(json);
