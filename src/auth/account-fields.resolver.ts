import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { loadLeader } from '../leader/leader.loaders';
import { LeaderModel } from '../leader/leader.type';
import { loadUnit } from '../unit/unit.loaders';
import { UnitModel } from '../unit/unit.type';
import { AccountModel, ApiKeyModel } from './account.type';
import { loadAccount, loadAccountJurisdiction, loadKeysOfAccount } from './account.loaders';

@Resolver(() => AccountModel)
export class AccountFieldsResolver {
  @FieldResolver(() => UnitModel, { nullable: true, description: 'The unit a UNIT account acts for (承办单位).' })
  unit(@Root() account: AccountModel, @Ctx() ctx: RequestContext): Promise<UnitModel> | null {
    return account.unitId === null ? null : loadUnit(ctx, account.unitId);
  }

  @FieldResolver(() => LeaderModel, { nullable: true, description: 'The leader a LEADER account acts for (责任区领导).' })
  leader(@Root() account: AccountModel, @Ctx() ctx: RequestContext): Promise<LeaderModel> | null {
    return account.leaderId === null ? null : loadLeader(ctx, account.leaderId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The district the account acts in (沙坪坝区); null: every district.' })
  jurisdiction(@Root() account: AccountModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return loadAccountJurisdiction(ctx, account);
  }

  @FieldResolver(() => [ApiKeyModel], { description: 'The account’s API keys, oldest first (prefixes only; secrets are never kept).' })
  apiKeys(@Root() account: AccountModel, @Ctx() ctx: RequestContext): Promise<ApiKeyModel[]> {
    return loadKeysOfAccount(ctx, account.dbId);
  }
}

@Resolver(() => ApiKeyModel)
export class ApiKeyFieldsResolver {
  @FieldResolver(() => AccountModel, { description: 'The account the key belongs to.' })
  account(@Root() key: ApiKeyModel, @Ctx() ctx: RequestContext): Promise<AccountModel> {
    return loadAccount(ctx, key.accountId);
  }
}
