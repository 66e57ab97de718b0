/**
 * Character accuracy = 1 − CER, the OCR benchmark's measure. Both sides are NFKC-folded and
 * stripped of whitespace: Tesseract's chi_sim puts spaces between Han characters, and full- vs
 * half-width digits are the same text to the matcher.
 */
export function foldForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

export interface AccuracyTally {
  edits: number;
  characters: number;
}

export function tallyAccuracy(truth: string, read: string): AccuracyTally {
  const t = foldForComparison(truth);
  return { edits: editDistance(t, foldForComparison(read)), characters: [...t].length };
}

/** pooled over a set: 1 − Σ edits / Σ true characters, floored at 0 */
export function characterAccuracy(tallies: readonly AccuracyTally[]): number {
  const edits = tallies.reduce((s, t) => s + t.edits, 0);
  const characters = tallies.reduce((s, t) => s + t.characters, 0);
  return characters === 0 ? 1 : Math.max(0, 1 - edits / characters);
}
