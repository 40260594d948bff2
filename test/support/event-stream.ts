import { createClient } from 'graphql-sse';

export interface EventSubscription<T> {
  /** Everything received so far (data, or errors). */
  received: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Resolves when `predicate` holds for what was received (rejects after `timeoutMs`, naming what came). */
  until(predicate: (received: EventSubscription<T>['received']) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the stream ended (an error answer, or the server closed it). */
  ended: Promise<void>;
  close(): void;
}

/**
 * A GraphQL subscription over /graphql/stream with graphql-sse's own client,
 * as the web UI would open it: a real HTTP stream, no shortcut.
 */
export function subscribe<T = any>(origin: string, query: string, variables: Record<string, unknown> = {}, token?: string): EventSubscription<T> {
  const client = createClient({
    url: `${origin}/graphql/stream`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    fetchFn: fetch,
  });
  const received: EventSubscription<T>['received'] = [];
  const waiters = new Set<() => void>();
  let failure: unknown;
  const ended = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          received.push(value as never);
          waiters.forEach((w) => w());
        },
        error: (error) => {
          failure = error;
          waiters.forEach((w) => w());
          resolve();
        },
        complete: () => {
          waiters.forEach((w) => w());
          resolve();
        },
      },
    );
  });
  return {
    received,
    ended,
    until(predicate, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate(received)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          } else if (failure !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the stream failed: ${String((failure as Error)?.message ?? JSON.stringify(failure))}; received ${JSON.stringify(received)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received ${JSON.stringify(received)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => client.dispose(),
  };
}
