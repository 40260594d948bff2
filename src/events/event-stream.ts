import type { DataSource } from 'typeorm';
import type { Principal } from '../graphql/principal';
import { EventHub } from './event-hub';
import { type EventFilter, MAX_EVENTS_PAGE, matchesFilter, readEvents } from './event-query';
import type { EventRow } from './event-row';
import { mayReadEvent } from './event-visibility';

/**
 * A subscriber's events: the log after `after` (read in pages, filtered in
 * SQL), then live ones from the process's hub (filtered by the same policy
 * decision in memory), each once and in number order.
 *
 * The hub is subscribed to before the log is read, so nothing committed
 * meanwhile falls between the two: an event both read and queued is
 * passed over by number.
 */
export async function* eventStream(dataSource: DataSource, principal: Principal, after: number | null, filter: EventFilter): AsyncGenerator<EventRow> {
  const hub = EventHub.of(dataSource);
  await hub.start();
  const queue: EventRow[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = hub.subscribe((rows) => {
    for (const row of rows) if (matchesFilter(row, filter) && mayReadEvent(principal, row)) queue.push(row);
    wake?.();
  });
  try {
    let cursor: number;
    if (after === null) {
      const [{ max }] = await dataSource.query(`SELECT coalesce(max(id), 0)::text AS max FROM event`);
      cursor = Number(max);
    } else {
      cursor = after;
      for (;;) {
        const rows = await readEvents(dataSource, principal, cursor, MAX_EVENTS_PAGE, filter);
        for (const row of rows) {
          cursor = Number(row.id);
          yield row;
        }
        if (rows.length < MAX_EVENTS_PAGE) break;
      }
    }
    for (;;) {
      while (queue.length) {
        const row = queue.shift()!;
        if (Number(row.id) <= cursor) continue;
        cursor = Number(row.id);
        yield row;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}
