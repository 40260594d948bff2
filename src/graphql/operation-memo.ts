import type { FieldNode, GraphQLResolveInfo } from 'graphql';

/**
 * Remembers what a root field's resolver derives from the query alone — its
 * compiled SQL statement, page request, selected relations — so a query
 * sent again (an integration's poll, a dashboard's refresh) skips straight to
 * running its statement. Grafast keeps an operation plan per document for the
 * same reason; here it is one value per root field and variable set.
 *
 * Why this is sound: a root field's arguments and selection are a function of
 * its place in the parsed document and of the request's variables, nothing
 * else. Apollo's document store hands back the same DocumentNode (and so the
 * same FieldNode objects) for the same query text, so the FieldNode is the
 * key, held weakly: a document the store evicts takes its plans with it.
 * Nested fields are not memoised: their statements depend on the parent rows.
 *
 * Why it pays: building and compiling a flagship statement (filter
 * fragments, selection walk, relation columns, placeholder numbering, and
 * the hash of ~2 KB of new text to find its prepared-statement name) was
 * ~7% of the request's server CPU (issue 7's profile).
 *
 * Once an answer depends on who is asking, the plan does too: the key
 * holds the principal's scope (everything the policy reads of the viewer,
 * principal.ts), so one viewer's statement never serves another.
 *
 * Variable sets per field are capped: a client sending a new variable value
 * on every request gets no reuse and must not grow the memo without end.
 */
export const MAX_VARIABLE_SETS_PER_FIELD = 32;

const plans = new WeakMap<FieldNode, Map<string, unknown>>();

/** `build()`'s value for this root field, viewer scope and variables, built once; nested fields always build. */
export function memoForRootField<T>(info: GraphQLResolveInfo | undefined, scope: string, build: () => T): T {
  if (!info || info.path.prev !== undefined) return build();
  const node = info.fieldNodes[0];
  let byVariables = plans.get(node);
  if (!byVariables) plans.set(node, (byVariables = new Map()));
  const key = `${scope}\n${variablesKey(info.variableValues)}`;
  let value = byVariables.get(key) as T | undefined;
  if (value === undefined) {
    // A build that throws (a client's bad argument) caches nothing and throws again next time.
    value = build();
    if (byVariables.size < MAX_VARIABLE_SETS_PER_FIELD) byVariables.set(key, value);
  }
  return value;
}

/** Coerced variable values are JSON-shaped (scalars, enums, lists, input objects); most queries have none. */
function variablesKey(values: Record<string, unknown>): string {
  for (const _ in values) return JSON.stringify(values);
  return '';
}
