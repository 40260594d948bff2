import { type GraphQLInputType, astFromValue, valueFromASTUntyped } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { BadUserInputError } from '../graphql/errors';
import { countFilterConditions } from '../graphql/filter-size';
import { sql } from '../sql/sql';
import { jurisdictionArgumentSql } from '../plan/jurisdiction-lookup';
import { reportDateSql } from '../risk/risk.sql';
import type { Section } from '../task/section';
import type { TaskWhere } from '../task/task.inputs';
import { SECTION_WORDS, ledgerTitle } from './ledger-layout';

export type LedgerFormat = 'xlsx' | 'csv';

/** What a client asks to export: a plan (year, jurisdiction), a section, a period and a task filter. */
export interface LedgerParams {
  format: LedgerFormat;
  year: number;
  /** The full name (重庆市沙坪坝区) or the district part (沙坪坝区); may be left out when one plan has the year. */
  jurisdiction: string | null;
  section: Section | null;
  /** The round whose 进展情况 the ledger shows (2021-Q1); none: the plan's ledger. */
  period: string | null;
  /** As `tasks(where:)`: GraphQL's coerced value. */
  where: TaskWhere | null;
}

/** A request checked against the database: the plan exists, and so does the period's report. */
export interface LedgerRequest extends LedgerParams {
  planId: number;
  /** The plan's jurisdiction, in full. */
  jurisdictionName: string;
  /** The date of the period's report (the lights are judged at it); null without a period. */
  asOf: string | null;
  /** The title row, 重庆市沙坪坝区2021年一季度推进情况台账. */
  title: string;
}

export const PERIOD = /^(\d{4})-Q[1-4]$/;
const LISTED = 10;

/** A few names of a long list, and how many more: an error message stays readable at 50 districts. */
function some(names: string[]): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more` : names.join(', ');
}

/** Finds the plan and the period's report; a client's mistake is BAD_USER_INPUT naming the parameter. */
export async function resolveLedger(ctx: RequestContext, params: LedgerParams): Promise<LedgerRequest> {
  const j = sql.identifier('j');
  const plans = await ctx.query<{ id: number; jurisdiction: string }>(
    sql`SELECT p.id, ${j}.name AS jurisdiction FROM plan p JOIN jurisdiction ${j} ON ${j}.id = p.jurisdiction_id
        WHERE p.year = ${sql.value(params.year, 'int')} AND ${jurisdictionArgumentSql(j, params.jurisdiction)} ORDER BY ${j}.name`,
  );
  if (plans.length === 0) {
    const years = await ctx.query<{ year: number }>(
      sql`SELECT DISTINCT p.year FROM plan p JOIN jurisdiction ${j} ON ${j}.id = p.jurisdiction_id WHERE ${jurisdictionArgumentSql(j, params.jurisdiction)} ORDER BY p.year`,
    );
    if (params.jurisdiction !== null && years.length === 0) {
      throw new BadUserInputError(`jurisdiction: no plan of “${params.jurisdiction}” has been imported`, 'jurisdiction');
    }
    const where = params.jurisdiction === null ? '' : ` in ${params.jurisdiction}`;
    throw new BadUserInputError(`year: no plan of ${params.year}${where} (plans${where}: ${years.map((y) => y.year).join(', ') || 'none'})`, 'year');
  }
  if (plans.length > 1) {
    throw new BadUserInputError(
      `jurisdiction: ${plans.length} jurisdictions have a plan of ${params.year} (${some(plans.map((p) => p.jurisdiction))}): pass jurisdiction to choose one`,
      'jurisdiction',
    );
  }
  const [plan] = plans;
  let asOf: string | null = null;
  if (params.period !== null) {
    const d = sql.identifier('d');
    const reports = await ctx.query<{ period: string; as_of: string }>(
      sql`SELECT ${d}.period, to_char(max(${reportDateSql(d)}), 'YYYY-MM-DD') AS as_of FROM document ${d}
          WHERE ${d}.plan_id = ${sql.value(plan.id, 'int')} AND ${d}.kind = 'PROGRESS_REPORT' AND ${d}.period IS NOT NULL
          GROUP BY ${d}.period ORDER BY ${d}.period`,
    );
    const report = reports.find((r) => r.period === params.period);
    if (!report) {
      throw new BadUserInputError(
        `period: the ${params.year} plan of ${plan.jurisdiction} has no progress report of ${params.period} (reported: ${reports.map((r) => r.period).join(', ') || 'none yet'})`,
        'period',
      );
    }
    asOf = report.as_of;
  }
  return { ...params, planId: plan.id, jurisdictionName: plan.jurisdiction, asOf, title: ledgerTitle(plan.jurisdiction, params.year, params.period) };
}

/** Checks the arguments the GraphQL field and the route share, before anything touches the database. */
export function checkLedgerParams(params: LedgerParams, maxFilterConditions?: number): LedgerParams {
  if (!Number.isSafeInteger(params.year) || params.year < 1000 || params.year > 9999) {
    throw new BadUserInputError(`year: “${params.year}” is not a year (four digits, e.g. 2024)`, 'year');
  }
  if (params.period !== null) {
    const m = PERIOD.exec(params.period);
    if (!m) throw new BadUserInputError(`period: “${params.period}” is not a reporting period (year and quarter, e.g. ${params.year}-Q1; 上半年 is Q2, 全年 is Q4)`, 'period');
    if (Number(m[1]) !== params.year) throw new BadUserInputError(`period: ${params.period} is not a period of the ${params.year} plan`, 'period');
  }
  if (params.jurisdiction !== null && params.jurisdiction.trim() === '') throw new BadUserInputError('jurisdiction: empty; leave it out or name a jurisdiction', 'jurisdiction');
  // The route's `where` comes as JSON, not through GraphQL's filter-size plugin: counted here by the same rule.
  if (maxFilterConditions !== undefined && params.where != null && countFilterConditions(params.where, maxFilterConditions) > maxFilterConditions) {
    throw new BadUserInputError(
      `where: more than ${maxFilterConditions} filter nodes (every input object counts, empty ones included); the filter size limit is ${maxFilterConditions} conditions (maxFilterConditions).`,
      'where',
    );
  }
  return params;
}

/**
 * The route's address for a request: what the GraphQL field `ledgerExport`
 * hands a frontend. `where` travels as JSON in the GraphQL input syntax's
 * values (enum names, ISO dates), the way a client would send variables.
 */
export function ledgerPath(request: LedgerRequest, taskWhere: GraphQLInputType): string {
  const query = new URLSearchParams({ year: String(request.year), jurisdiction: request.jurisdictionName });
  if (request.section) query.set('section', request.section);
  if (request.period) query.set('period', request.period);
  if (request.where) {
    const ast = astFromValue(request.where, taskWhere);
    if (ast) query.set('where', JSON.stringify(valueFromASTUntyped(ast)));
  }
  return `/exports/ledger.${request.format}?${query.toString()}`;
}

/** The file name a browser saves: the title row, and the format. */
export function ledgerFileName(request: LedgerRequest): string {
  return `${request.title}${request.section ? `（${SECTION_WORDS[request.section].sheet}）` : ''}.${request.format}`;
}

