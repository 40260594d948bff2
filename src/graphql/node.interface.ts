import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: anything with a global id can be fetched again with node(id:). */
/** Every Node model carries its GraphQL type name (`readonly __typename = 'Task'`, …). */
export const nodeTypename = (value: { __typename?: string }): string | undefined => value.__typename;

@InterfaceType('Node', {
  description: 'An object with a global id. Pass the id to `node(id:)` to fetch it again; ids are stable for as long as the database keeps the row.',
  resolveType: nodeTypename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id (opaque; base64 of type and row id).' })
  id: string;
}
