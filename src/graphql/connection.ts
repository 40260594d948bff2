import { type ClassType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { PageInfo } from './page-info.type';
import type { Page } from './pagination';

/**
 * Relay connection and edge types for one node type, plus the resolver of
 * their totalCount (counted lazily: a page without totalCount costs no count).
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item, for `after` / `before`.' })
    cursor: string;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s (Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Cursors and whether more items exist on either side.' })
    pageInfo: PageInfo;
  }

  @Resolver(() => Connection)
  class ConnectionResolver {
    @FieldResolver(() => [node], { description: `The ${what}s of this page, without cursors.` })
    nodes(@Root() page: Page<T>): T[] {
      return page.edges.map((e) => e.node);
    }

    @FieldResolver(() => Int, { description: `How many ${what}s match, over all pages.` })
    totalCount(@Root() page: Page<T>): Promise<number> {
      return page.totalCount();
    }
  }

  return { Connection, Edge, ConnectionResolver };
}
