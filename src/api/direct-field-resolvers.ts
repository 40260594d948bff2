import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamKind = 'root' | 'context' | 'info';
type Param = { kind: string; index: number; propertyName?: string; getType?: () => unknown };

/**
 * Field resolvers that take only `@Root()`, `@Ctx()` and `@Info()` are called
 * directly instead of through type-graphql's generic handler.
 *
 * Why: that handler runs per field and object — for the three-level query
 * 2,100 times a request — and on each call builds a resolver-data object,
 * looks the resolver instance up in its container, sorts the parameter list,
 * checks every parameter's type and converts the root to its class
 * (issue 7's profile: ~5% of the flagship's server CPU). For these
 * signatures all of that has a fixed answer, worked out here once.
 *
 * What is kept: a root that is not an instance of the parameter's class still
 * goes through type-graphql (which would build an instance from it), and so
 * does every resolver with arguments (converted to input classes), a
 * middleware or an authorisation rule. The method runs on one instance of its
 * resolver class, as type-graphql's default container does.
 */
export function directFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): number {
  const storage = getMetadataStorage();
  const typeNameOf = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const instances = new Map<Function, object>();
  let replaced = 0;
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind === 'internal') {
      replaced += directGetter(schema, typeNameOf, resolver) ? 1 : 0;
      continue;
    }
    if ( !resolverClasses.includes(resolver.target) || resolver.middlewares?.length || resolver.roles?.length) continue;
    const params = [...((resolver.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    if (!params.every((p) => (p.kind === 'root' || p.kind === 'context' || p.kind === 'info') && !p.propertyName)) continue;
    const objectClass = resolver.resolverClassMetadata?.getObjectType?.() ?? resolver.getObjectType?.();
    const type = objectClass && schema.getType(typeNameOf.get(objectClass) ?? '');
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    const rootType = params.find((p) => p.kind === 'root')?.getType?.();
    if (rootType !== undefined && typeof rootType !== 'function') continue;
    let instance = instances.get(resolver.target);
    if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => object)()));
    field.resolve = direct(
      (instance as Record<string, (...args: unknown[]) => unknown>)[resolver.methodName].bind(instance),
      params.map((p) => p.kind as ParamKind),
      rootType as Function | undefined,
      field.resolve,
    );
    replaced++;
  }
  return replaced;
}

/**
 * A getter on the object type's own class (`Node.id`): type-graphql converts
 * the root to the class and reads the getter on every call; a root that is
 * already an instance only needs the read.
 */
function directGetter(schema: GraphQLSchema, typeNameOf: Map<Function, string>, resolver: ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]): boolean {
  if (resolver.params?.length || resolver.middlewares?.length || resolver.roles?.length) return false;
  const owner = resolver.target as { prototype: object };
  if (typeof lookupGetter(owner.prototype, resolver.methodName) !== 'function') return false;
  let replaced = false;
  // The getter serves every object type whose class has it (Node.id: Task.id, Unit.id, …).
  for (const [cls, name] of typeNameOf) {
    if (cls !== owner && !(cls.prototype instanceof (owner as unknown as Function))) continue;
    const type = schema.getType(name);
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    const generic = field.resolve;
    const property = resolver.methodName;
    field.resolve = (root, args, context, info) =>
      root instanceof (owner as unknown as Function) ? (root as Record<string, unknown>)[property] : generic(root, args, context, info);
    replaced = true;
  }
  return replaced;
}

function lookupGetter(prototype: object | null, name: string): unknown {
  for (let p = prototype; p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor) return descriptor.get;
  }
  return undefined;
}

function direct(
  method: (...args: unknown[]) => unknown,
  kinds: ParamKind[],
  rootClass: Function | undefined,
  generic: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  const isRoot = (root: unknown) => rootClass === undefined || root instanceof rootClass;
  // The common signatures get a closure without an argument array.
  if (kinds.length === 2 && kinds[0] === 'root' && kinds[1] === 'context') {
    return (root, args, context, info) => (isRoot(root) ? method(root, context) : generic(root, args, context, info));
  }
  if (kinds.length === 1 && kinds[0] === 'root') {
    return (root, args, context, info) => (isRoot(root) ? method(root) : generic(root, args, context, info));
  }
  return (root, args, context, info) => {
    if (!isRoot(root)) return generic(root, args, context, info);
    return method(...kinds.map((kind) => (kind === 'root' ? root : kind === 'context' ? context : info)));
  };
}
