import { ACTIONS, type Action, RELATIONS, RULES } from './policy';

/** The policy as the README prints it (between its policy-table markers; a test keeps them equal). */
export function policyTableMarkdown(): string {
  const rows = RULES.map((r) => `| \`${r.action}\` | ${r.who.join(', ')} | ${r.relations.map((x) => (x === 'ANY' ? 'any' : `\`${x}\``)).join(' or ')} | \`${r.id}\` | ${r.why} |`);
  const actions = (Object.keys(ACTIONS) as Action[]).map((a) => `| \`${a}\` | ${ACTIONS[a]} |`);
  const relations = Object.entries(RELATIONS).map(([r, what]) => `| \`${r}\` | ${what} |`);
  return [
    '| action | who | where | rule | why |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| action | what it is |',
    '| --- | --- |',
    ...actions,
    '',
    '| relation | holds when |',
    '| --- | --- |',
    ...relations,
  ].join('\n');
}
