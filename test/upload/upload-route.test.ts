import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { toDryRunJson } from '../../src/cli/dry-run-json';
import { parseDocument } from '../../src/import/parse-document';
import { DEFAULT_LIMITS } from '../../src/server/limits';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { type ApiServer, startApiServer } from '../support/api-server';
import { registry } from '../support/seeds';

// DUBAN_SOFFICE as the importer reads it (the parse thread inherits this process's environment).
const SOFFICE_INSTALLED = spawnSync(process.env.DUBAN_SOFFICE ?? 'soffice', ['--version'], { stdio: 'ignore' }).error === undefined;
const FORMATS = path.join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FORMATS, name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('POST /documents: upload and preview', () => {
  let api: ApiServer;
  let office: TestKey;
  let unit: TestKey;

  beforeAll(async () => {
    api = await startApiServer();
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '督查办' });
    unit = await makeKey(api.db.dataSource, AccountRole.UNIT, { unit: '区经济信息委' });
  });
  afterAll(() => api?.stop());

  const upload = (body: Buffer | string, { token, query = '', filename }: { token?: string; query?: string; filename?: string } = {}) =>
    fetch(`${api.origin}/documents${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(filename ? { 'x-filename': encodeURIComponent(filename) } : {}) },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('answers the CLI’s dry-run JSON for a Word file and keeps the original', async () => {
    const bytes = fixture('plan-2024.docx');
    const response = await upload(bytes, { token: office.token, query: '?dryRun=true', filename: '2024年任务分解表.docx' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.upload).toEqual({ hash: sha256(bytes), size: bytes.byteLength, format: 'docx', filename: '2024年任务分解表.docx' });
    // The same function `npm run import -- --dry-run --json` prints with, over the same bytes and name.
    expect(body.preview).toEqual(JSON.parse(JSON.stringify(toDryRunJson(parseDocument(bytes, '2024年任务分解表.docx', registry)))));
    expect(body.preview.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual([8, 136]);
    const [row] = await api.db.dataSource.query(`SELECT size, format, file_name, uploaded_by, bytes FROM document_upload WHERE content_hash = $1`, [sha256(bytes)]);
    expect(row).toMatchObject({ size: bytes.byteLength, format: 'docx', file_name: '2024年任务分解表.docx', uploaded_by: office.accountId });
    expect(Buffer.compare(row.bytes, bytes)).toBe(0);
    // The same bytes again, under another name: one stored original, under its first name.
    const again = await (await upload(bytes, { token: office.token, filename: 'copy.docx' })).json();
    expect(again.upload).toEqual(body.upload);
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM document_upload`))[0].n).toBe(1);
    // Nothing imported: the seeds' two documents only.
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM document`))[0].n).toBe(2);
  });

  it('reads the legacy Word 97 .doc off the request thread, as the CLI reads it', async () => {
    const bytes = fixture('plan-2024.doc');
    const response = await upload(bytes, { token: office.token, query: '?filename=plan-2024.doc' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.upload.format).toBe('doc');
    expect(body.preview).toEqual(JSON.parse(JSON.stringify(toDryRunJson(parseDocument(bytes, 'plan-2024.doc', registry)))));
  });

  it('converts an Excel 97 .xls with LibreOffice asynchronously, or says how to convert it when soffice is missing', async () => {
    const bytes = fixture('report-2021.xls');
    const response = await upload(bytes, { token: office.token, filename: 'report-2021.xls' });
    const body = await response.json();
    if (SOFFICE_INSTALLED) {
      expect(response.status).toBe(200);
      expect(body.preview.sections.map((s: { items: unknown[] }) => s.items.length)).toEqual(toDryRunJson(parseDocument(fixture('report-2021.xlsx'), 'x', registry)).sections.map((s) => s.items.length));
    } else {
      expect(response.status).toBe(400);
      expect(body.errors[0]).toMatchObject({
        message: expect.stringMatching(/^report-2021\.xls cannot be imported:\nreport-2021\.xls: a legacy Excel \.xls file, and LibreOffice \(soffice\) is not installed to convert it: install LibreOffice, or save it as \.xlsx/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('takes --allow and --jurisdiction as parameters', async () => {
    const bytes = fixture('report-2021.xlsx');
    const response = await upload(bytes, { token: office.token, query: `?dryRun=true&allow=stated-count,NUMBERING&jurisdiction=${encodeURIComponent('沙坪坝区')}`, filename: 'ledger.xlsx' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.preview.document).toMatchObject({ kind: 'PROGRESS_REPORT', jurisdiction: '重庆市沙坪坝区', format: 'xlsx' });
    const wrong = await upload(bytes, { token: office.token, query: '?allow=no-such-check', filename: 'ledger.xlsx' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors[0]).toMatchObject({ message: expect.stringMatching(/^allow: unknown check “no-such-check” \(one of numbering, /), extensions: { code: 'BAD_USER_INPUT', argument: 'allow' } });
    const empty = await upload(bytes, { token: office.token, query: '?jurisdiction=', filename: 'ledger.xlsx' });
    expect((await empty.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'jurisdiction' });
  });

  it.each([
    ['bad/truncated.docx', /^truncated\.docx cannot be imported:\ntruncated\.docx/],
    ['bad/encrypted.docx', /encrypted/],
    ['bad/bad-number.docx', /bad-number\.docx \(table \d+, row \d+/],
    ['bad/no-task-table.html', /no-task-table\.html/],
  ])('refuses %s as the client’s mistake, naming the place', async (name, message) => {
    const response = await upload(fixture(name), { token: office.token, filename: path.basename(name) });
    expect(response.status).toBe(400);
    const [error] = (await response.json()).errors;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(error.extensions.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(error)).not.toMatch(/\bat .*\.ts:\d+|node_modules/);
  });

  it('refuses a Word file whose parts claim to unpack to gigabytes, before unpacking anything', async () => {
    // The real fixture with the declared size of word/document.xml raised to 3.75 GiB in the central directory.
    const bytes = Buffer.from(fixture('plan-2024.docx'));
    const name = Buffer.from('word/document.xml');
    let at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0 && !bytes.subarray(at + 46, at + 46 + name.length).equals(name)) at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(0xf0000000, at + 24);
    const response = await upload(bytes, { token: office.token, filename: 'bomb.docx' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/^bomb\.docx cannot be imported:\nbomb\.docx: the archive's XML parts unpack to \d+ bytes, more than any real document/);
  });

  it('refuses a body over the upload limit with 413, before reading it', async () => {
    const response = await upload(Buffer.alloc(DEFAULT_LIMITS.maxUploadBytes + 1, 0x20), { token: office.token, filename: 'big.txt' });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({
      message: `The document is larger than the upload limit of ${DEFAULT_LIMITS.maxUploadBytes} bytes (maxUploadBytes, DUBAN_MAX_UPLOAD_BYTES); split it or ask the administrator to raise the limit.`,
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('reads a name sent as raw UTF-8 in X-Filename, as curl sends it', async () => {
    const bytes = fixture('plan-2024.html');
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${api.origin}/documents`, { method: 'POST', headers: { authorization: `Bearer ${office.token}`, 'x-filename': Buffer.from('任务分解表.html').toString('latin1') } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject).end(bytes);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).upload).toMatchObject({ filename: '任务分解表.html', format: 'html' });
  });

  it('refuses a request without a name, with an empty body, or with an unknown parameter', async () => {
    const cases: [Response, string][] = [
      [await upload(fixture('plan-2024.docx'), { token: office.token }), 'filename'],
      [await upload('', { token: office.token, filename: 'x.txt' }), 'body'],
      [await upload('x', { token: office.token, filename: 'x.txt', query: '?dryrun=true' }), 'dryrun'],
    ];
    for (const [response, argument] of cases) {
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('is for office roles only: 401 without a credential, 403 for a unit, each refusal audited', async () => {
    const anonymous = await upload(fixture('plan-2024.docx'), { filename: 'plan.docx' });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const byUnit = await upload(fixture('plan-2024.docx'), { token: unit.token, filename: 'plan.docx' });
    expect(byUnit.status).toBe(403);
    expect((await byUnit.json()).errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', action: 'document.upload', rule: 'office-uploads' } });
    const audit = await api.db.dataSource.query(`SELECT decision, rule, account_id FROM audit_log WHERE action = 'document.upload' AND decision = 'REFUSED' ORDER BY id`);
    expect(audit).toEqual([
      { decision: 'REFUSED', rule: 'credential', account_id: null },
      { decision: 'REFUSED', rule: 'office-uploads', account_id: unit.accountId },
    ]);
  });
});
