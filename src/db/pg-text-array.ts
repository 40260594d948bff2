/** A text[] literal: unnest cannot take a 2-D array of ragged rows, so each row's words travel as one literal. */
export function pgTextArray(words: string[]): string {
  return `{${words.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
