import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DocumentImportError, type ImportProblem } from '../../src/import/model/import-error';
import { parseDocument } from '../../src/import/parse-document';
import type { ParsedDocument } from '../../src/import/model/parsed-document';
import { PLAN_2024, registry, REPORT_2021 } from '../support/seeds';
import { encode, lossless, pick, prng, type Random, rowLines, type Row, splice, tablesOf } from './fuzz-mutations';

/**
 * Damaged copies of both seeds, made deterministically (seeded PRNG). For
 * every class of damage: the copy is refused with a positioned error, or it
 * is accepted with exactly the original's data. Parser-level for speed; a few
 * copies also go through the real CLI (exit code 0/1, no stack trace).
 *
 * Damage that leaves a valid, different document is not in these classes, and
 * no check can see it: swapping two cells of the same kind (牵头单位 ↔ 协同单位,
 * 任务 ↔ 进展情况), deleting one name or sentence inside a cell, reordering
 * rows that both lost their 序号, losing the last rows of a table whose
 * document states no count, or losing one cell of a report row that had
 * already lost its 序号: such a row with one cell fewer is exactly a row that
 * lost its 序号 and 工作任务 cells, which the 2021 report really has (rows 14–27),
 * so cell-line deletions and moves are made in numbered rows only. Truncation is the one class where the accepted
 * result may differ, and then only as a prefix of the original (see below).
 */

type Expect = 'refused' | 'identical' | 'refused-or-prefix';
interface Variant {
  label: string;
  bytes: Buffer;
}
interface Seed {
  name: 'plan' | 'report';
  text: string;
  lines: string[];
}
interface DamageClass {
  name: string;
  expect: Expect;
  /** Only for these seeds (the 2024 plan states no counts). */
  only?: Seed['name'][];
  make(seed: Seed, random: Random): Variant[];
}

const PER_CLASS = Number(process.env.FUZZ_PER_CLASS ?? 8);
const utf8 = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const numberedRows = (seed: Seed) => tablesOf(seed.lines).flatMap((table) => table.rows.filter((r) => r.number !== null).map((row) => ({ table, row })));
const allRows = (seed: Seed) => tablesOf(seed.lines).flatMap((table) => table.rows.map((row, k) => ({ table, row, k })));
const times = <T>(n: number, make: (k: number) => T | null): T[] => Array.from({ length: n }, (_, k) => make(k)).filter((x): x is T => x !== null);

/** Kind of each column of a table, from its header words: cells of one kind can swap places undetectably. */
function columnKinds(lines: readonly string[], header: number, bodyStart: number): string[] {
  return lines.slice(header, bodyStart).flatMap((cell) => {
    const word = cell.trim();
    if (word === '序号') return ['number'];
    if (/工作任务|具体任务/.test(word)) return ['text', 'text'];
    if (/领导/.test(word)) return ['leaders'];
    if (/单位|部门/.test(word)) return ['units'];
    return ['text'];
  });
}

