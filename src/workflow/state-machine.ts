import { UserErrorCode, userError, type UserError } from '../mutation/user-error.type';

/**
 * The supervision workflow as explicit state machines (issue 17, item 5).
 * Each workflow object (a task in a round, a progress report, an extension
 * request, a task's closing) has one `state` column and one machine here;
 * every transition is a mutation, and the mutation asks its machine before it
 * writes, so an illegal transition is a `userErrors` entry naming the state
 * and the action, never a half-done write. The README's state table is
 * printed from these declarations (`machineTableMarkdown`), as the policy
 * table is from the policy, so the two cannot drift apart.
 *
 * Who may take a transition is the policy's business (policy.ts), not the
 * machine's: a machine says what can follow what, the policy says who.
 */
export interface Transition<S extends string, A extends string> {
  /** The mutation's verb, as the machine knows it (e.g. `submit`, `accept`). */
  action: A;
  /** States the action may start from; `null` means "no row yet" (the action creates the object). */
  from: readonly (S | null)[];
  to: S;
  /** The Mutation field that takes this transition (for the README table). */
  mutation: string;
  /** Why the transition exists, in the office's terms. */
  why: string;
}

export interface Machine<S extends string, A extends string> {
  /** The object whose state this is, as the README names it (e.g. `ProgressReport`). */
  name: string;
  /** Every state with what it means (Chinese term included). */
  states: Record<S, string>;
  transitions: readonly Transition<S, A>[];
}

export function defineMachine<S extends string, A extends string>(machine: Machine<S, A>): Machine<S, A> {
  for (const t of machine.transitions) {
    for (const from of t.from) if (from !== null && !(from in machine.states)) throw new Error(`${machine.name}.${t.action}: unknown state ${from}`);
    if (!(t.to in machine.states)) throw new Error(`${machine.name}.${t.action}: unknown state ${t.to}`);
  }
  return machine;
}

/**
 * The state `action` leads to from `current` (null: the object does not exist
 * yet), or the user error that says why it cannot be taken.
 */
export function step<S extends string, A extends string>(machine: Machine<S, A>, current: S | null, action: A, field: string | null = null): { to: S } | { userErrors: UserError[] } {
  const candidates = machine.transitions.filter((t) => t.action === action);
  const taken = candidates.find((t) => t.from.includes(current));
  if (taken) return { to: taken.to };
  const allowedFrom = [...new Set(candidates.flatMap((t) => t.from))].map((s) => (s === null ? '(new)' : s));
  const now = current === null ? `does not exist yet` : `is ${current}`;
  return {
    userErrors: [
      userError(
        UserErrorCode.ILLEGAL_TRANSITION,
        `The ${machine.name} ${now}: ${action} is possible only from ${allowedFrom.join(', ') || 'no state'}.`,
        field,
      ),
    ],
  };
}

/** The states and transitions of the given machines as README markdown (a test keeps the README equal). */
export function machineTableMarkdown(machines: readonly Machine<string, string>[]): string {
  const out: string[] = [];
  for (const m of machines) {
    out.push(`#### ${m.name}`, '', '| state | meaning |', '| --- | --- |');
    for (const [state, meaning] of Object.entries(m.states)) out.push(`| \`${state}\` | ${meaning} |`);
    out.push('', '| action | from | to | mutation | why |', '| --- | --- | --- | --- | --- |');
    for (const t of m.transitions) {
      out.push(`| \`${t.action}\` | ${t.from.map((s) => (s === null ? '(new)' : `\`${s}\``)).join(', ')} | \`${t.to}\` | \`${t.mutation}\` | ${t.why} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
