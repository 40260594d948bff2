import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toDryRunJson } from '../../src/cli/dry-run-json';
import { openLedger } from '../../src/export/ledger-export';
import { resolveLedger } from '../../src/export/ledger-request';
import { RequestContext } from '../../src/graphql/context';
import { parseDocument } from '../../src/import/parse-document';
import { type ApiServer, startApiServer } from '../support/api-server';
import { registry } from '../support/seeds';

const ROOT = path.join(__dirname, '..', '..');
// DUBAN_SOFFICE as the importer reads it (DUBAN_SOFFICE=/nonexistent runs the fallback reader).
const SOFFICE = process.env.DUBAN_SOFFICE ?? 'soffice';
const sofficeInstalled = spawnSync(SOFFICE, ['--version'], { stdio: 'ignore' }).error === undefined;
const withoutActingAs = (cell: string) => cell.replace(/（[^）]*）/g, '');
const SECTION_SHEETS: Record<string, string> = { TARGET: '预期目标', LIVELIHOOD: '民生实事', KEY_TASK: '重点工作任务' };

interface ApiTask {
  section: string;
  number: number;
  title: string | null;
  content: string;
  category: { name: string } | null;
  leaders: { name: string }[];
  leadUnits: { name: string }[];
  coUnits: { name: string }[];
  progress: ({ period: string; text: string } & Record<string, unknown>)[];
  due: { date: string; source: string; words: string[] };
}

/**
 * The items as the dry-run shape has them, from the API: what the issue asks to be identical. A ledger read
 * back derives the same signals the import stored (due, and the period's status, percent and items).
 */
async function apiItems(api: ApiServer, year: number, period: string | null) {
  const tasks: ApiTask[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data?: any; errors?: unknown } = await api.gql(
      `query($year: Int!, $after: String) { tasks(where: { year: { eq: $year } }, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { section number title content category { name } leaders { name } leadUnits { name } coUnits { name } due { date source words }
        progress { period text status statusReason percent percentReason items { number text } } } } }`,
      { year, after },
    );
    expect(errors).toBeUndefined();
    tasks.push(...data.tasks.nodes);
    if (!data.tasks.pageInfo.hasNextPage) break;
    after = data.tasks.pageInfo.endCursor;
  }
  return tasks.map((t) => ({
    section: t.section,
    number: t.number,
    category: t.category?.name ?? null,
    title: t.title,
    content: t.content,
    leaders: t.leaders.map((l) => l.name),
    leadUnits: t.leadUnits.map((u) => u.name),
    coUnits: t.coUnits.map((u) => u.name),
    progress: period ? (t.progress.find((p) => p.period === period)?.text ?? null) : null,
    due: t.due,
    progressSignals: signalsOf(period ? t.progress.find((p) => p.period === period) : undefined),
  }));
}

function signalsOf(update: ApiTask['progress'][number] | undefined) {
  if (!update) return null;
  const { period: _period, text: _text, ...signals } = update;
  return signals;
}

/** `npm run import -- --dry-run --json <file>`, as the CLI runs it. */
async function dryRun(file: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), '--dry-run', '--json', file], {
    cwd: ROOT,
    maxBuffer: 20 * 1024 * 1024,
  });
  const json = JSON.parse(stdout);
  return { document: json.document, warnings: json.warnings, items: json.sections.flatMap((s: { section: string; items: object[] }) => s.items.map((i) => ({ section: s.section, ...i }))) };
}

/** Asynchronous: the API server runs in this process, and a blocked event loop would stall its keep-alive timers. */
async function soffice(args: string[], cwd: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-soffice-'));
  try {
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', ...args, '--outdir', cwd], { cwd, timeout: 120_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Every sheet of a workbook as rows of cell texts, read by LibreOffice (one CSV per sheet). */
async function sheetsByLibreOffice(file: string, work: string): Promise<Map<string, string[][]>> {
  // Filter options: comma, double quote, UTF-8, from row 1, …, the last (-1) writes every sheet to its own file.
  await soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', file], work);
  const base = path.basename(file, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(work)) {
    if (name.startsWith(`${base}-`) && name.endsWith('.csv')) sheets.set(name.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(work, name)), { relax_column_count: true }));
  }
  return sheets;
}

