import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_WEBHOOKS, backoffMs, expireSeconds, webhooksFromEnv } from '../../src/webhooks/webhook-settings';

const read = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8');

describe('webhook settings', () => {
  it('read from their variables, malformed values refused by name; docker-compose and the README carry the defaults', () => {
    expect(webhooksFromEnv({})).toEqual(DEFAULT_WEBHOOKS);
    expect(webhooksFromEnv({ DUBAN_WEBHOOK_MAX_ATTEMPTS: '3', DUBAN_WEBHOOK_BACKOFF_MS: '250' })).toMatchObject({ maxAttempts: 3, backoffBaseMs: 250 });
    expect(() => webhooksFromEnv({ DUBAN_QUEUE_POLL_MS: '100' })).toThrow('DUBAN_QUEUE_POLL_MS must be a number of at least 500 (got "100").');
    expect(() => webhooksFromEnv({ DUBAN_WEBHOOK_MAX_ATTEMPTS: 'many' })).toThrow('DUBAN_WEBHOOK_MAX_ATTEMPTS must be a number of at least 1 (got "many").');
    const compose = read('docker-compose.yml');
    const readme = read('README.md');
    for (const [name, value] of [
      ['DUBAN_WEBHOOK_MAX_ATTEMPTS', DEFAULT_WEBHOOKS.maxAttempts],
      ['DUBAN_WEBHOOK_BACKOFF_MS', DEFAULT_WEBHOOKS.backoffBaseMs],
      ['DUBAN_WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOKS.timeoutMs],
      ['DUBAN_QUEUE_POLL_MS', DEFAULT_WEBHOOKS.pollMs],
      ['DUBAN_QUEUE_MAINTENANCE_S', DEFAULT_WEBHOOKS.maintenanceSeconds],
    ] as const) {
      expect(compose).toContain(`${name}: \${${name}:-${value}}`);
      expect(readme.split('\n').find((line) => line.includes(`\`${name}\``))).toContain(String(value));
    }
  });

  it('the documented schedule: 30 s, then doubling; 8 tries span about 64 minutes; a job of a dead process is handed on after the timeout + 1 s', () => {
    const delays = Array.from({ length: DEFAULT_WEBHOOKS.maxAttempts - 1 }, (_, i) => backoffMs(DEFAULT_WEBHOOKS, i + 1));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(Math.round(delays.reduce((a, b) => a + b, 0) / 60_000)).toBe(64);
    expect(expireSeconds(DEFAULT_WEBHOOKS)).toBe(11);
    expect(expireSeconds({ ...DEFAULT_WEBHOOKS, timeoutMs: 400 })).toBe(2);
  });
});
