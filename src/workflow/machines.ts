import { REPORT_MACHINE } from '../round/report.machine';
import { ROUND_MACHINE } from '../round/round.machine';
import { CLOSURE_MACHINE } from '../closure/closure.machine';
import { EXTENSION_MACHINE } from '../extension/extension.machine';
import type { Machine } from './state-machine';

/**
 * Every workflow machine, in the order the README's state table lists them.
 * A new machine is added here and nowhere else.
 */
export const MACHINES: readonly Machine<string, string>[] = [EXTENSION_MACHINE, CLOSURE_MACHINE, ROUND_MACHINE, REPORT_MACHINE];
