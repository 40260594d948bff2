// The office's upload page (/upload), bundled beside GraphiQL by scripts/build-graphiql.js:
// choose a document, read the preview the importer gives (its tasks, warnings, or every problem
// with its place), then confirm the import. It talks to this server only: POST /documents for the
// preview, the importUpload mutation to confirm. The API key is kept in this tab's memory only.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import './upload.css';

const CHECKS = [
  ['NUMBERING', '序号连续 numbering'],
  ['EMPTY_TABLE', '表格有任务 empty-table'],
  ['STATED_COUNT', '项数相符 stated-count'],
  ['MISSING_TABLE', '表格齐全 missing-table'],
  ['LEADER_NAMES', '领导姓名 leader-names'],
  ['UNIT_NAMES', '单位名称 unit-names'],
  ['CELL_TEXT', '单元格文字 cell-text'],
  ['LOST_TABS', '制表符丢失 lost-tabs'],
];
const SECTIONS = { TARGET: '预期目标', LIVELIHOOD: '民生实事', KEY_TASK: '重点工作任务' };
const KINDS = { PLAN: '任务分解表 plan', PROGRESS_REPORT: '推进情况报告 progress report' };

const IMPORT = `mutation ImportUpload($input: ImportUploadInput!) {
  importUpload(input: $input) {
    replayed userErrors { code field message }
    document { id title kind year period file { filename downloadUrl } supersedes { id } }
  }
}`;

function authHeaders(key) {
  return key.trim() ? { authorization: `Bearer ${key.trim()}` } : {};
}

/** The server's error shape → lines to show: each problem with its place, else the message. */
function problemsOf(body, status) {
  const error = body?.errors?.[0];
  if (!error) return [{ place: `HTTP ${status}`, message: 'the server gave no answer it could explain' }];
  const problems = error.extensions?.problems;
  if (problems?.length) return problems.map((p) => ({ place: p.place, message: p.message }));
  return [{ place: error.extensions?.code ?? `HTTP ${status}`, message: error.message }];
}

