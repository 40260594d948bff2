import fs from 'node:fs';
import { parseDocument } from '../../src/import/parse-document';
import type { ParsedItem } from '../../src/import/model/parsed-document';
import { deriveRowStatus } from '../../src/progress/status-rules';
import { Section } from '../../src/task/section';
import { PLAN_2024, REPORT_2021, registry } from '../support/seeds';

/**
 * Issue 20 item 6: status rules read the report, not the task. A progress text
 * that repeats its task's words (持续办好…, 推进…建设, 加快…, 开工率达80%以上,
 * 增长8%以上) is judged by what the report itself says.
 */
const tasks = [PLAN_2024, REPORT_2021].flatMap((file) => {
  const doc = parseDocument(fs.readFileSync(file), file, registry);
  return doc.sections.flatMap((s) => s.items.map((item) => ({ file, section: s.section, item })));
});
const task = (section: Section, number: number) => tasks.find((t) => t.file === PLAN_2024 && t.section === section && t.item.number === number)!.item;
const rowWith = (item: ParsedItem, progress: string) => ({ ...item, progress });

describe('words quoted from the task do not veto COMPLETED', () => {
  it('reads the seeds: 8 + 136 tasks of 2024, 10 + 10 + 137 of 2021', () => {
    expect(tasks).toHaveLength(301);
  });

  it.each(tasks.map(({ file, section, item }) => [`${file.slice(-24)} ${section} ${item.number}`, section, item] as const))(
    '项目已完成，<task %s>已全部建成投用 is COMPLETED',
    (_name, section, item) => {
      const verdict = deriveRowStatus(rowWith(item, `项目已完成，${item.content}已全部建成投用`), section);
      expect(verdict).toEqual({ status: 'COMPLETED', reason: 'claims the whole task done and names no remaining work (matched “已全部”)' });
    },
  );

  it.each([
    // The words, in real 2024 tasks: 增长8%以上 (target 2), 推进…建设 / 加快… (key tasks).
    [Section.TARGET, 2, '工业增加值增长8%以上'],
    [Section.KEY_TASK, 1, '加快成渝中线沙区段建设'],
    [Section.KEY_TASK, 2, '全力推进大学城北拓区开发'],
  ])('a quoted phrase of %s %d (“%s”) does not veto', (section, number, phrase) => {
    const item = task(section, number);
    expect(item.content).toContain(phrase);
    expect(deriveRowStatus(rowWith(item, `项目已完成，${phrase}已全部建成投用。`), section).status).toBe('COMPLETED');
  });

  it('the report’s own words still veto: remaining work it names keeps the task IN_PROGRESS', () => {
    const item = task(Section.KEY_TASK, 1);
    expect(deriveRowStatus(rowWith(item, `项目已完成，${item.content}已全部建成投用，剩余配套道路正在推进。`), Section.KEY_TASK)).toEqual({
      status: 'IN_PROGRESS',
      reason: 'reports work done or under way (matched “已”)',
    });
  });

  it('a claim made of the task’s own goal with the report’s 已 is the report’s', () => {
    const item = task(Section.TARGET, 8); // 空气质量、节能减排降碳完成年度目标任务
    expect(deriveRowStatus(rowWith(item, item.content.replace('完成', '已完成')), Section.TARGET).status).toBe('COMPLETED');
    const whole = { ...item, content: '全面完成年度减排目标。' };
    expect(deriveRowStatus(rowWith(whole, '已全面完成年度减排目标。'), Section.TARGET)).toEqual({
      status: 'COMPLETED',
      reason: 'claims the whole task done and names no remaining work (matched “全面完成”)',
    });
  });
});

describe('words quoted from the task do not decide or veto any other rule', () => {
  const livelihood = { number: 1, category: null, title: '新建幼儿园', content: '新建3所幼儿园，年内建成投用。', leaders: [], leadUnits: [], coUnits: [], line: 1 };

  it('a livelihood project quoting its own 建成投用 while only preparing is NOT_STARTED', () => {
    expect(deriveRowStatus({ ...livelihood, progress: '正在申请立项，确保新建3所幼儿园，年内建成投用。' }, Section.LIVELIHOOD)).toEqual({
      status: 'NOT_STARTED',
      reason: 'reports only preparatory work (前期工作) on a livelihood project, so construction has not started (matched “申请立项”)',
    });
  });

  it('a task about halted projects, quoted, does not make the report SUSPENDED', () => {
    const item = { ...livelihood, section: Section.KEY_TASK, content: '盘活暂停建设的停缓建项目5个。' };
    expect(deriveRowStatus({ ...item, progress: '盘活暂停建设的停缓建项目5个，已全部完成。' }, Section.KEY_TASK).status).toBe('COMPLETED');
  });

  it('a text that only repeats its task is still under way, and says why', () => {
    const item = task(Section.KEY_TASK, 1); // 完成科学城站片区1000亩土地征拆，加快成渝中线沙区段建设，…
    expect(deriveRowStatus(rowWith(item, item.content), Section.KEY_TASK)).toEqual({
      status: 'IN_PROGRESS',
      reason: 'reports work done or under way (matched “完成”, in words it quotes from the task)',
    });
  });
});
