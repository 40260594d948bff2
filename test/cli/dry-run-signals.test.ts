import { toDryRunJson } from '../../src/cli/dry-run-json';
import { parseFiles } from '../../src/import/writer/import-files';
import { type ApiServer, startApiServer } from '../support/api-server';
import { PLAN_2024, REPORT_2021, registry } from '../support/seeds';

/**
 * `--dry-run --json` shows the signals an import stores (issue 21): each
 * item's `due` and `progressSignals` must be what the API serves for the same
 * task once the seeds are imported, so a dry run can be trusted to preview
 * the deadlines, statuses and percents.
 */
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.stop());

const TASKS = `query ($year: Int!, $after: String) {
  tasks(where: { year: { eq: $year } }, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { section number due { date source words } progress { status statusReason percent percentReason items { number text } } }
  }
}`;

async function served(year: number): Promise<Map<string, unknown>> {
  const byTask = new Map<string, unknown>();
  let after: string | null = null;
  do {
    const response: { errors?: unknown; data?: any } = await api.gql(TASKS, { year, after });
    expect(response.errors).toBeUndefined();
    for (const { section, number, due, progress } of response.data!.tasks.nodes) byTask.set(`${section} ${number}`, { due, progressSignals: progress[0] ?? null });
    after = response.data!.tasks.pageInfo.hasNextPage ? response.data!.tasks.pageInfo.endCursor : null;
  } while (after);
  return byTask;
}

it.each([
  ['the 2024 plan', PLAN_2024, 144],
  ['the 2021 report', REPORT_2021, 157],
])('the dry-run JSON of %s carries the signals the API serves after import', async (_name, file, count) => {
  const json = toDryRunJson(parseFiles([file], registry)[0]);
  const previewed = new Map(json.sections.flatMap((s) => s.items.map((i) => [`${s.section} ${i.number}`, { due: i.due, progressSignals: i.progressSignals }])));
  const answered = await served(json.document.year);
  expect(previewed.size).toBe(count);
  expect(Object.fromEntries(previewed)).toEqual(Object.fromEntries(answered));
  // Not vacuous: the report's texts state percents and statuses, the plan's none.
  const withPercent = [...previewed.values()].filter((s) => s.progressSignals?.percent != null).length;
  expect(withPercent).toBe(json.document.kind === 'PLAN' ? 0 : 13);
});
