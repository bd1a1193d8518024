#!/usr/bin/env node
/**
 * Sizes of the production build (run `npm run build` first): raw and gzipped per script, the task
 * pane's composition by package (from its source map), and the 150 KB gzip budget for the pane's
 * script (taskpane.js; the Settings tab and the profile schema are scripts of their own, fetched
 * when needed). Exits 1 when the pane is over budget or holds ExcelJS or zod. test/build checks it
 * in `npm test`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIST = path.join(__dirname, '..', 'dist');
const BUDGET = 150 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Bytes of generated code per source group, from the source map's mappings. */
function composition(file) {
  const mapFile = `${file}.map`;
  if (!fs.existsSync(mapFile)) return null;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const code = fs.readFileSync(file, 'utf8').split('\n');
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const decode = (s) => {
    const out = [];
    let v = 0;
    let shift = 0;
    for (const ch of s) {
      const d = B64.indexOf(ch);
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        out.push(v & 1 ? -(v >> 1) : v >> 1);
        v = 0;
        shift = 0;
      }
    }
    return out;
  };
  const group = (src) => {
    const s = src.replace(/^webpack:\/\/[^/]*\//, '');
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
    if (m) return m[1];
    const local = /^\.?\/?(src\/[^/]+\/?[^/]*)/.exec(s);
    return local ? local[1].replace(/\/[^/]*\.[jt]sx?$/, '') : s.startsWith('webpack') ? '(webpack runtime)' : s;
  };
  const sizes = new Map();
  let source = 0;
  map.mappings.split(';').forEach((line, li) => {
    const segs = line ? line.split(',').map(decode) : [];
    let col = 0;
    const starts = [];
    for (const seg of segs) {
      col += seg[0];
      if (seg.length >= 4) source += seg[1];
      starts.push([col, seg.length >= 4 ? source : -1]);
    }
    const text = code[li] ?? '';
    starts.forEach(([c, s], i) => {
      const end = i + 1 < starts.length ? starts[i + 1][0] : text.length;
      const key = s >= 0 ? group(map.sources[s]) : '(unmapped)';
      sizes.set(key, (sizes.get(key) ?? 0) + (end - c));
    });
  });
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}

function main() {
  if (!fs.existsSync(path.join(DIST, 'taskpane.js'))) {
    console.error('dist/taskpane.js not found: run "npm run build" first.');
    process.exit(1);
  }
  console.log('file                 raw          gzip');
  for (const f of fs
    .readdirSync(DIST)
    .filter((n) => n.endsWith('.js'))
    .sort()) {
    const buf = fs.readFileSync(path.join(DIST, f));
    console.log(`${f.padEnd(20)} ${kb(buf.length).padStart(10)}  ${kb(gz(buf)).padStart(10)}`);
  }
  const pane = fs.readFileSync(path.join(DIST, 'taskpane.js'));
  const paneGz = gz(pane);
  const parts = composition(path.join(DIST, 'taskpane.js'));
  if (parts) {
    console.log('\ntaskpane.js composition (minified bytes by source):');
    const total = parts.reduce((n, [, v]) => n + v, 0);
    for (const [k, v] of parts.slice(0, 15))
      console.log(`  ${k.padEnd(44)} ${kb(v).padStart(10)}  ${((100 * v) / total).toFixed(1).padStart(5)} %`);
    const kinds = new Map();
    for (const [k, v] of parts) {
      const kind = /^(react|react-dom|scheduler)$/.test(k)
        ? 'React 18'
        : /^(@fluentui\/|@griffel\/|tabster|keyborg|@floating-ui\/|@swc\/|stylis|rtl-css-js|@emotion\/)/.test(k)
          ? 'Fluent UI v9 (components, icons, Griffel, Tabster)'
          : k === 'zod'
            ? 'zod (profile validation)'
            : k.startsWith('src/')
              ? 'this project (src/)'
              : 'other';
      kinds.set(kind, (kinds.get(kind) ?? 0) + v);
    }
    console.log('\nby kind:');
    for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]))
      console.log(`  ${k.padEnd(52)} ${kb(v).padStart(10)}  ${((100 * v) / total).toFixed(1).padStart(5)} %`);
  }
  const { hasExcelJs, hasZod } = paneFacts(pane, parts);
  const extra = [hasExcelJs && ' — contains ExcelJS!', hasZod && ' — contains zod (it belongs in profile.chunk.js)!'];
  console.log(`\ntask pane gzipped: ${kb(paneGz)} of a ${kb(BUDGET)} budget${extra.filter(Boolean).join('')}`);
  process.exit(paneGz <= BUDGET && !hasExcelJs && !hasZod ? 0 : 1);
}

/** Whether the pane's script holds ExcelJS or zod (from the source map's groups, else its text). */
function paneFacts(pane, parts) {
  return {
    hasExcelJs: parts ? parts.some(([k]) => k === 'exceljs') : /ExcelJS/.test(pane.toString()),
    hasZod: parts ? parts.some(([k]) => k === 'zod') : false,
  };
}

/** The built pane's gzipped size, its budget and what must not be in it (for the test). */
function measurePane() {
  const file = path.join(DIST, 'taskpane.js');
  const pane = fs.readFileSync(file);
  return { gzip: gz(pane), budget: BUDGET, ...paneFacts(pane, composition(file)) };
}

module.exports = { BUDGET, measurePane };
if (require.main === module) main();
