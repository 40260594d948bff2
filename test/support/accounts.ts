import type { DataSource } from 'typeorm';
import { AccountRole } from '../../src/auth/account-role';
import { createAccount, createApiKey } from '../../src/auth/account.mutations';
import { RequestContext } from '../../src/graphql/context';
import { shellPrincipal } from '../../src/graphql/principal';

export interface TestKey {
  accountId: number;
  token: string;
  prefix: string;
}

/**
 * An account and its API key, made the way `npm run keys -- create` makes
 * them (the mutation pipeline, as the shell), bound to a unit or leader by name.
 */
export async function makeKey(
  dataSource: DataSource,
  role: AccountRole,
  options: { name?: string; unit?: string; leader?: string; jurisdiction?: string; expiresAt?: Date } = {},
): Promise<TestKey> {
  const ctx = new RequestContext(dataSource, shellPrincipal('test'));
  const unitId = options.unit ? (await dataSource.query(`SELECT id FROM unit WHERE name = $1`, [options.unit]))[0].id : null;
  const leaderId = options.leader ? (await dataSource.query(`SELECT id FROM leader WHERE name = $1`, [options.leader]))[0].id : null;
  const account = await createAccount(ctx, { name: options.name ?? `${role} ${options.unit ?? options.leader ?? ''}`.trim(), role, unitId, leaderId, jurisdiction: options.jurisdiction });
  if (account.userErrors.length) throw new Error(account.userErrors.map((e) => e.message).join('; '));
  const key = await createApiKey(ctx, { accountId: account.accountId!, expiresAt: options.expiresAt });
  if (key.userErrors.length) throw new Error(key.userErrors.map((e) => e.message).join('; '));
  return { accountId: account.accountId!, token: key.token!, prefix: key.token!.slice(6, 14) };
}

export { AccountRole };
