import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../graphql/context';
import { sql } from '../sql/sql';
import { type Payload, runMutation } from '../mutation/run-mutation';
import { UserErrorCode, userError, type UserError } from '../mutation/user-error.type';
import { versionedUpdate } from '../mutation/versioned-update';
import { AccountRole } from './account-role';
import { ACCOUNT_SELECT, API_KEY_SELECT, type AccountRow, type ApiKeyRow } from './account.type';
import { newApiKey } from './api-key-token';
import { accountRelations } from './relations';
import { forgetCredentials } from './authenticate';

/**
 * Account and key changes, one spec each for the mutation pipeline
 * (run-mutation.ts). The GraphQL mutations and `npm run keys` both call
 * these, so the shell is held to the same policy and audit trail.
 */

export const MAX_NAME_LENGTH = 200;

export interface NewAccount {
  name: string;
  role: AccountRole;
  unitId?: number | null;
  leaderId?: number | null;
  jurisdiction?: string | null;
  oidcSubject?: string | null;
  idempotencyKey?: string | null;
}

export interface AccountPayload extends Payload {
  accountId: number | null;
}

const ANYTHING = { ids: {}, relations: new Set(['ANY'] as const) };

export function createAccount(ctx: RequestContext, input: NewAccount): Promise<AccountPayload> {
  return runMutation<AccountPayload>(ctx, {
    name: 'createAccount',
    action: 'account.manage',
    input,
    target: async () => ANYTHING,
    run: async (tx) => {
      const errors = [...nameErrors(input.name), ...bindingErrors(input)];
      const jurisdictionId = input.jurisdiction ? await jurisdictionIdOf(tx, input.jurisdiction) : null;
      if (input.jurisdiction && jurisdictionId === null) errors.push(userError(UserErrorCode.NOT_FOUND, `There is no jurisdiction ${input.jurisdiction}.`, 'jurisdiction'));
      if (errors.length) return { userErrors: errors };
      const [row]: AccountRow[] = await tx.query(
        `INSERT INTO account (name, role, unit_id, leader_id, jurisdiction_id, oidc_subject) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, name, role, unit_id, leader_id, jurisdiction_id, oidc_subject, disabled, version, created_at`,
        [input.name.trim(), input.role, input.unitId ?? null, input.leaderId ?? null, jurisdictionId, input.oidcSubject || null],
      );
      return { payload: { accountId: row.id }, target: { account: row.id }, after: row };
    },
  });
}

export interface AccountChange {
  id: number;
  expectedVersion: number;
  name?: string | null;
  disabled?: boolean | null;
  oidcSubject?: string | null;
  idempotencyKey?: string | null;
}

export async function updateAccount(ctx: RequestContext, input: AccountChange): Promise<AccountPayload> {
  const payload = await changeAccount(ctx, input);
  // Disabled, or bound to another subject: every cached credential of this process is read again.
  if (!payload.userErrors.length) forgetCredentials(ctx.dataSource);
  return payload;
}

function changeAccount(ctx: RequestContext, input: AccountChange): Promise<AccountPayload> {
  return runMutation<AccountPayload>(ctx, {
    name: 'updateAccount',
    action: 'account.manage',
    input,
    target: async () => ({ ids: { account: input.id }, relations: accountRelations(ctx.principal, input.id) }),
    run: async (tx) => {
      const errors = input.name != null ? nameErrors(input.name) : [];
      if (errors.length) return { userErrors: errors };
      const [before]: AccountRow[] = await tx.query(`${ACCOUNT_SELECT} WHERE id = $1`, [input.id]);
      const sets = [
        input.name != null ? sql`name = ${sql.value(input.name.trim())}` : null,
        input.disabled != null ? sql`disabled = ${sql.value(input.disabled)}` : null,
        input.oidcSubject != null ? sql`oidc_subject = ${sql.value(input.oidcSubject || null, 'text')}` : null,
      ].filter((s) => s !== null);
      const updated = await versionedUpdate<AccountRow>(tx, 'account', input.id, input.expectedVersion, sets.length ? sql.join(sets, ', ') : sql`name = name`);
      if ('userErrors' in updated) return updated;
      return { payload: { accountId: input.id }, target: { account: input.id }, before, after: updated.row };
    },
  });
}

export interface ApiKeyPayload extends Payload {
  apiKeyId: number | null;
  /** The key itself: in the first answer only, never stored. */
  token: string | null;
}

