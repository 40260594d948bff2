import { Field, InputType } from 'type-graphql';
import { StringFilter } from '../graphql/filters.inputs';
import { UnitKind } from './unit-kind';

@InputType({ description: 'Conditions on the kind of a unit.' })
export class UnitKindFilter {
  @Field(() => UnitKind, { nullable: true, description: 'Is this kind.' })
  eq?: UnitKind;

  @Field(() => [UnitKind], { nullable: true, description: 'Is one of these kinds.' })
  in?: UnitKind[];
}

@InputType({ description: 'Conditions on a unit. All given conditions must hold.' })
export class UnitWhere {
  @Field(() => [UnitWhere], { nullable: true, description: 'All of these hold.' })
  AND?: UnitWhere[];

  @Field(() => [UnitWhere], { nullable: true, description: 'At least one of these holds.' })
  OR?: UnitWhere[];

  @Field(() => UnitWhere, { nullable: true, description: 'This does not hold.' })
  NOT?: UnitWhere;

  @Field(() => StringFilter, { nullable: true, description: 'Name: matches the canonical name or any alias, so eq "区文旅委" finds 区文化旅游委.' })
  name?: StringFilter;

  @Field(() => UnitKindFilter, { nullable: true, description: 'Kind of body.' })
  kind?: UnitKindFilter;

  @Field(() => Boolean, { nullable: true, description: 'Flagged for review (name not in the registry).' })
  needsReview?: boolean;

  @Field(() => StringFilter, { nullable: true, description: 'Jurisdiction (重庆市沙坪坝区, 重庆市渝中区 …): the same short name is another body in another district.' })
  jurisdiction?: StringFilter;
}

@InputType({ description: "Conditions on a task's units (lead units, co-units, or both)." })
export class UnitListFilter {
  @Field(() => UnitWhere, { nullable: true, description: 'At least one unit matches.' })
  some?: UnitWhere;

  @Field(() => UnitWhere, { nullable: true, description: 'Every unit matches (true for a task without such units).' })
  every?: UnitWhere;

  @Field(() => UnitWhere, { nullable: true, description: 'No unit matches.' })
  none?: UnitWhere;
}
