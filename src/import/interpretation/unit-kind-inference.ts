import { UnitKind } from '../../unit/unit-kind';

interface KindRule {
  pattern: RegExp;
  kind: UnitKind;
  /** The rule as the import report shows it. */
  rule: string;
}

/**
 * A name the registry does not know still says what it is by its form. The
 * order matters: 各镇街 is a collective before it is a township, 区…管委会 a
 * zone committee before it is a district department.
 */
const RULES: KindRule[] = [
  { pattern: /^(各|有关|相关)/, kind: UnitKind.COLLECTIVE, rule: '各…/有关…/相关… → collective' },
  { pattern: /管委会$/, kind: UnitKind.ZONE_COMMITTEE, rule: '…管委会 → zone committee' },
  { pattern: /(街道|镇)$/, kind: UnitKind.TOWNSHIP_STREET, rule: '…街道/…镇 → township/street' },
  { pattern: /(公司|集团)$/, kind: UnitKind.STATE_OWNED_ENTERPRISE, rule: '…公司/…集团 → state-owned enterprise' },
  { pattern: /^区.*(委|局|办)$/, kind: UnitKind.DISTRICT_DEPARTMENT, rule: '区…委/局/办 → district department' },
];

/** The kind a new name's form suggests, and the rule, or undefined when no rule applies. */
export function inferUnitKind(name: string): { kind: UnitKind; rule: string } | undefined {
  const hit = RULES.find((r) => r.pattern.test(name));
  return hit && { kind: hit.kind, rule: hit.rule };
}
