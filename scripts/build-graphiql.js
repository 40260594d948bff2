#!/usr/bin/env node
// Bundles GraphiQL (src/web/app.jsx) and Monaco's workers into
// public/graphiql/, so the API serves its IDE with no request leaving the
// host: the npm package's own worker setup and Apollo's landing pages load
// from CDNs, which do not exist on a closed network.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'public', 'graphiql');

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>duban — GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/app.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script type="module" src="/graphiql/app.js"></script>
  </body>
</html>
`;

// The office's upload page (/upload): the same bundle, sharing React's chunk with GraphiQL.
const UPLOAD_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>duban — 上传文件</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/upload.css" />
  </head>
  <body>
    <div id="upload">Loading…</div>
    <script type="module" src="/graphiql/upload.js"></script>
  </body>
</html>
`;

// Monaco calls MonacoEnvironment.getWorker(label); app.jsx maps labels to these.
const WORKERS = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  target: 'es2022',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': '"production"' },
};

// graphiql/style.css already contains Monaco's styles (and its fonts as data:
// URLs); without this, every `import './x.css'` inside monaco-editor's ESM
// sources would add a second copy to app.css.
const skipMonacoCss = {
  name: 'skip-monaco-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]monaco-editor[\\/].*\.css$/ }, () => ({ contents: '', loader: 'css' }));
  },
};

// @graphiql/react imports "monaco-graphql/esm/utils", which only resolves
// through bundlers that guess extensions; the package's "./*" export does not.
const monacoGraphqlExtension = {
  name: 'monaco-graphql-extension',
  setup(build) {
    build.onResolve({ filter: /^monaco-graphql\/esm\/[^.]+$/ }, (args) =>
      build.resolve(`${args.path}.js`, { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

async function main() {
  const started = Date.now();
  // index.html is written last: its presence means "complete bundle" to the
  // server (503 otherwise) and to the browser test (rebuild otherwise).
  fs.rmSync(outdir, { recursive: true, force: true });
  await build(outdir);
  report(started);
}

async function build(dir) {
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { app: path.join(root, 'src/web/app.jsx'), upload: path.join(root, 'src/web/upload/upload.jsx') },
      outdir: dir,
      format: 'esm',
      splitting: true, // prettier (used by "prettify") stays in lazy chunks
      chunkNames: 'chunks/[name]-[hash]',
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
      assetNames: 'assets/[name]-[hash]',
      publicPath: '/graphiql',
      plugins: [skipMonacoCss, monacoGraphqlExtension],
    }),
    // Classic (IIFE) workers: `new Worker(url)` without `{ type: 'module' }`.
    esbuild.build({
      ...common,
      entryPoints: WORKERS,
      outdir: dir,
      format: 'iife',
    }),
  ]);
  fs.writeFileSync(path.join(dir, 'upload.html'), UPLOAD_HTML);
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
}

function report(started) {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  const rel = path.relative(process.cwd(), outdir) || '.';
  console.log(`graphiql: ${rel}/ ${files} files, ${(bytes / 1048576).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
