import fs from 'node:fs';
import { parseDocument } from '../../src/import/parse-document';
import { deriveRowStatus } from '../../src/progress/status-rules';
import { type ApiServer, startApiServer } from '../support/api-server';
import { PLAN_2024, registry, REPORT_2021 } from '../support/seeds';

/**
 * Every filter operator and list quantifier, checked against an oracle: the
 * parsed documents filtered in plain JavaScript. The API must return exactly
 * the tasks the oracle does, so both the SQL and the expectation are real.
 */
interface OracleUnit {
  names: string[];
  kind: string;
}
interface OracleTask {
  key: string;
  year: number;
  section: string;
  number: number;
  category: string | null;
  title: string | null;
  content: string;
  leaders: string[];
  lead: OracleUnit[];
  co: OracleUnit[];
  progress: { period: string; status: string }[];
}

function oracle(): OracleTask[] {
  const unit = (u: { name: string; kind: string }): OracleUnit => ({ names: [u.name, ...(registry.lookup(u.name)?.aliases ?? [])], kind: u.kind });
  // A report's tasks only exist in its year when no plan covers them; both seeds are different years.
  return [PLAN_2024, REPORT_2021].flatMap((file) => {
    const doc = parseDocument(fs.readFileSync(file), file, registry);
    return doc.sections.flatMap((s) =>
      s.items.map((i) => ({
        key: `${doc.document.year}:${s.section}:${i.number}`,
        year: doc.document.year,
        section: s.section,
        number: i.number,
        category: i.category,
        title: i.title,
        content: i.content,
        leaders: i.leaders,
        lead: i.leadUnits.map(unit),
        co: i.coUnits.map(unit),
        progress: i.progress ? [{ period: doc.document.period!, status: deriveRowStatus({ ...i, progress: i.progress }, s.section).status }] : [],
      })),
    );
  });
}

const named = (name: string) => (u: OracleUnit) => u.names.includes(name);
const SECTION_ORDER = ['TARGET', 'LIVELIHOOD', 'KEY_TASK'];