const CLASSES: DamageClass[] = [
  {
    name: 'deleted row',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        // The last row of a table whose document states no count can go unnoticed: not this class.
        const rows = allRows(seed).filter(({ table, k }) => table.stated || k < table.rows.length - 1);
        const { row } = pick(random, rows);
        return { label: `row at line ${row.start + 1}`, bytes: utf8(splice(seed.lines, row.start, row.end - row.start)) };
      }),
  },
  {
    name: 'duplicated row',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, allRows(seed));
        return { label: `row at line ${row.start + 1}`, bytes: utf8(splice(seed.lines, row.end, 0, ...rowLines(seed.lines, row))) };
      }),
  },
  {
    name: 'moved row',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { table, row } = pick(random, numberedRows(seed));
        const targets = table.rows.filter((r) => r.number !== null && r !== row && r.start !== row.end);
        const target = pick(random, targets);
        const block = rowLines(seed.lines, row);
        const without = splice(seed.lines, row.start, block.length);
        const at = target.start > row.start ? target.start - block.length : target.start;
        return { label: `row ${row.number} before row ${target.number}`, bytes: utf8(splice(without, at, 0, ...block)) };
      }),
  },
  {
    name: 'deleted cell line',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, allRows(seed).filter(({ row: r }) => r.number !== null));
        const line = pick(random, row.cells);
        return { label: `line ${line + 1}`, bytes: utf8(splice(seed.lines, line, 1)) };
      }),
  },
  {
    name: 'deleted row separator (blank line)',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, numberedRows(seed).filter(({ table, row: r }) => r !== table.rows[0]));
        let from = row.start;
        while (seed.lines[from - 1] === '') from--;
        return { label: `before line ${row.start + 1}`, bytes: utf8(splice(seed.lines, from, row.start - from)) };
      }),
  },
  {
    name: 'duplicated cell line',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, allRows(seed));
        const line = pick(random, row.cells);
        return { label: `line ${line + 1}`, bytes: utf8(splice(seed.lines, line + 1, 0, seed.lines[line])) };
      }),
  },
  {
    name: 'moved cell line (to another row)',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const rows = allRows(seed);
        const from = pick(random, rows.filter(({ row }) => row.number !== null)).row;
        const to = pick(random, rows.filter(({ row }) => row !== from)).row;
        const line = pick(random, from.cells.slice(1));
        const target = pick(random, to.cells.slice(1));
        const without = splice(seed.lines, line, 1);
        const at = target > line ? target - 1 : target;
        return { label: `line ${line + 1} to line ${target + 1}`, bytes: utf8(splice(without, at, 0, seed.lines[line])) };
      }),
  },
  {
    name: 'shuffled cells (cells of different kinds swapped)',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const { table, row } = pick(random, numberedRows(seed));
          const kinds = columnKinds(seed.lines, table.header, table.bodyStart);
          if (kinds.length !== row.cells.length) continue;
          const ends = row.cells.map((start, k) => (k + 1 < row.cells.length ? row.cells[k + 1] : row.end));
          const a = Math.floor(random() * row.cells.length);
          const b = Math.floor(random() * row.cells.length);
          const cell = (k: number) => seed.lines.slice(row.cells[k], ends[k]);
          const text = (k: number) => cell(k).join('\n').replace(/^\t/, '').trim();
          if (a === b || kinds[a] === kinds[b] || text(a) === text(b)) continue;
          const [lo, hi] = a < b ? [a, b] : [b, a];
          // Cells without their trailing blank lines; the row's own trailing blank lines stay at its end.
          const bodies = row.cells.map((_, k) => trimBlank(cell(k)));
          const last = row.cells.length - 1;
          const tail = cell(last).slice(bodies[last].length);
          const rebuilt = row.cells.flatMap((_, k) => bodies[k === lo ? hi : k === hi ? lo : k]);
          return { label: `row ${row.number}: cells ${lo + 1} ↔ ${hi + 1} (${kinds[lo]} ↔ ${kinds[hi]})`, bytes: utf8(splice(seed.lines, row.start, row.end - row.start, ...rebuilt, ...tail)) };
        }
        return null;
      }),
  },
  {
    name: 'lost tabs (a whole row merged into the one above)',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, allRows(seed).filter(({ k }) => k > 0));
        const lines = seed.lines.slice();
        for (const line of row.cells) lines[line] = lines[line].replace(/^ ?\t/, '');
        return { label: `row at line ${row.start + 1}`, bytes: utf8(lines) };
      }),
  },
  {
    name: 'lost tab (one cell merged into the one before)',
    expect: 'refused',
    make: (seed, random) =>
      times(PER_CLASS, () => {
        const { row } = pick(random, allRows(seed));
        const line = pick(random, row.cells.slice(1));
        return { label: `line ${line + 1}`, bytes: utf8(splice(seed.lines, line, 1, seed.lines[line].replace(/^ ?\t/, ''))) };
      }),
  },
  {
    name: 'removed header row',
    expect: 'refused',
    make: (seed) =>
      tablesOf(seed.lines).flatMap((table) => [
        { label: `whole header at line ${table.header + 1}`, bytes: utf8(splice(seed.lines, table.header, table.bodyStart - table.header)) },
        { label: `序号 header cell at line ${table.header + 1}`, bytes: utf8(splice(seed.lines, table.header, 1)) },
      ]),
  },
  {
    name: 'renumbered table (+1000, reversed, doubled, 序号 0, one repeated)',
    expect: 'refused',
    make: (seed, random) => {
      const modes: [string, (n: number, max: number) => number][] = [
        ['+1000', (n) => n + 1000],
        ['reversed', (n, max) => max + 1 - n],
        ['doubled', (n) => n * 2],
        ['from 0', (n) => n - 1],
      ];
      return tablesOf(seed.lines).flatMap((table) => {
        const numbered = table.rows.filter((r): r is Row & { number: number } => r.number !== null);
        const max = Math.max(...numbered.map((r) => r.number));
        const renumber = (f: (n: number) => number) => {
          const lines = seed.lines.slice();
          for (const r of numbered) lines[r.start] = `\t${f(r.number)}`;
          return utf8(lines);
        };
        const repeated = pick(random, numbered.slice(1));
        return [
          ...modes.map(([label, f]) => ({ label: `table at line ${table.header + 1}: ${label}`, bytes: renumber((n) => f(n, max)) })),
          { label: `table at line ${table.header + 1}: row ${repeated.number} numbered as the one before`, bytes: renumber((n) => (n === repeated.number ? n - 1 : n)) },
        ];
      });
    },
  },
  {
    name: 'changed stated count (titles, headings, 附件 list)',
    expect: 'refused',
    only: ['report'],
    make: (seed, random) => {
      const counted = seed.lines.flatMap((line, i) =>
        /(\d+)项/.test(line) && (/^[一二三四五六七八九十]+、\d+项/.test(line.trim()) || /表\s*$/.test(line)) ? [i] : [],
      );
      return counted.map((i) => {
        const delta = pick(random, [-2, -1, 1, 3]);
        const changed = seed.lines[i].replace(/(\d+)项/, (_, n) => `${Number(n) + delta}项`);
        return { label: `line ${i + 1}: ${changed.trim()}`, bytes: utf8(splice(seed.lines, i, 1, changed)) };
      });
    },
  },
  {
    name: 'impossible date (2月30日, 13月, year 0000)',
    expect: 'refused',
    make: (seed) => {
      const i = seed.lines.findIndex((l) => /\d{4}年\d{1,2}月\d{1,2}日/.test(l));
      return ['$1年2月30日', '$1年13月$3日', '0000年$2月$3日', '$1年2月0日'].map((replacement) => {
        const changed = seed.lines[i].replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/, replacement);
        return { label: changed.trim(), bytes: utf8(splice(seed.lines, i, 1, changed)) };
      });
    },
  },
  {
    name: 'truncated',
    expect: 'refused-or-prefix',
    make: (seed, random) => {
      const bodyStart = seed.text.indexOf('\t序号');
      return times(PER_CLASS * 2, (k) => {
        const cut = bodyStart + Math.floor(random() * (seed.text.length - bodyStart));
        const bytes = Buffer.from(seed.text, 'utf8');
        // Half cut at a character, half at any byte (possibly inside a character).
        const at = Math.min(bytes.length - 1, Buffer.byteLength(seed.text.slice(0, cut)) + (k % 2 === 0 ? 0 : 1 + Math.floor(random() * 2)));
        return { label: `at byte ${at}`, bytes: bytes.subarray(0, at) };
      });
    },
  },
  {
    name: 're-encoded (UTF-8 BOM, GBK, GB18030, UTF-16 LE/BE with BOM)',
    expect: 'identical',
    make: (seed) =>
      (['utf-8-bom', 'gb18030', 'utf-16le-bom', 'utf-16be-bom', ...(lossless(seed.text, 'gbk') ? ['gbk' as const] : [])] as const).map((encoding) => ({
        label: encoding,
        bytes: encode(seed.text, encoding),
      })),
  },
  {
    name: 'unsupported encoding (UTF-16 without BOM, UTF-32, Big5, Shift_JIS)',
    expect: 'refused',
    make: (seed) => (['utf-16le', 'utf-32le', 'big5', 'shift_jis'] as const).map((encoding) => ({ label: encoding, bytes: encode(seed.text, encoding) })),
  },
  {
    name: 'line endings (CRLF, CR, mixed)',
    expect: 'identical',
    make: (seed, random) => [
      { label: 'CRLF', bytes: Buffer.from(seed.lines.join('\r\n')) },
      { label: 'CR', bytes: Buffer.from(seed.lines.join('\r')) },
      ...times(2, (k) => ({ label: `mixed ${k + 1}`, bytes: Buffer.from(mixedLineEnds(seed.lines, random)) })),
    ],
  },
  {
    name: 'trailing spaces and U+3000 padding',
    expect: 'identical',
    make: (seed, random) =>
      times(4, (k) => {
        const lines = seed.lines.map((line) => {
          let out = k % 2 === 0 ? line.replace(/^(\t[\u4e00-\u9fff]) {2}(?=[\u4e00-\u9fff]$)/, '$1\u3000') : line;
          if (random() < 0.3) out += pick(random, [' ', '  ', '\u3000', ' \u3000 ']);
          return out;
        });
        return { label: k % 2 === 0 ? 'padding as U+3000 and trailing blanks' : 'trailing blanks', bytes: utf8(lines) };
      }),
  },
];

