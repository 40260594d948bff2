import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { MACHINES } from '../../src/workflow/machines';
import { machineTableMarkdown, step } from '../../src/workflow/state-machine';
import { EXTENSION_MACHINE } from '../../src/extension/extension.machine';
import { CLOSURE_MACHINE } from '../../src/closure/closure.machine';
import { ExtensionState } from '../../src/extension/extension-state';
import { ClosureState } from '../../src/closure/closure-state';

describe('the workflow machines', () => {
  it('the README’s state table is the one in the code', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- machine-table:start -->');
    const end = readme.indexOf('<!-- machine-table:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- machine-table:start -->'.length, end).trim()).toBe(machineTableMarkdown(MACHINES).trim());
  });

  it('an extension request is answered once: every answer starts from PENDING only', () => {
    expect(step(EXTENSION_MACHINE, null, 'request')).toEqual({ to: ExtensionState.PENDING });
    for (const action of ['approve', 'refuse', 'withdraw'] as const) {
      for (const state of Object.values(ExtensionState)) {
        const result = step(EXTENSION_MACHINE, state, action);
        expect('to' in result).toBe(state === ExtensionState.PENDING);
      }
    }
  });

  it('a task closes from never-closed or reopened, and reopens only when closed', () => {
    expect(step(CLOSURE_MACHINE, null, 'close')).toEqual({ to: ClosureState.CLOSED });
    expect(step(CLOSURE_MACHINE, ClosureState.OPEN, 'close')).toEqual({ to: ClosureState.CLOSED });
    expect(step(CLOSURE_MACHINE, ClosureState.CLOSED, 'reopen')).toEqual({ to: ClosureState.OPEN });
    expect(step(CLOSURE_MACHINE, null, 'reopen')).toMatchObject({ userErrors: [{ code: 'ILLEGAL_TRANSITION', message: 'The TaskClosure does not exist yet: reopen is possible only from CLOSED.' }] });
  });
});
