/**
 * A small pull scanner over the bytes of one XML part (UTF-8), for the few SpreadsheetML elements the
 * check path reads. It finds each "<" (findByte: a short look in JavaScript, then native memchr), reads the tag's name and
 * attributes as byte ranges, and turns a range into a string only when the reader asks for it: text is
 * decoded in one pass, flat (never a rope of one-character pieces). docs/performance.md says why this
 * and not a SAX library.
 *
 * Text and attribute values are decoded as an XML parser (saxes, which ExcelJS uses) gives them: the five
 * predefined entities and character references; literal CR LF and CR become LF in text; in attribute
 * values literal tab, LF, CR LF and CR become one space each. An unknown entity, an unterminated tag or
 * a bad character reference throws XmlError (the reader reports the file as damaged). Elements nested
 * deeper than MAX_XML_DEPTH throw LimitError, at the first element too deep.
 */
import { LimitError, MAX_XML_DEPTH, tooDeepMessage } from './limits';

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export const enum Tok {
  End = 0,
  Open = 1,
  /** An empty-element tag: <x/>. */
  Empty = 2,
  Close = 3,
  /** <![CDATA[…]]>: textStart/textEnd is its content. */
  Cdata = 4,
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const AMP = 0x26;
const CR = 0x0d;
const EQ = 0x3d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/** Bytes looked at in JavaScript before findByte calls the native search (a call costs more than that). */
const NEAR = 48;

/**
 * The first byte b at or after `from` and before `end`, or -1. Most gaps between tags are a few bytes,
 * for which a native call (Buffer.indexOf) costs more than looking: the first NEAR bytes are looked at
 * here, the rest (long texts) searched natively.
 */
export function findByte(buf: Buffer, b: number, from: number, end: number): number {
  const near = Math.min(end, from + NEAR);
  for (let i = from; i < near; i++) if (buf[i] === b) return i;
  if (near >= end) return -1;
  const i = buf.indexOf(b, near);
  return i < 0 || i >= end ? -1 : i;
}

/** The bytes of a name, to compare against the scanner's current name without making a string. */
export function nameBytes(name: string): Uint8Array {
  return Buffer.from(name, 'latin1');
}

export class XmlScanner {
  private pos: number;
  readonly end: number;
  /** The text before the current token (between the previous token and this one). */
  textStart = 0;
  textEnd = 0;
  nameStart = 0;
  nameEnd = 0;
  /** Attribute ranges of the current tag: name start, name end, value start, value end, 4 numbers each. */
  private attrs = new Int32Array(64);
  attrCount = 0;
  /** Open elements (an unclosed one at the end, or an end tag too many, is a damaged part). */
  private depth = 0;

  constructor(
    readonly buf: Buffer,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
    // A byte-order mark before the declaration is not text.
    if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) this.pos += 3;
  }

  /** The next tag (comments, processing instructions and the doctype are passed over). */
  next(): Tok {
    const buf = this.buf;
    for (;;) {
      const start = this.pos;
      const lt = findByte(buf, LT, start, this.end);
      if (lt < 0) {
        if (this.depth !== 0) throw new XmlError('unclosed elements at the end of the part');
        this.textStart = start;
        this.textEnd = this.end;
        this.pos = this.end;
        this.attrCount = 0;
        return Tok.End;
      }
      this.textStart = start;
      this.textEnd = lt;
      const b = buf[lt + 1];
      if (b === SLASH) {
        let i = lt + 2;
        this.nameStart = i;
        while (i < this.end && buf[i] !== GT && buf[i] !== LT && !isSpace(buf[i]!)) i++;
        this.nameEnd = i;
        while (i < this.end && isSpace(buf[i]!)) i++;
        if (i >= this.end || buf[i] !== GT) throw new XmlError('unterminated end tag');
        this.pos = i + 1;
        this.attrCount = 0;
        if (--this.depth < 0) throw new XmlError('an end tag without a start tag');
        return Tok.Close;
      }
      if (b === BANG) {
        if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
          const e = buf.indexOf('-->', lt + 4, 'latin1');
          if (e < 0 || e >= this.end) throw new XmlError('unterminated comment');
          this.pos = e + 3;
          // Text on both sides of a comment is one text: the caller sees it as two pieces.
          continue;
        }
        if (buf.toString('latin1', lt + 2, lt + 9) === '[CDATA[') {
          const e = buf.indexOf(']]>', lt + 9, 'latin1');
          if (e < 0 || e >= this.end) throw new XmlError('unterminated CDATA section');
          this.textStart = lt + 9;
          this.textEnd = e;
          this.pos = e + 3;
          this.attrCount = 0;
          return Tok.Cdata;
        }
        // <!DOCTYPE …> (an internal subset with ">" inside is not supported: SpreadsheetML has none).
        const e = buf.indexOf(GT, lt + 2);
        if (e < 0 || e >= this.end) throw new XmlError('unterminated declaration');
        this.pos = e + 1;
        continue;
      }
      if (b === QMARK) {
        const e = buf.indexOf('?>', lt + 2, 'latin1');
        if (e < 0 || e >= this.end) throw new XmlError('unterminated processing instruction');
        this.pos = e + 2;
        continue;
      }
      return this.openTag(lt);
    }
  }

  private openTag(lt: number): Tok {
    const buf = this.buf;
    const end = this.end;
    let i = lt + 1;
    this.nameStart = i;
    while (i < end) {
      const c = buf[i]!;
      if (c === GT || c === SLASH || isSpace(c)) break;
      i++;
    }
    this.nameEnd = i;
    if (i === this.nameStart) throw new XmlError('a tag without a name');
    let n = 0;
    for (;;) {
      while (i < end && isSpace(buf[i]!)) i++;
      if (i >= end) throw new XmlError('unterminated tag');
      const c = buf[i]!;
      if (c === GT) {
        this.pos = i + 1;
        this.attrCount = n;
        if (++this.depth > MAX_XML_DEPTH) throw new LimitError(tooDeepMessage());
        return Tok.Open;
      }
      if (c === SLASH) {
        if (buf[i + 1] !== GT) throw new XmlError('"/" in a tag');
        this.pos = i + 2;
        this.attrCount = n;
        return Tok.Empty;
      }
      const ns = i;
      while (i < end) {
        const d = buf[i]!;
        if (d === EQ || isSpace(d) || d === GT || d === SLASH) break;
        i++;
      }
      const ne = i;
      while (i < end && isSpace(buf[i]!)) i++;
      if (buf[i] !== EQ) throw new XmlError('an attribute without a value');
      i++;
      while (i < end && isSpace(buf[i]!)) i++;
      const q = buf[i];
      if (q !== 0x22 && q !== 0x27) throw new XmlError('an unquoted attribute value');
      const vs = i + 1;
      const ve = findByte(buf, q, vs, end);
      if (ve < 0) throw new XmlError('unterminated attribute value');
      if (n * 4 + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const a = this.attrs;
      a[n * 4] = ns;
      a[n * 4 + 1] = ne;
      a[n * 4 + 2] = vs;
      a[n * 4 + 3] = ve;
      n++;
      i = ve + 1;
    }
  }

  /**
   * After the start tag of `name`: when the element holds only text up to its end tag (the usual
   * <v>123</v>), take that text as textStart/textEnd, move past the end tag and return true; else
   * return false and leave the scanner where it was.
   */
  takeText(name: Uint8Array): boolean {
    const buf = this.buf;
    const lt = findByte(buf, LT, this.pos, this.end);
    if (lt < 0 || buf[lt + 1] !== SLASH) return false;
    const len = name.length;
    for (let k = 0; k < len; k++) if (buf[lt + 2 + k] !== name[k]) return false;
    if (buf[lt + 2 + len] !== GT) return false;
    this.textStart = this.pos;
    this.textEnd = lt;
    this.pos = lt + 3 + len;
    this.depth--;
    return true;
  }

  /** True when the current tag's name is exactly these bytes. */
  is(name: Uint8Array): boolean {
    const s = this.nameStart;
    const len = name.length;
    if (this.nameEnd - s !== len) return false;
    const buf = this.buf;
    for (let k = 0; k < len; k++) if (buf[s + k] !== name[k]) return false;
    return true;
  }

  nameLength(): number {
    return this.nameEnd - this.nameStart;
  }

  /** First byte of the name (a cheap dispatch before is()). */
  nameByte(k = 0): number {
    return this.buf[this.nameStart + k]!;
  }

  /** Index of the attribute with this name in the current tag, or -1. */
  attrIndex(name: Uint8Array): number {
    const a = this.attrs;
    const buf = this.buf;
    const len = name.length;
    outer: for (let k = 0; k < this.attrCount; k++) {
      const s = a[k * 4]!;
      if (a[k * 4 + 1]! - s !== len) continue;
      for (let j = 0; j < len; j++) if (buf[s + j] !== name[j]) continue outer;
      return k;
    }
    return -1;
  }

  valueStart(k: number): number {
    return this.attrs[k * 4 + 2]!;
  }
  valueEnd(k: number): number {
    return this.attrs[k * 4 + 3]!;
  }

  /** The decoded value of an attribute, or undefined when the tag does not have it. */
  attr(name: Uint8Array): string | undefined {
    const k = this.attrIndex(name);
    return k < 0 ? undefined : decodeAttr(this.buf, this.attrs[k * 4 + 2]!, this.attrs[k * 4 + 3]!);
  }

  /** The text before the current token, decoded ('' when none). */
  text(): string {
    return this.textStart < this.textEnd ? decodeText(this.buf, this.textStart, this.textEnd) : '';
  }

  /** The content of the current CDATA section (no entities; line ends normalised). */
  cdata(): string {
    return decodeRaw(this.buf, this.textStart, this.textEnd, false, false);
  }

  /** Skip to the end of the element whose start tag was just read (an empty tag has nothing to skip). */
  skipElement(tok: Tok): void {
    if (tok !== Tok.Open) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === Tok.Open) depth++;
      else if (t === Tok.Close) {
        if (--depth === 0) return;
      } else if (t === Tok.End) return;
    }
  }
}

