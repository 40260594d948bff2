import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { countFilterArgument } from '../graphql/filter-size';

/** A filter argument is one whose input type is a …Where (TaskWhere, UnitWhere): they nest through AND/OR/NOT. */
const isFilterType = (name: string) => /Where$/.test(name);

/**
 * The filter arguments of a document, found once per parsed document (Apollo
 * hands the same DocumentNode back from its cache for the same text); the
 * WeakMap lets an evicted document take its entry with it.
 */
const filterArguments = new WeakMap<DocumentNode, ArgumentNode[]>();

function filtersOf(schema: GraphQLSchema, document: DocumentNode): ArgumentNode[] {
  let found = filterArguments.get(document);
  if (found) return found;
  found = [];
  const typeInfo = new TypeInfo(schema);
  const sites = found;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getArgument()?.type;
        const named = type && getNamedType(type);
        if (named && isInputObjectType(named) && isFilterType(named.name)) sites.push(node);
      },
    }),
  );
  filterArguments.set(document, found);
  return found;
}

/**
 * Refuses (BAD_USER_INPUT) an operation with a filter argument of more than
 * `max` nodes, before any resolver runs and so before any SQL is built. The
 * limit is the app's own (createApp({ limits })), never read from the
 * environment here. Every argument site of the document is checked, nested
 * connections and fragments included.
 */
export function filterSizePlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          for (const node of filtersOf(schema, document)) {
            if (countFilterArgument(node.value, variables, max) <= max) continue;
            const argument = node.name.value;
            throw new GraphQLError(
              `\`${argument}\` has more than ${max} filter nodes after variables are expanded (every input object counts, empty ones included); the filter size limit is ${max} conditions (maxFilterConditions).`,
              { nodes: [node], extensions: { code: 'BAD_USER_INPUT', argument, limit: 'maxFilterConditions', max, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
