import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { type ModelTable, modelCellText } from '../../src/import/model/document-model';
import { readDocument } from '../../src/import/readers/read-document';

/**
 * What each reader makes of the markup Word and web pages use, one quirk per
 * case. The whole-document fixtures (formats.test.ts) come from LibreOffice,
 * which writes none of tracked changes, fields or content controls; Word does,
 * so these cases spell out the WordprocessingML Word writes for them.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

function grid(table: ModelTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => modelCellText(cell)));
}

describe('the Word reader', () => {
  const model = readDocument(
    docx(
      p(r('关于印发'), '<w:bookmarkStart w:id="0" w:name="_GoBack"/>', r('通知'), '<w:bookmarkEnd w:id="0"/>') +
        `<w:tbl>
          <w:tr>${tc(p(r('序号')))}${tc(p(r('工作任务')), '<w:gridSpan w:val="2"/>')}${tc(p(r('牵头单位')))}</w:tr>
          <w:tr>${tc(p(r('1')))}${tc(p(r('稳增长')), '<w:vMerge w:val="restart"/>')}${tc(p(r('甲'), '<w:del w:id="1"><w:r><w:delText>删去的</w:delText></w:r></w:del>', '<w:ins w:id="2">' + r('乙') + '</w:ins>'))}${tc(p(r('区商务委')) + p(r('区财政局')))}</w:tr>
          <w:tr>${tc(p(r('2')))}${tc(p(), '<w:vMerge/>')}${tc(p(r('丙'), '<w:r><w:br/></w:r>', r('丁'), '<w:r><w:tab/></w:r>', r('戊')))}<w:sdt><w:sdtPr/><w:sdtContent>${tc('<w:sdt><w:sdtPr/><w:sdtContent>' + p(r('区发展改革委')) + '</w:sdtContent></w:sdt>')}</w:sdtContent></w:sdt></w:tr>
          <w:tr>${tc(p(r('3')))}${tc(p(r('惠民生')), '<w:vMerge w:val="restart"/>')}${tc(p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD 任务 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('域的结果'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))}${tc(p('<w:fldSimple w:instr=" REF x ">' + r('区民政局') + '</w:fldSimple>'))}</w:tr>
        </w:tbl>`,
    ),
    'cases.docx',
  );
  const table = model.blocks.find((b): b is ModelTable => b.kind === 'table')!;

  it('reads a paragraph without its bookmarks', () => {
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph', text: '关于印发通知', at: { line: 1, paragraph: 1 } });
  });

  it('spans a gridSpan header over its columns and repeats a vMerge cell down the rows it covers', () => {
    expect(grid(table)).toEqual([
      ['序号', '工作任务', '工作任务', '牵头单位'],
      ['1', '稳增长', '甲乙', '区商务委\n区财政局'],
      ['2', '稳增长', '丙\n丁\t戊', '区发展改革委'],
      ['3', '惠民生', '域的结果', '区民政局'],
    ]);
    expect(table.rows[0].cells[2].spanned).toBe('left');
    expect(table.rows[2].cells[1].continued).toBe(true);
  });

  it('skips deleted runs, keeps inserted ones, reads w:br as a new line and w:tab as a tab', () => {
    expect(table.rows[1].cells[2].lines.map((l) => l.text)).toEqual(['甲乙']);
    expect(table.rows[2].cells[2].lines.map((l) => l.text)).toEqual(['丙', '丁\t戊']);
  });

  it('reads a field by its result, not its instruction, and content controls around and inside cells', () => {
    expect(modelCellText(table.rows[3].cells[2])).toBe('域的结果');
    expect(modelCellText(table.rows[2].cells[3])).toBe('区发展改革委');
  });

  it('places each cell by table, row, grid column and paragraph number', () => {
    expect(table.rows[2].cells[3].at).toEqual({ table: 1, row: 3, column: 4, line: expect.any(Number) });
    expect(table.rows[1].cells[3].lines.map((l) => l.at.line)).toEqual([8, 9]);
  });
});

describe('the web page reader', () => {
  const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
  const table = `<table><tr><th>序号</th><th colspan="2">工作任务</th></tr>
    <tr><td>1</td><td rowspan="2">稳&nbsp;增长</td><td>甲<br>乙</td></tr>
    <tr><td>2</td><td><p>丙</p><p>丁</p></td></tr></table>`;

  it('expands rowspan and colspan, reads <br> and <p> as lines and &nbsp; as a space, and skips navigation and footer', () => {
    const model = readDocument(
      Buffer.from(page('<meta charset="utf-8">', `<nav>首页 &gt; 政务公开</nav><div class="breadcrumb">位置</div><p>关于印发通知</p>${table}<div id="footer">版权所有</div>`)),
      'page.html',
    );
    expect(model.format).toBe('html');
    expect(model.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text)).toEqual(['关于印发通知']);
    const t = model.blocks.find((b): b is ModelTable => b.kind === 'table')!;
    expect(grid(t)).toEqual([
      ['序号', '工作任务', '工作任务'],
      ['1', '稳 增长', '甲\n乙'],
      ['2', '稳 增长', '丙\n丁'],
    ]);
    expect(t.rows[2].cells[1].continued).toBe(true);
    expect(t.rows[1].at.line).toBe(2);
  });

  it.each([
    ['declared GB2312, encoded GBK', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    ['declared nowhere, encoded GBK', ''],
  ])('decodes a page %s', (_what, meta) => {
    const model = readDocument(iconv.encode(page(meta, `<p>关于印发沙坪坝区通知</p>${table}`), 'gbk'), 'page.htm');
    expect(model.encoding).toBe('gbk');
    expect(model.blocks[0]).toMatchObject({ text: '关于印发沙坪坝区通知' });
  });
});

describe('the prose reader', () => {
  it('reads （1） items, responsibility lines with either colon, and 等 at the end of a list', () => {
    const model = readDocument(
      Buffer.from(['关于印发通知', '一、重点工作任务', '（一）稳增长', '（1）推进项目。', '责任领导:甲、乙', '牵头单位：区商务委', '协同单位：区财政局、各镇街等', '（2）惠民生。（责任单位：区民政局）'].join('\n')),
      'prose.txt',
    );
    expect(model.format).toBe('prose');
    const t = model.blocks.find((b): b is ModelTable => b.kind === 'table')!;
    expect(grid(t)).toEqual([
      ['序号', '工作类别', '任务', '责任区领导', '牵头单位', '配合单位'],
      ['1', '稳增长', '推进项目。', '甲、乙', '区商务委', '区财政局、各镇街'],
      ['2', '稳增长', '惠民生。', '', '区民政局', ''],
    ]);
  });
});
