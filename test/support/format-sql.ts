/**
 * SQL laid out one clause per line, so a recorded statement's diff names the
 * clause that changed instead of one 2 KB line. A clause keyword starts a line
 * at the top level or inside a sub-query's parentheses, indented by how deep
 * the sub-query sits; inside an expression's parentheses (`json_agg(… ORDER BY
 * …)`, `OVER (ORDER BY …)`) it stays where it is. String literals and quoted
 * names are copied untouched. For reading only: the statement's text is not
 * changed but for white space.
 */
const CLAUSE = /^(?:WITH(?! ORDINALITY)|SELECT|FROM|WHERE|GROUP BY|HAVING|ORDER BY|LIMIT|OFFSET|UNION ALL|UNION|(?:LEFT |INNER |CROSS )?JOIN(?: LATERAL)?)\b/;
const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\(|\)|;|\s+|[^\s()'";]+/g;

export function formatSql(statements: string): string {
  const out: string[] = [];
  const levels: boolean[] = [];
  let line = '';
  let pendingOpen = false;
  let previous = '';
  const depth = () => levels.filter(Boolean).length;
  const tokens = statements.match(TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (/^\s+$/.test(token)) {
      if (line && !line.endsWith(' ') && !line.endsWith('(')) line += ' ';
      continue;
    }
    const rest = tokens.slice(i, i + 5).join('');
    const clause = CLAUSE.exec(rest);
    if (pendingOpen && clause && /^(?:SELECT|WITH)$/.test(clause[0])) levels[levels.length - 1] = true;
    pendingOpen = false;
    const joined = /^(?:LEFT|INNER|CROSS)$/.test(previous);
    previous = token;
    if (clause && !joined && (levels.length === 0 || levels[levels.length - 1]) && line.trim()) {
      out.push(line.trimEnd());
      line = '  '.repeat(depth());
    }
    if (token === '(') {
      levels.push(false);
      pendingOpen = true;
    } else if (token === ')') {
      levels.pop();
      if (line.endsWith(' ')) line = line.trimEnd();
    } else if (token === ';') {
      out.push(`${line.trimEnd()};`);
      line = '';
      continue;
    }
    line += token;
  }
  if (line.trim()) out.push(line.trimEnd());
  return `${out.join('\n')}\n`;
}
