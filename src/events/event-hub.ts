import createSubscriber, { type Subscriber } from 'pg-listen';
import type { DataSource } from 'typeorm';
import { EVENT_CHANNEL } from './event-log';
import { EVENT_COLUMNS, type EventRow } from './event-row';

type Listener = (rows: EventRow[]) => void;

/** Rows read per statement when catching up; a burst larger than this is read in several. */
const BATCH = 1000;

/**
 * One per process and database: the fan-out of new events to this process's
 * subscribers (GraphQL subscriptions, the webhook relay).
 *
 * PostgreSQL carries only the event number (LISTEN/NOTIFY, payloads capped at
 * 8,000 bytes); on each notification the hub reads every event after the
 * last one it read, once for all its subscribers, in number order. Reading
 * "after the last" rather than "the one notified" means a notification lost
 * while the listening connection was down costs nothing: the next one, or
 * the reconnect, reads what was missed. Events are committed in number order
 * (event-log.ts), so "after the last" never skips one committed late.
 */
export class EventHub {
  private static readonly hubs = new WeakMap<DataSource, EventHub>();

  /** The hub of this database, started on first use. */
  static of(dataSource: DataSource): EventHub {
    let hub = EventHub.hubs.get(dataSource);
    if (!hub) EventHub.hubs.set(dataSource, (hub = new EventHub(dataSource)));
    return hub;
  }

  private readonly listeners = new Set<Listener>();
  private subscriber: Subscriber | undefined;
  private started: Promise<void> | undefined;
  private last = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private closed = false;

  private constructor(private readonly dataSource: DataSource) {}

  /** Starts listening (once); resolves when LISTEN is in place, so every event committed after it is seen. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const options = this.dataSource.options as { url?: string };
      this.subscriber = createSubscriber({ connectionString: options.url, application_name: 'duban-events' }, { retryTimeout: Infinity, retryLimit: Infinity, paranoidChecking: 10_000 });
      this.subscriber.notifications.on(EVENT_CHANNEL, () => this.pump());
      // After a reconnect, read what was committed while the connection was down.
      this.subscriber.events.on('connected', () => this.pump());
      this.subscriber.events.on('error', () => undefined);
      const [{ max }] = await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS max FROM event`);
      this.last = Number(max);
      await this.subscriber.connect();
      await this.subscriber.listenTo(EVENT_CHANNEL);
      // Events committed between reading max(id) and LISTEN: read them now.
      this.pump();
    })();
    return this.started;
  }

  /** Calls `listener` with each batch of new events, in number order, until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The highest event number this process has read. */
  get lastRead(): number {
    return this.last;
  }

  /** Reads the events after the last one read; one read at a time, again if notified meanwhile. */
  private pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = (async () => {
      do {
        this.again = false;
        for (;;) {
          const rows: EventRow[] = await this.dataSource.query(`SELECT ${EVENT_COLUMNS} FROM event WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [this.last]);
          if (!rows.length) break;
          this.last = Number(rows[rows.length - 1].id);
          for (const listener of this.listeners) listener(rows);
          if (rows.length < BATCH) break;
        }
      } while (this.again && !this.closed);
    })()
      .catch(() => {
        // The database is unreachable: the next notification or reconnect reads again from `last`.
      })
      .finally(() => {
        this.pumping = undefined;
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    EventHub.hubs.delete(this.dataSource);
    await this.pumping;
    await this.subscriber?.close().catch(() => undefined);
  }
}
