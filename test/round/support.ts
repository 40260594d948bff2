import type { DataSource } from 'typeorm';

/** Every row the workflow writes, hashed per table: "nothing changed" is this snapshot being equal. */
export async function workflowSnapshot(ds: DataSource): Promise<Record<string, string>> {
  const tables = ['reporting_round', 'progress_report', 'progress_contribution', 'progress_update', 'idempotency_key'];
  const [row] = await ds.query(
    `SELECT ${tables.map((t) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`,
  );
  return row;
}

export const REPORT_FIELDS = `id state text percent status statusReason percentReason attachment reviewComment version submittedAt
  derived { status statusReason percent percentReason } corrections { field derived corrected } unit { name } task { number }`;

export const OPEN = `mutation($input: OpenRoundInput!) { openRound(input: $input) { replayed userErrors { field code message } round { id period opensOn dueOn state version plan { year } } } }`;
export const SAVE = `mutation($input: SaveProgressDraftInput!) { saveProgressDraft(input: $input) { replayed userErrors { field code message } report { ${REPORT_FIELDS} } } }`;
export const SUBMIT = `mutation($input: SubmitProgressInput!) { submitProgress(input: $input) { replayed userErrors { field code message } report { ${REPORT_FIELDS} } } }`;
export const CONTRIBUTE = `mutation($input: ContributeProgressInput!) { contributeProgress(input: $input) { replayed userErrors { field code message } contributions { unit { name } text } } }`;
export const ACCEPT = `mutation($input: AcceptReportInput!) { acceptReport(input: $input) { replayed userErrors { field code message } report { ${REPORT_FIELDS} } } }`;
export const RETURN = `mutation($input: ReturnReportInput!) { returnReport(input: $input) { replayed userErrors { field code message } report { ${REPORT_FIELDS} } } }`;
