import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ClosureState } from './closure-state';

registerEnumType(ClosureState, {
  name: 'ClosureState',
  description: 'Whether the supervision office has closed a task (办结/销号).',
  valuesConfig: {
    OPEN: { description: '在办: never closed, or reopened.' },
    CLOSED: { description: '办结/销号: closed by the office; its light is GREEN (rule CLOSED).' },
  },
});

export interface TaskClosureRow {
  id: number;
  task_id: number;
  state: ClosureState;
  reason: string;
  closed_at: Date | null;
  reopened_at: Date | null;
  account_id: number | null;
  version: number;
}

export const TASK_CLOSURE_SELECT = `SELECT id, task_id, state, reason, closed_at, reopened_at, account_id, version FROM task_closure`;

@ObjectType('TaskClosure', { description: 'Whether the office closed the task (办结/销号), and the latest reason; earlier closings and reopenings are in the audit trail.' })
export class TaskClosureModel {
  @Field(() => ClosureState, { description: 'OPEN (在办) or CLOSED (办结/销号).' })
  state: ClosureState;

  @Field(() => String, { nullable: true, description: 'Why the office closed it (办结理由) or, when reopened, why it reopened it; null for a task never closed.' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'When it was last closed (ISO 8601); null for a task never closed.' })
  closedAt: string | null;

  @Field(() => String, { nullable: true, description: 'When it was last reopened (ISO 8601); null unless it was.' })
  reopenedAt: string | null;

  @Field(() => Int, { description: 'Optimistic concurrency: send it back as `expectedVersion` to closeTask or reopenTask; 0 for a task never closed.' })
  version: number;

  static fromRow(row: TaskClosureRow | undefined): TaskClosureModel {
    return Object.assign(new TaskClosureModel(), {
      state: row?.state ?? ClosureState.OPEN,
      reason: row?.reason ?? null,
      closedAt: row?.closed_at ? new Date(row.closed_at).toISOString() : null,
      reopenedAt: row?.reopened_at ? new Date(row.reopened_at).toISOString() : null,
      version: row?.version ?? 0,
    });
  }
}
