#!/usr/bin/env node
// `npm start` runs compiled JavaScript, not ts-node. This builds what is
// stale and nothing else, so a start with nothing changed costs a few
// milliseconds of hashing instead of a compile and a bundle:
//   server:   src/ + migrations/ → dist/ (tsc -p tsconfig.build.json)
//   graphiql: src/web/ → public/graphiql/ (scripts/build-graphiql.js)
// Each output keeps the hash of its inputs in a .build-hash file; a missing
// or different hash rebuilds. `--only=server|graphiql` builds one of them.
'use strict';

const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const TARGETS = {
  server: {
    out: path.join(root, 'dist'),
    inputs: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    // The GraphiQL sources are bundled, not compiled by tsc.
    skip: (rel) => rel.startsWith(path.join('src', 'web') + path.sep),
    build: () => execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' }),
  },
  graphiql: {
    out: path.join(root, 'public', 'graphiql'),
    inputs: [path.join('src', 'web'), path.join('scripts', 'build-graphiql.js'), 'package-lock.json'],
    skip: () => false,
    build: () => execFileSync(process.execPath, [path.join(root, 'scripts', 'build-graphiql.js')], { cwd: root, stdio: 'inherit' }),
  },
};

function hashInputs(target) {
  const hash = createHash('sha256');
  const visit = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else if (!target.skip(rel)) {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0');
    }
  };
  target.inputs.forEach(visit);
  return hash.digest('hex');
}

function ensure(name) {
  const target = TARGETS[name];
  const started = Date.now();
  const hashFile = path.join(target.out, '.build-hash');
  const wanted = hashInputs(target);
  const have = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8').trim() : '';
  if (have === wanted) return;
  // Remove the stamp first: an interrupted build must not look complete.
  fs.rmSync(hashFile, { force: true });
  target.build();
  fs.mkdirSync(target.out, { recursive: true });
  fs.writeFileSync(hashFile, `${wanted}\n`);
  console.error(`build: ${name} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s (sources changed)`);
}

const only = (process.argv.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);
for (const name of only ? [only] : Object.keys(TARGETS)) {
  if (!TARGETS[name]) throw new Error(`unknown build target ${name}`);
  ensure(name);
}
