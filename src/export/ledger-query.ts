import { type GraphQLInputType, coerceInputValue } from 'graphql';
import { BadUserInputError } from '../graphql/errors';
import { Section } from '../task/section';
import type { TaskWhere } from '../task/task.inputs';
import type { LedgerFormat, LedgerParams } from './ledger-request';

/** Shortcuts for links written by hand: a leader's or a unit's tasks, by name (aliases and 凌  健-style padding allowed). */
const SHORTCUTS: Record<string, (name: string) => TaskWhere> = {
  leader: (name) => ({ leaders: { some: { name: { eq: name } } } }),
  unit: (name) => ({ units: { some: { name: { eq: name } } } }),
  leadUnit: (name) => ({ leadUnits: { some: { name: { eq: name } } } }),
  coUnit: (name) => ({ coUnits: { some: { name: { eq: name } } } }),
};
const PARAMETERS = ['year', 'jurisdiction', 'section', 'period', 'where', ...Object.keys(SHORTCUTS)];

/**
 * The route's query string, read as the GraphQL field's arguments: the same
 * names, `where` as JSON in the shape of `tasks(where:)` (coerced by the
 * schema's own TaskWhere type, so the same values are accepted and refused),
 * plus the shortcuts `leader`, `unit`, `leadUnit`, `coUnit`. Every mistake is
 * a BAD_USER_INPUT naming the parameter; an unknown or repeated parameter
 * too, so a typo (yaer=2024) does not silently export something else.
 */
export function parseLedgerQuery(query: URLSearchParams, format: LedgerFormat, taskWhere: GraphQLInputType): LedgerParams {
  for (const name of new Set(query.keys())) {
    if (!PARAMETERS.includes(name)) throw new BadUserInputError(`${name}: not a parameter of a ledger export (parameters: ${PARAMETERS.join(', ')})`, name);
    if (query.getAll(name).length > 1) throw new BadUserInputError(`${name}: given ${query.getAll(name).length} times; give it once`, name);
  }
  const text = (name: string): string | null => {
    const value = query.get(name);
    return value === null || value.trim() === '' ? null : value.trim();
  };
  const yearText = text('year');
  if (yearText === null) throw new BadUserInputError('year: required: the year of the plan to export (e.g. year=2024)', 'year');
  if (!/^\d{4}$/.test(yearText)) throw new BadUserInputError(`year: “${yearText}” is not a year (four digits, e.g. 2024)`, 'year');
  const sectionText = text('section');
  if (sectionText !== null && !(Object.values(Section) as string[]).includes(sectionText)) {
    throw new BadUserInputError(`section: “${sectionText}” is not a section (${Object.keys(Section).join(', ')})`, 'section');
  }
  const conditions: TaskWhere[] = [];
  const whereText = text('where');
  if (whereText !== null) conditions.push(parseWhere(whereText, taskWhere));
  for (const [name, condition] of Object.entries(SHORTCUTS)) {
    const value = text(name);
    if (value !== null) conditions.push(condition(value));
  }
  return {
    format,
    year: Number(yearText),
    jurisdiction: text('jurisdiction'),
    section: sectionText as Section | null,
    period: text('period'),
    where: conditions.length === 0 ? null : conditions.length === 1 ? conditions[0] : { AND: conditions },
  };
}

function parseWhere(text: string, taskWhere: GraphQLInputType): TaskWhere {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadUserInputError('where: not JSON; give a TaskWhere as in tasks(where:), e.g. where={"leaders":{"some":{"name":{"eq":"凌健"}}}}', 'where');
  }
  const problems: string[] = [];
  const value = coerceInputValue(json, taskWhere, (path, _invalid, error) => {
    problems.push(`${['where', ...path].join('.')}: ${error.message}`);
  });
  if (problems.length) throw new BadUserInputError(problems.slice(0, 5).join('; '), 'where');
  return value as TaskWhere;
}
