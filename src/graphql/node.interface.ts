import { Field, ID, InterfaceType } from 'type-graphql';
import { type NodeTypeName, toGlobalId } from './global-id';

/** Every Node model carries its GraphQL type name (`readonly __typename = 'Task'`, …). */
export const nodeTypename = (value: { __typename?: string }): string | undefined => value.__typename;

/** Relay's Node: anything with a global id can be fetched again with node(id:). */
@InterfaceType('Node', {
  description: 'An object with a global id. Pass the id to `node(id:)` to fetch it again; ids are stable for as long as the database keeps the row.',
  resolveType: nodeTypename,
})
export abstract class Node {
  abstract readonly __typename: NodeTypeName;
  /** The row's id in its table. */
  abstract dbId: number;

  /** Computed when a query asks for it: a page of tasks with their units would otherwise encode hundreds of unused ids. */
  @Field(() => ID, { description: 'Global id (opaque; base64 of type and row id).' })
  get id(): string {
    return toGlobalId(this.__typename, this.dbId);
  }
}
