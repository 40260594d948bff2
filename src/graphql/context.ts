import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Sql, compile } from './sql';

/**
 * Per-request state. Loaders are made here, per request, never at module
 * level: a shared cache would leak one request's rows into another.
 */
export class RequestContext {
  /** Every SQL statement this request ran, in order (read by the SQL-count test). */
  readonly sqlLog: string[] = [];
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs a statement: an Sql value (placeholders numbered here), or text with its parameters. */
  query<T = Record<string, unknown>>(statement: Sql | string, params: unknown[] = []): Promise<T[]> {
    const { text, values } = statement instanceof Sql ? compile(statement) : { text: statement, values: params };
    this.sqlLog.push(text.replace(/\s+/g, ' ').trim());
    return this.dataSource.query(text, values);
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
