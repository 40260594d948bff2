import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const PUBLIC_DIR = path.join(ROOT, 'public/graphiql');
const CHROMIUM = '/usr/bin/chromium';

/** The GraphiQL examples (src/web/examples.json), as the page preloads them. */
export const examples: Array<{ title: string; query: string }> = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/web/examples.json'), 'utf8'));

/**
 * Debian's headless Chromium (`npx playwright install` needs the internet),
 * after making sure the GraphiQL bundle exists. launch() gives Chromium a
 * fresh temporary profile (it rejects --user-data-dir); the flags keep it from
 * calling home, which this closed network refuses many times a second.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`npm run ensure:chromium\``);
  if (!fs.existsSync(path.join(PUBLIC_DIR, 'index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-graphiql.js')], { cwd: ROOT, stdio: 'inherit' });
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens an example tab and runs it. The click is dispatched on the tab's
 * button: GraphiQL's tab strip is a drag-to-reorder list that swallows
 * headless mouse presses unpredictably (a zero-length press always, the first
 * press after load often), which would make this test flaky, not stricter.
 */
export async function runExample(page: Page, operation: string, expectInResponse: RegExp) {
  await page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${operation}$`) }).dispatchEvent('click');
  await page.waitForFunction((name) => document.querySelector('.graphiql-tab-active .graphiql-tab-button')?.textContent === name, operation);
  // The editor takes the tab's text a moment later; executing before that runs the previous tab's query.
  await page.waitForFunction(
    (name) => (document.querySelector('.graphiql-editor .monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(`query ${name}`),
    operation,
    { timeout: 30_000 },
  );
  // GraphiQL re-reads the operation (its name) 100 ms after the editor changes; running
  // before that sends the new text with the old tab's operation name (a 400).
  await page.waitForTimeout(1500);
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.graphiql-response .view-lines')?.textContent ?? ''),
    expectInResponse.source,
    { timeout: 30_000 },
  );
}
