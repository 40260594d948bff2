import type { UnitRegistry } from '../registry/unit-registry';
import { normaliseUnitName } from '../../unit/unit-name-normalise';

/**
 * Endings of unit names seen in government documents. The registry adds the
 * ending of every name and alias it holds, so every real name of the seeds
 * passes by construction; these cover units a registry has not met yet.
 */
const COMMON_ENDINGS = [
  '委', '局', '办', '中心', '公司', '街道', '镇', '乡', '部', '会', '院', '队', '所', '站', '社', '园', '区',
  '单位', '镇街', '部门', '联', '企业', '室', '机关', '协', '组', '指挥部', '集团', '医院', '学校', '银行', '处', '厅', '馆',
];

const HAN = /^[\u3400-\u9fff]$/;

/** Longer than any unit name seen (the registry’s longest is 17 characters): text, not a name. */
const MAX_UNIT_NAME = 40;

/** What a unit name may end with, for one registry (cached per registry). */
export class UnitNameShape {
  private readonly endings: string[];

  constructor(private readonly registry: UnitRegistry) {
    const endings = new Set(COMMON_ENDINGS);
    for (const entry of registry.entries) {
      for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
        const name = normaliseUnitName(spelling);
        const last = name.slice(-1);
        if (HAN.test(last)) endings.add(last);
      }
    }
    this.endings = [...endings];
  }

  /** A registry name, or a name of at least two characters ending like a unit, with no sentence punctuation. */
  looksLikeUnit(name: string): boolean {
    const text = normaliseUnitName(name);
    if (this.registry.lookup(text)) return true;
    if (text.length < 2 || text.length > MAX_UNIT_NAME || /[。；;！？!?：:“”"]/.test(text) || /^\d/.test(text)) return false;
    const bare = text.replace(/（[^（）]*）$/, '');
    return this.endings.some((ending) => bare.endsWith(ending) && bare.length > ending.length);
  }
}

const shapes = new WeakMap<UnitRegistry, UnitNameShape>();

export function unitNameShape(registry: UnitRegistry): UnitNameShape {
  let shape = shapes.get(registry);
  if (!shape) shapes.set(registry, (shape = new UnitNameShape(registry)));
  return shape;
}
