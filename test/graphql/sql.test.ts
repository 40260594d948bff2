import { FALSE, TRUE, and, compile, or, sql, statementName } from '../../src/sql/sql';

describe('SQL as values', () => {
  it('numbers placeholders when the statement is compiled, not when fragments are built', () => {
    const t = sql.identifier('t');
    const filter = sql`${t}.number = ${sql.value(3, 'int')} AND ${t}.title = ${'x'}`;
    const page = sql`SELECT ${sql.value('first')} AS a, (SELECT count(*) FROM task ${t} WHERE ${filter}) FROM task ${t} WHERE ${filter}`;
    expect(compile(page)).toEqual({
      text: 'SELECT $1 AS a, (SELECT count(*) FROM task t WHERE t.number = $2::int AND t.title = $3) FROM task t WHERE t.number = $4::int AND t.title = $5',
      values: ['first', 3, 'x', 3, 'x'],
    });
  });

  it('keeps user text out of the statement text', () => {
    const evil = "'; DROP TABLE task; --";
    const { text, values } = compile(sql`SELECT 1 WHERE name = ${evil}`);
    expect(text).toBe('SELECT 1 WHERE name = $1');
    expect(values).toEqual([evil]);
  });

  it('refuses identifiers and casts that are not plain names', () => {
    expect(() => sql.identifier('t; DROP')).toThrow('not a plain SQL identifier');
    expect(() => sql.identifier('T')).toThrow('not a plain SQL identifier');
    expect(() => sql.value(1, 'int); DROP')).toThrow('not a type name');
  });

  it('joins and combines conditions', () => {
    expect(compile(and([TRUE, sql`a = ${1}`, TRUE])).text).toBe('a = $1');
    expect(compile(and([sql`a = ${1}`, sql`b = ${2}`])).text).toBe('(a = $1 AND b = $2)');
    expect(compile(and([])).text).toBe('TRUE');
    expect(compile(or([])).text).toBe(compile(FALSE).text);
    expect(compile(or([sql`a = ${1}`, sql`b = ${2}`])).text).toBe('(a = $1 OR b = $2)');
    expect(compile(sql.join([], ', ')).text).toBe('');
  });

  it('names a statement by its text only', () => {
    const a = compile(sql`SELECT ${1}`);
    const b = compile(sql`SELECT ${2}`);
    expect(statementName(a.text)).toBe(statementName(b.text));
    expect(statementName(a.text)).not.toBe(statementName('SELECT $1::int'));
    expect(statementName(a.text)).toMatch(/^q_[\w-]{22}$/);
  });
});
