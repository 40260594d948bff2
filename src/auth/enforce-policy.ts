import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, isObjectType } from 'graphql';
import { appendAudit } from '../audit/audit-log';
import { AuditDecision } from '../audit/audit.entity';
import type { RequestContext } from '../graphql/context';
import { ForbiddenError } from '../graphql/errors';
import type { Principal } from '../graphql/principal';
import { FIELD_ACTIONS, ROOT_FIELD_ACTIONS, TYPE_ACTIONS } from './field-actions';
import { type Action, type Relation, type Who, decide, isUniversal } from './policy';
import { accountRelations } from './relations';

type Resolve = GraphQLFieldResolver<unknown, RequestContext>;

/**
 * Holds every field of the schema to the policy, in the one place every
 * execution path goes through: the field's own `resolve`, after
 * type-graphql built it and direct-resolvers.ts replaced it, and which
 * graphql-jit and graphql-js both call. type-graphql's @Authorized would
 * not do: the direct resolvers skip its handler.
 *
 * - A root field or mutation is checked before it runs, at role level (can
 *   this principal ever do the action?); a mutation's pipeline then checks
 *   the target itself (run-mutation.ts).
 * - Every field of a type whose action not everyone may take is checked
 *   against the object (an account is SELF to its owner): so an account
 *   reached through any path still needs the right to read it.
 * - A field of a public type that leads to restricted records
 *   (FIELD_ACTIONS: Task.extensionRequests) is checked itself, at role level,
 *   before it runs: the records' own type being checked does not hide how
 *   many there are.
 * - Fields whose action everyone past the door may take (the public record)
 *   get no wrapper: no cost on the hot path.
 *
 * A field or type without an entry in field-actions.ts stops the build.
 */
export function enforcePolicy(schema: GraphQLSchema): void {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const action = ROOT_FIELD_ACTIONS[`${root.name}.${field.name}`];
      if (!action) {
        missing.push(`${root.name}.${field.name}`);
        continue;
      }
      if (isUniversal(action)) continue;
      field.resolve = checkedRoot(action, field.resolve ?? defaultFieldResolver);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    const action = TYPE_ACTIONS[type.name];
    if (!action) {
      missing.push(type.name);
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const own = FIELD_ACTIONS[`${type.name}.${field.name}`];
      if (!isUniversal(action)) field.resolve = checkedObject(type.name, action, field.resolve ?? defaultFieldResolver);
      if (own && !isUniversal(own)) field.resolve = checkedRoot(own, field.resolve ?? defaultFieldResolver);
    }
  }
  if (missing.length) {
    throw new Error(`No policy entry for ${missing.join(', ')}: add each to src/auth/field-actions.ts with the action it stands for (README "Policy").`);
  }
}

function checkedRoot(action: Action, resolve: Resolve): Resolve {
  return (root, args, ctx, info) => {
    const decision = decide(ctx.principal.role as Who, action);
    if (!decision.allowed) return refuse(ctx, action, decision.rule, decision.reason, { field: `${info.parentType.name}.${info.fieldName}` });
    return resolve(root, args, ctx, info);
  };
}

function checkedObject(typeName: string, action: Action, resolve: Resolve): Resolve {
  return (root, args, ctx, info) => {
    const decision = decide(ctx.principal.role as Who, action, relationsToObject(ctx.principal, root));
    if (!decision.allowed) return refuse(ctx, action, decision.rule, decision.reason, { type: typeName });
    return resolve(root, args, ctx, info);
  };
}

/** An object's relation to the principal: accounts and keys are SELF to their owner; nothing else is restricted per object yet. */
function relationsToObject(principal: Principal, root: unknown): ReadonlySet<Relation> {
  const owner = (root as { __typename?: string; dbId?: number; accountId?: number } | null) ?? {};
  const accountId = owner.__typename === 'Account' ? owner.dbId : owner.__typename === 'ApiKey' ? owner.accountId : undefined;
  return accountId === undefined ? ONLY_ANY : accountRelations(principal, accountId);
}

const ONLY_ANY: ReadonlySet<Relation> = new Set<Relation>(['ANY']);

const audited = new WeakMap<RequestContext, Set<string>>();

/** One audit row per request and refused action (a list of 100 hidden objects is one refusal, not 100 rows). */
async function refuse(ctx: RequestContext, action: Action, rule: string, reason: string, target: Record<string, unknown>): Promise<never> {
  let seen = audited.get(ctx);
  if (!seen) audited.set(ctx, (seen = new Set()));
  const key = `${action}:${JSON.stringify(target)}`;
  if (!seen.has(key)) {
    seen.add(key);
    await appendAudit(ctx.dataSource, ctx.principal, ctx.origin, { action, decision: AuditDecision.REFUSED, rule, reason, target });
  }
  throw new ForbiddenError(action, rule, reason);
}
