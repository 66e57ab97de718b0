/**
 * A problem in an imported file (engine/issue-text.ts) in the UI's language: each code has its
 * sentence in _locales, with the values it names filled in. Values are the file's own text
 * (keys, limits, quoted values), never translated; types and units are.
 */
import type { LengthUnit, Problem, ProblemCode, ValueType } from '../engine/issue-text';
import type { MessageKey } from './i18n';
import { fill } from './message-format';

type Translate = (key: MessageKey) => string;

const SENTENCES: Readonly<Record<ProblemCode, MessageKey>> = {
  kebabId: 'problemKebabId',
  literalPattern: 'problemLiteralPattern',
  schemaMessage: 'problemSchemaMessage',
  expectedType: 'problemExpectedType',
  missingType: 'problemMissingType',
  numberAtMost: 'problemNumberAtMost',
  numberAtLeast: 'problemNumberAtLeast',
  numberBelow: 'problemNumberBelow',
  numberAbove: 'problemNumberAbove',
  numberExactly: 'problemNumberExactly',
  lengthAtMost: 'problemLengthAtMost',
  lengthAtLeast: 'problemLengthAtLeast',
  lengthBelow: 'problemLengthBelow',
  lengthAbove: 'problemLengthAbove',
  lengthExactly: 'problemLengthExactly',
  notEmpty: 'problemNotEmpty',
  startsWith: 'problemStartsWith',
  endsWith: 'problemEndsWith',
  contains: 'problemContains',
  pattern: 'problemPattern',
  url: 'problemUrl',
  format: 'problemFormat',
  multipleOf: 'problemMultipleOf',
  unknownFields: 'problemUnknownFields',
  severalForms: 'problemSeveralForms',
  noForm: 'problemNoForm',
  discriminator: 'problemDiscriminator',
  invalidKey: 'problemInvalidKey',
  invalidElement: 'problemInvalidElement',
  mustBeValue: 'problemMustBeValue',
  missingValue: 'problemMissingValue',
  notValid: 'problemNotValid',
  jsonExpected: 'problemJsonExpected',
  jsonExpectedAtEnd: 'problemJsonExpectedAtEnd',
  jsonStringLine: 'problemJsonStringLine',
  jsonBadEscape: 'problemJsonBadEscape',
  jsonTooDeep: 'problemJsonTooDeep',
  jsonDuplicateKey: 'problemJsonDuplicateKey',
  jsonAfterValue: 'problemJsonAfterValue',
  jsonEndsEarly: 'problemJsonEndsEarly',
  jsonUnexpected: 'problemJsonUnexpected',
  jsonTrailing: 'problemJsonTrailing',
  unknownAlias: 'problemUnknownAlias',
  tooManySpellings: 'problemTooManySpellings',
  aliasTwice: 'problemAliasTwice',
  familyTwice: 'problemFamilyTwice',
  familyPrefix: 'problemFamilyPrefix',
  duplicateId: 'problemDuplicateId',
  emptyPiece: 'problemEmptyPiece',
  shortPiece: 'problemShortPiece',
  builtinId: 'problemBuiltinId',
  alphabet: 'problemAlphabet',
  fileTooLarge: 'problemFileTooLarge',
  noRules: 'problemNoRules',
};

const TYPES: Readonly<Record<ValueType, MessageKey | undefined>> = {
  string: 'problemTypeString',
  number: 'problemTypeNumber',
  int: 'problemTypeInt',
  boolean: 'problemTypeBoolean',
  array: 'problemTypeArray',
  object: 'problemTypeObject',
  other: undefined,
};

const UNITS: Readonly<Record<LengthUnit, MessageKey>> = {
  character: 'problemUnitCharacter',
  item: 'problemUnitItem',
  byte: 'problemUnitByte',
};

export function localProblem(problem: Problem, t: Translate): string {
  const values = { ...problem.values };
  const type = TYPES[values.type as ValueType];
  if (values.type !== undefined) values.type = type ? t(type) : (values.name ?? values.type);
  const unit = UNITS[values.unit as LengthUnit] as MessageKey | undefined;
  if (unit) values.unit = t(unit);
  const sentence = fill(t(SENTENCES[problem.code]), values);
  if (!problem.inner) return sentence;
  const colon = /[\u4e00-\u9fff]/.test(sentence) ? '：' : ': ';
  return `${sentence}${colon}${localProblem(problem.inner, t)}`;
}
