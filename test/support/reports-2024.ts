import path from 'node:path';
import type { ApiServerOptions } from './api-server';

/**
 * The two made-up 2024 progress reports (test/fixtures/README.md), as the
 * supervision tests import them. They leave tasks out on purpose (that is
 * what "unreported" means), so their 序号 have gaps: the numbering check would
 * refuse them as damaged, and a supervision office imports such a partial
 * report with `--allow numbering`, which the document then records.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');

export const REPORTS_2024: ApiServerOptions = {
  alsoImport: [path.join(FIXTURES, 'report-2024-q1.txt'), path.join(FIXTURES, 'report-2024-h1.txt')],
  allow: ['numbering'],
};
