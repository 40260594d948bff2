import { registerEnumType } from 'type-graphql';
import { CHECKS, type CheckName } from '../import/model/check-names';

/** The importer's named checks as a GraphQL enum (the CLI spells them stated-count …, GraphQL STATED_COUNT). */
export enum ImportCheck {
  NUMBERING = 'NUMBERING',
  EMPTY_TABLE = 'EMPTY_TABLE',
  STATED_COUNT = 'STATED_COUNT',
  MISSING_TABLE = 'MISSING_TABLE',
  LEADER_NAMES = 'LEADER_NAMES',
  UNIT_NAMES = 'UNIT_NAMES',
  CELL_TEXT = 'CELL_TEXT',
  LOST_TABS = 'LOST_TABS',
}

export function importCheckOf(name: string): ImportCheck {
  return name.toUpperCase().replace(/-/g, '_') as ImportCheck;
}

const describe = (name: CheckName) => `${CHECKS[name].charAt(0).toUpperCase()}${CHECKS[name].slice(1)} (--allow ${name}).`;

registerEnumType(ImportCheck, {
  name: 'ImportCheck',
  description: 'A named check of what a document promises (文件自身的承诺), which an import may be told to let through (--allow).',
  valuesConfig: {
    NUMBERING: { description: describe('numbering') },
    EMPTY_TABLE: { description: describe('empty-table') },
    STATED_COUNT: { description: describe('stated-count') },
    MISSING_TABLE: { description: describe('missing-table') },
    LEADER_NAMES: { description: describe('leader-names') },
    UNIT_NAMES: { description: describe('unit-names') },
    CELL_TEXT: { description: describe('cell-text') },
    LOST_TABS: { description: describe('lost-tabs') },
  },
});
