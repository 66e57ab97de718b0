export { compilePack, parsePackFile, PackError, hashString, type PackSourceFile, type CompileOptions } from './compile';
export { createMatcher, matcherSteps, analyzeBlock, matchEntries, countContacts, type Matcher } from './analyze';
export { buildAutomaton, findLiterals } from './automaton';
export { runSteps, type Steps } from './steps';
export { normalizeWithOffsets, normalizeLiteral } from './normalize';
export {
  scoreBlock,
  scoreRules,
  scorePage,
  wantsModel,
  combinerFeatures,
  familyMuteId,
  FAMILY_MUTE_PREFIX,
  levelFor,
  isAntiFraudPage,
  DEFAULT_WARN_THRESHOLD,
  LEVEL_FLOORS,
  SCORING,
  type ScoreOptions,
} from './score';
export { CompiledPackSchema, checkCompiledPack } from './compiled-pack';
export * from './types';
export { LURE_CATEGORIES, CUE_KINDS, type LureCategory, type CueKind } from './pack-schema';
export { explainLure, familyOf } from './explain';
