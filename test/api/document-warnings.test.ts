import { type ApiServer, startApiServer } from '../support/api-server';

/** The warnings of an import stay readable after it: on Document, through the API. */
describe('Document.warnings and Document.allowedChecks', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.stop());

  it('gives every document the warnings its import printed, with lines, and no overrides for the seeds', async () => {
    const { data, errors } = await api.gql(`{ plans { year documents { kind warnings { line message } allowedChecks } } }`);
    expect(errors).toBeUndefined();
    const docs = Object.fromEntries(data.plans.flatMap((p: any) => p.documents.map((d: any) => [`${p.year} ${d.kind}`, d])));
    expect(docs['2024 PLAN']).toEqual({
      kind: 'PLAN',
      warnings: [{ line: 184, message: 'row 13, 协同单位: joined wrapped name 中西部国际交往中心 + 领导小组成员单位 → 中西部国际交往中心领导小组成员单位' }],
      allowedChecks: [],
    });
    const report = docs['2021 PROGRESS_REPORT'];
    expect(report.warnings).toHaveLength(46);
    expect(report.warnings.filter((w: { message: string }) => w.message.startsWith('row has no 序号 cell'))).toHaveLength(38);
    expect(report.warnings.map((w: { line: number }) => w.line)).toEqual([...report.warnings.map((w: { line: number }) => w.line)].sort((a, b) => a - b));
  });
});
