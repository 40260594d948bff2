import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../src/import/writer/import-files';
import { type ApiServer, startApiServer } from '../support/api-server';
import { PLAN_2024, registry } from '../support/seeds';

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

  it('records an override (--allow numbering) and the finding it let through', async () => {
    // A 2025 plan whose key task 13 is missing: refused, unless the numbering check is allowed.
    const lines = fs.readFileSync(PLAN_2024, 'utf8').replace(/2024年/g, '2025年').replace('〔2024〕', '〔2025〕').split('\n');
    lines.splice(178, 8);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-api-')), 'plan-2025.txt');
    fs.writeFileSync(file, lines.join('\n'));
    await expect(importFiles(api.db.dataSource, [file], registry)).rejects.toThrow(/序号 14 where 13 was expected/);
    await importFiles(api.db.dataSource, [file], registry, { allow: ['numbering'] });

    const { data, errors } = await api.gql(`{ plans { year documents { allowedChecks warnings { line message } } } }`);
    expect(errors).toBeUndefined();
    const [doc] = data.plans.find((p: { year: number }) => p.year === 2025).documents;
    expect(doc.allowedChecks).toEqual(['NUMBERING']);
    expect(doc.warnings).toContainEqual({ line: 179, message: 'row 14, column 序号: 序号 14 where 13 was expected (a gap: 13 is missing) (allowed by --allow numbering)' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
