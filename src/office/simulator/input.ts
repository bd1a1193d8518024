/**
 * How Excel interprets what is written to `range.values` / `range.formulas`: like text typed into a
 * cell. "=…" becomes a formula, "+x", "-x" and "@x" too, numbers / TRUE / dates / error codes become
 * typed values, a leading apostrophe keeps the rest as text, and a cell formatted as text ("@") takes
 * the string as it is. This is what makes copied cell text dangerous, so the simulator does it too.
 */
import { EXCEL_ERRORS, type CellValue } from '../../core/grid';
import { SimError, invalidArgument } from './errors';

export interface Entered {
  value: CellValue;
  formula?: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix?: boolean;
  /** A number format Excel picks for the entry (dates, percentages), if the cell's is General. */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ERRORS: ReadonlySet<string> = new Set(EXCEL_ERRORS);

export function excelSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

function asNumber(s: string): number | null {
  if (!/\d/.test(s) || !NUMBER.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Interpret one entry. `textFormat` is true when the cell's number format is "@". */
export function enter(input: unknown, textFormat: boolean): Entered | 'unchanged' {
  if (input === null || input === undefined) return 'unchanged';
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument('a number that is not finite');
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw invalidArgument(`a cell value of type ${typeof input}`);
  const s = input;
  if (s.length > 32767) throw invalidArgument('text longer than 32,767 characters');
  if (s === '') return { value: null };
  if (textFormat) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s.startsWith('=') && s.length > 1) return formula(s);
  const t = s.trim();
  const n = asNumber(t);
  if (n !== null) return { value: n };
  if (t.endsWith('%')) {
    const p = asNumber(t.slice(0, -1).trim());
    if (p !== null) return { value: p / 100, impliedFormat: '0%' };
  }
  if ((s.startsWith('+') || s.startsWith('-') || s.startsWith('@')) && s.length > 1) return formula(`=${s}`);
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  if (ERRORS.has(t.toUpperCase())) return { value: t.toUpperCase() };
  const d = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (d) {
    const serial = excelSerial(Number(d[1]), Number(d[2]), Number(d[3]));
    if (serial !== null) return { value: serial, impliedFormat: 'yyyy/m/d' };
  }
  return { value: s };
}

function formula(f: string): Entered {
  if (f.length > 8192)
    throw new SimError('FormulaLengthExceedsLimit', 'The bytecode of the applied formula exceeds the maximum length limit.');
  return { value: evaluate(f), formula: f };
}

/** "…" string literal with "" escapes, at the start of s; returns the text and the rest. */
function stringLiteral(s: string): [string, string] | null {
  if (!s.startsWith('"')) return null;
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') {
      if (s[i + 1] === '"') {
        out += '"';
        i++;
      } else return [out, s.slice(i + 1)];
    } else out += ch;
  }
  return null;
}

/**
 * The simulator does not calculate. It knows what a few formulas show (string and number literals,
 * HYPERLINK) so the summary sheet reads naturally; any other formula shows "#NAME?" until it is
 * loaded from a file with a cached result. Tests look at the formula, never at a computed value.
 */
export function evaluate(f: string): CellValue {
  const body = f.slice(1).trim();
  const lit = stringLiteral(body);
  if (lit && lit[1].trim() === '') return lit[0];
  const n = asNumber(body);
  if (n !== null) return n;
  const h = /^HYPERLINK\(\s*/i.exec(body);
  if (h) {
    const first = stringLiteral(body.slice(h[0].length));
    if (!first) return '#NAME?';
    const rest = first[1].trim();
    if (rest === ')') return first[0];
    if (rest.startsWith(',')) {
      const second = stringLiteral(rest.slice(1).trim());
      if (second && second[1].trim() === ')') return second[0];
    }
  }
  return '#NAME?';
}
