/**
 * Reads a 责任领导 cell. Word pads two-character names to the width of three
 * ("陈  英"), so spaces inside a line are padding, not separators; several
 * leaders stand on separate lines (sometimes with blank lines between) or are
 * separated by 、.
 */
export function readLeaderCell(lines: string[]): string[] {
  const names = lines
    .flatMap((line) => line.split(/[、，,；;]/))
    .map(normaliseLeaderName)
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}

/** "凌  健" → "凌健": the one spelling leaders are stored and looked up by. */
export function normaliseLeaderName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}
