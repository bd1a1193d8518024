/**
 * Which XML tokenizer for the fast reader: each candidate collects the text of every <v> and <t> of one
 * inflated sheet (what the reader needs from a sheet, without the cell logic), timed in this process after
 * one warm-up run; the median of BENCH_TOKENIZER_RUNS (default 3). The byte scan of bench/read-limit.ts
 * is the floor. Results in docs/performance.md ("Choosing the tokenizer").
 */
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import { Tok, XmlScanner, decodeText, nameBytes } from '../src/xlsx-read/xml';
import { ZipArchive } from '../src/xlsx-read/zip';

export interface TokenizerFigure {
  name: string;
  ms: number | null;
  values: number;
  note?: string;
}

/** The inflated bytes of one part of a zip. */
export function partOf(file: string, part: string): Buffer {
  const data = new ZipArchive(readFileSync(file)).read(part);
  if (!data) throw new Error(`no ${part}`);
  return data;
}

/** indexOf for each <v> / <t>, one decode per value: the floor. */
function byteScan(xml: Buffer): number {
  let n = 0;
  let p = 0;
  for (;;) {
    const lt = xml.indexOf(0x3c, p);
    if (lt < 0) return n;
    const b = xml[lt + 1];
    if ((b === 0x76 || b === 0x74) && (xml[lt + 2] === 0x3e || xml[lt + 2] === 0x20)) {
      const gt = xml.indexOf(0x3e, lt);
      const end = xml.indexOf(0x3c, gt);
      decodeText(xml, gt + 1, end);
      n++;
      p = end;
    } else p = lt + 1;
  }
}

const V = nameBytes('v');
const T = nameBytes('t');
function ours(xml: Buffer): number {
  const sc = new XmlScanner(xml);
  let n = 0;
  let on = false;
  for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
    if (on) {
      sc.text();
      n++;
      on = false;
    }
    if (t === Tok.Open && (sc.is(V) || sc.is(T))) on = true;
  }
  return n;
}

function saxes(xml: Buffer): number {
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const p = new SaxesParser();
  let n = 0;
  let on = false;
  const parts: string[] = [];
  p.on('opentag', (t) => {
    on = t.name === 'v' || t.name === 't';
  });
  // Text taken in slices (saxes hands over each run of text once): joined once per value.
  p.on('text', (s) => {
    if (on) parts.push(s);
  });
  p.on('closetag', () => {
    if (on) {
      parts.join('');
      parts.length = 0;
      n++;
    }
    on = false;
  });
  p.write(xml.toString('utf8')).close();
  return n;
}

function htmlparser2(xml: Buffer): number {
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
  let n = 0;
  let on = false;
  const parts: string[] = [];
  const p = new Parser(
    {
      onopentagname: (name) => (on = name === 'v' || name === 't'),
      ontext: (s) => void (on && parts.push(s)),
      onclosetag: () => {
        if (on) (parts.join(''), (parts.length = 0), n++);
        on = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  p.end(xml.toString('utf8'));
  return n;
}

async function saxWasm(xml: Buffer): Promise<number> {
  const mod = require('sax-wasm') as {
    SAXParser: new (events: number) => {
      prepareWasm(b: Uint8Array): Promise<boolean>;
      eventHandler?: (type: number, detail: { name?: string; value?: string }) => void;
      write(b: Uint8Array): void;
      end(): void;
    };
    SaxEventType: Record<string, number>;
  };
  const E = mod.SaxEventType;
  const p = new mod.SAXParser(E.Text! | E.OpenTag! | E.CloseTag!);
  await p.prepareWasm(readFileSync(require.resolve('sax-wasm/lib/sax-wasm.wasm')));
  let n = 0;
  let on = false;
  p.eventHandler = (type, detail) => {
    if (type === E.OpenTag) on = detail.name === 'v' || detail.name === 't';
    else if (type === E.Text) {
      if (on) void detail.value;
    } else if (type === E.CloseTag) {
      if (on) n++;
      on = false;
    }
  };
  for (let i = 0; i < xml.length; i += 64 * 1024) p.write(xml.subarray(i, i + 64 * 1024));
  p.end();
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function compareTokenizers(
  xml: Buffer,
  runs = Number(process.env.BENCH_TOKENIZER_RUNS ?? 3),
): Promise<TokenizerFigure[]> {
  const candidates: [string, (b: Buffer) => number | Promise<number>][] = [
    ['byte scan (indexOf per tag, the floor)', byteScan],
    ['src/xlsx-read/xml.ts (kept)', ours],
    ['saxes 5 (ExcelJS’s parser), text in slices', saxes],
    ['htmlparser2 12, xmlMode', htmlparser2],
    ['sax-wasm 3 (Rust/WASM)', saxWasm],
  ];
  const out: TokenizerFigure[] = [];
  for (const [name, f] of candidates) {
    try {
      const values = await f(xml);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await f(xml);
        times.push(performance.now() - t0);
      }
      out.push({ name, ms: median(times), values });
    } catch (e) {
      out.push({ name, ms: null, values: 0, note: String((e as Error).message ?? e).slice(0, 80) });
    }
  }
  return out;
}

if (require.main === module) {
  const [file, part = 'xl/worksheets/sheet1.xml'] = process.argv.slice(2);
  void compareTokenizers(partOf(file!, part)).then((rows) => {
    for (const r of rows)
      console.log(`${r.name}: ${r.ms === null ? `failed (${r.note})` : `${r.ms.toFixed(0)} ms`}, ${r.values} values`);
  });
}
