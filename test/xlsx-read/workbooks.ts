/**
 * Workbooks for comparing the fast reader with the ExcelJS reader: built with ExcelJS (as the tests and
 * tools write them), through the Excel simulator, and written by hand as XML the way Excel and other
 * writers store cells (inline strings, character references, shared formulas, styles, odd corners).
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const ROOT = path.join(__dirname, '..', '..');

/** Every .xlsx kept in the repository for tests: the seeds and test/fixtures/** (when there are any). */
export async function keptWorkbooks(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.xlsx$/i.test(e.name)) out.push(p);
    }
  };
  await walk(path.join(ROOT, 'seeds'));
  await walk(path.join(ROOT, 'test', 'fixtures'));
  return out.sort();
}

/** The workbook test/xlsx/read.test.ts reads: values, formulas, errors, rich text, links, dates, merges. */
export function baseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙');
  const ws = wb.addWorksheet('進捗');
  wb.addWorksheet('隠し', { state: 'hidden' });
  // The used range starts at B2: nothing in row 1 or column A.
  ws.getCell('B2').value = '対象者';
  ws.mergeCells('B2:C2');
  ws.getCell('D2').value = { richText: [{ text: '達成', font: { bold: true } }, { text: '度' }] };
  ws.getCell('B3').value = 10;
  // ExcelJS writes a shared formula for a master with shareType/ref; its types do not list those keys.
  ws.getCell('C3').value = { formula: 'B3*2', result: 20, shareType: 'shared', ref: 'C3:C5' } as ExcelJS.CellFormulaValue;
  ws.getCell('D3').value = { formula: 'B3/0', result: { error: '#DIV/0!' } };
  ws.getCell('B4').value = 0;
  ws.getCell('C4').value = { sharedFormula: 'C3', result: 0 };
  ws.getCell('D4').value = { error: '#N/A' };
  ws.getCell('B5').value = 2.5;
  ws.getCell('C5').value = { sharedFormula: 'C3', result: 5 };
  ws.getCell('D5').value = { formula: 'Z99' };
  ws.getCell('B6').value = true;
  ws.getCell('C6').value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell('D6').value = { text: 'ポータル', hyperlink: 'https://example.jp/' };
  ws.getCell('B7').value = false;
  ws.getCell('C7').value = new Date(Date.UTC(2025, 0, 31, 9, 5));
  ws.getCell('D7').value = '=今後検討';
  ws.getCell('E8').value = { formula: '_xlfn.IFS(B3>0,"A",TRUE,"B")', result: 'A' };
  ws.mergeCells('B8:D9');
  ws.getCell('F3').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}

