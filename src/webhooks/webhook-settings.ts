/**
 * How webhooks are delivered (README "Webhooks"), from the environment.
 * Tests shorten the delays; the defaults suit a receiver that is down for
 * a deploy (8 tries over about 64 minutes).
 */
export interface WebhookSettings {
  /** Tries before a delivery is dead-lettered (DUBAN_WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it (DUBAN_WEBHOOK_BACKOFF_MS). */
  backoffBaseMs: number;
  /** How long a receiver may take to answer (DUBAN_WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** How often a worker asks the queue for due jobs (DUBAN_QUEUE_POLL_MS, at least 500: pg-boss's floor). */
  pollMs: number;
  /** How often pg-boss looks for jobs of a crashed process (DUBAN_QUEUE_MAINTENANCE_S, at least 1). */
  maintenanceSeconds: number;
}

export const DEFAULT_WEBHOOKS: WebhookSettings = { maxAttempts: 8, backoffBaseMs: 30_000, timeoutMs: 10_000, pollMs: 500, maintenanceSeconds: 30 };

export function webhooksFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const number = (name: string, fallback: number, min: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number of at least ${min} (got "${text}").`);
    return value;
  };
  return {
    maxAttempts: number('DUBAN_WEBHOOK_MAX_ATTEMPTS', DEFAULT_WEBHOOKS.maxAttempts, 1),
    backoffBaseMs: number('DUBAN_WEBHOOK_BACKOFF_MS', DEFAULT_WEBHOOKS.backoffBaseMs, 0),
    timeoutMs: number('DUBAN_WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOKS.timeoutMs, 100),
    pollMs: number('DUBAN_QUEUE_POLL_MS', DEFAULT_WEBHOOKS.pollMs, 500),
    maintenanceSeconds: number('DUBAN_QUEUE_MAINTENANCE_S', DEFAULT_WEBHOOKS.maintenanceSeconds, 1),
  };
}

/** The delay before try `attempt + 1` after try `attempt` failed: base, 2×base, 4×base … */
export function backoffMs(settings: WebhookSettings, attempt: number): number {
  return settings.backoffBaseMs * 2 ** (attempt - 1);
}

/**
 * How long a job may stay active before pg-boss hands it to another worker:
 * the receiver's timeout and a margin. A process killed mid-delivery leaves
 * its job active; after this (and the next maintenance pass) another
 * process runs it. Whole seconds (pg-boss's unit), at least 1.
 */
export function expireSeconds(settings: WebhookSettings): number {
  return Math.max(1, Math.ceil(settings.timeoutMs / 1000) + 1);
}
