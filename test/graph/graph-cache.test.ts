import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPORT_2021 } from '../support/seeds';
import { type ApiServer, startApiServer } from '../support/api-server';

const ROOT = path.join(__dirname, '..', '..');
const TASK_UNITS = /array_agg\(DISTINCT a\.unit_id/;

/** Degree of every unit in 2024 straight from the assignment rows (distinct partners). */
async function degrees(api: ApiServer): Promise<Record<string, number>> {
  const rows: { name: string; degree: number }[] = await api.db.dataSource.query(
    `SELECT u.name, count(DISTINCT b.unit_id)::int AS degree
     FROM assignment a JOIN unit u ON u.id = a.unit_id JOIN task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id AND p.year = 2024
     LEFT JOIN assignment b ON b.task_id = a.task_id AND b.unit_id <> a.unit_id
     GROUP BY u.name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.degree]));
}

describe('the graph cache', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ exposeSql: true });
  });
  afterAll(() => api.stop());

  const QUERY = `{ units(first: 100) { nodes { name centrality(year: 2024) { degree } } } }`;
  const served = (data: any) => Object.fromEntries(data.units.nodes.filter((u: any) => u.centrality).map((u: any) => [u.name, u.centrality.degree]));

  it('builds a plan’s graph once, serves it from memory, and rebuilds after an import by the CLI in another process', async () => {
    const first = await api.gql(QUERY);
    expect(first.errors).toBeUndefined();
    expect(first.extensions!.sql!.filter((s) => TASK_UNITS.test(s))).toHaveLength(1);

    // A second request only checks the plans' versions.
    const second = await api.gql(QUERY);
    expect(second.data).toEqual(first.data);
    expect(second.extensions!.sql!.filter((s) => TASK_UNITS.test(s))).toHaveLength(0);

    // A 2024 report in the 2021 report's layout adds 13 tasks with their units to the 2024 plan.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-graph-')), 'report-2024.txt');
    fs.writeFileSync(file, fs.readFileSync(REPORT_2021, 'utf8').replace('关于2021年区政府工作报告', '关于2024年区政府工作报告'));
    await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: api.db.url },
    });

    const third = await api.gql(QUERY);
    expect(third.extensions!.sql!.filter((s) => TASK_UNITS.test(s))).toHaveLength(1);
    const expected = await degrees(api);
    const got = served(third.data);
    // Only the first page of units is asked for; every unit on it agrees with the new rows.
    for (const [name, degree] of Object.entries(got)) expect(degree).toBe(expected[name]);
    expect(got).not.toEqual(served(first.data));
  });

  it('rebuilds every plan of the jurisdiction after an import of another year: its registry may have changed a unit’s kind (includeCollectives)', async () => {
    const ASK = `{ unit(name: "区政府外办") { kind centrality(year: 2024, includeCollectives: false) { degree } } }`;
    const before = await api.gql(ASK);
    expect(before.errors).toBeUndefined();
    expect(before.data.unit.kind).toBe('DISTRICT_DEPARTMENT');
    expect(before.data.unit.centrality.degree).toBeGreaterThan(0);

    // A registry review makes 区政府外办 a collective; it arrives with an import of a 2022 report,
    // which touches no 2024 row but syncs the registry of the jurisdiction.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-graph-'));
    const units = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'units.json'), 'utf8'));
    for (const unit of units.units) if (unit.name === '区政府外办') unit.kind = 'COLLECTIVE';
    fs.writeFileSync(path.join(dir, 'units.json'), JSON.stringify(units));
    const file = path.join(dir, 'report-2022.txt');
    fs.writeFileSync(file, fs.readFileSync(REPORT_2021, 'utf8').replace('关于2021年区政府工作报告', '关于2022年区政府工作报告'));
    await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'src/cli/import.ts'), '--registry', path.join(dir, 'units.json'), file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: api.db.url },
    });

    const after = await api.gql(ASK);
    expect(after.data.unit.kind).toBe('COLLECTIVE');
    // Taken out of the 2024 graph without collectives, though no 2024 row changed.
    expect(after.data.unit.centrality).toBeNull();
    expect(after.extensions!.sql!.filter((s) => TASK_UNITS.test(s))).toHaveLength(1);
  });
});
