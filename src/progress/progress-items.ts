import type { ProgressItem } from './progress-update.entity';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * Splits a progress text at its circled numbers (①②③). Items may start
 * mid-line; text before the first number, or a text without numbers, is one
 * item with number null. Numbers are kept as written (the 2021 report jumps
 * from ① to ③ in task 7), never renumbered.
 */
export function splitProgressItems(text: string): ProgressItem[] {
  const items: ProgressItem[] = [];
  const pattern = new RegExp(`[${CIRCLED}]`, 'g');
  const starts = [...text.matchAll(pattern)].map((m) => m.index!);
  const head = text.slice(0, starts[0] ?? text.length).trim();
  if (head) items.push({ number: null, text: head });
  starts.forEach((start, k) => {
    const body = text.slice(start + 1, starts[k + 1] ?? text.length).trim();
    items.push({ number: CIRCLED.indexOf(text[start]) + 1, text: body });
  });
  return items;
}
