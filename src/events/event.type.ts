import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { EventRow } from './event-row';

@ObjectType('Event', { description: 'One change of the record (事件): a mutation, an imported document, a reminder. Numbered in commit order, so a client resumes after the last number it saw.' })
export class EventModel {
  readonly __typename = 'Event';
  taskId: number | null;

  @Field(() => Int, { description: 'The event’s number: increasing in the order the changes were committed. Pass the last one seen as `after` to resume.' })
  number: number;

  @Field({ description: 'What happened: the mutation’s name (`acknowledgeTask`, `createAccount` …), `importDocument`, or `reminder`.' })
  type: string;

  @Field({ description: 'When it was committed (ISO 8601).' })
  at: string;

  @Field({ description: 'Who did it: the account’s name, or `cli:<os user>` for the server’s shell.' })
  actor: string;

  @Field(() => GraphQLJSON, { description: 'Ids of what changed ({"task": 12, "unit": 3}; {"document": 4, "plan": 1}); the same ids as the audit trail’s `target`.' })
  ids: Record<string, unknown>;

  static fromRow(row: EventRow): EventModel {
    return Object.assign(new EventModel(), {
      number: Number(row.id),
      taskId: row.task_id,
      type: row.type,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      ids: row.target,
    });
  }
}
