import fs from 'node:fs';
import path from 'node:path';
import { DocumentImportError } from '../../src/import/model/import-error';
import { parseDocument } from '../../src/import/parse-document';
import type { CheckName } from '../../src/import/model/check-names';
import { PLAN_2024, registry } from '../support/seeds';

/**
 * Issue 20 items 2 and 3: numbering that restarts in each section and
 * numbering that runs on across sections are both what real districts
 * publish; gaps, repeats and jumps are still refused; a task table with its
 * header row and no task rows is refused by a named check.
 */
const plan = fs.readFileSync(PLAN_2024, 'utf8').split('\n');
const yuzhong = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'formats', 'yuzhong-plan-prose.txt'), 'utf8');

const parse = (text: string, file = 'plan.txt', allow: CheckName[] = []) => parseDocument(Buffer.from(text), file, registry, { allow });
const problemsOf = (text: string, file = 'plan.txt', allow: CheckName[] = []) => {
  try {
    parse(text, file, allow);
    return [];
  } catch (error) {
    if (!(error instanceof DocumentImportError)) throw error;
    return error.message.split('\n');
  }
};

/** The 渝中区 prose plan with its key tasks numbered on from the two main targets: 3, 4 under （一）, 5, 6 under （二）. */
const continuing = (numbers: [string, string, string, string]) => {
  const lines = yuzhong.split('\n');
  const items = lines.map((l, i) => (/^\d+[.、]/.test(l) && i > lines.indexOf('二、重点工作任务') ? i : -1)).filter((i) => i >= 0);
  items.forEach((i, k) => (lines[i] = lines[i].replace(/^\d+/, numbers[k])));
  return lines.join('\n');
};

/** The 2024 plan (text export) with every key task's 序号 moved on by `shift`. */
const planKeyTasksFrom = (shift: number) => {
  const keyTable = plan.indexOf('附件2');
  return plan.map((line, i) => (i > keyTable && /^\t\d+$/.test(line) ? `\t${Number(line.slice(1)) + shift}` : line)).join('\n');
};

describe('numbering across sections', () => {
  it('accepts a prose plan whose key tasks continue the main targets’ numbers (1–2, then 3–6)', () => {
    const doc = parse(continuing(['3', '4', '5', '6']), 'yuzhong.txt');
    expect(doc.sections.map((s) => [s.section, s.items.map((i) => i.number)])).toEqual([
      ['TARGET', [1, 2]],
      ['KEY_TASK', [3, 4, 5, 6]],
    ]);
    expect(doc.warnings.map((w) => `${w.line}: ${w.message}`)).toContain('16: 序号 of “二、重点工作任务” continue those of “一、主要预期目标” (3 follows 2) rather than restarting at 1');
  });

  it('accepts the 2024 plan with its key tasks numbered 9–144 after targets 1–8', () => {
    const doc = parse(planKeyTasksFrom(8));
    expect(doc.sections[1].items.map((i) => i.number)).toEqual(Array.from({ length: 136 }, (_, k) => k + 9));
  });

  it('still accepts numbering that restarts in each section (the seeds)', () => {
    expect(parse(plan.join('\n')).sections.map((s) => s.items[0].number)).toEqual([1, 1]);
  });

  it.each([
    ['a jump at the section boundary', ['4', '5', '6', '7'], 'yuzhong.txt:16 (row 4, column 序号): 序号 4 where 1 (or 3, continuing “一、主要预期目标”) was expected (does not start at 1)'],
    ['a repeat at the section boundary', ['2', '3', '4', '5'], 'yuzhong.txt:16 (row 2, column 序号): 序号 2 where 1 (or 3, continuing “一、主要预期目标”) was expected (does not start at 1)'],
    ['a gap inside a continuing section', ['3', '4', '6', '7'], 'yuzhong.txt:25 (row 6, column 序号): 序号 6 where 5 was expected (a gap: 5 is missing)'],
    ['a repeat inside a continuing section', ['3', '4', '4', '5'], 'yuzhong.txt:25 (row 4, column 序号): 序号 4 where 5 was expected (a repeat)'],
  ] as const)('refuses %s', (_, numbers, problem) => {
    expect(problemsOf(continuing([...numbers] as [string, string, string, string]), 'yuzhong.txt')).toContain(
      `${problem} [check numbering; if the document really is so, import with --allow numbering]`,
    );
  });

  it('refuses the 2024 key tasks starting at 10 after targets 1–8', () => {
    expect(problemsOf(planKeyTasksFrom(9))[0]).toMatch(/^plan\.txt:79 \(row 10, column 序号\): 序号 10 where 1 \(or 9, continuing “2024年区政府工作报告经济社会发展预期目标任务分解表”\) was expected/);
  });
});

describe('a task table with no rows', () => {
  // The 2024 targets table (lines 21–68): keep its 序号 header row (21–24), drop its eight rows.
  const emptied = [...plan.slice(0, 25), ...plan.slice(68)].join('\n');

  it('is refused by the named check empty-table', () => {
    expect(problemsOf(emptied)).toEqual([
      'plan.txt:21: the table “2024年区政府工作报告经济社会发展预期目标任务分解表” has its header row but no task rows [check empty-table; if the document really is so, import with --allow empty-table]',
    ]);
  });

  it('is let through with --allow empty-table, and the warning says so', () => {
    const doc = parse(emptied, 'plan.txt', ['empty-table']);
    expect(doc.sections.map((s) => [s.section, s.items.length])).toEqual([
      ['TARGET', 0],
      ['KEY_TASK', 136],
    ]);
    expect(doc.allowedChecks).toEqual(['empty-table']);
    expect(doc.warnings.map((w) => w.message)).toContain(
      'the table “2024年区政府工作报告经济社会发展预期目标任务分解表” has its header row but no task rows (allowed by --allow empty-table)',
    );
  });
});
