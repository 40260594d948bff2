import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type Compiled, Sql, compile } from '../sql/sql';
import { ANONYMOUS, type Principal, type RequestOrigin } from './principal';
import { MAX_PREPARED_SHAPES, runStatement } from '../sql/statement';

/**
 * Per-request state. Loaders are made here, per request, never at module
 * level: a shared cache would leak one request's rows into another.
 */
export class RequestContext {
  /** Every SQL statement this request ran, in order, as sent (the log counts them; `sqlLines` shows them). */
  readonly sqlLog: string[] = [];
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly fetched = new Map<string, Map<unknown, unknown>>();

  constructor(
    // Public for caches that outlive a request and must be kept per database (src/graph/graph-cache.ts).
    readonly dataSource: DataSource,
    /** Who is asking (src/auth/authenticate.ts); anonymous unless the request proved otherwise. */
    readonly principal: Principal = ANONYMOUS,
    /** Request id and client address, for the audit trail. */
    readonly origin: RequestOrigin = { requestId: null, clientAddress: null },
  ) {}

  /**
   * Runs a statement: an Sql value (placeholders numbered here), one compiled
   * earlier (memoised per operation, see operation-memo.ts), or text with its parameters.
   */
  query<T = Record<string, unknown>>(statement: Sql | Compiled | string, params: unknown[] = []): Promise<T[]> {
    const compiled = statement instanceof Sql ? compile(statement) : typeof statement === 'string' ? { text: statement, values: params } : statement;
    this.sqlLog.push(compiled.text);
    return runStatement<T>(this.dataSource, compiled);
  }

  /** The statements run so far, each on one line (the SQL-count test's `extensions.sql`). */
  sqlLines(): string[] {
    return this.sqlLog.map(logText);
  }

  /**
   * The request's DataLoader for `name` (which must include any arguments
   * that change the batch query), made on first use.
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * Primes loader `name` with a value a statement already fetched, and keeps
   * it readable synchronously (`fetchedValue`): a field resolver that returns
   * such a value as it is, instead of the loader's promise, lets graphql-js
   * complete the field without a promise and a microtask per object — the
   * bulk of the three-level query's execution time (700 tasks × 3 relations).
   */
  primeFetched<K, V>(name: string, loader: DataLoader<K, V>, key: K, value: V): void {
    loader.prime(key, value);
    let values = this.fetched.get(name);
    if (!values) this.fetched.set(name, (values = new Map()));
    values.set(key, value);
  }

  /** A value primeFetched kept for loader `name`, or undefined. */
  fetchedValue<K, V>(name: string, key: K): V | undefined {
    return this.fetched.get(name)?.get(key) as V | undefined;
  }
}

const logTexts = new Map<string, string>();

/** The statement on one line; memoised (a few hundred shapes at most, see MAX_PREPARED_SHAPES). */
function logText(text: string): string {
  let line = logTexts.get(text);
  if (line === undefined) {
    line = text.replace(/\s+/g, ' ').trim();
    if (logTexts.size < MAX_PREPARED_SHAPES) logTexts.set(text, line);
  }
  return line;
}

/** Groups rows by a key in the order of `keys`: the shape a DataLoader batch must return. */
export function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** One mapped row per key in key order, or an Error naming the missing key. */
export function byKey<K, R, V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, what: string, map: (row: R) => V): (V | Error)[] {
  const found = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => {
    const row = found.get(k);
    return row === undefined ? new Error(`${what} ${String(k)} not found`) : map(row);
  });
}
