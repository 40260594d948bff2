/**
 * One spelling per unit name for comparison: no spaces (Word pads and wraps),
 * full-width brackets, and one kind of middle dot (the documents mix • and ·).
 */
export function normaliseUnitName(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[•・‧∙]/g, '·');
}
