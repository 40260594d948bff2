import { type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type Param = { kind: string; index: number; name?: string; propertyName?: string; getType?: () => unknown; validateSettings?: unknown; validateFn?: unknown };
type Resolve = GraphQLFieldResolver<unknown, unknown>;
type Getter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/**
 * Resolver methods are called directly instead of through type-graphql's
 * generic handler, wherever that handler's work has a fixed answer.
 *
 * Why: the handler runs per field and object — for the three-level query
 * 2,100 times a request — and on each call builds a resolver-data object,
 * looks the resolver instance up in its container, sorts the parameter
 * list and converts the root to its class. A method with arguments pays
 * more: type-graphql rebuilds its transformation tree of the input classes
 * on every call (convert-args.js: `getFields()` regenerates the subtree),
 * copies every argument into class instances, and validates each argument
 * through an async function even with validation off, so the method only
 * runs after a Promise.all. For the flagship that was 16 KB of the
 * request's 162 KB of allocations and ~5% of its CPU (issue 7's profile).
 *
 * What the method receives is the same but for one thing: arguments are the
 * values GraphQL coerced (plain objects of the same fields) rather than
 * instances of our input classes. Those classes are declarations only — no
 * methods, getters or initialisers, no `instanceof` on them anywhere — and
 * class-validator is off (`validate: false`), so nothing reads the
 * difference. Kept on type-graphql's handler: a root that is not an instance
 * of its parameter's class (type-graphql would build one), and any resolver
 * with a middleware, an authorisation rule, a custom parameter decorator or
 * its own validation. The method runs on one instance of its resolver class,
 * as type-graphql's default container does.
 */
export function directResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): void {
  const storage = getMetadataStorage();
  const typeNameOf = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const instances = new Map<Function, Record<string, (...args: unknown[]) => unknown>>();
  const instanceOf = (target: Function) => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new (target as new () => Record<string, (...args: unknown[]) => unknown>)()));
    return instance;
  };
  const replace = (type: GraphQLObjectType | null | undefined, resolver: Storage['queries'][number] | Storage['fieldResolvers'][number]) => {
    if (!resolverClasses.includes(resolver.target) || resolver.middlewares?.length || resolver.roles?.length) return;
    const field = type?.getFields()[resolver.schemaName];
    const params = [...((resolver.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    const getters = params.map(getterOf);
    if (!field?.resolve || getters.some((g) => g === undefined)) return;
    const rootType = params.find((p) => p.kind === 'root')?.getType?.();
    if (rootType !== undefined && typeof rootType !== 'function') return;
    const instance = instanceOf(resolver.target);
    field.resolve = direct(instance[resolver.methodName].bind(instance), getters as Getter[], rootType as Function | undefined, field.resolve);
  };
  for (const query of storage.queries) replace(schema.getQueryType(), query);
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind === 'internal') directGetter(schema, typeNameOf, resolver);
    else {
      const objectClass = resolver.resolverClassMetadata?.getObjectType?.() ?? resolver.getObjectType?.();
      const type = objectClass && schema.getType(typeNameOf.get(objectClass) ?? '');
      replace(isObjectType(type) ? type : undefined, resolver);
    }
  }
}

/** How a parameter gets its value; undefined for kinds left to type-graphql (custom decorators, pubsub, own validation). */
function getterOf(param: Param): Getter | undefined {
  if (param.propertyName || param.validateSettings !== undefined || param.validateFn !== undefined) return undefined;
  switch (param.kind) {
    case 'root':
      return (root) => root;
    case 'context':
      return (_root, _args, context) => context;
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'args':
      return (_root, args) => args;
    case 'arg': {
      const name = param.name!;
      return (_root, args) => args[name];
    }
    default:
      return undefined;
  }
}

function direct(method: (...args: unknown[]) => unknown, getters: Getter[], rootClass: Function | undefined, generic: Resolve): Resolve {
  const fallback = rootClass === undefined ? () => false : (root: unknown) => !(root instanceof rootClass);
  const [first, second] = getters;
  // The common signatures get a closure without an argument array.
  if (getters.length === 1) return (root, args, context, info) => (fallback(root) ? generic(root, args, context, info) : method(first(root, args, context, info)));
  if (getters.length === 2) {
    return (root, args, context, info) =>
      fallback(root) ? generic(root, args, context, info) : method(first(root, args, context, info), second(root, args, context, info));
  }
  return (root, args, context, info) => {
    if (fallback(root)) return generic(root, args, context, info);
    return method(...getters.map((get) => get(root, args, context, info)));
  };
}

/**
 * A getter on the object type's own class (`Node.id`): type-graphql converts
 * the root to the class and reads the getter on every call; a root that is
 * already an instance only needs the read.
 */
function directGetter(schema: GraphQLSchema, typeNameOf: Map<Function, string>, resolver: Storage['fieldResolvers'][number]): void {
  if (resolver.params?.length || resolver.middlewares?.length || resolver.roles?.length) return;
  const owner = resolver.target;
  if (typeof lookupGetter(owner.prototype, resolver.methodName) !== 'function') return;
  // The getter serves every object type whose class has it (Node.id: Task.id, Unit.id, …).
  for (const [cls, name] of typeNameOf) {
    if (cls !== owner && !(cls.prototype instanceof owner)) continue;
    const type = schema.getType(name);
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    const generic = field.resolve;
    const property = resolver.methodName;
    field.resolve = (root, args, context, info) => (root instanceof owner ? (root as Record<string, unknown>)[property] : generic(root, args, context, info));
  }
}

function lookupGetter(prototype: object | null, name: string): unknown {
  for (let p = prototype; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return descriptor.get;
  }
  return undefined;
}