// ------------------------------------------------------------------------------------------ decoding

/** Scratch space for decoded UTF-16 code units (grown as needed). */
let units = new Uint16Array(4096);

function ensure(n: number): void {
  if (units.length < n) {
    let len = units.length;
    while (len < n) len *= 2;
    units = new Uint16Array(len);
  }
}

function flat(n: number): string {
  return Buffer.from(units.buffer, units.byteOffset, n * 2).toString('utf16le');
}

const ENTITY: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22, apos: 0x27 };

/** Text content: entities and character references decoded, CR LF / CR → LF. */
export function decodeText(buf: Buffer, s: number, e: number): string {
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b === AMP || b === CR) return decodeRaw(buf, s, e, true, false);
  }
  return buf.toString('utf8', s, e);
}

/** An attribute value: as text, and literal tab / LF / CR LF / CR become one space each. */
export function decodeAttr(buf: Buffer, s: number, e: number): string {
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b === AMP || b === CR || b === 0x0a || b === 0x09) return decodeRaw(buf, s, e, true, true);
  }
  return buf.toString('utf8', s, e);
}

/** The general decoder: UTF-8 to UTF-16 code units in one pass, with entities and line ends. */
function decodeRaw(buf: Buffer, s: number, e: number, entities: boolean, attr: boolean): string {
  ensure(e - s);
  const u = units;
  let n = 0;
  let i = s;
  while (i < e) {
    const b = buf[i]!;
    if (b < 0x80) {
      if (b === AMP && entities) {
        let cp = 0;
        let j = i + 1;
        if (buf[j] === 0x23) {
          // &#NNN; or &#xHHH;, read digit by digit.
          j++;
          const hex = buf[j] === 0x78;
          if (hex) j++;
          const from = j;
          for (; j < e && j - from < 8; j++) {
            const d = buf[j]!;
            if (d >= 0x30 && d <= 0x39) cp = cp * (hex ? 16 : 10) + d - 0x30;
            else if (hex && d >= 0x61 && d <= 0x66) cp = cp * 16 + d - 0x57;
            else if (hex && d >= 0x41 && d <= 0x46) cp = cp * 16 + d - 0x37;
            else break;
          }
          if (j === from || buf[j] !== 0x3b || cp > 0x10ffff || cp === 0 || (cp >= 0xd800 && cp <= 0xdfff))
            throw new XmlError('a bad character reference');
        } else {
          const semi = buf.indexOf(0x3b, j);
          if (semi < 0 || semi >= e || semi - i > 6) throw new XmlError('an unterminated entity');
          const v = ENTITY[buf.toString('latin1', j, semi)];
          if (v === undefined) throw new XmlError(`an undefined entity &${buf.toString('latin1', j, semi)};`);
          cp = v;
          j = semi;
        }
        i = j + 1;
        if (cp >= 0x10000) {
          cp -= 0x10000;
          u[n++] = 0xd800 + (cp >> 10);
          u[n++] = 0xdc00 + (cp & 0x3ff);
        } else u[n++] = cp;
        continue;
      }
      if (b === CR) {
        u[n++] = attr ? 0x20 : 0x0a;
        i += buf[i + 1] === 0x0a && i + 1 < e ? 2 : 1;
        continue;
      }
      u[n++] = attr && (b === 0x0a || b === 0x09) ? 0x20 : b;
      i++;
      continue;
    }
    let cp: number;
    if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((buf[i + 1]! & 0x3f) << 12) | ((buf[i + 2]! & 0x3f) << 6) | (buf[i + 3]! & 0x3f);
      i += 4;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      u[n++] = 0xd800 + (cp >> 10);
      u[n++] = 0xdc00 + (cp & 0x3ff);
    } else u[n++] = cp;
  }
  return flat(n);
}
