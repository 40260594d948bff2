import { item, names, parse, planFragment, reportFragment } from './fragments';

/**
 * One real fragment per quirk of the Word text export. Line numbers refer to
 * seeds/000_fde355393f881739.txt (2024 plan) and seeds/001_756023d8918cde28.txt
 * (2021 Q1 report).
 */
describe('parser quirks of the text export', () => {
  it('reads a row whose cells span lines with blank lines inside (2024 rows 1–2, lines 79–104)', () => {
    const doc = parse(planFragment(79, 104));
    const row1 = item(doc, 1);
    expect(row1.content).toBe('完成科学城站片区1000亩土地征拆，加快成渝中线沙区段建设，开工建设科学城站和配套道路，打造产城景融合发展的“高铁城”。');
    expect(row1.leaders).toEqual(['户邑']);
    expect(names(row1.leadUnits)).toEqual(['国际物流枢纽公司']);
    expect(names(row1.coUnits)).toEqual(['区住房城乡建委', '区征地事务中心', '区交通局', '回龙坝镇']);
  });

  it('spreads the 工作任务 header over category and content, and continues an empty category (rows 1–3)', () => {
    const doc = parse(planFragment(79, 111));
    expect(doc.sections[0].items.map((i) => [i.number, i.category])).toEqual([
      [1, '协同共建双城经济圈'],
      [2, '协同共建双城经济圈'],
      [3, '协同共建双城经济圈'],
    ]);
    expect(item(doc, 3).coUnits).toEqual([]);
  });

  it.each([
    ['runs of spaces (row 17, line 216)', 210, 216, 17, 'coUnits', ['区科技局', '区经济信息委']],
    ['line breaks after a blank line in the leader cell (row 18)', 217, 227, 18, 'leaders', ['户邑', '凌健']],
    ['two lead units on two lines (row 122)', 1099, 1112, 122, 'leadUnits', ['区委政法委', '区公安分局']],
    ['an alias without the 区 prefix (row 101: 农业农村委)', 926, 934, 101, 'leadUnits', ['区规划自然资源局']],
  ])('separates names by %s', (_what, from, to, number, field, expected) => {
    const row = item(parse(planFragment(from, to)), number) as unknown as Record<string, { name: string }[] | string[]>;
    const value = row[field as string];
    expect(field === 'leaders' ? value : names(value as { name: string }[])).toEqual(expected);
  });

  it('normalises padded leader names: "陈  英" → 陈英', () => {
    expect(item(parse(planFragment(92, 104)), 2).leaders).toEqual(['陈英']);
  });

  it('keeps a parenthesised name as the body the unit acts as, not a new unit (row 31: 区商务委（区招商中心）)', () => {
    const row = item(parse(planFragment(325, 333)), 31);
    expect(names(row.leadUnits)).toEqual(['区经济信息委']);
    expect(row.coUnits.map((u) => [u.name, u.actingAs])).toEqual([
      ['区商务委', '区招商中心'],
      ['工投公司', null],
    ]);
  });

  it('resolves aliases to the canonical unit (2024 row 110: 区文旅委 → 区文化旅游委)', () => {
    const row = item(parse(planFragment(998, 1006)), 110);
    expect(names(row.coUnits)).toEqual(['区委宣传部', '区文化旅游委']);
    expect(row.coUnits[1].writtenAs).toBe('区文旅委');
  });

  it('numbers rows that lost their 序号 cell, with and without their category cell (2021 rows 14–27)', () => {
    const doc = parse(reportFragment(305, 412));
    const rows = doc.sections[0].items;
    expect(rows.map((r) => r.number)).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]);
    expect(item(doc, 18).category).toBe('发展先进制造业'); // no category cell: continues row 14's
    expect(item(doc, 18).content).toMatch(/^发展新材料产业/);
    expect(item(doc, 22).category).toBe('融合发展文化旅游业'); // orphan row with its own category cell
    expect(item(doc, 22).content).toMatch(/^加快建设歌乐山/);
    expect(item(doc, 23).category).toBe('融合发展文化旅游业');
    expect(item(doc, 20).progress).toMatch(/^编制出台/);
    expect(doc.warnings).toContainEqual({ line: 69, message: 'row has no 序号 cell; numbered 18 (one after the row above)' });
  });

  it('joins a parenthesised name wrapped over two lines and a unit name wrapped over two lines (2021 row 24)', () => {
    const row = item(parse(reportFragment(323, 412)), 24);
    expect(row.leadUnits.map((u) => [u.name, u.actingAs])).toEqual([
      ['区文化旅游委', '歌乐山·磁器口大景区建设指挥部'],
      ['东部道路建设指挥部', null],
    ]);
  });

  it('joins a collective wrapped before 领导小组成员单位 (2021 row 5)', () => {
    const row = item(parse(reportFragment(210, 218)), 5);
    expect(row.leadUnits.map((u) => [u.name, u.actingAs])).toEqual([['区科技局', '科学城建设领导小组办公室']]);
    expect(names(row.coUnits)).toEqual(['科学城建设领导小组成员单位']);
  });

  it('splits two glued names (2021 row 93: 区规划自然资源局区农业农村委)', () => {
    const doc = parse(reportFragment(909, 917));
    expect(names(item(doc, 93).leadUnits)).toEqual(['区规划自然资源局', '区农业农村委']);
    expect(doc.warnings.map((w) => w.message)).toContain(
      'row 93, 牵头单位: split glued names 区规划自然资源局区农业农村委 → 区规划自然资源局 + 区农业农村委',
    );
  });

  it('drops Word artefacts such as [bookmark: _GoBack] (2021 row 122)', () => {
    const row = item(parse(reportFragment(1165, 1175)), 122);
    expect(row.content).toMatch(/^扎实开展安全生产大排查/);
    expect(row.content).not.toContain('bookmark');
  });

  it('separates names by 、 (2021 row 124: 各镇街、管委会)', () => {
    const text = reportFragment(1185, 1192);
    expect(names(item(parse(text), 124).coUnits)).toEqual(['区政府各部门', '各镇街', '各管委会']);
  });

  it('keeps a progress cell with its ②③ lines (2021 row 7)', () => {
    const row = item(parse(reportFragment(231, 244)), 7);
    expect(row.progress!.split('\n')).toHaveLength(5);
    expect(row.progress).toMatch(/^①自贸区创新服务中心/);
    expect(row.progress).toMatch(/⑥黄金湾•智创园/);
  });

  it('reads the header words of both documents (责任区领导/责任领导, 牵头单位/责任单位, 协同单位/配合单位)', () => {
    const plan = parse(planFragment(79, 91));
    expect(item(plan, 1).leaders).toEqual(['户邑']);
    const report = parse(reportFragment(163, 174));
    expect(names(item(report, 1).coUnits)).toEqual(['区发展改革委', '区教委', '区经济信息委', '区商务委', '工投公司']);
  });

  it('flags a name the registry does not know, imported as written (never dropped), with a kind inferred from its form', () => {
    const text = planFragment(112, 118).replace('\t区经济信息委', '\t区经济信息委\n区低空经济办');
    const doc = parse(text);
    const units = item(doc, 4).leadUnits;
    expect(units.map((u) => [u.name, u.known, u.kind])).toEqual([
      ['区经济信息委', true, 'DISTRICT_DEPARTMENT'],
      ['区低空经济办', false, 'DISTRICT_DEPARTMENT'],
    ]);
    expect(doc.warnings.map((w) => w.message)).toContain(
      'row 4, 牵头单位: unit “区低空经济办” is not in the registry; imported as written and flagged for review (kind DISTRICT_DEPARTMENT: 区…委/局/办 → district department)',
    );
  });

  it('refuses a table whose rows differ from the count the document states (137项 vs 3 rows), unless --allow stated-count', () => {
    expect(() => parse(reportFragment(163, 197), 'fragment.txt', ['numbering', 'missing-table'])).toThrow(
      'fragment.txt:28: the document says 137 items (“137项重点工作任务进展情况表”), the table has 3 rows [check stated-count; if the document really is so, import with --allow stated-count]',
    );
    const doc = parse(reportFragment(163, 197));
    expect(doc.sections[0].statedCount).toBe(137);
    expect(doc.allowedChecks).toContain('stated-count');
    expect(doc.warnings).toContainEqual({ line: 28, message: 'the document says 137 items (“137项重点工作任务进展情况表”), the table has 3 rows (allowed by --allow stated-count)' });
  });
});
