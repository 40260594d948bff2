import { Kind, type ValueNode } from 'graphql';

/**
 * The size of a filter, counted before any SQL is built: every input object
 * is one node (an empty `{}` and a relation wrapper such as
 * `leaders: { some: {} }` compile to an EXISTS sub-query each, so they are
 * not free), every scalar or enum leaf is one more, and a list of scalars
 * (`in: [...]`) is one parameter, so one. One variable holding 1,000
 * `{ leaders: { some: {} } }`, referenced 300 times inside an OR, is a 25 KB
 * request that would compile to 300,000 EXISTS clauses.
 *
 * Counting stops as soon as it passes `max` (the answer is then `max + 1`),
 * so a huge or deeply nested value costs no more than the limit, and walks
 * with an explicit stack, so depth cannot overflow the call stack.
 */
export function countFilterConditions(where: unknown, max = Number.POSITIVE_INFINITY): number {
  let count = 0;
  // Arrays are walked by index, never copied or scanned up front.
  const stack: { items: unknown[]; next: number }[] = [{ items: [where], next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const value = top.items[top.next++];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (isScalarList(value, max)) count += 1;
      else stack.push({ items: value, next: 0 });
    } else if (typeof value === 'object') {
      count += 1;
      stack.push({ items: Object.values(value as Record<string, unknown>), next: 0 });
    } else count += 1;
    if (count > max) return max + 1;
  }
  return count;
}

/** A list of scalars is one condition; a list holding any object is the sum of its items. Looks at most `max + 1` items. */
function isScalarList(items: readonly unknown[], max: number): boolean {
  const seen = Math.min(items.length, max + 1);
  for (let i = 0; i < seen; i++) if (items[i] !== null && typeof items[i] === 'object') return false;
  return true;
}

/**
 * The same count over a filter argument as written in the query document,
 * variables taken from the request as sent: no coercion, no resolver, no SQL.
 * Each variable's value is counted once however often it is referenced.
 */
export function countFilterArgument(node: ValueNode, variables: Readonly<Record<string, unknown>>, max: number): number {
  const perVariable = new Map<string, number>();
  const ofVariable = (name: string) => {
    let n = perVariable.get(name);
    if (n === undefined) perVariable.set(name, (n = countFilterConditions(variables[name], max)));
    return n;
  };
  const isObjectLike = (item: ValueNode) =>
    item.kind === Kind.OBJECT || item.kind === Kind.LIST || (item.kind === Kind.VARIABLE && variables[item.name.value] !== null && typeof variables[item.name.value] === 'object');
  let count = 0;
  const stack: ValueNode[] = [node];
  while (stack.length) {
    const value = stack.pop()!;
    switch (value.kind) {
      case Kind.NULL:
        break;
      case Kind.VARIABLE:
        count += ofVariable(value.name.value);
        break;
      case Kind.OBJECT:
        count += 1;
        for (const field of value.fields) stack.push(field.value);
        break;
      case Kind.LIST:
        if (value.values.some(isObjectLike)) stack.push(...value.values);
        else count += 1;
        break;
      default:
        count += 1;
    }
    if (count > max) return max + 1;
  }
  return count;
}
