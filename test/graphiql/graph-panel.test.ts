import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { type ApiServer, startApiServer } from '../support/api-server';
import { examples, launchChromium, runExample } from '../support/chromium';

const SCREENSHOT = path.join(os.tmpdir(), 'graph-panel.png');

const exampleQuery = (operation: string) => {
  const found = examples.find((e) => new RegExp(`^\\s*query ${operation}\\b`, 'm').test(e.query));
  if (!found) throw new Error(`no example named ${operation}`);
  return found.query;
};

describe('the GraphiQL "Graph" panel in headless Chromium', () => {
  let api: ApiServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    api = await startApiServer();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('draws 凌健’s chain with every leader, unit and task, LEAD and CO edges, and Chinese labels; exports PNG and SVG', async () => {
    // What the picture must hold, counted from the API's own answer to the same query.
    const { data } = await api.gql(exampleQuery('ResponsibilityChain'));
    const chain: { unit: { name: string }; tasks: { id: string }[]; coUnits: { unit: { name: string } }[] }[] = data.leader.chain;
    const units = new Set(chain.flatMap((l) => [l.unit.name, ...l.coUnits.map((c) => c.unit.name)]));
    const tasks = new Set(chain.flatMap((l) => l.tasks.map((t) => t.id)));
    const expectedNodes = 1 + units.size + tasks.size;
    const leadEdges = chain.length + chain.reduce((n, l) => n + l.tasks.length, 0);
    const coEdges = chain.reduce((n, l) => n + l.coUnits.length, 0);
    expect(expectedNodes).toBeGreaterThan(40);

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${api.origin}/graphql`);
    await page.locator('.graphiql-editor .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });

    await runExample(page, 'ResponsibilityChain', /"chain"/);
    await page.locator('.graphiql-sidebar button[aria-label="Show Graph"]').click();
    const canvas = page.locator('[data-testid=graph-canvas]');
    await canvas.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=graph-canvas]')?.dataset.drawnNodes !== undefined);

    // The model and what cytoscape actually drew agree with the answer.
    const dataset = await canvas.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    expect(dataset).toMatchObject({
      nodes: String(expectedNodes),
      edges: String(leadEdges + coEdges),
      drawnNodes: String(expectedNodes),
      drawnEdges: String(leadEdges + coEdges),
      layout: 'breadthfirst',
    });
    const drawn = await canvas.evaluate((el) => {
      const cy = (el as unknown as { cy: any }).cy;
      return {
        kinds: cy.nodes().map((n: any) => n.data('kind')).sort(),
        lead: cy.edges('[role = "LEAD"]').length,
        co: cy.edges('[role = "CO"]').length,
        coStyle: cy.edges('[role = "CO"]').first().style('line-style'),
        leadStyle: cy.edges('[role = "LEAD"]').first().style('line-style'),
        leader: cy.nodes('[kind = "leader"]').map((n: any) => n.data('label')),
        font: cy.nodes().first().style('font-family'),
        leaderPosition: cy.nodes('[kind = "leader"]').first().renderedPosition(),
      };
    });
    expect(drawn.kinds.filter((k: string) => k === 'leader')).toHaveLength(1);
    expect(drawn.kinds.filter((k: string) => k === 'unit')).toHaveLength(units.size);
    expect(drawn.kinds.filter((k: string) => k === 'task')).toHaveLength(tasks.size);
    expect([drawn.lead, drawn.co]).toEqual([leadEdges, coEdges]);
    expect([drawn.leadStyle, drawn.coStyle]).toEqual(['solid', 'dashed']);
    expect(drawn.leader).toEqual(['凌健']);

    // Chinese labels render as glyphs, not tofu: in the labels' font, 凌 and 健
    // must draw differently from each other and from a code point no font has.
    const glyphs = await page.evaluate((font) => {
      const draw = (text: string) => {
        const c = document.createElement('canvas');
        c.width = 64;
        c.height = 64;
        const g = c.getContext('2d')!;
        g.font = `48px ${font}`;
        g.fillText(text, 4, 52);
        return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
      };
      const [ling, jian, none] = [draw('凌'), draw('健'), draw('\u{10FFFD}')];
      return { distinct: ling !== jian, notTofu: ling !== none && jian !== none, inked: /[1-9]/.test(ling) };
    }, drawn.font);
    expect(glyphs).toEqual({ distinct: true, notTofu: true, inked: true });

    // Clicking a node shows its fields.
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + drawn.leaderPosition.x, box.y + drawn.leaderPosition.y);
    await expect(page.locator('[data-testid=graph-fields]').innerText()).resolves.toContain('凌健');

    // Export: a PNG and an SVG holding the Chinese labels as text.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(20_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml|^<svg/);
    expect(svgText).toContain('凌健');
    expect(svgText).toContain('区经济信息委');

    // The picture for the closing note: the panel enlarged over the page.
    await page.getByRole('button', { name: 'Enlarge' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: SCREENSHOT });

    // A path is drawn force-directed, its hops as SHARE edges between units.
    await page.getByRole('button', { name: 'Shrink' }).click();
    await runExample(page, 'UnitPath', /"hops"/);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=graph-canvas]')?.dataset.layout === 'fcose');
    const path2 = await canvas.evaluate((el) => {
      const cy = (el as unknown as { cy: any }).cy;
      return { units: cy.nodes('[kind = "unit"]').map((n: any) => n.data('label')).sort(), share: cy.edges('[role = "SHARE"]').length };
    });
    expect(path2.units).toEqual(['区发展改革委', '区征地事务中心', '区文化旅游委'].sort());
    expect(path2.share).toBe(2);

    // A leader path: the two leaders as leaders (not as units, though they sit under from/to),
    // each tied to its end unit through its tasks, the hops as SHARE edges.
    const leaderPath = (await api.gql(exampleQuery('LeaderPath'))).data.leaderPath;
    await runExample(page, 'LeaderPath', /"leaderPath"/);
    // The UnitPath picture has no leader: wait until the new answer is drawn.
    await page.waitForFunction(() => (document.querySelector('[data-testid=graph-canvas]') as unknown as { cy?: any })?.cy?.nodes('[kind = "leader"]').length === 2);
    const path3 = await canvas.evaluate((el) => {
      const cy = (el as unknown as { cy: any }).cy;
      return {
        leaders: cy.nodes('[kind = "leader"]').map((n: any) => n.data('label')).sort(),
        units: cy.nodes('[kind = "unit"]').map((n: any) => n.data('label')).sort(),
        share: cy.edges('[role = "SHARE"]').length,
        leaderEdges: cy.edges('[role = "LEADER"]').length,
      };
    });
    expect(path3.leaders).toEqual(['凌健', '高波'].sort());
    expect(path3.units).toEqual(leaderPath.units.map((u: { name: string }) => u.name).sort());
    expect(path3.share).toBe(leaderPath.hops.length);
    expect(path3.leaderEdges).toBe(leaderPath.fromTasks.length + leaderPath.toTasks.length);

    // Everything, the lazily loaded graph code included, came from this server.
    expect(requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== api.origin)).toEqual([]);
    expect(requests.some((url) => /\/graphiql\/chunks\/graph-view-[\w-]+\.js$/.test(url))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