/** Each line ends in LF, CRLF or CR at random — but never CR then an empty line's LF: that pair is one CRLF in any reader. */
function mixedLineEnds(lines: readonly string[], random: Random): string {
  let out = '';
  let previous = '';
  for (const line of lines) {
    const ends = previous === '\r' && line === '' ? ['\r\n', '\r'] : ['\n', '\r\n', '\r'];
    previous = pick(random, ends);
    out += line + previous;
  }
  return out;
}

function trimBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}

const WHOLE_FILE = /^(the file is UTF-32|the file contains NUL bytes|unknown layout: no table)/;

type Outcome = { problems: ImportProblem[] } | { doc: ParsedDocument };

function parse(bytes: Buffer): Outcome {
  try {
    return { doc: parseDocument(bytes, 'variant.txt', registry) };
  } catch (error) {
    if (error instanceof DocumentImportError) return { problems: error.problems };
    throw error;
  }
}

/** The data a document contributes: what must be identical for a harmless variant. */
function data(doc: ParsedDocument) {
  return {
    document: doc.document,
    sections: doc.sections.map((s) => ({
      section: s.section,
      statedCount: s.statedCount,
      items: s.items.map((i) => ({
        ...i,
        leadUnits: i.leadUnits.map((u) => [u.name, u.actingAs, u.known]),
        coUnits: i.coUnits.map((u) => [u.name, u.actingAs, u.known]),
      })),
    })),
  };
}

