/**
 * Regenerates test/fixtures/formats/: the seed documents as their offices
 * publish them. The web pages are written from the parsed seeds (every cell's
 * real lines, one <p> each; categories as rowspan cells; 工作任务 spanning its
 * two columns); LibreOffice then makes the Word and Excel files from them the
 * way a clerk's office suite does (rowspan → w:vMerge / merged ranges). Needs
 * `soffice` on PATH; the tests only read the committed results.
 *
 *   npx ts-node scripts/make-format-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseDocument } from '../src/import/parse-document';
import type { ParsedDocument, ParsedSection } from '../src/import/model/parsed-document';
import type { UnitMention } from '../src/import/model/unit-mention';
import { loadUnitRegistry } from '../src/import/registry/registry-file';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'formats');
const registry = loadUnitRegistry(path.join(ROOT, 'seeds', 'units.json'));
const PLAN = path.join(ROOT, 'seeds', '000_fde355393f881739.txt');
const REPORT = path.join(ROOT, 'seeds', '001_756023d8918cde28.txt');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (lines: string[]) => lines.map((l) => `<p>${escape(l)}</p>`).join('');
const unitLines = (units: UnitMention[]) => units.map((u) => u.writtenAs + (u.actingAs ? `（${u.actingAs}）` : ''));
const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chinese = (n: number) => (n <= 10 ? CHINESE[n - 1] : n < 20 ? `十${CHINESE[n - 11]}` : `${CHINESE[Math.floor(n / 10) - 1]}十${n % 10 ? CHINESE[(n % 10) - 1] : ''}`);

/** The letterhead as the text export has it: the lines before the first 附件N mark. */
function letterhead(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((l) => /^\s*附件\s*\d+\s*$/.test(l));
  return lines.slice(0, end).map((l) => l.trim()).filter(Boolean);
}

/** Header words as the seeds write them (the 2021 report says 具体任务, 配合单位, 一季度进展). */
function headerOf(section: ParsedSection, progress: boolean): string {
  const task = progress ? '具体任务' : '工作任务';
  const content =
    section.section === 'KEY_TASK' ? `<th colspan="2">${task}</th>` : section.section === 'TARGET' ? '<th>预期目标</th>' : '<th>项目名称</th><th>年度任务</th>';
  const leaders = hasLeaders(section) ? '<th>责任领导</th>' : '';
  const co = hasCo(section) ? `<th>${progress ? '配合单位' : '协同单位'}</th>` : '';
  return `<tr><th>序号</th>${content}${leaders}<th>${co ? '牵头单位' : '责任单位'}</th>${co}${progress ? '<th>一季度进展</th>' : ''}</tr>`;
}

const hasLeaders = (section: ParsedSection) => section.items.some((i) => i.leaders.length);
const hasCo = (section: ParsedSection) => section.items.some((i) => i.coUnits.length) || section.section === 'KEY_TASK';

function tableHtml(section: ParsedSection, progress: boolean): string {
  const rows = section.items.map((item, k) => {
    let category = '';
    if (section.section === 'KEY_TASK') {
      const previous = section.items[k - 1];
      if (!previous || previous.category !== item.category) {
        let span = 1;
        while (section.items[k + span]?.category === item.category) span++;
        category = `<td rowspan="${span}">${paragraphs([item.category ?? ''])}</td>`;
      }
    }
    const title = section.section === 'LIVELIHOOD' ? `<td>${paragraphs([item.title ?? ''])}</td>` : '';
    return (
      `<tr><td>${item.number}</td>${category}${title}<td>${paragraphs(item.content.split('\n'))}</td>` +
      (hasLeaders(section) ? `<td>${paragraphs(item.leaders)}</td>` : '') +
      `<td>${paragraphs(unitLines(item.leadUnits))}</td>` +
      (hasCo(section) ? `<td>${paragraphs(unitLines(item.coUnits))}</td>` : '') +
      (progress ? `<td>${paragraphs((item.progress ?? '').split('\n'))}</td>` : '') +
      '</tr>'
    );
  });
  return `<table border="1">${headerOf(section, progress)}${rows.join('')}</table>`;
}

