import fs from 'node:fs';
import path from 'node:path';

const PLAN = path.join(__dirname, '..', 'seeds', '000_fde355393f881739.txt');

/**
 * A valid plan of `rows` key tasks, made by repeating the 2024 plan's real
 * key-task rows (renumbered 1..N) under its real letterhead and targets table:
 * what the import benchmark and the size tests parse. Built with one join,
 * linear in its size.
 */
export function largePlan(rows: number, year = 2024): Buffer {
  const lines = fs.readFileSync(PLAN, 'utf8').split('\n');
  const headers = lines.flatMap((line, i) => (line === '\t序号' ? [i] : []));
  const keyHeader = headers[1];
  let bodyStart = keyHeader;
  while (lines[bodyStart].startsWith('\t')) bodyStart++;
  // Row blocks: a row opens at "\t<number>" after a blank line and runs to the next one.
  const starts: number[] = [];
  for (let i = bodyStart; i < lines.length; i++) if (/^\t\d+$/.test(lines[i]) && lines[i - 1] === '') starts.push(i);
  const blocks = starts.map((start, k) => lines.slice(start + 1, k + 1 < starts.length ? starts[k + 1] : lines.length));
  while (blocks[blocks.length - 1].at(-1) === '') blocks[blocks.length - 1].pop();
  blocks[blocks.length - 1].push('');

  const out: string[] = lines.slice(0, bodyStart).map((l) => l.replace(/2024年/g, `${year}年`).replace('〔2024〕', `〔${year}〕`));
  if (out.at(-1) !== '') out.push('');
  for (let n = 1; n <= rows; n++) {
    out.push(`\t${n}`);
    for (const line of blocks[(n - 1) % blocks.length]) out.push(line);
  }
  return Buffer.from(out.join('\n'), 'utf8');
}
