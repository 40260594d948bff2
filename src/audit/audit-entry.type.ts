import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../graphql/node.interface';
import { AuditDecision } from './audit.entity';

registerEnumType(AuditDecision, {
  name: 'AuditDecision',
  description: 'Whether the audited request was carried out or refused.',
  valuesConfig: { ALLOWED: { description: 'Carried out (a write).' }, REFUSED: { description: 'Refused: no credential, a bad one, or the policy said no.' } },
});

export interface AuditRow {
  id: string;
  at: Date;
  account_id: number | null;
  key_prefix: string | null;
  actor: string;
  action: string;
  decision: AuditDecision;
  rule: string | null;
  reason: string | null;
  target: Record<string, unknown>;
  before: unknown;
  after: unknown;
  request_id: string | null;
  client_address: string | null;
}

export const AUDIT_COLUMNS = `id, at, account_id, key_prefix, actor, action, decision, rule, reason, target, before, after, request_id, client_address`;

@ObjectType('AuditEntry', { implements: Node, description: 'One decision of the audit trail (审计记录): a write with its before and after, or a refusal. Append-only.' })
export class AuditEntryModel extends Node {
  readonly __typename = 'AuditEntry';
  dbId: number;
  accountId: number | null;

  @Field({ description: 'When (ISO 8601).' })
  at: string;

  @Field({ description: 'Who, in words: the account’s name, `anonymous`, or `cli:<os user>` for the server’s shell.' })
  actor: string;

  @Field(() => String, { nullable: true, description: 'The API key used (its prefix), if any.' })
  keyPrefix: string | null;

  @Field({ description: 'The policy action (task.acknowledge, account.manage, document.import …), or `authenticate` / `mutation` for a refused credential.' })
  action: string;

  @Field(() => AuditDecision, { description: 'Carried out or refused.' })
  decision: AuditDecision;

  @Field(() => String, { nullable: true, description: 'The policy rule that decided (README “Policy”).' })
  rule: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused, or the mutation that did the write.' })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'Ids of what was acted on ({"task": 12, "unit": 3}).' })
  target: Record<string, unknown>;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object before the write (database columns), if it existed.' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The object after the write.' })
  after: unknown;

  @Field(() => String, { nullable: true, description: 'The request’s X-Request-Id (also in the server log).' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'The client’s address as the server saw it.' })
  clientAddress: string | null;

  static fromRow(row: AuditRow): AuditEntryModel {
    return Object.assign(new AuditEntryModel(), {
      dbId: Number(row.id),
      accountId: row.account_id,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      keyPrefix: row.key_prefix,
      action: row.action,
      decision: row.decision,
      rule: row.rule,
      reason: row.reason,
      target: row.target,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
      clientAddress: row.client_address,
    });
  }
}
