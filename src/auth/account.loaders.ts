import type { RequestContext } from '../graphql/context';
import { byKey, groupBy } from '../graphql/context';
import { ACCOUNT_SELECT, API_KEY_SELECT, AccountModel, type AccountRow, ApiKeyModel, type ApiKeyRow } from './account.type';

export function loadAccount(ctx: RequestContext, id: number): Promise<AccountModel> {
  return ctx
    .loader<number, AccountModel>('account.byId', async (ids) => {
      const rows = await ctx.query<AccountRow>(`${ACCOUNT_SELECT} WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'account', AccountModel.fromRow);
    })
    .load(id);
}

export function loadKeysOfAccount(ctx: RequestContext, accountId: number): Promise<ApiKeyModel[]> {
  return ctx
    .loader<number, ApiKeyModel[]>('apiKey.byAccount', async (ids) => {
      const rows = await ctx.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE account_id = ANY($1::int[]) ORDER BY created_at, id`, [ids]);
      return groupBy(ids, rows, (r) => r.account_id).map((group) => group.map(ApiKeyModel.fromRow));
    })
    .load(accountId);
}

export function loadApiKey(ctx: RequestContext, id: number): Promise<ApiKeyModel> {
  return ctx
    .loader<number, ApiKeyModel>('apiKey.byId', async (ids) => {
      const rows = await ctx.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE id = ANY($1::int[])`, [ids]);
      return byKey(ids, rows, (r) => r.id, 'API key', ApiKeyModel.fromRow);
    })
    .load(id);
}

/** The jurisdiction an account acts in: its own, else its unit's or leader's; null: every jurisdiction. */
export function loadAccountJurisdiction(ctx: RequestContext, account: AccountModel): Promise<string | null> {
  return ctx
    .loader<number, string | null>('account.jurisdiction', async (ids) => {
      const rows = await ctx.query<{ id: number; name: string | null }>(
        `SELECT a.id, j.name FROM account a
         LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN leader l ON l.id = a.leader_id
         LEFT JOIN jurisdiction j ON j.id = COALESCE(a.jurisdiction_id, u.jurisdiction_id, l.jurisdiction_id)
         WHERE a.id = ANY($1::int[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [r.id, r.name]));
      return ids.map((id) => found.get(id) ?? null);
    })
    .load(account.dbId);
}
