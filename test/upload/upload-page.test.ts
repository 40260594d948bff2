import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AccountRole, makeKey, type TestKey } from '../support/accounts';
import { type ApiServer, startApiServer } from '../support/api-server';
import { ROOT, launchChromium } from '../support/chromium';

const FORMATS = path.join(__dirname, '..', 'fixtures', 'formats');
const SCREENSHOT = path.join(os.tmpdir(), 'duban-upload-page.png');

describe('the upload page (/upload) in headless Chromium', () => {
  let api: ApiServer;
  let browser: Browser;
  let office: TestKey;
  let seedPlanId: string;

  beforeAll(async () => {
    // The page is part of the GraphiQL bundle: build it if its sources changed (what `npm test`'s pretest does).
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-if-changed.js'), '--only=graphiql'], { cwd: ROOT, stdio: 'ignore' });
    browser = await launchChromium();
    api = await startApiServer();
    office = await makeKey(api.db.dataSource, AccountRole.OFFICE, { name: '督查办' });
    const plans = await api.gql(`{ plans { year documents { id kind } } }`);
    seedPlanId = plans.data.plans.find((p: { year: number }) => p.year === 2024).documents.find((d: { kind: string }) => d.kind === 'PLAN').id;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function openPage(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
    const requests: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      // The refused upload's 400 is logged by Chromium as a failed resource: that one is expected.
      if (msg.type() === 'error' && !/status of 400/.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    const response = await page.goto(`${api.origin}/upload`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page.title()).resolves.toBe('duban — 上传文件');
    await page.locator('#api-key').fill(office.token);
    return { page, requests, problems };
  }

  it('uploads a Word plan, shows its preview, and confirms it as a correction of the seeded plan', async () => {
    const { page, requests, problems } = await openPage();
    await page.locator('#file').setInputFiles(path.join(FORMATS, 'plan-2024.docx'));
    await page.locator('#preview').click();
    await page.locator('#preview-result').waitFor({ timeout: 30_000 });
    expect(await page.locator('#task-count').innerText()).toBe('144 项（预期目标 8，重点工作任务 136）');
    expect(await page.locator('#preview-title').innerText()).toMatch(/2024年区政府工作报告/);

    // Without `supersedes` the importer refuses a second version of the 2024 plan; the page says why.
    await page.locator('#confirm').click();
    await page.locator('#result.problems').waitFor({ timeout: 30_000 });
    expect(await page.locator('#result').innerText()).toMatch(/CONFLICT plan-2024\.docx: a different version of this 2024 plan is already imported/);

    await page.locator('#supersedes').fill(seedPlanId);
    await page.locator('#confirm').click();
    await page.locator('#result.done').waitFor({ timeout: 30_000 });
    expect(await page.locator('#imported').innerText()).toMatch(/2024年区政府工作报告/);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Imported for real: the plan's current document is the uploaded one, the seed's is superseded.
    const { data } = await api.gql(`query ($id: ID!) { node(id: $id) { ... on Document { supersededBy { file { filename format } } } } }`, { id: seedPlanId });
    expect(data.node.supersededBy.file).toEqual({ filename: 'plan-2024.docx', format: 'docx' });
    expect(requests.filter((url) => !url.startsWith(api.origin))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lists every problem of a refused document with its place', async () => {
    const { page, problems } = await openPage();
    await page.locator('#file').setInputFiles(path.join(FORMATS, 'bad', 'bad-number.docx'));
    await page.locator('#preview').click();
    await page.locator('#problems').waitFor({ timeout: 30_000 });
    const items = await page.locator('#problems li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    // Each with its place as the importer names it: the file, the paragraph or table, the row (序号) and the column.
    for (const item of items) expect(item).toMatch(/^bad-number\.docx\S* \(.*row \d+.*\) /);
    expect(await page.locator('#confirm').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('without a key the upload is refused and the page says so', async () => {
    const { page } = await openPage();
    await page.locator('#api-key').fill('');
    await page.locator('#file').setInputFiles(path.join(FORMATS, 'plan-2024.html'));
    await page.locator('#preview').click();
    await page.locator('#problems').waitFor({ timeout: 30_000 });
    expect(await page.locator('#problems').innerText()).toMatch(/UNAUTHENTICATED document\.upload needs a credential/);
  });
});
