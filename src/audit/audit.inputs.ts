import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../graphql/pagination';
import { AuditDecision } from './audit.entity';

@InputType('AuditWhere', { description: 'Which audit entries: every condition given must hold.' })
export class AuditWhere {
  @Field(() => [String], { nullable: true, description: 'Policy actions (task.acknowledge, account.manage, authenticate …).' })
  action?: string[] | null;

  @Field(() => AuditDecision, { nullable: true, description: 'Only writes (ALLOWED) or only refusals (REFUSED).' })
  decision?: AuditDecision | null;

  @Field(() => ID, { nullable: true, description: 'Only what this account (Account.id) did.' })
  account?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries about this task (Task.id).' })
  task?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries of this request (X-Request-Id).' })
  requestId?: string | null;

  @Field(() => String, { nullable: true, description: 'From this time on (ISO 8601, inclusive).' })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Before this time (ISO 8601, exclusive).' })
  until?: string | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditWhere, { nullable: true, description: 'Filter; newest entries first.' })
  where?: AuditWhere | null;
}
