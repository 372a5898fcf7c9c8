// Builds dist/ for Apps Script: one Code.js (an IIFE holding the whole program, plus a top-level
// function declaration per export of src/entrypoints.ts, since Apps Script calls only top-level
// functions by name), appsscript.json and the HTML files of src/ui/.

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// PROZVON_DIST lets parallel work build into its own folder; dist/ is the default and what clasp pushes.
const DIST = process.env.PROZVON_DIST ?? 'dist';
const NAMESPACE = 'Prozvon';
const ENTRY = 'src/entrypoints.ts';

/** The export names of the entry module, read from an ES-module build's metafile (IIFE builds list none). */
async function listExports(entry) {
  const esm = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: DIST,
  });
  return Object.values(esm.metafile.outputs).flatMap((output) => output.exports);
}

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });

const result = await build({
  entryPoints: [ENTRY],
  bundle: true,
  format: 'iife',
  globalName: NAMESPACE,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  metafile: true,
  write: false,
  outfile: join(DIST, 'Code.js'),
  logLevel: 'warning',
});

const exportNames = await listExports(ENTRY);
if (exportNames.length === 0)
  throw new Error(`${ENTRY} exports nothing: Apps Script would have no entry point`);

const bundle = result.outputFiles[0].text;
// The runtime has no timers and no Node: a bundle that reaches for them would fail only in production.
const forbidden = [
  /\bsetTimeout\s*\(/,
  /\bsetInterval\s*\(/,
  /\brequire\s*\(\s*["']node:/,
  /\bprocess\.env\b/,
];
for (const pattern of forbidden) {
  if (pattern.test(bundle))
    throw new Error(`dist/Code.js uses ${pattern}, which Apps Script's V8 runtime lacks`);
}

const stubs = exportNames
  .map((name) => `function ${name}() {\n  return ${NAMESPACE}.${name}.apply(this, arguments);\n}`)
  .join('\n');
writeFileSync(
  join(DIST, 'Code.js'),
  `// Built by esbuild.config.mjs from src/; do not edit.\n${bundle}\n// Entry points Apps Script calls by name.\n${stubs}\n`,
);

copyFileSync('appsscript.json', join(DIST, 'appsscript.json'));
for (const file of readdirSync('src/ui')) {
  if (file.endsWith('.html')) copyFileSync(join('src/ui', file), join(DIST, file));
}
writeFileSync(join(DIST, 'entrypoints.json'), JSON.stringify(exportNames, null, 2) + '\n');
const size = (Buffer.byteLength(readFileSync(join(DIST, 'Code.js'))) / 1024).toFixed(0);
console.log(`dist/Code.js: ${exportNames.length} entry points, ${size} KiB`);
