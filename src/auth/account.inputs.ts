import { Field, ID, InputType, Int } from 'type-graphql';
import { AccountRole } from './account-role';

const IDEMPOTENCY = 'Optional: a key of your choosing (1–200 characters). Sending the same key and input again returns the first answer instead of acting twice.';

@InputType('CreateAccountInput', { description: 'A new account (ADMIN only).' })
export class CreateAccountInput {
  @Field({ description: 'Name (督查办, 区经济信息委联络员, 大屏).' })
  name: string;

  @Field(() => AccountRole, { description: 'What the account speaks for.' })
  role: AccountRole;

  @Field(() => ID, { nullable: true, description: 'UNIT accounts: the unit (Unit.id) it acts for (承办单位); its jurisdiction follows.' })
  unit?: string | null;

  @Field(() => ID, { nullable: true, description: 'LEADER accounts: the leader (Leader.id, 责任区领导) it acts for.' })
  leader?: string | null;

  @Field(() => String, { nullable: true, description: 'OFFICE/READER accounts: the district it acts in (沙坪坝区); omitted: every district.' })
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: 'The identity provider’s subject (OIDC `sub`) that signs in as this account.' })
  oidcSubject?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string | null;
}

@InputType('UpdateAccountInput', { description: 'A change to an account (ADMIN only); fields left out stay as they are.' })
export class UpdateAccountInput {
  @Field(() => ID, { description: 'The account (Account.id).' })
  id: string;

  @Field(() => Int, { description: 'The version you read (Account.version): a stale one is refused with STALE_VERSION.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Disable (true) or re-enable (false): a disabled account’s keys and tokens are refused.' })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New identity-provider subject; empty string to unbind.' })
  oidcSubject?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string | null;
}

@InputType('CreateApiKeyInput', { description: 'A new API key for an account (ADMIN only).' })
export class CreateApiKeyInput {
  @Field(() => ID, { description: 'The account (Account.id).' })
  account: string;

  @Field(() => String, { nullable: true, description: 'When the key stops being accepted (ISO 8601 date or time, in the future); omitted: never.' })
  expiresAt?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string | null;
}

@InputType('RevokeApiKeyInput', { description: 'Stops an API key at once (an administrator, or the key’s own account).' })
export class RevokeApiKeyInput {
  @Field({ description: 'The key’s prefix (ApiKey.prefix, the 8 hex digits after duban_).' })
  prefix: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string | null;
}
