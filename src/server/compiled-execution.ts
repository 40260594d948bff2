import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  execute,
  getNamedType,
  getVariableValues,
  isInputObjectType,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter.
 *
 * Why: graphql-js walks the selection set on every request (collecting
 * fields, coercing arguments, checking each value's type and promise-ness);
 * graphql-jit compiles an operation once into a JavaScript function that
 * does only what that operation needs. Issue 7's profile: −5% of the
 * flagship's server CPU, −12% for the three-level query, −20% for workloads.
 *
 * How: Apollo Server has one supported hook for running an operation with
 * another executor, the gateway interface (`new ApolloServer({ gateway })`);
 * a gateway gives Apollo the schema and an executor, and Apollo still
 * parses, validates (our limits), runs the plugins and formats errors.
 *
 * Compiled operations are kept per parsed document: Apollo's document store
 * (an LRU) hands back the same DocumentNode for the same query text, so a
 * document it evicts takes its compiled functions with it (WeakMap).
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  /** A compiled operation, or null where graphql-jit cannot compile it. */
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | null>>();

  const recursive = recursiveInputTypes(schema);

  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    let query = byOperation.get(operationName);
    if (query === undefined) {
      // graphql-jit 0.8 cannot compile the parsing of a variable whose input type nests without end (TaskWhere's
      // AND/OR/NOT): it recurses until the stack overflows, about 4 s of blocked event loop per operation.
      const variableTypes = (operation.variableDefinitions ?? []).map((v) => namedTypeName(v.type));
      const result = variableTypes.some((name) => recursive.has(name)) ? null : compileQuery(schema, document, operationName ?? undefined);
      query = result && isCompiledQuery(result) ? result : null;
      byOperation.set(operationName, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (request) => {
    const query = compiledFor(request.document, request.operation, request.operationName);
    // graphql-js runs what graphql-jit does not compile: operations with a variable of a recursive input type
    // (above), and anything else its code generator refuses.
    if (!query) {
      const { document, operationName, context, request: r } = request;
      return execute({ schema, document, operationName, contextValue: context, variableValues: r.variables });
    }
    const variables = request.request.variables ?? {};
    const result = await query.query(undefined, request.context, variables);
    if (!result.errors) return result;
    // No `data` at all: graphql-jit refused the variables before running anything (one missing, of the
    // wrong type). Its errors carry no code and would reach the client as INTERNAL_SERVER_ERROR; graphql-js
    // coercion gives the errors Apollo recognises as the client's (BAD_USER_INPUT, HTTP 400), with the
    // same messages as the operations graphql-js runs. Done only on failure, so a good request coerces once.
    if (!('data' in result)) {
      const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
    }
    return { ...result, errors: result.errors.map(asGraphQLJsError) };
  };

  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when the thrown error had
 * none, and Apollo reads `extensions.code` of every error: the same error as
 * graphql-js makes it (its extensions those of the thrown error, or empty).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

function namedTypeName(type: TypeNode): string {
  return type.kind === 'NamedType' ? type.name.value : namedTypeName(type.type);
}

/**
 * The input object types whose values can nest without end: those that
 * contain themselves (TaskWhere's AND/OR/NOT), and those that contain one.
 */
export function recursiveInputTypes(schema: GraphQLSchema): Set<string> {
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  const fieldTypes = (type: GraphQLInputObjectType) => Object.values(type.getFields()).map((f) => getNamedType(f.type)).filter(isInputObjectType);
  const reachable = (from: GraphQLInputObjectType): Set<GraphQLInputObjectType> => {
    const seen = new Set<GraphQLInputObjectType>();
    const next = [...fieldTypes(from)];
    for (let type = next.pop(); type; type = next.pop()) if (!seen.has(type) && seen.add(type)) next.push(...fieldTypes(type));
    return seen;
  };
  const reach = new Map(inputs.map((type) => [type, reachable(type)]));
  const selfContaining = new Set(inputs.filter((type) => reach.get(type)!.has(type)));
  return new Set(inputs.filter((type) => [...reach.get(type)!].some((t) => selfContaining.has(t))).map((t) => t.name));
}
