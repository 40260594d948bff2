import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const PUBLIC_DIR = path.join(ROOT, 'public/graphiql');
const CHROMIUM = '/usr/bin/chromium';

/** The GraphiQL examples (src/graphiql/examples.json), as the page preloads them. */
export const examples: Array<{ title: string; query: string }> = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/graphiql/examples.json'), 'utf8'));

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