/** Accepted truncation: every row identical to the original's, except that the last may be cut short. */
function isPrefix(doc: ParsedDocument, original: ParsedDocument): boolean {
  const a = data(doc);
  const o = data(original);
  if (JSON.stringify(a.document) !== JSON.stringify(o.document) || a.sections.length > o.sections.length) return false;
  return a.sections.every((s, k) => {
    const os = o.sections[k];
    if (s.section !== os.section || s.items.length > os.items.length) return false;
    return s.items.every((item, n) => {
      const full = os.items[n];
      if (JSON.stringify(item) === JSON.stringify(full)) return true;
      const last = k === a.sections.length - 1 && n === s.items.length - 1;
      const whole = full as unknown as Record<string, unknown>;
      // The cut row: each of its values equal, a prefix of the text, or fewer of the names.
      return (
        last &&
        Object.entries(item).every(
          ([key, value]) =>
            JSON.stringify(value) === JSON.stringify(whole[key]) ||
            (typeof value === 'string' && String(whole[key]).startsWith(value)) ||
            (Array.isArray(value) && Array.isArray(whole[key]) && value.length <= (whole[key] as unknown[]).length),
        )
      );
    });
  });
}

const SEEDS: Seed[] = [
  { name: 'plan', ...read(PLAN_2024) },
  { name: 'report', ...read(REPORT_2021) },
];
function read(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  return { text, lines: text.split('\n') };
}
const ORIGINALS = new Map(SEEDS.map((seed) => [seed.name, parseDocument(Buffer.from(seed.text), 'variant.txt', registry)]));