describe('ledger exports (台账) of the seeded database', () => {
  let api: ApiServer;
  let work: string;
  const download = async (query: string) => {
    const response = await fetch(`${api.origin}/exports/${query}`);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  const save = async (query: string, name: string) => {
    const { response, body } = await download(query);
    expect(response.status).toBe(200);
    const file = path.join(work, name);
    fs.writeFileSync(file, body);
    return file;
  };

  beforeAll(async () => {
    api = await startApiServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-ledger-'));
  });
  afterAll(async () => {
    await api.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('the .xlsx reads back through the importer exactly as the API answers', () => {
    it('the 2024 plan: a 任务分解台账 with every item identical', async () => {
      const file = await save('ledger.xlsx?year=2024', 'plan-2024.xlsx');
      const read = await dryRun(file);
      expect(read.document).toMatchObject({ title: '重庆市沙坪坝区2024年任务分解台账', kind: 'PLAN', year: 2024, period: null, format: 'xlsx' });
      const expected = await apiItems(api, 2024, null);
      expect(expected).toHaveLength(144);
      expect(read.items).toEqual(expected);
      expect(read.warnings).toEqual([]);
    });

    it('the 2021 report with its 一季度 progress column', async () => {
      const file = await save('ledger.xlsx?year=2021&period=2021-Q1', 'report-2021.xlsx');
      const read = await dryRun(file);
      expect(read.document).toMatchObject({ title: '重庆市沙坪坝区2021年一季度推进情况台账', kind: 'PROGRESS_REPORT', year: 2021, period: '2021-Q1' });
      const expected = await apiItems(api, 2021, '2021-Q1');
      expect(expected).toHaveLength(157);
      expect(expected.filter((i) => i.progress).length).toBeGreaterThan(150);
      expect(read.items).toEqual(expected);
    });
  });

  it.each([7, 8, 10, 136])('rows come in chunks (%i rows a statement, a chunk may end where a table ends) and none is lost', async (chunkRows) => {
    const ctx = new RequestContext(api.db.dataSource);
    const request = await resolveLedger(ctx, { format: 'xlsx', year: 2024, jurisdiction: null, section: null, period: null, where: null });
    const file = path.join(work, `chunks-${chunkRows}.xlsx`);
    const out = fs.createWriteStream(file);
    await (await openLedger(ctx, request, chunkRows)).write(out, async () => undefined);
    await new Promise((resolve) => (out.writableFinished ? resolve(null) : out.once('finish', () => resolve(null))));
    const items = toDryRunJson(parseDocument(fs.readFileSync(file), file, registry)).sections.flatMap((s) => s.items.map((i) => ({ section: s.section, ...i })));
    expect(items).toEqual(await apiItems(api, 2024, null));
    // The plan, the sections, then one statement per chunk (one more, empty, when the last chunk is full).
    expect(ctx.sqlLog.length).toBe(3 + Math.floor(144 / chunkRows));
  });

  describe('an independent reader sees the office layout', () => {
    let sheets: Map<string, string[][]>;
    let expected: Awaited<ReturnType<typeof apiItems>>;
    beforeAll(async () => {
      const file = await save('ledger.xlsx?year=2021&period=2021-Q1', 'layout-2021.xlsx');
      expected = await apiItems(api, 2021, '2021-Q1');
      if (sofficeInstalled) sheets = await sheetsByLibreOffice(file, work);
      else {
        // Without LibreOffice: ExcelJS's own reader (the writer's library, so a weaker check), merged cells left empty as LibreOffice leaves them.
        const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
        sheets = new Map(
          workbook.worksheets.map((ws) => [
            ws.name,
            Array.from({ length: ws.rowCount }, (_, r) =>
              Array.from({ length: ws.columnCount }, (_, k) => {
                const cell = ws.getCell(r + 1, k + 1);
                return cell.isMerged && cell.master !== cell ? '' : String(cell.value ?? '');
              }),
            ),
          ]),
        );
      }
    }, 120_000);

    it(`has one sheet per section, each with the title row, the table title and the header (${sofficeInstalled ? 'LibreOffice' : 'ExcelJS: soffice is not installed'})`, () => {
      expect([...sheets.keys()].sort()).toEqual(['民生实事', '重点工作任务', '预期目标'].sort());
      const key = sheets.get('重点工作任务')!;
      // The title rows are merged over the table's width: the text stands in A only.
      expect(key[0]).toEqual(['重庆市沙坪坝区2021年一季度推进情况台账', '', '', '', '', '', '', '']);
      expect(key[1]).toEqual(['三、重点工作任务（137项）', '', '', '', '', '', '', '']);
      expect(key[2]).toEqual(['序号', '工作类别', '工作任务', '牵头单位', '配合单位', '一季度进展情况', '进展状态', '红黄绿灯']);
      expect(sheets.get('民生实事')![2]).toEqual(['序号', '项目名称', '建设内容', '牵头单位', '一季度进展情况', '进展状态', '红黄绿灯']);
      expect(sheets.get('预期目标')![2]).toEqual(['序号', '预期目标', '牵头单位', '一季度进展情况', '进展状态', '红黄绿灯']);
    });

    it('merges each category cell over its rows: the text in the first row of each run only', () => {
      const key = sheets.get('重点工作任务')!.slice(3);
      const items = expected.filter((i) => i.section === 'KEY_TASK');
      expect(key.map((r) => Number(r[0]))).toEqual(items.map((i) => i.number));
      const runStarts = items.map((item, k) => (k === 0 || items[k - 1].category !== item.category ? item.category : ''));
      expect(key.map((r) => r[1])).toEqual(runStarts);
      expect(runStarts.filter((c) => c !== '').length).toBeLessThan(items.length / 2);
      // A unit acting as another body is written as the document wrote it (区商务委（区招商中心）); the API's name is the unit's.
      expect(key.map((r) => withoutActingAs(r[3]))).toEqual(items.map((i) => i.leadUnits.join('、')));
      expect(key.map((r) => r[6])).toContain('推进中');
      expect(new Set(key.map((r) => r[7]))).toEqual(new Set(['绿灯', '红灯', '黄灯'].filter((l) => key.some((r) => r[7] === l))));
    });
  });

  it('the workbook carries the print setup and the frozen header', async () => {
    const file = await save('ledger.xlsx?year=2024&section=KEY_TASK', 'print-2024.xlsx');
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['重点工作任务']);
    const sheet = workbook.worksheets[0];
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getCell('C4').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(40);
  });

  it('CSV: UTF-8 with BOM, CRLF, one row per task, names joined with 、', async () => {
    const { response, body } = await download('ledger.csv?year=2021&period=2021-Q1');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('重庆市沙坪坝区2021年一季度推进情况台账.csv')}`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeff板块,序号,工作类别,项目名称,工作任务,责任区领导,牵头单位,配合单位,一季度进展情况,进展状态,红黄绿灯');
    const [header, ...rows] = parseCsv(text, { bom: true }) as string[][];
    expect(header[0]).toBe('板块');
    const expected = await apiItems(api, 2021, '2021-Q1');
    expect(rows.map((r) => [r[0], Number(r[1]), r[2] || null, r[4], withoutActingAs(r[6]), withoutActingAs(r[7]), r[8] || null])).toEqual(
      expected.map((i) => [SECTION_SHEETS[i.section], i.number, i.category, i.content, i.leadUnits.join('、'), i.coUnits.join('、'), i.progress]),
    );
    expect(rows.some((r) => r[7].includes('、'))).toBe(true);
  });

  it('a leader’s tasks: the shortcut and the same filter as JSON give the same rows, and the GraphQL link to them', async () => {
    const where = { leaders: { some: { name: { eq: '凌健' } } } };
    const { data } = await api.gql(`{ tasks(where: { year: { eq: 2024 }, section: { eq: KEY_TASK }, leaders: { some: { name: { eq: "凌健" } } } }, first: 100) { totalCount nodes { number } } }`);
    const numbers = data.tasks.nodes.map((n: { number: number }) => String(n.number));
    const rowsOf = async (query: string) => {
      const { body } = await download(query);
      return (parseCsv(body.toString('utf8'), { bom: true }) as string[][]).slice(1).map((r) => r[1]);
    };
    expect(await rowsOf('ledger.csv?year=2024&section=KEY_TASK&leader=凌  健')).toEqual(numbers);
    expect(await rowsOf(`ledger.csv?year=2024&section=KEY_TASK&where=${encodeURIComponent(JSON.stringify(where))}`)).toEqual(numbers);

    const link = await api.gql(
      `query($where: TaskWhere) { ledgerExport(year: 2024, jurisdiction: "沙坪坝区", section: KEY_TASK, where: $where, format: CSV) { url format fileName title jurisdiction year period taskCount } }`,
      { where },
    );
    expect(link.errors).toBeUndefined();
    expect(link.data.ledgerExport).toMatchObject({
      format: 'CSV',
      fileName: '重庆市沙坪坝区2024年任务分解台账（重点工作任务）.csv',
      title: '重庆市沙坪坝区2024年任务分解台账',
      jurisdiction: '重庆市沙坪坝区',
      year: 2024,
      period: null,
      taskCount: data.tasks.totalCount,
    });
    expect(link.data.ledgerExport.url).toMatch(/^\/exports\/ledger\.csv\?year=2024&jurisdiction=/);
    expect(await rowsOf(link.data.ledgerExport.url.replace('/exports/', ''))).toEqual(numbers);
  });

  it.each([
    ['no year', 'ledger.xlsx', 400, 'year', 'year: required: the year of the plan to export (e.g. year=2024)'],
    ['a year that is not one', 'ledger.csv?year=20x4', 400, 'year', 'year: “20x4” is not a year (four digits, e.g. 2024)'],
    ['a year without a plan', 'ledger.xlsx?year=2030', 400, 'year', 'year: no plan of 2030 (plans: 2021, 2024)'],
    ['an unknown jurisdiction', 'ledger.xlsx?year=2024&jurisdiction=渝中区', 400, 'jurisdiction', 'jurisdiction: no plan of “渝中区” has been imported'],
    ['an unknown parameter', 'ledger.xlsx?yaer=2024', 400, 'yaer', 'yaer: not a parameter of a ledger export (parameters: year, jurisdiction, section, period, where, leader, unit, leadUnit, coUnit)'],
    ['a repeated parameter', 'ledger.xlsx?year=2024&year=2021', 400, 'year', 'year: given 2 times; give it once'],
    ['an unknown section', 'ledger.xlsx?year=2024&section=toString', 400, 'section', 'section: “toString” is not a section (TARGET, LIVELIHOOD, KEY_TASK)'],
    ['a malformed period', 'ledger.xlsx?year=2021&period=一季度', 400, 'period', 'period: “一季度” is not a reporting period (year and quarter, e.g. 2021-Q1; 上半年 is Q2, 全年 is Q4)'],
    ['a period nobody reported', 'ledger.xlsx?year=2021&period=2021-Q3', 400, 'period', 'period: the 2021 plan of 重庆市沙坪坝区 has no progress report of 2021-Q3 (reported: 2021-Q1)'],
    ['where that is not JSON', 'ledger.xlsx?year=2024&where={leaders', 400, 'where', 'where: not JSON; give a TaskWhere as in tasks(where:), e.g. where={"leaders":{"some":{"name":{"eq":"凌健"}}}}'],
    ['where with an unknown field', `ledger.xlsx?year=2024&where=${encodeURIComponent('{"leader":{"name":"凌健"}}')}`, 400, 'where', 'where: Field "leader" is not defined by type "TaskWhere". Did you mean "leaders" or "year"?'],
    ['where with a bad enum', `ledger.xlsx?year=2024&where=${encodeURIComponent('{"risk":{"level":"PURPLE"}}')}`, 400, 'where', 'where.risk.level: Value "PURPLE" does not exist in "RiskLevel" enum.'],
    ['a NUL in a name', 'ledger.csv?year=2024&leader=%00', 400, undefined, 'A string argument contains a character PostgreSQL text cannot hold (the NUL character \\u0000); remove it.'],
  ])('%s is refused in the house error shape', async (_what, query, status, argument, message) => {
    const { response, body } = await download(query);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = JSON.parse(body.toString());
    expect(json).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } }] });
  });

  it('a filter over the size limit is refused like a GraphQL read’s, before any SQL', async () => {
    const where = { OR: Array.from({ length: 201 }, (_, k) => ({ number: { eq: k } })) };
    const { response, body } = await download(`ledger.xlsx?year=2024&where=${encodeURIComponent(JSON.stringify(where))}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(body.toString()).errors[0]).toEqual({
      message: 'where: more than 200 filter nodes (every input object counts, empty ones included); the filter size limit is 200 conditions (maxFilterConditions).',
      extensions: { code: 'BAD_USER_INPUT', argument: 'where' },
    });
  });

  it('the GraphQL field refuses what the route refuses', async () => {
    const { errors } = await api.gql('{ ledgerExport(year: 2021, period: "2021-Q3") { url } }');
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/^period: the 2021 plan .* has no progress report of 2021-Q3/), extensions: { code: 'BAD_USER_INPUT', argument: 'period' } });
  });
});
