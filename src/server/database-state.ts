import type { Logger } from 'pino';

/**
 * Whether PostgreSQL answered lately. An outage is logged once when it starts
 * and once when it ends (with its length), not once per failing request.
 */
export class DatabaseState {
  private downSince: number | null = null;

  constructor(private readonly log: Logger) {}

  get reachable(): boolean {
    return this.downSince === null;
  }

  down(reason: string): void {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.log.error({ event: 'database_down', reason }, `database unreachable: ${reason}`);
  }

  up(): void {
    if (this.downSince === null) return;
    const ms = Date.now() - this.downSince;
    this.downSince = null;
    this.log.warn({ event: 'database_up', outageMs: ms }, `database reachable again after ${ms} ms`);
  }
}