export function createApiKey(ctx: RequestContext, input: { accountId: number; expiresAt?: Date | null; idempotencyKey?: string | null }): Promise<ApiKeyPayload> {
  const sent = { ...input, expiresAt: input.expiresAt?.toISOString() ?? null };
  return runMutation<ApiKeyPayload>(ctx, {
    name: 'createApiKey',
    action: 'account.manage',
    input: sent,
    target: async () => ({ ids: { account: input.accountId }, relations: accountRelations(ctx.principal, input.accountId) }),
    run: async (tx) => {
      if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
        return { userErrors: [userError(UserErrorCode.INVALID, `expiresAt ${input.expiresAt.toISOString()} is not in the future.`, 'expiresAt')] };
      }
      const [account] = await tx.query(`SELECT id FROM account WHERE id = $1`, [input.accountId]);
      if (!account) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no account ${input.accountId}.`, 'account')] };
      const key = newApiKey();
      const [row]: ApiKeyRow[] = await tx.query(
        `INSERT INTO api_key (account_id, prefix, secret_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id, account_id, prefix, created_at, expires_at, revoked_at`,
        [input.accountId, key.prefix, key.secretHash, input.expiresAt ?? null],
      );
      return { payload: { apiKeyId: row.id, token: key.token }, target: { account: input.accountId, apiKey: row.id }, after: row };
    },
    stored: (payload) => ({ ...payload, token: null }),
  });
}

export async function revokeApiKey(ctx: RequestContext, input: { prefix: string; idempotencyKey?: string | null }): Promise<ApiKeyPayload> {
  const payload = await revokeKey(ctx, input);
  // After the commit: a request in between would otherwise cache the key as it was.
  forgetCredentials(ctx.dataSource, input.prefix);
  return payload;
}

function revokeKey(ctx: RequestContext, input: { prefix: string; idempotencyKey?: string | null }): Promise<ApiKeyPayload> {
  let key: ApiKeyRow | undefined;
  return runMutation<ApiKeyPayload>(ctx, {
    name: 'revokeApiKey',
    action: 'key.revoke',
    input,
    target: async (tx) => {
      [key] = await tx.query(`${API_KEY_SELECT} WHERE prefix = $1 FOR UPDATE`, [input.prefix]);
      // An unknown prefix is judged like another account's key, so a refusal tells nobody which prefixes exist.
      return { ids: { apiKey: key?.id ?? null, prefix: input.prefix }, relations: key ? accountRelations(ctx.principal, key.account_id) : new Set(['ANY']) };
    },
    run: async (tx) => {
      if (!key) return { userErrors: [userError(UserErrorCode.NOT_FOUND, `There is no API key ${input.prefix}.`, 'prefix')] };
      if (key.revoked_at) return { userErrors: [userError(UserErrorCode.ALREADY_DONE, `The API key ${input.prefix} was already revoked at ${new Date(key.revoked_at).toISOString()}.`, 'prefix')] };
      // A CTE, so TypeORM returns the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
      const [after]: ApiKeyRow[] = await tx.query(
        `WITH revoked AS (UPDATE api_key SET revoked_at = now() WHERE id = $1 RETURNING id, account_id, prefix, created_at, expires_at, revoked_at) SELECT * FROM revoked`,
        [key.id],
      );
      return { payload: { apiKeyId: key.id, token: null }, target: { account: key.account_id, apiKey: key.id }, before: key, after };
    },
  });
}

function nameErrors(name: string): UserError[] {
  const trimmed = name.trim();
  if (!trimmed) return [userError(UserErrorCode.INVALID, 'The name is empty.', 'name')];
  if (trimmed.length > MAX_NAME_LENGTH) return [userError(UserErrorCode.INVALID, `The name is longer than ${MAX_NAME_LENGTH} characters.`, 'name')];
  return [];
}

/** A UNIT account names its unit and a LEADER account its leader; no other account names either. */
function bindingErrors(input: NewAccount): UserError[] {
  const errors: UserError[] = [];
  if (input.role === AccountRole.UNIT && !input.unitId) errors.push(userError(UserErrorCode.INVALID, 'A UNIT account needs the unit it acts for.', 'unit'));
  if (input.role !== AccountRole.UNIT && input.unitId) errors.push(userError(UserErrorCode.INVALID, `A ${input.role} account acts for no unit; use role UNIT.`, 'unit'));
  if (input.role === AccountRole.LEADER && !input.leaderId) errors.push(userError(UserErrorCode.INVALID, 'A LEADER account needs the leader it acts for.', 'leader'));
  if (input.role !== AccountRole.LEADER && input.leaderId) errors.push(userError(UserErrorCode.INVALID, `A ${input.role} account acts for no leader; use role LEADER.`, 'leader'));
  if ((input.role === AccountRole.UNIT || input.role === AccountRole.LEADER) && input.jurisdiction) {
    errors.push(userError(UserErrorCode.INVALID, 'A UNIT or LEADER account acts in the jurisdiction of its unit or leader; leave jurisdiction out.', 'jurisdiction'));
  }
  return errors;
}

async function jurisdictionIdOf(tx: EntityManager, name: string): Promise<number | null> {
  const [row] = await tx.query(`SELECT id FROM jurisdiction WHERE name = $1`, [name.trim()]);
  return row?.id ?? null;
}
