import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Why a mutation was refused for business reasons (as opposed to policy: FORBIDDEN, or malformed input: BAD_USER_INPUT). */
export enum UserErrorCode {
  /** The object changed since the client read it: `expectedVersion` is not its version. */
  STALE_VERSION = 'STALE_VERSION',
  /** The object named in the input does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** Already done: doing it again would change nothing (a second 签收, revoking a revoked key). */
  ALREADY_DONE = 'ALREADY_DONE',
  /** The idempotency key was used before with another mutation or another input. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** A value is not acceptable (empty, too long, in the past …); `field` names it. */
  INVALID = 'INVALID',
  /** The change would clash with another object (a name or subject already taken). */
  CONFLICT = 'CONFLICT',
  /** The object is in a state from which this action cannot be taken (workflow state machines, src/workflow/state-machine.ts). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused for business reasons (userErrors).',
  valuesConfig: {
    STALE_VERSION: { description: 'The object changed since you read it: `expectedVersion` is not its version. Read it again and retry.' },
    NOT_FOUND: { description: 'The object named in the input does not exist.' },
    ALREADY_DONE: { description: 'Already done: doing it again would change nothing (a second 签收, revoking a revoked key).' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was used before with another mutation or input.' },
    INVALID: { description: 'A value is not acceptable (empty, too long, in the past …); `field` names it.' },
    CONFLICT: { description: 'The change would clash with another record (a name or subject already taken).' },
    ILLEGAL_TRANSITION: { description: 'The object is in a state from which this action cannot be taken; the message names the state and the action.' },
  },
});

@ObjectType('UserError', {
  description:
    'A business refusal of a mutation: nothing was changed. Policy refusals are FORBIDDEN errors and malformed input BAD_USER_INPUT errors instead.',
})
export class UserError {
  @Field(() => String, { nullable: true, description: 'The input field at fault (`expectedVersion`, `task`), or null for the input as a whole.' })
  field: string | null;

  @Field({ description: 'What was wrong, in words a person can act on.' })
  message: string;

  @Field(() => UserErrorCode, { description: 'Stable code for programs.' })
  code: UserErrorCode;
}

export function userError(code: UserErrorCode, message: string, field: string | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field });
}
