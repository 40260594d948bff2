import { BadUserInputError } from './errors';
import { type NodeTypeName, fromGlobalId } from './global-id';

/** The row id in a global id a mutation's input names, or BAD_USER_INPUT naming the field: a malformed id is the client's mistake. */
export function idOf(type: NodeTypeName, globalId: string, field: string): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw new BadUserInputError(`input.${field} must be the id of a ${type} (its \`id\` field); "${globalId.slice(0, 60)}" is not.`, field);
  return parsed.id;
}
