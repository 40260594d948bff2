import { Field, InputType } from 'type-graphql';
import { StringFilter } from '../graphql/filters.inputs';

@InputType({ description: 'Conditions on a leader. All given conditions must hold.' })
export class LeaderWhere {
  @Field(() => [LeaderWhere], { nullable: true, description: 'All of these hold.' })
  AND?: LeaderWhere[];

  @Field(() => [LeaderWhere], { nullable: true, description: 'At least one of these holds.' })
  OR?: LeaderWhere[];

  @Field(() => LeaderWhere, { nullable: true, description: 'This does not hold.' })
  NOT?: LeaderWhere;

  @Field(() => StringFilter, { nullable: true, description: 'Name; spaces in the filter text are ignored, so "凌  健" matches 凌健.' })
  name?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: 'Jurisdiction (重庆市沙坪坝区, 重庆市渝中区 …): the same short name is another body in another district.' })
  jurisdiction?: StringFilter;
}

@InputType({ description: "Conditions on a task's leaders (责任领导)." })
export class LeaderListFilter {
  @Field(() => LeaderWhere, { nullable: true, description: 'At least one leader matches.' })
  some?: LeaderWhere;

  @Field(() => LeaderWhere, { nullable: true, description: 'Every leader matches (true for a task without leaders).' })
  every?: LeaderWhere;

  @Field(() => LeaderWhere, { nullable: true, description: 'No leader matches.' })
  none?: LeaderWhere;
}
