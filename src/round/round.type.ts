import { Field, Int, ObjectType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { Node } from '../graphql/node.interface';
import { RoundState } from './round-state';
import type { RoundRow } from './round-row';
import './round-enums';

@ObjectType('Round', { implements: Node, description: 'A reporting round (报送轮次): the office asks the lead units for every task’s progress of one period of a plan, due on a date.' })
export class RoundModel extends Node {
  readonly __typename = 'Round';
  dbId: number;
  planId: number;

  @Field({ description: 'The period (报送期), as imported reports name it: 2024-Q1 (一季度), 2024-Q2 (上半年), 2024-Q3 (前三季度), 2024-Q4 (全年).' })
  period: string;

  @Field(() => DateResolver, { description: 'From when units may report (开始报送).' })
  opensOn: string;

  @Field(() => DateResolver, { description: 'When reports are due (报送时限); a task not submitted by then is overdue (逾期未报).' })
  dueOn: string;

  @Field(() => RoundState, { description: 'Where the round stands.' })
  state: RoundState;

  @Field(() => Int, { description: 'Version, for expectedVersion.' })
  version: number;

  @Field({ description: 'When the round was opened (ISO 8601).' })
  openedAt: string;

  static fromRow(row: RoundRow): RoundModel {
    return Object.assign(new RoundModel(), {
      dbId: row.id,
      planId: row.plan_id,
      period: row.period,
      opensOn: row.opens_on,
      dueOn: row.due_on,
      state: row.state,
      version: row.version,
      openedAt: new Date(row.opened_at).toISOString(),
    });
  }
}

@ObjectType('RoundCounts', { description: 'How many of a round’s tasks stand where (the office’s overview, 报送情况).' })
export class RoundCountsModel {
  @Field(() => Int, { description: 'Tasks of the round’s plan.' })
  tasks: number;

  @Field(() => Int, { description: 'No report yet, not even a draft (未报送).' })
  notReported: number;

  @Field(() => Int, { description: 'Draft saved, not submitted (草稿).' })
  draft: number;

  @Field(() => Int, { description: 'Waiting for review (待审核).' })
  submitted: number;

  @Field(() => Int, { description: 'Returned and not yet resubmitted (退回未重报).' })
  returned: number;

  @Field(() => Int, { description: 'Accepted (已采纳).' })
  accepted: number;

  @Field(() => Int, { description: 'Past the due date and not submitted: not reported, draft or returned (逾期未报).' })
  overdue: number;
}
