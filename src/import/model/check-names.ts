/**
 * The named checks of what a document promises (run by ../validation/),
 * here because the layers pass their names: the parse's options, the
 * document's allowed checks, the CLI's --allow and the API's ImportCheck. Each can be overridden for
 * one import with `--allow <name>` when a real document is irregular (a
 * stated count that is a typo); the override is recorded on the document and
 * every finding it let through is kept as a warning.
 */
export const CHECKS = {
  numbering: '序号 runs 1..N within each table, or on from the table before it: no gap, repeat, jump or reordering',
  'empty-table': 'a task table with its 序号 header row has task rows',
  'stated-count': 'the count the document states (137项, 10项) equals the rows found',
  'missing-table': 'every table the document announces (附件 list, 一、10项… headings) is there, with its 序号 header row',
  'leader-names': 'a leader cell (责任领导) holds person names: 2–4 Han characters, not a unit',
  'unit-names': 'a unit cell (牵头单位/协同单位) holds unit names: a registry name or a name ending like one (…委, …局, …中心)',
  'cell-text': 'a text cell (task, category, progress) holds text, not a list of unit or leader names',
  'lost-tabs': 'no line inside a cell holds only a number (a row whose cell tabs were lost)',
} as const;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export function isCheckName(name: string): name is CheckName {
  return Object.prototype.hasOwnProperty.call(CHECKS, name);
}