const CASES: [string, string, (t: OracleTask) => boolean][] = [
  ['content contains', '{ content: { contains: "磁器口" } }', (t) => t.content.includes('磁器口')],
  ['content startsWith', '{ content: { startsWith: "加快" } }', (t) => t.content.startsWith('加快')],
  ['content eq', '{ content: { eq: "共建巴蜀文化旅游走廊。" } }', (t) => t.content === '共建巴蜀文化旅游走廊。'],
  ['category eq', '{ category: { eq: "协同共建双城经济圈" } }', (t) => t.category === '协同共建双城经济圈'],
  ['category in', '{ category: { in: ["推进乡村全面振兴", "抓好乡村振兴"] } }', (t) => ['推进乡村全面振兴', '抓好乡村振兴'].includes(t.category!)],
  ['title contains', '{ title: { contains: "老旧" } }', (t) => (t.title ?? '').includes('老旧')],
  ['number eq', '{ number: { eq: 5 } }', (t) => t.number === 5],
  ['number in', '{ number: { in: [1, 2, 3] } }', (t) => [1, 2, 3].includes(t.number)],
  ['number gt', '{ number: { gt: 130 } }', (t) => t.number > 130],
  ['number gte', '{ number: { gte: 136 } }', (t) => t.number >= 136],
  ['number lt', '{ number: { lt: 3 } }', (t) => t.number < 3],
  ['number lte + gte', '{ number: { gte: 9, lte: 10 } }', (t) => t.number >= 9 && t.number <= 10],
  ['year eq', '{ year: { eq: 2021 } }', (t) => t.year === 2021],
  ['section eq', '{ section: { eq: LIVELIHOOD } }', (t) => t.section === 'LIVELIHOOD'],
  ['section in', '{ section: { in: [TARGET, LIVELIHOOD] } }', (t) => t.section !== 'KEY_TASK'],
  ['leaders some', '{ leaders: { some: { name: { eq: "凌健" } } } }', (t) => t.leaders.includes('凌健')],
  ['leaders some, padded name', '{ leaders: { some: { name: { in: ["陈  英", "赵  祺"] } } } }', (t) => t.leaders.some((l) => ['陈英', '赵祺'].includes(l))],
  ['leaders every', '{ leaders: { every: { name: { in: ["凌健", "户邑"] } } } }', (t) => t.leaders.every((l) => ['凌健', '户邑'].includes(l))],
  ['leaders none', '{ leaders: { none: { name: { eq: "陈英" } } } }', (t) => !t.leaders.includes('陈英')],
  ['leadUnits some by alias', '{ leadUnits: { some: { name: { eq: "区文旅委" } } } }', (t) => t.lead.some(named('区文旅委'))],
  ['leadUnits some name contains', '{ leadUnits: { some: { name: { contains: "指挥部" } } } }', (t) => t.lead.some((u) => u.names.some((n) => n.includes('指挥部')))],
  ['coUnits every kind', '{ coUnits: { every: { kind: { eq: COLLECTIVE } } } }', (t) => t.co.every((u) => u.kind === 'COLLECTIVE')],
  ['coUnits none startsWith', '{ coUnits: { none: { name: { startsWith: "区" } } } }', (t) => !t.co.some((u) => u.names.some((n) => n.startsWith('区')))],
  ['coUnits some kind in', '{ coUnits: { some: { kind: { in: [TOWNSHIP_STREET, ZONE_COMMITTEE] } } } }', (t) => t.co.some((u) => ['TOWNSHIP_STREET', 'ZONE_COMMITTEE'].includes(u.kind))],
  ['units some (any role)', '{ units: { some: { name: { eq: "工投公司" } } } }', (t) => [...t.lead, ...t.co].some(named('工投公司'))],
  ['units every needsReview false', '{ units: { every: { needsReview: false } } }', () => true],
  ['progress some status', '{ progress: { some: { status: { eq: COMPLETED } } } }', (t) => t.progress.some((p) => p.status === 'COMPLETED')],
  ['progress none status in', '{ progress: { none: { status: { in: [UNKNOWN, IN_PROGRESS] } } } }', (t) => !t.progress.some((p) => ['UNKNOWN', 'IN_PROGRESS'].includes(p.status))],
  ['progress every period', '{ progress: { every: { period: { eq: "2021-Q1" } } } }', (t) => t.progress.every((p) => p.period === '2021-Q1')],
  ['OR', '{ OR: [{ number: { eq: 1 } }, { number: { eq: 2 } }], year: { eq: 2024 } }', (t) => t.year === 2024 && [1, 2].includes(t.number)],
  ['OR []', '{ OR: [] }', () => false],
  ['AND', '{ AND: [{ leaders: { some: { name: { eq: "凌健" } } } }, { NOT: { coUnits: { some: { name: { eq: "区经济信息委" } } } } }] }', (t) => t.leaders.includes('凌健') && !t.co.some(named('区经济信息委'))],
  ['NOT', '{ NOT: { section: { eq: KEY_TASK } } }', (t) => t.section !== 'KEY_TASK'],
  ['UnitWhere OR/NOT', '{ leadUnits: { some: { OR: [{ name: { eq: "区科技局" } }, { name: { eq: "工投公司" } }], NOT: { kind: { eq: COLLECTIVE } } } } }', (t) => t.lead.some((u) => named('区科技局')(u) || named('工投公司')(u))],
];

describe('task filters', () => {
  let api: ApiServer;
  const tasks = oracle();
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  async function allKeys(where: string): Promise<string[]> {
    const keys: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await api.gql(`query($after: String) { tasks(where: ${where}, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { year section number } } }`, { after });
      if (page.errors) throw new Error(JSON.stringify(page.errors));
      keys.push(...page.data.tasks.nodes.map((t: OracleTask) => `${t.year}:${t.section}:${t.number}`));
      after = page.data.tasks.pageInfo.hasNextPage ? page.data.tasks.pageInfo.endCursor : null;
    } while (after);
    return keys;
  }

  it.each(CASES)('%s: %s', async (_name, where, predicate) => {
    const expected = tasks
      .filter(predicate)
      .sort((a, b) => a.year - b.year || SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) || a.number - b.number)
      .map((t) => t.key);
    expect(await allKeys(where)).toEqual(expected);
  });

  it('has cases that select something and cases that exclude something', () => {
    const sizes = CASES.map(([, , p]) => tasks.filter(p).length);
    expect(tasks).toHaveLength(301);
    expect(sizes.filter((n) => n > 0 && n < tasks.length).length).toBeGreaterThanOrEqual(CASES.length - 3);
  });

  it('refuses filters nested deeper than 8 levels', async () => {
    const deep = Array.from({ length: 10 }).reduce<string>((inner) => `{ NOT: ${inner} }`, '{ number: { eq: 1 } }');
    const { errors } = await api.gql(`{ tasks(where: ${deep}) { totalCount } }`);
    expect(errors?.[0]).toMatchObject({ message: 'Filters may nest AND/OR/NOT at most 8 levels deep.', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