function App() {
  const [key, setKey] = useState('');
  const [file, setFile] = useState(null);
  const [jurisdiction, setJurisdiction] = useState('');
  const [allow, setAllow] = useState([]);
  const [supersedes, setSupersedes] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(null);
  const [problems, setProblems] = useState(null);
  const [result, setResult] = useState(null);

  const toggle = (check) => setAllow((now) => (now.includes(check) ? now.filter((c) => c !== check) : [...now, check]));

  async function upload(event) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setPreview(null);
    setProblems(null);
    setResult(null);
    try {
      const query = new URLSearchParams({ dryRun: 'true' });
      if (allow.length) query.set('allow', allow.join(','));
      if (jurisdiction.trim()) query.set('jurisdiction', jurisdiction.trim());
      const response = await fetch(`/documents?${query}`, {
        method: 'POST',
        headers: { ...authHeaders(key), 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(file.name) },
        body: file,
      });
      const body = await response.json().catch(() => null);
      if (response.ok) setPreview({ ...body, allow: [...allow], jurisdiction: jurisdiction.trim(), idempotencyKey: `upload-${body.upload.hash.slice(0, 16)}-${Date.now()}` });
      else setProblems(problemsOf(body, response.status));
    } catch (error) {
      setProblems([{ place: 'network', message: String(error?.message ?? error) }]);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    setResult(null);
    try {
      const input = { hash: preview.upload.hash, allow: preview.allow, idempotencyKey: preview.idempotencyKey };
      if (preview.jurisdiction) input.jurisdiction = preview.jurisdiction;
      if (supersedes.trim()) input.supersedes = supersedes.trim();
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { ...authHeaders(key), 'content-type': 'application/json' },
        body: JSON.stringify({ query: IMPORT, variables: { input } }),
      });
      const body = await response.json().catch(() => null);
      if (body?.data?.importUpload) setResult(body.data.importUpload);
      else setResult({ userErrors: problemsOf(body, response.status).map((p) => ({ code: p.place, message: p.message })) });
    } catch (error) {
      setResult({ userErrors: [{ code: 'network', message: String(error?.message ?? error) }] });
    } finally {
      setBusy(false);
    }
  }

  const doc = preview?.preview.document;
  const total = preview ? preview.preview.sections.reduce((n, s) => n + s.items.length, 0) : 0;
  return (
    <main>
      <header>
        <h1>上传文件 · Upload a document</h1>
        <nav><a href="/graphiql">GraphiQL</a></nav>
      </header>
      <form onSubmit={upload}>
        <label>
          API 密钥 · API key (督查办)
          <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="duban_…" />
        </label>
        <label>
          文件 · File (.docx .doc .xlsx .xls .html .txt)
          <input id="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          辖区 · Jurisdiction, when the document names none
          <input id="jurisdiction" value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)} placeholder="沙坪坝区" />
        </label>
        <fieldset>
          <legend>放行的检查 · Checks to let through (--allow)</legend>
          {CHECKS.map(([check, label]) => (
            <label key={check} className="check">
              <input type="checkbox" value={check} checked={allow.includes(check)} onChange={() => toggle(check)} /> {label}
            </label>
          ))}
        </fieldset>
        <button id="preview" type="submit" disabled={!file || busy}>预览 · Preview</button>
      </form>

      {problems && (
        <section id="problems" className="problems">
          <h2>无法导入 · Cannot be imported ({problems.length})</h2>
          <ul>{problems.map((p, k) => <li key={k}><code>{p.place}</code> {p.message}</li>)}</ul>
        </section>
      )}

      {preview && (
        <section id="preview-result">
          <h2>预览 · Preview</h2>
          <dl>
            <dt>标题 Title</dt><dd id="preview-title">{doc.title}</dd>
            <dt>类型 Kind</dt><dd>{KINDS[doc.kind] ?? doc.kind} · {doc.year}{doc.period ? ` · ${doc.period}` : ''}</dd>
            <dt>辖区 Jurisdiction</dt><dd>{doc.jurisdiction} <small>({doc.jurisdictionRule}: {doc.jurisdictionReason})</small></dd>
            <dt>文件 File</dt><dd>{preview.upload.filename} · {doc.format} · {preview.upload.size.toLocaleString()} bytes · <code className="hash">{preview.upload.hash.slice(0, 16)}…</code></dd>
            <dt>任务 Tasks</dt>
            <dd id="task-count">{total} 项（{preview.preview.sections.map((s) => `${SECTIONS[s.section] ?? s.section} ${s.items.length}`).join('，')}）</dd>
          </dl>
          <h3>提示 · Warnings ({preview.preview.warnings.length})</h3>
          {preview.preview.warnings.length ? (
            <ul id="warnings">{preview.preview.warnings.map((w, k) => <li key={k}><code>line {w.line}</code> {w.message}</li>)}</ul>
          ) : (
            <p id="warnings">无 · none</p>
          )}
          <label>
            更正的文件 · Supersedes (Document id of the version this corrects; optional)
            <input id="supersedes" value={supersedes} onChange={(e) => setSupersedes(e.target.value)} />
          </label>
          <button id="confirm" type="button" onClick={confirm} disabled={busy}>确认导入 · Confirm import</button>
        </section>
      )}

      {result && (
        <section id="result" className={result.userErrors.length ? 'problems' : 'done'}>
          {result.userErrors.length ? (
            <>
              <h2>未导入 · Not imported</h2>
              <ul>{result.userErrors.map((e, k) => <li key={k}><code>{e.code}</code> {e.message}</li>)}</ul>
            </>
          ) : (
            <>
              <h2>已导入 · Imported{result.replayed ? ' (earlier)' : ''}</h2>
              <p id="imported">{result.document.title} — <code>{result.document.id}</code> · <a href={result.document.file?.downloadUrl}>原件 · original</a></p>
            </>
          )}
        </section>
      )}
    </main>
  );
}

createRoot(document.getElementById('upload')).render(<App />);
