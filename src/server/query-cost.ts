import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, getNullableType, isListType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ITEMS_WITHOUT_FIRST } from '../graphql/list-cost';
import { DEFAULT_PAGE_SIZE } from '../graphql/pagination';

/**
 * Assumed length of a list field that has no page argument (Query.leaders,
 * Task.coUnits, Plan.categories…). The seeds have 14 leaders and at most a
 * dozen units on a task; 10 keeps the estimate of `leaders { tasks { … } }`
 * near what it really fetches.
 */
export const UNPAGED_LIST_SIZE = 10;

/**
 * Cost of a field: 1 for the field itself, plus its selection's cost times
 * the number of items it returns. The number comes from the schema's own page
 * arguments — `first` or `last` as the client passed them (variables
 * expanded), else the default page size of a field that has them — so
 * `leaders { tasks(first: 100) { nodes { coUnits { tasks(first: 100) … } } } }`
 * costs 10 × 100 × 10 × 100. `nodes`/`edges` of a connection do not multiply
 * again (the connection field did), nor do introspection lists (linear).
 */
export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  return 1 + itemsOf(type.name, field, args) * childComplexity;
};

function itemsOf(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const pageArgs = field.args.filter((a) => a.name === 'first' || a.name === 'last');
  if (pageArgs.length > 0) {
    const asked = [args.first, args.last].find((v): v is number => typeof v === 'number');
    if (asked !== undefined) return Math.max(asked, 0);
    const declaredDefault = pageArgs.map((a) => a.defaultValue).find((v): v is number => typeof v === 'number');
    const unpaged = field.extensions?.[ITEMS_WITHOUT_FIRST];
    return declaredDefault ?? (typeof unpaged === 'number' ? unpaged : DEFAULT_PAGE_SIZE);
  }
  if (parentType.startsWith('__') || /Connection$/.test(parentType)) return 1;
  // Query.nodes(ids:): one item per id asked for.
  if (Array.isArray(args.ids) && isListType(getNullableType(field.type))) return args.ids.length;
  return isListType(getNullableType(field.type)) ? UNPAGED_LIST_SIZE : 1;
}

/**
 * Costs already computed, per parsed document (Apollo hands the same
 * DocumentNode object back from its document cache for the same query text),
 * then per operation name and variables (small ones: at most 50 sets of
 * 2,000 characters per document). getComplexity walks the whole
 * document with a TypeInfo on every call — about 5% of a flagship request's
 * CPU — although its answer depends only on these. Bounded per document; the
 * WeakMap lets a document evicted from Apollo's cache take its costs with it.
 */
const MAX_COSTS_PER_DOCUMENT = 50;
const MAX_KEY_LENGTH = 2000;
const costs = new WeakMap<DocumentNode, Map<string, number>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
  let known = costs.get(document);
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [pageSizeEstimator] });
  if (!known) costs.set(document, (known = new Map()));
  if (known.size < MAX_COSTS_PER_DOCUMENT && key.length <= MAX_KEY_LENGTH) known.set(key, cost);
  return cost;
}

/** Refuses, before any resolver runs, an operation whose estimated cost is above `maxCost`. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          let cost: number;
          try {
            cost = costOf(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch {
            // Variables that do not fit their types: execution reports that precisely.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the cost limit of ${maxCost} (maxCost: page sizes multiplied through nesting, ${DEFAULT_PAGE_SIZE} per page unless first/last says otherwise). Ask for smaller pages or less nesting.`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: maxCost, cost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
