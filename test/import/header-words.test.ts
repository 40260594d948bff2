import { tableLayout } from '../../src/import/interpretation/table-layout';

/** Header words vary by district; they are mapped by meaning, and a word that means nothing known is named. */
describe('header words by meaning', () => {
  const fields = (headers: string[], spans?: number[], title = '重点工作任务分解表') => {
    const result = tableLayout(headers, title, spans);
    return 'error' in result ? result.error : [result.layout.section, result.layout.columns.map((c) => c.field)];
  };

  it.each([
    [['序号', '工作类别', '工作任务', '牵头单位'], ['KEY_TASK', ['number', 'category', 'content', 'leadUnits']]],
    [['序号', '类别', '具体任务', '牵头单位', '配合单位'], ['KEY_TASK', ['number', 'category', 'content', 'leadUnits', 'coUnits']]],
    [['序号', '领域', '重点任务', '责任单位', '完成情况'], ['KEY_TASK', ['number', 'category', 'content', 'leadUnits', 'progress']]],
    [['序号', '重点任务', '牵头单位', '责任单位', '一季度进展情况'], ['KEY_TASK', ['number', 'category', 'content', 'leadUnits', 'coUnits', 'progress']]],
  ])('%j', (headers, expected) => {
    expect(fields(headers)).toEqual(expected);
  });

  it('takes 工作任务 as category and task only where it spans two columns (Word, pages, sheets)', () => {
    expect(fields(['序号', '工作任务', '牵头单位'], [1, 2, 1])).toEqual(['KEY_TASK', ['number', 'category', 'content', 'leadUnits']]);
    expect(fields(['序号', '工作任务', '牵头单位'], [1, 1, 1])).toEqual(['KEY_TASK', ['number', 'content', 'leadUnits']]);
  });

  it('names a header it cannot map', () => {
    expect(fields(['序号', '工作任务', '牵头单位', '备注'])).toBe('unknown column header “备注”');
  });
});