/** An ExcelJS workbook with every kind of cell the reader converts. */
export function richWorkbook(): ExcelJS.Workbook {
  const wb = baseWorkbook();
  const ws = wb.getWorksheet('進捗')!;
  ws.getCell('C7').value = new Date(Date.UTC(2025, 0, 31, 9, 5, 7));
  ws.getCell('B8').value = '結合';
  ws.getCell('F3').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
  ws.getCell('F4').value = 0.949;
  ws.getCell('F4').numFmt = '0.0%';
  ws.getCell('F5').value = 1234567;
  ws.getCell('F5').numFmt = '#,##0';
  ws.getCell('F6').value = 45383;
  ws.getCell('F6').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('F7').value = { formula: 'F6+1', result: 45384 };
  ws.getCell('F7').numFmt = 'yyyy/m/d';
  ws.getCell('F8').value = '  前後に空白  ';
  ws.getCell('F9').value = '改行\r\nあり\nです';
  ws.getCell('F10').value = 'a < b & "c" \'d\'';
  ws.getCell('F11').value = { text: '表へ', hyperlink: "#'進捗'!B2" };
  ws.getCell('F12').value = { formula: 'B3', result: 10 };
  ws.getCell('F12').value = { text: 'link', hyperlink: 'https://example.jp/x' };
  ws.getCell('G3').value = { formula: 'HYPER()', result: 'x' };
  ws.getCell('G4').value = '';
  ws.getCell('G5').value = '😀 絵文字 𠮷';
  ws.getCell('G6').value = 'テキスト_x000D_改行';
  ws.getCell('G7').value = 3;
  ws.getCell('G7').numFmt = '@';
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface HandWritten {
  sheets?: { name: string; xml: string; state?: string; rels?: string }[];
  strings?: string;
  styles?: string;
  workbookPr?: string;
  activeTab?: number;
  extra?: Record<string, string>;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook written part by part, as other writers do. */
export async function handWritten(spec: HandWritten): Promise<Buffer> {
  const zip = new JSZip();
  const sheets = spec.sheets ?? [];
  zip.file('[Content_Types].xml', CT);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS}>${spec.workbookPr ?? ''}<bookViews><workbookView xWindow="0" yWindow="0"${
      spec.activeTab !== undefined ? ` activeTab="${spec.activeTab}"` : ''
    }/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
  );
  sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}>${s.xml}</worksheet>`);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  if (spec.strings !== undefined)
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${spec.strings}</sst>`);
  if (spec.styles !== undefined)
    zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${spec.styles}</styleSheet>`);
  for (const [name, text] of Object.entries(spec.extra ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Styles with built-in and custom number formats, a date style in cellStyleXfs and dxfs that must not count. */
export const STYLES = `<numFmts count="3"><numFmt numFmtId="176" formatCode="0.0%"/><numFmt numFmtId="177" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="178" formatCode="#,##0\\ &quot;件&quot;"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="176" formatCode="yyyy"/></dxf></dxfs>`;

/** Hand-written sheets covering what Excel and other writers put in cells. */
export async function handWrittenWorkbooks(): Promise<[string, Buffer][]> {
  const strings =
    `<si><t>対象者</t></si>` +
    `<si><t xml:space="preserve">  空白  </t></si>` +
    `<si><r><rPr><b/><sz val="11"/></rPr><t>達成</t></r><r><t>度</t></r><rPh sb="0" eb="2"><t>タッセイ</t></rPh><phoneticPr fontId="1"/></si>` +
    `<si><t>高知県</t><rPh sb="0" eb="3"><t>コウチケン</t></rPh><phoneticPr fontId="1"/></si>` +
    `<si><t>&#x5BFE;&#x8C61;&#32773;&amp;&lt;&gt;&quot;&apos;</t></si>` +
    `<si><t>行1_x000D_&#10;行2_x005F_x0041_</t></si>` +
    `<si/>` +
    `<si><t/></si>` +
    `<si><r><t/></r></si>` +
    `<si><t>改行\r\nCRLF\rCR</t></si>` +
    `<si><t>&#x1F600;&#128512;</t></si>`;
  const cells = (row: number, xml: string) => `<row r="${row}">${xml}</row>`;
  const sheet1 =
    `<dimension ref="A1:H20"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>` +
    cells(1, `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>`) +
    cells(
      2,
      `<c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c><c r="E2" t="s"><v>8</v></c>`,
    ) +
    cells(3, `<c r="A3" t="s"><v>9</v></c><c r="B3" t="s"><v>10</v></c>`) +
    cells(
      4,
      `<c r="A4"><v>1</v></c><c r="B4"><v>2.5E-3</v></c><c r="C4"><v>-0</v></c><c r="D4"><v>123456789012345678</v></c><c r="E4" t="n"><v>0.1</v></c><c r="F4" t="b"><v>1</v></c><c r="G4" t="b"><v>0</v></c><c r="H4" t="e"><v>#REF!</v></c>`,
    ) +
    cells(
      5,
      `<c r="A5" s="1"><v>45383</v></c><c r="B5" s="4"><v>45383.3784722222</v></c><c r="C5" s="2"><v>0.949</v></c><c r="D5" s="3"><v>45383</v></c><c r="E5" s="5"><v>1234567</v></c><c r="F5" s="6"><v>45383</v></c><c r="G5" s="7"><v>12</v></c><c r="H5" s="8"><v>7</v></c>`,
    ) +
    cells(
      6,
      `<c r="A6" s="0"><v>45383</v></c><c r="B6" s="1"><f>A5+1</f><v>45384</v></c><c r="C6" s="1" t="str"><f>TEXT(A5,"yyyy")</f><v>2024</v></c><c r="D6" t="str"><f>"a&amp;amp;b"</f><v>a&amp;amp;b</v></c><c r="E6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F6" t="b"><f>TRUE()</f><v>1</v></c><c r="G6"><f>_xlfn.XLOOKUP(1,A4:A4,A4:A4)</f><v>1</v></c><c r="H6"><f>NOW()</f></c>`,
    ) +
    cells(
      7,
      `<c r="A7"><f t="shared" ref="A7:A9" si="0">A4*2+$B$4+SUM(A$4:B4)+Sheet2!A1</f><v>2</v></c><c r="B7"><f t="shared" ref="B7:C7" si="1">B4&amp;"x"</f><v>0</v></c><c r="C7"><f t="shared" si="1"/><v>0</v></c><c r="D7"><f t="array" ref="D7:D8">SUM(A4:C4*1)</f><v>3</v></c><c r="E7"><f t="shared" si="9"/><v>5</v></c>`,
    ) +
    cells(8, `<c r="A8"><f t="shared" si="0"/><v>4</v></c><c r="D8"><v>0</v></c>`) +
    cells(9, `<c r="A9"><f t="shared" si="0"/><v>6</v></c><c r="B9"><f t="shared" si="0">OWN()</f><v>6</v></c>`) +
    cells(
      10,
      `<c r="A10" t="inlineStr"><is><t>インライン</t></is></c><c r="B10" t="inlineStr"><is><r><t>リッチ</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文字</t></r></is></c><c r="C10" t="inlineStr"><is><t>&#x9AD8;&#x77E5;</t></is></c><c r="D10" t="str"><v>文字列 &amp;amp; 値</v></c><c r="E10" t="d"><v>2024-04-01T00:00:00</v></c>`,
    ) +
    cells(11, `<c r="A11" s="5"/><c r="B11" s="2"><v></v></c><c r="C11"/><c r="D11"><v>1</v></c><c><v>2</v></c><c><v>3</v></c>`) +
    cells(12, `<c r="A12"><v>1</v></c><c r="B12"><v>2</v></c><c r="C12"><v>3</v></c><c r="D12"><v>4</v></c>`) +
    cells(13, `<c r="A13"><v>5</v></c><c r="B13"><f>A13</f><v>5</v></c><c r="C13" s="2"><v>6</v></c><c r="D13"><v>7</v></c>`) +
    cells(15, `<c r="A15"><f>A12</f><v>1</v></c><c r="B15"><f>B12</f><v>2</v></c><c r="C15"><v>x</v></c>`) +
    cells(14, `<c r="A14"><v>14</v></c>`) +
    cells(16, `<c r="A16"><v>first</v></c>`) +
    cells(16, `<c r="B16"><v>16</v></c>`) +
    cells(17, `<c r="C17"><v>1</v></c><c r="C17"><v>2</v></c><c r="D17"><v>3</v></c><c r="D17" s="5"/>`) +
    `<row r="18"/>` +
    `</sheetData>` +
    `<mergeCells count="3"><mergeCell ref="A12:B13"/><mergeCell ref="D13:C12"/><mergeCell ref="H20"/></mergeCells>` +
    `<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>` +
    `<hyperlinks><hyperlink ref="A15" r:id="rId1"/><hyperlink ref="C15" location="Sheet2!A1"/><hyperlink ref="A1:B1" location="A1"/></hyperlinks>`;
  const sheet1Rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.jp/" TargetMode="External"/></Relationships>`;
  const base = {
    strings,
    styles: STYLES,
    sheets: [
      { name: '進捗&amp;amp;管理', xml: sheet1, rels: sheet1Rels },
      { name: 'Sheet2', xml: `<sheetData><row r="3"><c r="C3"><v>1</v></c></row></sheetData>` },
      { name: '非表示', xml: '<sheetData/>', state: 'hidden' },
    ],
  };
  return [
    ['hand-written cells', await handWritten({ ...base, activeTab: 0 })],
    [
      '1904 dates, active tab on a hidden sheet',
      await handWritten({ ...base, workbookPr: '<workbookPr date1904="1"/>', activeTab: 2 }),
    ],
    [
      'no shared strings, no styles',
      await handWritten({
        sheets: [
          { name: 'A', xml: `<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="3"><v>1</v></c></row></sheetData>` },
        ],
      }),
    ],
    [
      'no active tab, first sheet hidden',
      await handWritten({ ...base, sheets: [{ ...base.sheets[2]!, state: 'hidden' }, ...base.sheets.slice(0, 2)] }),
    ],
  ];
}
