import path from 'node:path';
import { importFiles } from '../../src/import/writer/import-files';
import { type ApiServer, startApiServer } from '../support/api-server';
import { registry } from '../support/seeds';

const YUZHONG = path.join(__dirname, '..', 'fixtures', 'formats', 'yuzhong-plan-prose.txt');

/**
 * A plan of another district (渝中区, prose layout) imported next to the
 * seeds: its units and leaders are its own, 沙坪坝区's are untouched, and a
 * name both districts use is ambiguous unless the jurisdiction is given.
 */
describe('another district', () => {
  let api: ApiServer;
  let shapingbaUnitsBefore: unknown[];
  beforeAll(async () => {
    api = await startApiServer();
    shapingbaUnitsBefore = await unitsOf('重庆市沙坪坝区');
    await importFiles(api.db.dataSource, [YUZHONG], registry);
  });
  afterAll(() => api.stop());

  function unitsOf(jurisdiction: string) {
    return api.db.dataSource.query(
      `SELECT u.name, u.kind, u.needs_review FROM unit u JOIN jurisdiction j ON j.id = u.jurisdiction_id WHERE j.name = $1 ORDER BY u.name`,
      [jurisdiction],
    );
  }

  it('leaves 沙坪坝区’s units exactly as they were', async () => {
    expect(await unitsOf('重庆市沙坪坝区')).toEqual(shapingbaUnitsBefore);
  });

  it('imports 渝中区’s names under 渝中区, flagged for review, with kinds inferred from their form', async () => {
    const units = await unitsOf('重庆市渝中区');
    expect(units.every((u: { needs_review: boolean }) => u.needs_review)).toBe(true);
    expect(Object.fromEntries(units.map((u: { name: string; kind: string }) => [u.name, u.kind]))).toMatchObject({
      区文旅委: 'DISTRICT_DEPARTMENT',
      解放碑街道: 'TOWNSHIP_STREET',
      化龙桥片区管委会: 'ZONE_COMMITTEE',
      渝中城投集团: 'STATE_OWNED_ENTERPRISE',
      有关街道: 'COLLECTIVE',
    });
  });

  it('says a unit name used in two districts is ambiguous, as BAD_USER_INPUT', async () => {
    const { data, errors } = await api.gql(`{ unit(name: "区文旅委") { name } }`);
    expect(data?.unit ?? null).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'unit “区文旅委” exists in several jurisdictions (重庆市沙坪坝区, 重庆市渝中区): pass jurisdiction to choose one',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'jurisdiction' }),
      }),
    ]);
  });

  it('finds each district’s own 区文旅委 when the jurisdiction is given (full name or district part)', async () => {
    const { data, errors } = await api.gql(`{
      yz: unit(name: "区文旅委", jurisdiction: "渝中区") { name jurisdiction needsReview kind }
      spb: unit(name: "区文旅委", jurisdiction: "重庆市沙坪坝区") { name jurisdiction needsReview }
    }`);
    expect(errors).toBeUndefined();
    expect(data.yz).toEqual({ name: '区文旅委', jurisdiction: '重庆市渝中区', needsReview: true, kind: 'DISTRICT_DEPARTMENT' });
    expect(data.spb).toEqual({ name: '区文化旅游委', jurisdiction: '重庆市沙坪坝区', needsReview: false });
  });

  it('gives leaders and plans their jurisdiction, and filters tasks, units and leaders by it', async () => {
    const { data, errors } = await api.gql(`{
      leader(name: "李红") { name jurisdiction tasks { totalCount } }
      plans { jurisdiction year }
      tasks(where: { jurisdiction: { eq: "重庆市渝中区" } }) { totalCount }
      units(where: { jurisdiction: { eq: "重庆市渝中区" }, kind: { eq: COLLECTIVE } }) { nodes { name } }
      yzTasksOfLeader: tasks(where: { leaders: { some: { jurisdiction: { eq: "重庆市渝中区" } } } }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data.leader).toEqual({ name: '李红', jurisdiction: '重庆市渝中区', tasks: { totalCount: 2 } });
    expect(data.plans).toEqual(expect.arrayContaining([{ jurisdiction: '重庆市渝中区', year: 2024 }, { jurisdiction: '重庆市沙坪坝区', year: 2024 }]));
    expect(data.tasks.totalCount).toBe(6);
    expect(data.units.nodes.map((u: { name: string }) => u.name).sort()).toEqual(['各产业主管部门', '有关街道', '相关街道'].sort());
    expect(data.yzTasksOfLeader.totalCount).toBe(4);
  });
});