const tally: Record<string, { refused: number; identical: number; prefix: number }> = {};

describe('fuzz: damaged copies of the seeds are refused with a place, harmless ones import the same data', () => {
  afterAll(() => {
    const rows = Object.entries(tally).map(([name, t]) => `${name.padEnd(72)} refused ${String(t.refused).padStart(3)}  accepted-identical ${String(t.identical).padStart(3)}${t.prefix ? `  accepted-prefix ${t.prefix}` : ''}`);
    process.stdout.write(`\nfuzz classes (seeded PRNG, both seeds):\n${rows.join('\n')}\n`);
    fs.writeFileSync(path.join(os.tmpdir(), 'duban-fuzz-tally.txt'), `${rows.join('\n')}\n`);
  });

  describe.each(CLASSES.map((c) => [c.name, c] as const))('%s', (name, damage) => {
    it.each(SEEDS.filter((s) => !damage.only || damage.only.includes(s.name)).map((s) => [s.name, s] as const))('of the %s', (_seedName, seed) => {
      const random = prng(0x5eed ^ hash(`${name}/${seed.name}`));
      const variants = damage.make(seed, random);
      expect(variants.length).toBeGreaterThan(0);
      const original = ORIGINALS.get(seed.name)!;
      const t = (tally[name] ??= { refused: 0, identical: 0, prefix: 0 });
      const failures: string[] = [];
      for (const variant of variants) {
        const outcome = parse(variant.bytes);
        if ('problems' in outcome) {
          // Positioned: the file always; a line unless the problem is the whole file's (its encoding, no table at all).
          const positioned =
            outcome.problems.length > 0 &&
            outcome.problems.every((p) => p.file === 'variant.txt') &&
            outcome.problems.some((p) => p.line !== undefined || WHOLE_FILE.test(p.message));
          if (damage.expect === 'identical') failures.push(`${variant.label}: refused: ${outcome.problems[0]?.message}`);
          else if (!positioned) failures.push(`${variant.label}: refused without a line: ${outcome.problems.map((p) => p.message).join('; ')}`);
          else t.refused++;
          continue;
        }
        if (JSON.stringify(data(outcome.doc)) === JSON.stringify(data(original))) {
          t.identical++;
          continue;
        }
        if (damage.expect === 'refused-or-prefix' && isPrefix(outcome.doc, original)) {
          t.prefix++;
          continue;
        }
        failures.push(`${variant.label}: accepted with different data`);
      }
      expect(failures).toEqual([]);
    });
  });

  it('runs a few damaged and harmless copies through the real CLI: exit codes 0 or 1, never a stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-fuzz-'));
    const random = prng(0xc11);
    const plan = SEEDS[0];
    const report = SEEDS[1];
    const harmless: [string, Buffer] = ['crlf-gb18030.txt', encode(report.lines.join('\r\n'), 'gb18030')];
    const damaged: [string, Buffer][] = [
      ['shuffled.txt', CLASSES.find((c) => c.name.startsWith('shuffled'))!.make(plan, random)[0].bytes],
      ['huge-number.txt', utf8(splice(plan.lines, tablesOf(plan.lines)[0].rows[2].start, 1, '\t2147483648'))],
      ['bad-date.txt', CLASSES.find((c) => c.name.startsWith('impossible date'))!.make(report, random)[2].bytes],
      ['big5.txt', encode(report.text, 'big5')],
      ['lost-tabs.txt', CLASSES.find((c) => c.name.startsWith('lost tabs'))!.make(report, random)[0].bytes],
    ];
    const write = ([name, bytes]: [string, Buffer]) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    // Two processes: ts-node's start-up dominates, and a batch of damaged files reports every file's problems.
    const cli = (files: string[]) =>
      promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, '../../src/cli/import.ts'), '--dry-run', '--json', ...files], {
        maxBuffer: 20 * 1024 * 1024,
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
      );
    try {
      const [good, bad] = await Promise.all([cli([write(harmless)]), cli(damaged.map(write))]);
      expect(good.code).toBe(0);
      expect(JSON.parse(good.stdout).sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([10, 10, 137]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      for (const [name] of damaged) expect(bad.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}(:\\d+)?[ :]`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
