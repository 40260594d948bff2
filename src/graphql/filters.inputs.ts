import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Conditions on a text value. Several conditions in one filter must all hold.' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to this text.' })
  eq?: string;

  @Field(() => [String], { nullable: true, description: 'Equal to one of these texts.' })
  in?: string[];

  @Field(() => String, { nullable: true, description: 'Contains this text (case-insensitive for Latin letters).' })
  contains?: string;

  @Field(() => String, { nullable: true, description: 'Starts with this text.' })
  startsWith?: string;
}

@InputType({ description: 'Conditions on a whole number. Several conditions in one filter must all hold.' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: 'Equal to.' })
  eq?: number;

  @Field(() => [Int], { nullable: true, description: 'Equal to one of.' })
  in?: number[];

  @Field(() => Int, { nullable: true, description: 'Greater than.' })
  gt?: number;

  @Field(() => Int, { nullable: true, description: 'Greater than or equal to.' })
  gte?: number;

  @Field(() => Int, { nullable: true, description: 'Less than.' })
  lt?: number;

  @Field(() => Int, { nullable: true, description: 'Less than or equal to.' })
  lte?: number;
}
