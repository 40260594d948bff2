import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ApiServer, startApiServer } from '../support/api-server';
import { examples, launchChromium, runExample } from '../support/chromium';

/** Screenshots for the closing note (look at them: the assertions measure, the pictures show). */
export const SCREENSHOTS = {
  results: path.join(os.tmpdir(), 'graphiql-1440-results.png'),
  graph: path.join(os.tmpdir(), 'graphiql-1440-graph.png'),
};

/** Monaco's boxes around "unusual" characters, in one editor of the page. */
const highlights = (page: Page, editor: string) => page.locator(`${editor} .unicode-highlight`).count();

/**
 * GraphiQL as an analyst first sees it, on a 1440 px wide screen: what a
 * first-time user reported (boxed Chinese commas in every result, a Graph
 * panel 330 px wide, an enlarged view Escape did not close, tabs running off
 * the edge) is measured here, not only pictured.
 */
describe('GraphiQL at 1440 px in headless Chromium', () => {
  let api: ApiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    api = await startApiServer();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${api.origin}/graphql`);
    await page.locator('.graphiql-editor .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('shows Chinese punctuation in results and in the editors as it is, unboxed', async () => {
    await runExample(page, 'Flagship', /"nodes"/);
    // Monaco draws the highlights a moment after the text.
    await page.waitForTimeout(500);
    const response = (await page.locator('.graphiql-response .view-lines').innerText()).replace(/\u00a0/g, ' ');
    // Task 18's content, on screen: 黄金湾智谷项目招引，引进50家企业以上，降低… (boxed three times before).
    expect(response).toContain('项目招引，引进');
    expect(await highlights(page, '.graphiql-response')).toBe(0);

    // The variables editor: a value with a full-width comma and colon and an ideographic space.
    await page.locator('.graphiql-editor-tools button[data-name=variables]').click();
    const variables = page.locator('section.graphiql-editor-tool[aria-label=Variables] .monaco-editor').first();
    await variables.waitFor();
    await variables.click();
    await page.keyboard.insertText('{ "note": "牵头单位：区商务委，区经济信息委　配合 ZDRW，2024" }');
    await page.waitForTimeout(500);
    expect(await variables.locator('.view-lines').innerText()).toContain('区商务委，区经济信息委');
    expect(await highlights(page, 'section.graphiql-editor-tool')).toBe(0);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.locator('.graphiql-editor-tools button[data-name=variables]').click();

    await page.screenshot({ path: SCREENSHOTS.results });
  });

  it('fits all 12 example tabs with their whole names', async () => {
    const strip = await page.locator('.graphiql-tabs').boundingBox();
    const tabs = await page.locator('.graphiql-tab').evaluateAll((els) =>
      els.map((el) => {
        const button = el.querySelector<HTMLElement>('.graphiql-tab-button')!;
        const box = el.getBoundingClientRect();
        return { name: button.textContent, left: box.left, right: box.right, cut: button.scrollWidth > button.clientWidth };
      }),
    );
    expect(tabs).toHaveLength(examples.length);
    expect(examples.length).toBe(12);
    for (const tab of tabs) {
      expect(tab).toMatchObject({ cut: false });
      expect(tab.left).toBeGreaterThanOrEqual(strip!.x - 0.5);
      expect(tab.right).toBeLessThanOrEqual(strip!.x + strip!.width + 0.5);
    }
  });

  it('opens the Graph panel readable without Enlarge, keeps the active tab in view, and Escape closes the enlarged view', async () => {
    await runExample(page, 'ResponsibilityChain', /"chain"/);
    await page.locator('.graphiql-sidebar button[aria-label="Show Graph"]').click();
    const canvas = page.locator('[data-testid=graph-canvas]');
    await canvas.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=graph-canvas]')?.dataset.drawnNodes !== undefined);
    // The pane widens on the next frame and the drawing refits after it.
    await page.waitForTimeout(1000);

    const seen = await canvas.evaluate((el) => {
      const cy = (el as unknown as { cy: any }).cy;
      const px = (kind: string) => parseFloat(cy.nodes(`[kind = "${kind}"]`).first().style('font-size')) * cy.zoom();
      // Named nodes (leader and units) whose labels cover each other.
      const boxes = cy.nodes('[kind != "task"]').map((n: any) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
      let overlapping = 0;
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping += 1;
        }
      }
      const drawn = cy.elements().renderedBoundingBox();
      return { width: el.getBoundingClientRect().width, nodes: cy.nodes().length, leader: px('leader'), unit: px('unit'), task: px('task'), overlapping, named: boxes.length, drawnWidth: drawn.w };
    });
    // Was: a 330 px canvas, the chain at zoom 0.5, unit names drawn 5.5 px high.
    expect(seen.nodes).toBeGreaterThan(60);
    expect(seen.width).toBeGreaterThanOrEqual(600);
    expect(seen.drawnWidth).toBeGreaterThanOrEqual(0.8 * seen.width);
    expect(seen.unit).toBeGreaterThanOrEqual(11);
    expect(seen.leader).toBeGreaterThanOrEqual(13);
    expect(seen.task).toBeGreaterThanOrEqual(9);
    expect(seen.overlapping).toBeLessThanOrEqual(2);

    // The editors' tab strip is narrower now: it scrolls (with a scrollbar), the active tab in view.
    const strip = await page.locator('.graphiql-tabs').evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      scrollbar: getComputedStyle(el).scrollbarWidth,
      left: el.getBoundingClientRect().left,
      right: el.getBoundingClientRect().right,
    }));
    const active = (await page.locator('.graphiql-tab-active').boundingBox())!;
    expect(strip).toMatchObject({ scrolls: true, scrollbar: 'thin' });
    expect(active.x).toBeGreaterThanOrEqual(strip.left - 0.5);
    expect(active.x + active.width).toBeLessThanOrEqual(strip.right + 0.5);
    expect(await page.locator('.graphiql-tab-active').innerText()).toBe('ResponsibilityChain');
    await page.screenshot({ path: SCREENSHOTS.graph });

    // Enlarge, then Escape.
    await page.getByRole('button', { name: 'Enlarge' }).click();
    await expect(page.locator('.duban-graph--large').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.duban-graph--large'), undefined, { timeout: 5000 });
    await expect(page.getByRole('button', { name: 'Enlarge' }).count()).resolves.toBe(1);

    // The documentation explorer gets its own (narrower) width back.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    expect((await page.locator('.graphiql-plugin').boundingBox())!.width).toBeLessThan(450);
    expect(problems).toEqual([]);
  });
});
