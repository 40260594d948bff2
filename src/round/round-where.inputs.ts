import { Field, ID, InputType } from 'type-graphql';
import { RoundTaskState } from './round-enums';

@InputType('RoundTaskStateFilter', { description: 'Conditions on where a task stands in a round.' })
export class RoundTaskStateFilter {
  @Field(() => RoundTaskState, { nullable: true, description: 'Is in this state.' })
  eq?: RoundTaskState;

  @Field(() => [RoundTaskState], { nullable: true, description: 'Is in one of these states.' })
  in?: RoundTaskState[];
}

@InputType('RoundReportFilter', {
  description: 'Conditions on a task in a reporting round (报送轮次). A task of another plan than the round’s never matches. All given conditions must hold.',
})
export class RoundReportFilter {
  @Field(() => ID, { description: 'The round (Round.id).' })
  round: string;

  @Field(() => RoundTaskStateFilter, { nullable: true, description: 'Where the task stands: NOT_REPORTED (未报送), DRAFT, SUBMITTED (待审核), RETURNED (退回未重报), ACCEPTED.' })
  state?: RoundTaskStateFilter;

  @Field(() => Boolean, { nullable: true, description: 'true: past the round’s due date and not submitted (逾期未报: not reported, draft or returned); false: the others.' })
  overdue?: boolean;
}
