import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { MIN_EXCEL_API } from '../src/office/caps';
import { contentCheck, pngSize, schemaCheck, SCHEMA } from '../tools/validate-manifest';

const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');

function tempManifest(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
  writeFileSync(file, text);
  return file;
}

describe('manifest.xml', () => {
  it('validates offline against the Office add-in manifest schema', async () => {
    const r = await schemaCheck(MANIFEST);
    expect(r.output).toBe('manifest.xml validates');
    expect(r.ok).toBe(true);
  });

  it('the schema check rejects a manifest the XSD forbids', async () => {
    const bad = tempManifest(
      xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'),
    );
    const r = await schemaCheck(bad);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/^manifest\.xml:\d+: .*Permissions.*'Everything' is not an element of the set/m);
  });

  it('the schema check reads the imported XSDs (VersionOverrides is checked too)', async () => {
    const bad = tempManifest(xml.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpaneNow">'));
    const r = await schemaCheck(bad);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/ShowTaskpaneNow/);
  });

  it('npm run validate needs no system xmllint: it passes with only node on PATH', () => {
    const bin = mkdtempSync(join(tmpdir(), 'node-only-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = spawnSync('node', [join(ROOT, 'tools', 'validate-manifest.js')], {
      encoding: 'utf8',
      env: { PATH: bin },
    });
    expect(spawnSync('xmllint', ['--version'], { env: { PATH: bin } }).error).toMatchObject({ code: 'ENOENT' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('manifest.xml validates\n✓ resources, overrides and icons are complete\n');
    expect(r.status).toBe(0);
  });

  it('npm run validate exits 1 and names the element on a manifest the XSD forbids', () => {
    const bad = tempManifest(xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>All</Permissions>'));
    const r = spawnSync(process.execPath, [join(ROOT, 'tools', 'validate-manifest.js'), bad], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/Permissions.*'All'[\s\S]*manifest\.xml fails to validate/);
    expect(r.status).toBe(1);
  });

  it('uses the XSDs kept in the repository, each the upstream blob SOURCES.txt names', () => {
    const dir = dirname(SCHEMA);
    expect(SCHEMA).toBe(join(ROOT, 'tools', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd'));
    const sources = readFileSync(join(dir, 'SOURCES.txt'), 'utf8');
    const xsds = readdirSync(dir).filter((f) => f.endsWith('.xsd'));
    expect(xsds).toHaveLength(5);
    for (const f of xsds) {
      const blob = new RegExp(`^${f.replace('.', '\\.')}\\s+([0-9a-f]{8})\\s`, 'm').exec(sources)?.[1];
      const body = readFileSync(join(dir, f));
      const id = createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
      expect([f, id.slice(0, 8)]).toEqual([f, blob]);
    }
  });

  it('defines every resid, overrides every string in ja-JP and ships every icon at its size', () => {
    expect(contentCheck(xml)).toEqual([]);
  });

  it('reports an undefined resid, a string without ja-JP and a wrong icon size', () => {
    const broken = xml
      .replace('<Label resid="Summary.Label"/>', '<Label resid="Summary.Missing"/>')
      .replace('<bt:Override Locale="ja-JP" Value="検証"/>', '')
      .replace('assets/icon-80.png', 'assets/icon-64.png');
    const problems = contentCheck(broken);
    expect(problems).toContain('resid "Summary.Missing" is used but not defined in Resources');
    expect(problems).toContain('string "Validate.Label" has no ja-JP override');
    expect(problems).toContain('icon assets/icon-64.png is 64×64, declared 80');
  });

  it('is a Workbook task pane app, Japanese in Japanese Office, over https', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    // English by default, Japanese for ja-JP: the ribbon speaks the pane's language (issue 9, point 11).
    expect(xml).toMatch(/<DefaultLocale>en-US<\/DefaultLocale>/);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  it('asks for the ExcelApi set the adapter is built for (Office 2019 and later)', () => {
    const sets = [...xml.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([['ExcelApi', MIN_EXCEL_API]]);
    expect(Number(MIN_EXCEL_API.split('.')[1])).toBeLessThanOrEqual(8);
  });

  it('puts KPIチェック on the Home tab with 検証 (opens the pane and runs) and 集計 (runs a function)', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(
      /<bt:String id="Group.Label" DefaultValue="KPI Check">\s*<bt:Override Locale="ja-JP" Value="KPIチェック"\/>/,
    );
    expect(xml).toMatch(/<bt:String id="Validate.Label" DefaultValue="Validate">\s*<bt:Override Locale="ja-JP" Value="検証"\/>/);
    expect(xml).toMatch(/<bt:String id="Summary.Label" DefaultValue="Summary">\s*<bt:Override Locale="ja-JP" Value="集計"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Run.Url"\/>/);
    expect(xml).toMatch(/<bt:Url id="Taskpane.Run.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html\?run=1"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>insertSummary<\/FunctionName>/);
    expect(xml).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
  });

  it.each([16, 32, 64, 80, 128])('ships the %i px icons (icon-, summary-)', (size) => {
    for (const name of [`icon-${size}.png`, `summary-${size}.png`]) {
      expect(pngSize(readFileSync(join(ROOT, 'assets', name)))).toEqual({ width: size, height: size });
    }
  });
});
