import { Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error.type';

/** The fields every mutation payload has (README "Mutations"). */
// Never returned itself, so never in the schema (type-graphql 2 emits only the types resolvers reach).
@ObjectType('MutationPayload')
export abstract class MutationPayload {
  @Field(() => [UserError], { description: 'Business refusals; empty when the mutation did its work. Nothing was changed when there is one.' })
  userErrors: UserError[];

  @Field({ description: 'True when this is the stored first answer to an idempotency key sent again: nothing was done this time.' })
  replayed: boolean;
}
