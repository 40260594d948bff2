import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { toGlobalId } from '../../src/graphql/global-id';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { type ApiServer, startApiServer } from '../support/api-server';
import { expectStoredLightsCurrent } from '../support/stored-light';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** The 2021 ledger with 重庆市沙坪坝区 cut from its title row, as test/import/jurisdiction.test.ts makes it: a document that names no district. */
function ledgerWithoutDistrict(quarter: string): Buffer {
  const files = unzipSync(read('formats/report-2021.xlsx'));
  const strings = strFromU8(files['xl/sharedStrings.xml']);
  const cut = strings
    .replace('<t xml:space="preserve">重庆市沙坪坝区</t>', '<t xml:space="preserve"></t>')
    .replace('年区政府工作报告重点任务一季度推进情况台账', `年区政府工作报告重点任务${quarter}推进情况台账`);
  expect(cut).not.toBe(strings);
  files['xl/sharedStrings.xml'] = strToU8(cut);
  return Buffer.from(zipSync(files));
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const IMPORT = `mutation ($input: ImportUploadInput!) {
  importUpload(input: $input) {
    replayed userErrors { code field message }
    document { id kind year period title fileName allowedChecks warnings { line message }
      file { hash size format filename uploadedBy uploadedAt downloadUrl }
      supersedes { id } supersededBy { id } }
  }
}`;

describe('importUpload: the confirm step', () => {
  let api: ApiServer;
  let office: TestKey;
  let otherDistrict: TestKey;
  let unit: TestKey;
  let seedPlanId: string;

  beforeAll(async () => {
    api = await startApiServer();
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '沙坪坝区督查办' });
    await api.db.dataSource.query(`INSERT INTO jurisdiction (name) VALUES ('重庆市渝中区') ON CONFLICT DO NOTHING`);
    otherDistrict = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '渝中区督查办', jurisdiction: '重庆市渝中区' });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
    const plans = await api.gql(`{ plans { year documents { id kind } } }`);
    seedPlanId = plans.data.plans.find((p: { year: number }) => p.year === 2024).documents.find((d: { kind: string }) => d.kind === 'PLAN').id;
  });
  afterAll(() => api?.stop());

  const post = async (bytes: Buffer, filename: string, query = '', token = office.token) => {
    const response = await fetch(`${api.origin}/documents${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-filename': encodeURIComponent(filename) }, body: new Uint8Array(bytes) });
    expect(response.status).toBe(200);
    return (await response.json()).upload as { hash: string };
  };
  const confirm = (input: Record<string, unknown>, token = office.token) => api.gql(IMPORT, { input }, token);
  const count = async (sql: string, params: unknown[] = []) => (await api.db.dataSource.query(sql, params))[0].n as number;

  it('imports a previewed progress report by its hash, all at once, with its file kept and downloadable', async () => {
    const bytes = read('report-2024-q1.txt');
    // A report of some tasks only: its 序号 skip the others, which the numbering check would refuse.
    const { hash } = await post(bytes, '2024年一季度推进情况.txt', '?allow=numbering');
    const before = await count(`SELECT count(*)::int AS n FROM progress_update`);
    const lightsBefore = await expectStoredLightsCurrent(api);
    const strict = await confirm({ hash });
    expect(strict.data.importUpload.userErrors.length).toBeGreaterThan(0);
    expect(strict.data.importUpload.userErrors[0]).toEqual({ code: 'INVALID', field: null, message: expect.stringMatching(/^2024年一季度推进情况\.txt:\d+ .*序号/) });
    expect(await count(`SELECT count(*)::int AS n FROM progress_update`)).toBe(before);
    const { data, errors } = await confirm({ hash, allow: ['NUMBERING'], idempotencyKey: 'q1' });
    expect(errors).toBeUndefined();
    const { userErrors, replayed, document } = data.importUpload;
    expect(userErrors).toEqual([]);
    expect(replayed).toBe(false);
    expect(document).toMatchObject({ kind: 'PROGRESS_REPORT', year: 2024, period: '2024-Q1', fileName: '2024年一季度推进情况.txt', allowedChecks: ['NUMBERING'], supersedes: null, supersededBy: null });
    expect(document.file).toMatchObject({ hash, size: bytes.byteLength, format: 'text', filename: '2024年一季度推进情况.txt', uploadedBy: '沙坪坝区督查办' });
    expect(document.file.downloadUrl).toBe(`/documents/${encodeURIComponent(document.id)}/file`);
    // The uploader is an account's name: the audit trail's readers (ADMIN, OFFICE) see it, anonymous readers are refused.
    const anonymous = await api.gql(`query($id: ID!) { node(id: $id) { ... on Document { file { filename uploadedBy } } } }`, { id: document.id });
    expect(anonymous.errors!.map((e: { extensions?: { code?: string } }) => e.extensions!.code)).toEqual(['FORBIDDEN']);
    const published = await api.gql(`query($id: ID!) { node(id: $id) { ... on Document { file { filename } } } }`, { id: document.id });
    expect(published.data.node.file.filename).toBe('2024年一季度推进情况.txt');
    expect(await count(`SELECT count(*)::int AS n FROM progress_update`)).toBeGreaterThan(before);
    // The stored lights (task.risk_level) were judged again at the report's date, in the import's transaction.
    expect(await expectStoredLightsCurrent(api)).not.toEqual(lightsBefore);

    // The original, byte for byte, for anyone who may read the record.
    const download = await fetch(`${api.origin}${document.file.downloadUrl}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="2024________.txt"; filename*=UTF-8''${encodeURIComponent('2024年一季度推进情况.txt')}`);
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), bytes)).toBe(0);

    // One audit row for the import, by the office, naming the upload and the document.
    const audit = await api.db.dataSource.query(`SELECT rule, reason, target FROM audit_log WHERE action = 'document.import' AND account_id = $1`, [office.accountId]);
    expect(audit).toEqual([{ rule: 'office-import', reason: 'importUpload', target: expect.objectContaining({ upload: hash }) }]);

    // The same key again: the first answer; the same bytes again: ALREADY_DONE, naming the document.
    expect((await confirm({ hash, allow: ['NUMBERING'], idempotencyKey: 'q1' })).data.importUpload).toMatchObject({ replayed: true, document: { id: document.id } });
    const again = await confirm({ hash, allow: ['NUMBERING'] });
    expect(again.data.importUpload.userErrors).toEqual([
      { code: 'ALREADY_DONE', field: 'hash', message: expect.stringMatching(new RegExp(`^2024年一季度推进情况\\.txt was already imported, as document ${document.id.replace(/[+/=]/g, '\\$&')} \\(“.+”, from 2024年一季度推进情况\\.txt, .+\\); nothing was changed\\.$`)) },
    ]);
    expect(again.data.importUpload.document).toBeNull();
  });

  it('refuses another version of an imported plan, and imports it as a correction that supersedes the old one', async () => {
    const bytes = read('formats/plan-2024.docx');
    const { hash } = await post(bytes, '2024年任务分解表（更正）.docx');
    const tasksBefore = await api.db.dataSource.query(`SELECT t.id, t.section, t.number FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 ORDER BY t.id`);
    const progressBefore = await count(`SELECT count(*)::int AS n FROM progress_update`);

    const refused = await confirm({ hash });
    expect(refused.data.importUpload.userErrors).toEqual([
      { code: 'CONFLICT', field: null, message: expect.stringMatching(/^2024年任务分解表（更正）\.docx: a different version of this 2024 plan is already imported \(document \d+, .*000_fde355393f881739\.txt\); nothing was written$/) },
    ]);

    const { data, errors } = await confirm({ hash, supersedes: seedPlanId });
    expect(errors).toBeUndefined();
    expect(data.importUpload.userErrors).toEqual([]);
    const corrected = data.importUpload.document;
    expect(corrected).toMatchObject({ kind: 'PLAN', year: 2024, supersedes: { id: seedPlanId }, supersededBy: null, file: { format: 'docx', hash } });

    // The old version stays, pointing to its correction; the tasks are the same rows (ids kept), now the correction's.
    const old = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Document { id supersededBy { id } file { hash } } } }`, { id: seedPlanId });
    expect(old.data.node).toEqual({ id: seedPlanId, supersededBy: { id: corrected.id }, file: null });
    const tasksAfter = await api.db.dataSource.query(`SELECT t.id, t.section, t.number FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 ORDER BY t.id`);
    expect(tasksAfter).toEqual(tasksBefore);
    // Every task the old version defined is now the correction's; the livelihood tasks the Q1 report created stay the report's.
    const definedBy = await api.db.dataSource.query(`SELECT t.document_id, count(*)::int AS n FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 GROUP BY 1 ORDER BY 2 DESC`);
    expect(definedBy.map((r: { document_id: number; n: number }) => [toGlobalId('Document', r.document_id), r.n])).toEqual([[corrected.id, 144], [expect.any(String), 3]]);
    expect(await count(`SELECT count(*)::int AS n FROM progress_update`)).toBe(progressBefore);
    // The correction's deadlines are what the stored lights now read.
    await expectStoredLightsCurrent(api);
    // The audit row keeps the superseded version's tasks as they read.
    const [audit] = await api.db.dataSource.query(`SELECT target, before FROM audit_log WHERE action = 'document.import' AND target->>'upload' = $1`, [hash]);
    expect(audit.target.supersedes).toBeGreaterThan(0);
    expect(audit.before.tasks).toHaveLength(144);

    // Superseding the superseded version again is refused, naming the correction.
    const prose = await post(read('formats/plan-2024-prose.txt'), 'plan-2024-prose.txt');
    const twice = await confirm({ hash: prose.hash, supersedes: seedPlanId });
    expect(twice.data.importUpload.userErrors).toEqual([
      { code: 'INVALID', field: 'supersedes', message: expect.stringMatching(/was already superseded by document \d+: supersede that one; nothing was written$/) },
    ]);
  });

  it('holds the policy: an office of another district is refused, a unit may not import, an unknown hash is NOT_FOUND', async () => {
    const { hash } = await post(read('report-2024-h1.txt'), 'h1.txt', '?allow=numbering');
    const other = await confirm({ hash, allow: ['NUMBERING'] }, otherDistrict.token);
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'document.import', rule: 'office-import' } });
    const byUnit = await confirm({ hash, allow: ['NUMBERING'] }, unit.token);
    expect(byUnit.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'document.import' } });
    const anonymous = await api.gql(IMPORT, { input: { hash, allow: ['NUMBERING'] } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count(`SELECT count(*)::int AS n FROM document WHERE content_hash = $1`, [hash])).toBe(0);
    const unknown = await confirm({ hash: '0'.repeat(64) });
    expect(unknown.data.importUpload.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'hash', message: `No upload has the hash ${'0'.repeat(64)}: POST the file to /documents first.` }]);
    const malformed = await confirm({ hash: 'abc' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'hash' });
  });

  it('imports once when the same upload is confirmed five times at once', async () => {
    const { hash } = await post(read('report-2024-h1.txt'), 'h1.txt', '?allow=numbering');
    const answers = await Promise.all(Array.from({ length: 5 }, () => confirm({ hash, allow: ['NUMBERING'] })));
    const payloads = answers.map((a) => a.data.importUpload);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'ALREADY_DONE')).toHaveLength(4);
    expect(await count(`SELECT count(*)::int AS n FROM document WHERE content_hash = $1`, [hash])).toBe(1);
  });

  it('takes the jurisdiction of a document that names none as a parameter, at both steps (issue 20)', async () => {
    const bytes = ledgerWithoutDistrict('上半年');
    const response = await fetch(`${api.origin}/documents?jurisdiction=${encodeURIComponent('沙坪坝区')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office.token}`, 'x-filename': encodeURIComponent('上半年台账.xlsx') },
      body: new Uint8Array(bytes),
    });
    const { upload, preview } = await response.json();
    expect(preview.document).toMatchObject({ title: '2021年区政府工作报告重点任务上半年推进情况台账', issuer: null, jurisdiction: '重庆市沙坪坝区', jurisdictionRule: 'STATED' });
    const { data } = await confirm({ hash: upload.hash, jurisdiction: '沙坪坝区' });
    expect(data.importUpload.userErrors).toEqual([]);
    expect(data.importUpload.document).toMatchObject({ kind: 'PROGRESS_REPORT', period: '2021-Q2', file: { format: 'xlsx', filename: '上半年台账.xlsx' } });
    const [audit] = await api.db.dataSource.query(`SELECT after FROM audit_log WHERE action = 'document.import' AND target->>'upload' = $1`, [upload.hash]);
    expect(audit.after).toMatchObject({ period: '2021-Q2', year: 2021 });
  });

  it('serves an upload not yet imported to the office only', async () => {
    const bytes = read('formats/yuzhong-plan-prose.txt');
    const { hash } = await post(bytes, 'yuzhong.txt');
    expect((await fetch(`${api.origin}/documents/${hash}/file`)).status).toBe(401);
    expect((await fetch(`${api.origin}/documents/${hash}/file`, { headers: { authorization: `Bearer ${unit.token}` } })).status).toBe(403);
    const byOffice = await fetch(`${api.origin}/documents/${hash}/file`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(byOffice.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await byOffice.arrayBuffer()), bytes)).toBe(0);
    expect(sha256(bytes)).toBe(hash);
    const seedFile = await fetch(`${api.origin}/documents/${encodeURIComponent(seedPlanId)}/file`);
    expect(seedFile.status).toBe(404);
    expect((await seedFile.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await fetch(`${api.origin}/documents/not-an-id/file`);
    expect(bad.status).toBe(400);
  });
});
