// Prints the compressed (gzip) size of the JavaScript a first visit loads and of each lazily loaded chunk, after
// `vite build`; fails the build when the first load grows past the budget (issue 13 item 11).
// First load = the entry script of index.html and the modules it preloads; every other chunk loads on first use
// of a screen (one bundle per role, see App.tsx).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.MEDI_FIRST_LOAD_BUDGET_KB ?? 300);
const out = new URL('../../../../target/webui/', import.meta.url).pathname;

const html = await readFile(join(out, 'index.html'), 'utf8');
const firstLoad = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]));
const assets = (await readdir(join(out, 'assets'))).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);

const kb = (bytes) => bytes / 1024;
const sizes = new Map();
for (const file of assets) {
  const code = await readFile(join(out, file));
  sizes.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
}

const row = (name, s) => `  ${name.padEnd(48)} ${kb(s.gzip).toFixed(1).padStart(8)} KB gzip ${kb(s.raw).toFixed(1).padStart(9)} KB raw`;
const total = { raw: 0, gzip: 0 };
console.log('\nFirst load (entry + preloaded modules):');
for (const file of [...firstLoad].sort()) {
  const s = sizes.get(file);
  if (!s) continue;
  total.raw += s.raw;
  total.gzip += s.gzip;
  console.log(row(file, s));
}
console.log(row('= first load', total));
console.log('\nLoaded on first use (per route / role):');
for (const [file, s] of [...sizes].filter(([f]) => !firstLoad.has(f)).sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(row(file, s));
}
if (kb(total.gzip) > BUDGET_KB) {
  console.error(`\nFirst load is ${kb(total.gzip).toFixed(1)} KB gzip, over the budget of ${BUDGET_KB} KB.`);
  process.exit(1);
}
console.log(`\nFirst load ${kb(total.gzip).toFixed(1)} KB gzip, within the budget of ${BUDGET_KB} KB.`);
