import { Field, Float, ObjectType } from 'type-graphql';
import { ProgressStatus } from './progress-status';

@ObjectType('ProgressChange', { description: 'How an update differs from the task’s previous update (上期).' })
export class ProgressChangeModel {
  @Field({ description: 'Period of the previous update (2024-Q1).' })
  sincePeriod: string;

  @Field(() => ProgressStatus, { description: 'Status of the previous update.' })
  statusFrom: ProgressStatus;

  @Field({ description: 'Whether the status differs from the previous update’s.' })
  statusChanged: boolean;

  @Field(() => Float, { nullable: true, description: 'Stated percent of the previous update; null when it stated none.' })
  percentFrom: number | null;

  @Field(() => Float, { nullable: true, description: 'Percentage points gained since the previous update (this percent minus that one); null unless both state a percent.' })
  percentDelta: number | null;
}
