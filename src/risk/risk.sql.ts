import { BEHIND_POINTS, DUE_SOON_DAYS } from './risk-rules';

/**
 * The SQL side of risk-rules.ts. Every expression here is written against a
 * task row `t` joined to its plan `p`; test/risk/risk-sql-agrees.test.ts runs
 * both on every task of the seeds and fixtures at several dates.
 */

/** A report's date: its 落款日期, else 31 December of its year. Shared by the JS inputs and the SQL level. */
export const reportDateSql = (d: string) => `COALESCE(${d}.issued_on, make_date(${d}.year, 12, 31))`;

/** The task's deadline: stored at import; the plan year's end as a guard for a row written before derivation. */
export const dueSql = 'COALESCE(t.due_on, make_date(p.year, 12, 31))';

/**
 * asOf of task `t`: the date asked for (a placeholder, or NULL), else the
 * newest progress report of the task's plan, else the plan document's date,
 * else 1 January of the plan year.
 */
export function asOfSql(asOfPlaceholder: string): string {
  return `COALESCE(${asOfPlaceholder}::date,
    (SELECT max(${reportDateSql('rd')}) FROM document rd WHERE rd.plan_id = t.plan_id AND rd.kind = 'PROGRESS_REPORT'),
    (SELECT min(pd.issued_on) FROM document pd WHERE pd.plan_id = t.plan_id AND pd.kind = 'PLAN'),
    make_date(p.year, 1, 1))`;
}

/**
 * The facts of risk-rules.ts for task `t`, as one row: as_of, due, start,
 * year, reports (count), in_last, in_prev, status and percent of the latest update.
 */
function riskFactsSql(asOfPlaceholder: string): string {
  return `SELECT a.as_of, a.due, a.start, a.year, r.reports,
      EXISTS (SELECT 1 FROM progress_update x WHERE x.task_id = t.id AND x.document_id = r.ids[1]) AS in_last,
      EXISTS (SELECT 1 FROM progress_update x WHERE x.task_id = t.id AND x.document_id = r.ids[2]) AS in_prev,
      l.status, l.percent
    FROM (SELECT ${asOfSql(asOfPlaceholder)} AS as_of, ${dueSql} AS due, make_date(p.year, 1, 1) AS start, p.year) a
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reports, array_agg(d.id ORDER BY ${reportDateSql('d')} DESC, d.id DESC) AS ids
      FROM document d WHERE d.plan_id = t.plan_id AND d.kind = 'PROGRESS_REPORT' AND ${reportDateSql('d')} <= a.as_of) r
    LEFT JOIN LATERAL (
      SELECT x.status, x.percent FROM progress_update x JOIN document d ON d.id = x.document_id
      WHERE x.task_id = t.id AND ${reportDateSql('d')} <= a.as_of
      ORDER BY ${reportDateSql('d')} DESC, d.id DESC LIMIT 1) l ON TRUE`;
}

/**
 * The level of task `t` as a scalar sub-query yielding 'RED' | 'YELLOW' |
 * 'GREEN' | 'UNKNOWN'. The CASE follows RULES in risk-rules.ts: UNKNOWN and
 * COMPLETED decide first, then any RED rule, then any YELLOW rule.
 */
export function riskLevelSql(asOfPlaceholder: string): string {
  return `(SELECT CASE
      WHEN f.reports = 0 THEN 'UNKNOWN'
      WHEN f.status = 'COMPLETED' THEN 'GREEN'
      WHEN f.status = 'SUSPENDED'
        OR f.as_of > f.due
        OR (f.reports >= 2 AND NOT f.in_last AND NOT f.in_prev) THEN 'RED'
      WHEN (f.percent IS NOT NULL
            AND LEAST(GREATEST(f.as_of - f.start, 0), f.due - f.start)::float8 * 100 > (f.percent + ${BEHIND_POINTS}) * (f.due - f.start)::float8)
        OR (f.status = 'NOT_STARTED' AND f.as_of > make_date(f.year, 3, 31))
        OR NOT f.in_last
        OR (f.due - f.as_of BETWEEN 0 AND ${DUE_SOON_DAYS}) THEN 'YELLOW'
      ELSE 'GREEN' END
    FROM (${riskFactsSql(asOfPlaceholder)}) f)`;
}
