import type { UnitMention } from '../model/unit-mention';
import type { UnitRegistry } from '../registry/unit-registry';
import type { Findings } from './checks';
import { unitNameShape } from './unit-suffix';

export interface CellPlace {
  line: number;
  row: number;
  /** Column header as the document writes it. */
  field: string;
  /** Table title, to group findings. */
  table: string;
}

/** A person's name as the leader column writes it, padding removed: 2–4 Han characters. */
const PERSON_NAME = /^[\u3400-\u9fff]{2,4}$/;

/** Longer endings no personal name has; single-character ones (园, 华 …) do occur in names. */
const UNIT_ENDING_IN_NAME = /(中心|公司|街道|单位|部门|机关|集团|管委会|委员会|指挥部)$/;

/**
 * A 责任领导 cell holds person names. Word pads two-character names ("陈  英")
 * — the names come here with the padding already removed.
 */
export function checkLeaderNames(names: readonly string[], place: CellPlace, registry: UnitRegistry, findings: Findings): void {
  if (names.length === 0) {
    findings.fail('leader-names', place.table, { ...place, message: `the ${place.field} cell is empty` });
    return;
  }
  for (const name of names) {
    const unit = registry.lookup(name) ?? (/^[区市县]/.test(name) && unitNameShape(registry).looksLikeUnit(name));
    if (!PERSON_NAME.test(name) || unit || UNIT_ENDING_IN_NAME.test(name)) {
      findings.fail('leader-names', place.table, {
        ...place,
        message: `“${clip(name)}” is not a person's name (2–4 Han characters${unit ? ', and it is a unit' : ''})`,
      });
    }
  }
}

/** A 牵头单位/协同单位 cell holds unit names; a lead-unit cell is never empty. */
export function checkUnitNames(
  units: readonly UnitMention[],
  place: CellPlace,
  required: boolean,
  registry: UnitRegistry,
  findings: Findings,
): void {
  if (required && units.length === 0) {
    findings.fail('unit-names', place.table, { ...place, message: `the ${place.field} cell is empty` });
  }
  const shape = unitNameShape(registry);
  for (const unit of units) {
    if (unit.known || shape.looksLikeUnit(unit.name)) continue;
    findings.fail('unit-names', place.table, { ...place, message: `“${clip(unit.writtenAs)}” is not a unit name` });
  }
}

/**
 * A text cell (task, category, project, progress) is not a list of names: a
 * cell made only of unit names or leader names of this document is a cell
 * that moved.
 */
export function checkText(text: string, place: CellPlace, registry: UnitRegistry, leaders: ReadonlySet<string>, findings: Findings): void {
  const tokens = text.split(/[\s\u3000、，,；;]+/).filter(Boolean);
  if (tokens.length === 0) return;
  const isUnit = (t: string) => !!registry.lookup(t) || !!registry.splitGlued(t);
  const joined = text.replace(/[\s\u3000]+/g, '');
  const allUnits = tokens.every(isUnit);
  const allLeaders = leaders.has(joined) || tokens.every((t) => leaders.has(t));
  if (allUnits || allLeaders) {
    findings.fail('cell-text', place.table, {
      ...place,
      message: `“${clip(text)}” is a list of ${allUnits ? 'unit' : 'leader'} names, not the ${place.field} text`,
    });
  }
}

/**
 * A line inside a cell that holds only a number is the 序号 of a row whose
 * cell tabs were lost: the row was merged into the cell above.
 */
export function checkLostTabs(lines: readonly string[], cellLine: number, place: CellPlace, findings: Findings): void {
  for (let k = 1; k < lines.length; k++) {
    if (/^\s*\d+\s*$/.test(lines[k])) {
      findings.fail('lost-tabs', place.table, {
        ...place,
        line: cellLine + k,
        message: `the line “${lines[k].trim()}” inside the ${place.field} cell holds only a number: a row whose cell tabs were lost?`,
      });
    }
  }
}

function clip(text: string): string {
  const one = text.replace(/\s*\n\s*/g, ' ');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}
