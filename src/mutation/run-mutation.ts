import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit/audit-log';
import { type EventRecord, appendEvent } from '../events/event-log';
import { AuditDecision } from '../audit/audit.entity';
import { type Action, type Relation, decide } from '../auth/policy';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError, ForbiddenError } from '../graphql/errors';
import { UserErrorCode, userError, type UserError } from './user-error.type';

/** What every payload carries: business refusals, empty when the mutation did its work. */
export interface Payload {
  userErrors: UserError[];
  /** True when this answer is the stored first answer to an idempotency key sent again. */
  replayed: boolean;
}

/** What a mutation's own steps return: its payload and what the audit trail keeps, or refusals. */
export type Outcome<P> = { payload: Omit<P, keyof Payload>; target: Record<string, unknown>; before?: unknown; after?: unknown } | { userErrors: UserError[] };

/** A mutation's outcome when it did its work. */
export type Success<P> = Exclude<Outcome<P>, { userErrors: UserError[] }>;

export interface MutationSpec<P extends Payload> {
  /** The Mutation field, for idempotency and the audit trail. */
  name: string;
  action: Action;
  /** The input as sent (its hash ties an idempotency key to it). */
  input: { idempotencyKey?: string | null };
  /** Ids of the target and how the principal stands to it, read in the transaction (an unknown target has only ANY: refused like another's). */
  target(tx: EntityManager): Promise<{ ids: Record<string, unknown>; relations: ReadonlySet<Relation> }>;
  /** The change itself, in the transaction, after the policy allowed it. */
  run(tx: EntityManager): Promise<Outcome<P>>;
  /**
   * The events the change writes to the event log (src/events), in its transaction. Default: one,
   * of the mutation's name, with the outcome's `target` as its ids; return [] to write none.
   */
  events?(outcome: Success<P>): EventRecord[];
  /** What a replay returns of the payload (a new key's secret is shown once: not stored). Default: all of it. */
  stored?(payload: Omit<P, keyof Payload>): Omit<P, keyof Payload>;
}

/** Thrown inside the transaction to roll it back; carries what to answer. */
class Rollback {
  constructor(readonly answer: { userErrors: UserError[] } | { forbidden: ForbiddenError; target: Record<string, unknown>; rule: string }) {}
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The one way a mutation writes (README "Mutations"): a transaction that
 * (1) replays the stored answer when the idempotency key was seen, (2) asks
 * the policy about the target, (3) runs the change, (4) appends the audit
 * row with before/after and the event (src/events/event-log.ts), (5) stores the answer for the idempotency key —
 * and commits all of it or none. A policy refusal rolls back and is
 * audited outside the transaction; business refusals roll back and come
 * back as `userErrors`; a clash with a unique or foreign key becomes a
 * user error, never INTERNAL_SERVER_ERROR.
 */
export async function runMutation<P extends Payload>(ctx: RequestContext, spec: MutationSpec<P>): Promise<P> {
  const { principal, origin } = ctx;
  const key = spec.input.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    throw new BadUserInputError(`input.idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, 'idempotencyKey');
  }
  if (key !== null && principal.accountId === null) throw new BadUserInputError('input.idempotencyKey needs an account (the shell sends none).', 'idempotencyKey');
  const inputHash = createHash('sha256').update(spec.name).update('\0').update(stableJson(withoutKey(spec.input))).digest();
  try {
    return await ctx.dataSource.transaction(async (tx) => {
      if (key !== null) {
        // Two requests with one key at once: the second waits here, then finds the first one's answer.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('duban-idempotency'), hashtext($1 || ':' || $2))`, [String(principal.accountId), key]);
        const [seen] = await tx.query(`SELECT mutation, input_hash, response FROM idempotency_key WHERE account_id = $1 AND key = $2`, [principal.accountId, key]);
        if (seen) {
          if (seen.mutation !== spec.name || !inputHash.equals(seen.input_hash)) {
            throw new Rollback({ userErrors: [userError(UserErrorCode.IDEMPOTENCY_KEY_REUSED, `The idempotency key was used before for another ${seen.mutation === spec.name ? 'input' : `mutation (${seen.mutation})`}; use a new key for a new request.`, 'idempotencyKey')] });
          }
          return { ...seen.response, userErrors: [], replayed: true } as P;
        }
      }
      const target = await spec.target(tx);
      const decision = decide(principal.role as never, spec.action, target.relations);
      if (!decision.allowed) throw new Rollback({ forbidden: new ForbiddenError(spec.action, decision.rule, decision.reason), target: target.ids, rule: decision.rule });
      const outcome = await spec.run(tx);
      if ('userErrors' in outcome) throw new Rollback(outcome);
      await appendAudit(tx, principal, origin, {
        action: spec.action,
        decision: AuditDecision.ALLOWED,
        rule: decision.rule,
        reason: spec.name,
        target: outcome.target,
        before: outcome.before ?? null,
        after: outcome.after ?? null,
      });
      // issue 18: every successful change is an event (a replay above changed nothing, so writes none).
      for (const event of spec.events ? spec.events(outcome) : [{ type: spec.name, target: outcome.target }]) await appendEvent(tx, principal, origin, event);
      if (key !== null) {
        await tx.query(`INSERT INTO idempotency_key (account_id, key, mutation, input_hash, response) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
          principal.accountId,
          key,
          spec.name,
          inputHash,
          JSON.stringify(spec.stored ? spec.stored(outcome.payload) : outcome.payload),
        ]);
      }
      return { ...outcome.payload, userErrors: [], replayed: false } as unknown as P;
    });
  } catch (error) {
    if (error instanceof Rollback) {
      const answer = error.answer;
      if ('userErrors' in answer) return { userErrors: answer.userErrors, replayed: false } as unknown as P;
      await appendAudit(ctx.dataSource, principal, origin, {
        action: spec.action,
        decision: AuditDecision.REFUSED,
        rule: answer.rule,
        reason: answer.forbidden.message,
        target: answer.target,
      });
      throw answer.forbidden;
    }
    // PostgreSQL's SQLSTATE (pg puts it on `code`): 23505 unique_violation, 23503 foreign_key_violation.
    const state = (error as { code?: unknown } | null)?.code;
    if (state === '23505') return { userErrors: [userError(UserErrorCode.CONFLICT, 'That would clash with an existing record (a name, subject or receipt already taken).')], replayed: false } as unknown as P;
    if (state === '23503') return { userErrors: [userError(UserErrorCode.NOT_FOUND, 'The input refers to something that does not exist.')], replayed: false } as unknown as P;
    throw error;
  }
}

function withoutKey(input: object): object {
  const { idempotencyKey: _key, ...rest } = input as Record<string, unknown>;
  return rest;
}

/** JSON with sorted keys: the same input hashes the same whatever order the client wrote its fields in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
