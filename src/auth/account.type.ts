import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node.interface';
import { AccountRole } from './account-role';

registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: 'Who an account speaks for.',
  valuesConfig: {
    ADMIN: { description: 'Runs the installation: accounts and keys (系统管理员).' },
    OFFICE: { description: 'The supervision office (督查办: 督查员, 督办主任).' },
    UNIT: { description: 'A responsible unit’s liaison (承办单位联络员), acting for one unit.' },
    LEADER: { description: 'A responsible district leader (责任区领导).' },
    READER: { description: 'A read-only consumer: a dashboard, an integration.' },
  },
});

export interface AccountRow {
  id: number;
  name: string;
  role: AccountRole;
  unit_id: number | null;
  leader_id: number | null;
  jurisdiction_id: number | null;
  oidc_subject: string | null;
  disabled: boolean;
  version: number;
  created_at: Date;
}

export const ACCOUNT_SELECT = `SELECT id, name, role, unit_id, leader_id, jurisdiction_id, oidc_subject, disabled, version, created_at FROM account`;

@ObjectType('Account', { implements: Node, description: 'Someone duban can tell apart: a person, an office (督查办), a unit’s liaison (联络员), a leader, an integration.' })
export class AccountModel extends Node {
  readonly __typename = 'Account';
  dbId: number;
  unitId: number | null;
  leaderId: number | null;
  jurisdictionId: number | null;

  @Field({ description: 'Name, as the administrator wrote it (督查办, 区经济信息委联络员).' })
  name: string;

  @Field(() => AccountRole, { description: 'What the account speaks for.' })
  role: AccountRole;

  @Field(() => String, { nullable: true, description: 'The identity provider’s subject this account signs in as (OIDC), if any.' })
  oidcSubject: string | null;

  @Field({ description: 'A disabled account’s keys and tokens are refused.' })
  disabled: boolean;

  @Field(() => Int, { description: 'Optimistic concurrency: send it back as `expectedVersion` when changing the account.' })
  version: number;

  @Field({ description: 'When it was created (ISO 8601).' })
  createdAt: string;

  static fromRow(row: AccountRow): AccountModel {
    return Object.assign(new AccountModel(), {
      dbId: row.id,
      name: row.name,
      role: row.role,
      unitId: row.unit_id,
      leaderId: row.leader_id,
      jurisdictionId: row.jurisdiction_id,
      oidcSubject: row.oidc_subject,
      disabled: row.disabled,
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
    });
  }
}

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiKeyStatus, {
  name: 'ApiKeyStatus',
  description: 'Whether an API key is accepted now.',
  valuesConfig: {
    ACTIVE: { description: 'Accepted.' },
    EXPIRED: { description: 'Past its expiry time: refused.' },
    REVOKED: { description: 'Revoked: refused.' },
  },
});

export interface ApiKeyRow {
  id: number;
  account_id: number;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export const API_KEY_SELECT = `SELECT id, account_id, prefix, created_at, expires_at, revoked_at FROM api_key`;

@ObjectType('ApiKey', { implements: Node, description: 'An API key of an account. Its secret was shown once, when it was made; only the prefix is kept in the clear.' })
export class ApiKeyModel extends Node {
  readonly __typename = 'ApiKey';
  dbId: number;
  accountId: number;

  @Field({ description: 'The public part of the key (duban_<prefix>_…): names it in lists, logs and the audit trail.' })
  prefix: string;

  @Field({ description: 'When it was made (ISO 8601).' })
  createdAt: string;

  @Field(() => String, { nullable: true, description: 'When it stops being accepted (ISO 8601); null: never.' })
  expiresAt: string | null;

  @Field(() => String, { nullable: true, description: 'When it was revoked (ISO 8601); null: not revoked.' })
  revokedAt: string | null;

  @Field(() => ApiKeyStatus, { description: 'Accepted now, expired or revoked.' })
  get status(): ApiKeyStatus {
    if (this.revokedAt) return ApiKeyStatus.REVOKED;
    if (this.expiresAt && Date.parse(this.expiresAt) <= Date.now()) return ApiKeyStatus.EXPIRED;
    return ApiKeyStatus.ACTIVE;
  }

  static fromRow(row: ApiKeyRow): ApiKeyModel {
    return Object.assign(new ApiKeyModel(), {
      dbId: row.id,
      accountId: row.account_id,
      prefix: row.prefix,
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
      revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    });
  }
}
