#!/usr/bin/env node
/**
 * Offline manifest check (`npm run validate`): the XML schema through libxml2 compiled to
 * WebAssembly (xmllint-wasm, so no system xmllint on any OS), then what the schema cannot see —
 * every resid defined, every string English by default with a ja-JP override, every icon present
 * at its declared pixel size. `office-addin-manifest validate` needs Microsoft's web service; this
 * does not.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SCHEMA = path.join(__dirname, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

/**
 * Validate the manifest against the XSD with xmllint-wasm (libxml2's xmllint compiled to WebAssembly):
 * the same checks as `xmllint --nonet --noout --schema`. The schema's imports are relative file
 * names, so every .xsd beside it is loaded into the in-memory file system under its own name.
 * Resolves to `{ ok, output }`; `output` reads like xmllint's (`<file> validates` or the errors).
 */
async function schemaCheck(manifestPath, schemaPath = SCHEMA) {
  const { validateXML } = require('xmllint-wasm');
  const dir = path.dirname(schemaPath);
  const main = path.basename(schemaPath);
  const load = (name) => ({ fileName: name, contents: fs.readFileSync(path.join(dir, name), 'utf8') });
  const manifest = path.basename(manifestPath);
  const r = await validateXML({
    xml: { fileName: manifest, contents: fs.readFileSync(manifestPath, 'utf8') },
    schema: load(main),
    preload: fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xsd') && f !== main)
      .map(load),
  });
  return { ok: r.valid, output: r.rawOutput.trim() };
}

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
};

/** PNG width and height from the IHDR chunk, or null when the file is not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * The checks the XSD does not make. `xml` is the manifest text; `root` is where URLs under
 * https://localhost:3000/ are found on disk (dist's sources: assets/ at the repo root).
 * Returns a list of problems (empty when all is well).
 */
function contentCheck(xml, root = ROOT) {
  const problems = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const defined = new Map();
  for (const m of body.matchAll(/<bt:(Image|Url|String)\b[^>]*\bid="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/bt:\1>)/g)) {
    const [tag, kind, id, , inner] = m;
    if (defined.has(id)) problems.push(`resid "${id}" is defined twice`);
    defined.set(id, { kind, value: attr(tag, 'DefaultValue'), inner: inner ?? '' });
  }
  const used = [...body.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]);
  for (const id of new Set(used)) if (!defined.has(id)) problems.push(`resid "${id}" is used but not defined in Resources`);
  for (const [id, d] of defined) {
    if (!used.includes(id)) problems.push(`resource "${id}" is defined but never used`);
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (d.kind === 'String' && !/<bt:Override\s+Locale="ja-JP"\s+Value="[^"]+"/.test(d.inner))
      problems.push(`string "${id}" has no ja-JP override`);
  }
  for (const el of ['DisplayName', 'Description']) {
    const m = new RegExp(`<${el}\\b[^>]*>([\\s\\S]*?)</${el}>`).exec(body);
    if (!m || !/<Override\s+Locale="ja-JP"\s+Value="[^"]+"/.test(m[1])) problems.push(`${el} has no ja-JP override`);
  }
  // English for every Office language but Japanese, as the pane (issue 9, point 11).
  if (!/<DefaultLocale>en-US<\/DefaultLocale>/.test(body)) problems.push('DefaultLocale is not en-US');
  for (const m of body.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g))
    if (!m[1].startsWith('https://')) problems.push(`URL is not https: ${m[1]}`);

  const sizeOf = new Map();
  for (const m of body.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) sizeOf.set(m[2], Number(m[1]));
  const icons = [];
  for (const [id, d] of defined) if (d.kind === 'Image') icons.push({ url: d.value, size: sizeOf.get(id) });
  for (const el of [
    ['IconUrl', 32],
    ['HighResolutionIconUrl', 64],
  ]) {
    const m = new RegExp(`<${el[0]}\\s+DefaultValue="([^"]+)"`).exec(body);
    if (m) icons.push({ url: m[1], size: el[1] });
  }
  for (const icon of icons) {
    const local = /^https:\/\/localhost:\d+\/(.+)$/.exec(icon.url ?? '');
    if (!local) {
      problems.push(`icon URL is not under https://localhost: ${icon.url}`);
      continue;
    }
    const file = path.join(root, local[1]);
    if (!fs.existsSync(file)) {
      problems.push(`icon file missing: ${local[1]}`);
      continue;
    }
    const dim = pngSize(fs.readFileSync(file));
    if (!dim) problems.push(`icon is not a PNG: ${local[1]}`);
    else if (icon.size !== undefined && (dim.width !== icon.size || dim.height !== icon.size))
      problems.push(`icon ${local[1]} is ${dim.width}×${dim.height}, declared ${icon.size}`);
  }
  return problems;
}

module.exports = { schemaCheck, contentCheck, pngSize, SCHEMA };

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'manifest.xml'));
  schemaCheck(file).then(
    (schema) => {
      console.log(schema.output || (schema.ok ? `${file} validates` : 'schema check failed'));
      const problems = contentCheck(fs.readFileSync(file, 'utf8'));
      for (const p of problems) console.error(`✗ ${p}`);
      if (schema.ok && problems.length === 0) console.log('✓ resources, overrides and icons are complete');
      process.exitCode = schema.ok && problems.length === 0 ? 0 : 1;
    },
    (e) => {
      console.error(`schema check could not run: ${e.message}`);
      process.exitCode = 2;
    },
  );
}
