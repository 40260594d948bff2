import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { MACHINES } from '../../src/workflow/machines';
import { machineTableMarkdown, step } from '../../src/workflow/state-machine';

describe('the workflow state machines', () => {
  it('the README’s state table is the one in the code', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- state-table:start -->');
    const end = readme.indexOf('<!-- state-table:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- state-table:start -->'.length, end).trim()).toBe(machineTableMarkdown(MACHINES).trim());
  });

  it('registers the round and the report machines, each action a mutation of its own', () => {
    expect(MACHINES.map((m) => m.name)).toEqual(['Round', 'ProgressReport']);
    const report = MACHINES[1];
    expect(step(report, null, 'save')).toEqual({ to: 'DRAFT' });
    expect(step(report, 'RETURNED', 'save')).toEqual({ to: 'RETURNED' });
    expect(step(report, 'RETURNED', 'submit')).toEqual({ to: 'SUBMITTED' });
    expect(step(report, 'ACCEPTED', 'return')).toEqual({
      userErrors: [{ field: null, code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is ACCEPTED: return is possible only from SUBMITTED.' }],
    });
    // A report once accepted is final: no action leads out of ACCEPTED.
    expect(report.transitions.filter((t) => t.from.includes('ACCEPTED'))).toEqual([]);
  });
});
