import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Browser, Locator } from 'playwright-core';
import { graphiqlRouter } from '../../src/server/graphiql';
import { startApiServer } from '../support/api-server';
import { examples, launchChromium } from '../support/chromium';


interface RunningServer {
  /** e.g. http://127.0.0.1:41234 — the only origin the page may talk to. */
  origin: string;
  stop(): Promise<void>;
}

/** The real API over HTTP, seeded from seeds/ by the real importer. */
async function startServer(): Promise<RunningServer> {
  const api = await startApiServer();
  return { origin: api.origin, stop: () => api.stop() };
}

/** Monaco renders spaces as no-break spaces. */
const visibleText = async (locator: Locator) => (await locator.innerText()).replace(/\u00a0/g, ' ');
/** GraphiQL names each tab after the query's operation. */
const operationName = (query: string) => /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1];

describe('GraphiQL in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers JSON clients on GET /graphql itself, and sends browsers the page', async () => {
    const page = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>duban — GraphiQL</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Only root-relative asset references: nothing absolute, nothing protocol-relative.
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/graphiql\/|data:)/);

    const api = await fetch(`${server.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html, application/json;q=0.9', 'apollo-require-preflight': 'true' },
    });
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('runs the flagship query from the page without any request leaving the origin', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });

    await page.goto(`${server.origin}/graphql`);
    await expect(page.title()).resolves.toBe('duban — GraphiQL');

    // One tab per example, flagship first and active.
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    expect(await tabs.allInnerTexts()).toEqual(examples.map((e) => operationName(e.query)));
    expect(await page.locator('.graphiql-tab-active').innerText()).toBe('Flagship');

    const queryEditor = page.locator('.graphiql-editor .monaco-editor').first();
    await queryEditor.locator('.view-lines').waitFor({ timeout: 30_000 });
    expect(await visibleText(queryEditor.locator('.view-lines'))).toContain('query Flagship');

    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    await page.waitForFunction(
      () => /"nodes"/.test(document.querySelector('.graphiql-response .view-lines')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    const text = await visibleText(response);
    expect(text).toContain('"totalCount"');
    expect(text).toContain('"nodes"');
    expect(text).not.toContain('"errors"');

    // Chinese must render as glyphs, not as the missing-glyph box (no CJK font
    // installed: every character is the same .notdef box). Draw two Chinese
    // characters and a private-use character that no font has, in the font the
    // results pane uses, and compare the pixels.
    const glyphs = await page.evaluate(() => {
      const font = getComputedStyle(document.querySelector('.graphiql-response .view-lines') ?? document.body).fontFamily;
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const g = canvas.getContext('2d')!;
      const draw = (text: string) => {
        g.clearRect(0, 0, 48, 48);
        g.font = `32px ${font}`;
        g.fillStyle = '#000';
        g.fillText(text, 4, 36);
        return Array.from(g.getImageData(0, 0, 48, 48).data).join(',');
      };
      const [du, ban, missing] = [draw('督'), draw('办'), draw('\uE000')];
      return { font, distinct: du !== ban, notBox: du !== missing && ban !== missing };
    });
    expect(glyphs).toMatchObject({ distinct: true, notBox: true });

    // Give Monaco's workers and lazy chunks a moment to issue anything late.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(os.tmpdir(), 'graphiql.png') });

    const offsite = requests.filter((url) => {
      if (/^(data|blob):/.test(url)) return false; // in-page, never on the network
      return new URL(url).origin !== server.origin;
    });
    expect(offsite).toEqual([]);
    // The app, its stylesheet and the three Monaco workers came from this server.
    for (const asset of ['app.js', 'app.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect(requests).toContain(`${server.origin}/graphiql/${asset}`);
    }
    // The page's CSP blocks other origins before any request event fires; such
    // an attempt shows up here as a console error instead.
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('graphiqlRouter without a built bundle', () => {
  it('answers 503 with the command to run, and leaves GraphQL requests alone', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-graphiql-'));
    const app = express();
    app.use(graphiqlRouter(emptyDir));
    app.use((_req, res) => res.status(418).end());
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const url of [`${base}/graphql`, `${base}/graphiql/app.js`]) {
        const res = await fetch(url, { headers: { accept: 'text/html' } });
        expect(res.status).toBe(503);
        expect(await res.text()).toContain('npm run build:graphiql');
      }
      expect((await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } })).status).toBe(418);
      expect((await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { accept: 'text/html' } })).status).toBe(418);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
