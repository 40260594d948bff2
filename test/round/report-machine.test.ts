import 'reflect-metadata';
import { MACHINES } from '../../src/workflow/machines';
import { step } from '../../src/workflow/state-machine';
import { REPORT_MACHINE } from '../../src/round/report.machine';
import { ROUND_MACHINE } from '../../src/round/round.machine';
import { ReportState } from '../../src/round/report-state';

describe('the round and report machines', () => {
  it('are registered, so the README table shows them (test/workflow/machines.test.ts keeps it equal)', () => {
    expect(MACHINES).toContain(ROUND_MACHINE);
    expect(MACHINES).toContain(REPORT_MACHINE);
  });

  it('edit a returned report without leaving RETURNED, and let nothing out of ACCEPTED', () => {
    expect(step(REPORT_MACHINE, null, 'save')).toEqual({ to: 'DRAFT' });
    expect(step(REPORT_MACHINE, ReportState.RETURNED, 'save')).toEqual({ to: 'RETURNED' });
    expect(step(REPORT_MACHINE, ReportState.RETURNED, 'submit')).toEqual({ to: 'SUBMITTED' });
    expect(step(REPORT_MACHINE, ReportState.ACCEPTED, 'return')).toEqual({
      userErrors: [{ field: null, code: 'ILLEGAL_TRANSITION', message: 'The ProgressReport is ACCEPTED: return is possible only from SUBMITTED.' }],
    });
    expect(REPORT_MACHINE.transitions.filter((t) => t.from.includes(ReportState.ACCEPTED))).toEqual([]);
  });
});
