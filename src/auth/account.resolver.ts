import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { idOf } from '../graphql/id-input';
import { MutationPayload } from '../mutation/payload.type';
import { ACCOUNT_SELECT, AccountModel, type AccountRow, ApiKeyModel } from './account.type';
import { CreateAccountInput, CreateApiKeyInput, RevokeApiKeyInput, UpdateAccountInput } from './account.inputs';
import { loadAccount, loadApiKey } from './account.loaders';
import { createAccount, createApiKey, revokeApiKey, updateAccount } from './account.mutations';

@ObjectType('AccountPayload', { description: 'The answer to createAccount and updateAccount.' })
export class AccountPayloadType extends MutationPayload {
  accountId: number | null;
}

@ObjectType('ApiKeyPayload', { description: 'The answer to createApiKey and revokeApiKey.' })
export class ApiKeyPayloadType extends MutationPayload {
  apiKeyId: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new key (duban_<prefix>_<secret>): shown in this answer only — store it now. Null for revokeApiKey and for a replayed createApiKey.',
  })
  token: string | null;
}

@Resolver()
export class AccountResolver {
  @Query(() => [AccountModel], { description: 'Every account, oldest first (ADMIN only).' })
  async accounts(@Ctx() ctx: RequestContext): Promise<AccountModel[]> {
    return (await ctx.query<AccountRow>(`${ACCOUNT_SELECT} ORDER BY id`)).map(AccountModel.fromRow);
  }

  @Mutation(() => AccountPayloadType, { description: 'Creates an account (ADMIN). A UNIT account names its unit, a LEADER account its leader.' })
  async createAccount(@Arg('input', () => CreateAccountInput, { description: 'What to do (one input object, Relay style).' }) input: CreateAccountInput, @Ctx() ctx: RequestContext): Promise<AccountPayloadType> {
    const payload = await createAccount(ctx, {
      ...input,
      unitId: input.unit ? idOf('Unit', input.unit, 'unit') : null,
      leaderId: input.leader ? idOf('Leader', input.leader, 'leader') : null,
    });
    return Object.assign(new AccountPayloadType(), payload);
  }

  @Mutation(() => AccountPayloadType, { description: 'Changes an account (ADMIN): name, disabled, OIDC subject; checked against `expectedVersion`.' })
  async updateAccount(@Arg('input', () => UpdateAccountInput, { description: 'What to do (one input object, Relay style).' }) input: UpdateAccountInput, @Ctx() ctx: RequestContext): Promise<AccountPayloadType> {
    const payload = await updateAccount(ctx, { ...input, id: idOf('Account', input.id, 'id') });
    return Object.assign(new AccountPayloadType(), payload);
  }

  @Mutation(() => ApiKeyPayloadType, { description: 'Makes an API key for an account (ADMIN). The key is in this answer only.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput, { description: 'What to do (one input object, Relay style).' }) input: CreateApiKeyInput, @Ctx() ctx: RequestContext): Promise<ApiKeyPayloadType> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new BadUserInputError(`input.expiresAt must be an ISO 8601 date or time (got "${input.expiresAt}").`, 'expiresAt');
    const payload = await createApiKey(ctx, { accountId: idOf('Account', input.account, 'account'), expiresAt, idempotencyKey: input.idempotencyKey });
    return Object.assign(new ApiKeyPayloadType(), payload);
  }

  @Mutation(() => ApiKeyPayloadType, { description: 'Revokes an API key at once (an administrator, or the key’s own account).' })
  async revokeApiKey(@Arg('input', () => RevokeApiKeyInput, { description: 'What to do (one input object, Relay style).' }) input: RevokeApiKeyInput, @Ctx() ctx: RequestContext): Promise<ApiKeyPayloadType> {
    return Object.assign(new ApiKeyPayloadType(), await revokeApiKey(ctx, input));
  }
}

@Resolver(() => AccountPayloadType)
export class AccountPayloadFieldsResolver {
  @FieldResolver(() => AccountModel, { nullable: true, description: 'The account as it is now; null when the mutation was refused.' })
  account(@Root() payload: AccountPayloadType, @Ctx() ctx: RequestContext): Promise<AccountModel> | null {
    return payload.accountId === null || payload.accountId === undefined ? null : loadAccount(ctx, payload.accountId);
  }
}

@Resolver(() => ApiKeyPayloadType)
export class ApiKeyPayloadFieldsResolver {
  @FieldResolver(() => ApiKeyModel, { nullable: true, description: 'The key as it is now (prefix, expiry, status); null when the mutation was refused.' })
  apiKey(@Root() payload: ApiKeyPayloadType, @Ctx() ctx: RequestContext): Promise<ApiKeyModel> | null {
    return payload.apiKeyId === null || payload.apiKeyId === undefined ? null : loadApiKey(ctx, payload.apiKeyId);
  }
}
