import fs from 'node:fs';
import { parseDocument } from '../../src/import/parse-document';
import { PLAN_2024, registry, REPORT_2021 } from '../support/seeds';
import { item, names } from './fragments';

/** The whole seed documents: counts must equal what the documents state. */
describe('the 2024 plan (沙府办发〔2024〕6号)', () => {
  const doc = parseDocument(fs.readFileSync(PLAN_2024), PLAN_2024, registry);

  it('reads the letterhead', () => {
    expect(doc.document).toEqual({
      title: '关于印发2024年区政府工作报告目标任务的通知',
      number: '沙府办发〔2024〕6号',
      issuer: '重庆市沙坪坝区人民政府办公室',
      date: '2024-02-02',
      kind: 'PLAN',
      year: 2024,
      period: null,
      jurisdiction: '重庆市沙坪坝区',
      jurisdictionRule: 'ISSUER',
      jurisdictionReason: "named by the document's issuer",
    });
  });

  it('finds 8 targets and 136 key tasks numbered 1..N', () => {
    expect(doc.sections.map((s) => [s.section, s.items.length])).toEqual([
      ['TARGET', 8],
      ['KEY_TASK', 136],
    ]);
    for (const s of doc.sections) expect(s.items.map((i) => i.number)).toEqual(s.items.map((_, k) => k + 1));
  });

  it('gives every task a leader and a lead unit, and every unit a registry name', () => {
    const items = doc.sections.flatMap((s) => s.items);
    expect(items.filter((i) => i.leaders.length === 0 || i.leadUnits.length === 0)).toEqual([]);
    expect(items.flatMap((i) => [...i.leadUnits, ...i.coUnits]).filter((u) => !u.known)).toEqual([]);
    expect(new Set(items.flatMap((i) => i.leaders))).toEqual(new Set(['陈英', '凌健', '户邑', '赵祺', '黄可欣', '高波', '钟文', '陈明平', '肖庆华']));
  });

  it('answers the flagship question by reading: 区经济信息委 as co-unit under 凌健', () => {
    const hits = doc.sections
      .flatMap((s) => s.items)
      .filter((i) => i.leaders.includes('凌健') && names(i.coUnits).includes('区经济信息委'))
      .map((i) => i.number);
    expect(hits).toEqual([17, 18, 20, 25, 26, 27, 32, 38, 55]);
  });

  it('reads target 7 with three lead units', () => {
    expect(names(item(doc, 7, 'TARGET').leadUnits)).toEqual(['区发展改革委', '区人力社保局', '区农业农村委']);
  });
});

describe('the 2021 first-quarter progress report (第15期)', () => {
  const doc = parseDocument(fs.readFileSync(REPORT_2021), REPORT_2021, registry);

  it('reads the letterhead', () => {
    expect(doc.document).toEqual({
      title: '关于2021年区政府工作报告重点任务一季度推进情况的报告',
      number: '第15期',
      issuer: '重庆市沙坪坝区人民政府督查办',
      date: '2021-04-08',
      kind: 'PROGRESS_REPORT',
      year: 2021,
      period: '2021-Q1',
      jurisdiction: '重庆市沙坪坝区',
      jurisdictionRule: 'ISSUER',
      jurisdictionReason: "named by the document's issuer",
    });
  });

  it('finds 10 targets, 10 livelihood projects and 137 key tasks, as the document states, each with progress', () => {
    expect(doc.sections.map((s) => [s.section, s.items.length, s.statedCount])).toEqual([
      ['TARGET', 10, 10],
      ['LIVELIHOOD', 10, 10],
      ['KEY_TASK', 137, 137],
    ]);
    for (const s of doc.sections) {
      expect(s.items.map((i) => i.number)).toEqual(s.items.map((_, k) => k + 1));
      expect(s.items.filter((i) => !i.progress)).toEqual([]);
    }
  });

  it('numbers the 38 rows that lost their 序号 cell', () => {
    const inferred = doc.warnings.filter((w) => w.message.startsWith('row has no 序号 cell'));
    expect(inferred).toHaveLength(38);
    expect(inferred[0]).toEqual({ line: 339, message: 'row has no 序号 cell; numbered 18 (one after the row above)' });
  });

  it('reads livelihood projects with their 项目名称 as title', () => {
    const first = item(doc, 1, 'LIVELIHOOD');
    expect(first.title).toBe('老旧小区改造提升');
    expect(first.content).toMatch(/^对70个老旧小区130万平方米进行改造提升/);
    expect(names(item(doc, 2, 'LIVELIHOOD').leadUnits)).toEqual(['区住房城乡建委', '区城市管理局']);
  });

  it('has no leaders (the report has no 责任领导 column) and knows every unit', () => {
    const items = doc.sections.flatMap((s) => s.items);
    expect(items.filter((i) => i.leaders.length > 0)).toEqual([]);
    expect(items.flatMap((i) => [...i.leadUnits, ...i.coUnits]).filter((u) => !u.known)).toEqual([]);
  });
});