function page(doc: ParsedDocument, head: string[], charset: string): string {
  const progress = doc.document.kind === 'PROGRESS_REPORT';
  const tables = doc.sections.map((s, k) => `<p>附件${k + 1}</p><p>${escape(s.title)}</p>${tableHtml(s, progress)}`);
  return (
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${escape(doc.document.title)}</title></head>` +
    `<body><nav class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></nav><div class="article">${paragraphs(head)}${tables.join('')}</div>` +
    `<div class="footer">主办：重庆市沙坪坝区人民政府办公室&nbsp;&nbsp;渝ICP备00000000号</div></body></html>`
  );
}

/** The ledger (台账) a supervision office keeps: a title row, then each table under its title. */
function ledger(doc: ParsedDocument): string {
  const tables = doc.sections.map((s) => `<p>${escape(s.title)}</p>${tableHtml(s, true)}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>重庆市沙坪坝区2021年区政府工作报告重点任务一季度推进情况台账</p>${tables.join('')}</body></html>`;
}

function prose(doc: ParsedDocument, head: string[]): string {
  const out = [...head, ''];
  doc.sections.forEach((section, s) => {
    out.push(`${chinese(s + 1)}、${section.title}`);
    let category: string | null = null;
    let c = 0;
    for (const item of section.items) {
      if (item.category && item.category !== category) {
        category = item.category;
        out.push(`（${chinese(++c)}）${category}`);
      }
      const [first, ...rest] = item.content.split('\n');
      out.push(`${item.number}.${first}`, ...rest);
      if (item.leaders.length) out.push(`责任区领导：${item.leaders.join('、')}`);
      out.push(`牵头单位：${unitLines(item.leadUnits).join('、')}`);
      if (item.coUnits.length) out.push(`配合单位：${unitLines(item.coUnits).join('、')}`);
    }
  });
  return out.join('\n') + '\n';
}

function soffice(args: string[], cwd: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-soffice-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args, '--outdir', cwd], { cwd, stdio: 'pipe' });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Bad inputs, made the way they happen: a download cut short, a file saved
 * with a password, a notice without its tables, an empty sheet, and a table
 * whose 序号 cell a clerk typed as words.
 */
function makeBadInputs(plan: ParsedDocument, planHead: string[], report: ParsedDocument): void {
  const bad = path.join(OUT, 'bad');
  fs.mkdirSync(bad, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bad-'));
  try {
    const docx = fs.readFileSync(path.join(OUT, 'plan-2024.docx'));
    fs.writeFileSync(path.join(bad, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('unzip', ['-q', path.join(OUT, 'plan-2024.docx'), '-d', unpacked]);
    execFileSync('zip', ['-q', '-r', '-P', 'duban', path.join(bad, 'encrypted.docx'), '.'], { cwd: unpacked });

    const notice = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${paragraphs(planHead)}<table><tr><td>附件</td><td>见下载</td></tr></table></body></html>`;
    fs.writeFileSync(path.join(bad, 'no-task-table.html'), notice);
    fs.writeFileSync(path.join(work, 'no-task-table.html'), notice);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', 'no-task-table.html'], work);
    fs.copyFileSync(path.join(work, 'no-task-table.docx'), path.join(bad, 'no-task-table.docx'));

    fs.writeFileSync(path.join(work, 'empty.csv'), '');
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', 'empty.csv'], work);
    fs.copyFileSync(path.join(work, 'empty.xlsx'), path.join(bad, 'empty.xlsx'));

    // Key task 14 with its 序号 typed as 十四: Word row 15 of table 2; sheet row of the ledger.
    const words = (html: string) => html.replace('<tr><td>14</td>', '<tr><td>十四</td>');
    fs.writeFileSync(path.join(work, 'bad-number.html'), words(page(plan, planHead, 'utf-8')));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', 'bad-number.html'], work);
    fs.copyFileSync(path.join(work, 'bad-number.docx'), path.join(bad, 'bad-number.docx'));
    fs.writeFileSync(path.join(work, 'bad-number-ledger.html'), words(ledger(report)));
    soffice(['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', 'bad-number-ledger.html'], work);
    fs.copyFileSync(path.join(work, 'bad-number-ledger.xlsx'), path.join(bad, 'bad-number.xlsx'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  fs.mkdirSync(OUT, { recursive: true });
  const plan = parseDocument(fs.readFileSync(PLAN), PLAN, registry);
  const report = parseDocument(fs.readFileSync(REPORT), REPORT, registry);
  const planHead = letterhead(PLAN);

  fs.writeFileSync(path.join(OUT, 'plan-2024.html'), page(plan, planHead, 'utf-8'));
  fs.writeFileSync(path.join(OUT, 'plan-2024-gbk.html'), iconv.encode(page(plan, planHead, 'gb2312'), 'gbk'));
  fs.writeFileSync(path.join(OUT, 'plan-2024-prose.txt'), prose(plan, planHead));
  fs.writeFileSync(path.join(OUT, 'report-2021-ledger.html'), ledger(report));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-fixtures-'));
  try {
    fs.copyFileSync(path.join(OUT, 'plan-2024.html'), path.join(work, 'plan-2024.html'));
    soffice(['--convert-to', 'docx:MS Word 2007 XML', 'plan-2024.html'], work);
    soffice(['--convert-to', 'doc:MS Word 97', 'plan-2024.docx'], work);
    fs.copyFileSync(path.join(OUT, 'report-2021-ledger.html'), path.join(work, 'report-2021.html'));
    soffice(['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', 'report-2021.html'], work);
    soffice(['--convert-to', 'xls:MS Excel 97', 'report-2021.xlsx'], work);
    for (const name of ['plan-2024.docx', 'plan-2024.doc', 'report-2021.xlsx', 'report-2021.xls']) fs.copyFileSync(path.join(work, name), path.join(OUT, name));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.rmSync(path.join(OUT, 'report-2021-ledger.html'));
  makeBadInputs(plan, planHead, report);
  console.log(`wrote ${fs.readdirSync(OUT).join(', ')} to ${path.relative(ROOT, OUT)}`);
}

main();

