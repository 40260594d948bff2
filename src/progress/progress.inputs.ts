import { Field, InputType } from 'type-graphql';
import { StringFilter } from '../graphql/filters.inputs';
import { ProgressStatus } from './progress-status';

@InputType({ description: 'Conditions on a progress status.' })
export class ProgressStatusFilter {
  @Field(() => ProgressStatus, { nullable: true, description: 'Is this status.' })
  eq?: ProgressStatus;

  @Field(() => [ProgressStatus], { nullable: true, description: 'Is one of these statuses.' })
  in?: ProgressStatus[];
}

@InputType({ description: 'Conditions on a progress update. All given conditions must hold.' })
export class ProgressWhere {
  @Field(() => [ProgressWhere], { nullable: true, description: 'All of these hold.' })
  AND?: ProgressWhere[];

  @Field(() => [ProgressWhere], { nullable: true, description: 'At least one of these holds.' })
  OR?: ProgressWhere[];

  @Field(() => ProgressWhere, { nullable: true, description: 'This does not hold.' })
  NOT?: ProgressWhere;

  @Field(() => StringFilter, { nullable: true, description: 'Reporting period, e.g. eq "2021-Q1" or startsWith "2021".' })
  period?: StringFilter;

  @Field(() => ProgressStatusFilter, { nullable: true, description: 'Derived status.' })
  status?: ProgressStatusFilter;

  @Field(() => StringFilter, { nullable: true, description: 'The progress text (进展情况).' })
  text?: StringFilter;
}

@InputType({ description: "Conditions on a task's progress updates." })
export class ProgressListFilter {
  @Field(() => ProgressWhere, { nullable: true, description: 'At least one update matches.' })
  some?: ProgressWhere;

  @Field(() => ProgressWhere, { nullable: true, description: 'Every update matches (true for a task without updates).' })
  every?: ProgressWhere;

  @Field(() => ProgressWhere, { nullable: true, description: 'No update matches.' })
  none?: ProgressWhere;
}
