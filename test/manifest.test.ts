import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
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
  it('xmllint is installed (the schema check cannot run without it)', () => {
    const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
  });

  it('validates offline against the Office add-in manifest schema', () => {
    const r = schemaCheck(MANIFEST);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it('the schema check rejects a manifest the XSD forbids', () => {
    const bad = tempManifest(
      xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'),
    );
    const r = schemaCheck(bad);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/Permissions/);
  });

  it('uses the schema from ../shared', () => {
    expect(SCHEMA).toBe(join(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd'));
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
