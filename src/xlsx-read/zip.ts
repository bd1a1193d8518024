/**
 * The zip container of an .xlsx: the central directory read from the file's bytes, and one part at a
 * time inflated by Node's native zlib (no JavaScript inflate), each under a cap on its inflated size and
 * the workbook under a cap on the total (limits.ts), so that a zip bomb or an oversized sheet is refused
 * with a clear message instead of filling the memory. Only the parts the check needs are inflated.
 *
 * A crafted zip can lie in its directory. When the archive is opened every entry is checked against the
 * file: at most MAX_ZIP_ENTRIES of them, no name twice, each local header where the directory says and
 * agreeing with it (name, method, and sizes and CRC-32 unless a data descriptor follows the data), the
 * entries' data inside the file, before the directory and never overlapping (so one huge entry cannot
 * be listed many times). A part is inflated to at most its declared size plus one byte, and refused
 * (damaged) unless it has exactly that size and its CRC-32. A part read twice counts twice against the
 * total, so repeated reads stay bounded too.
 */
import * as zlib from 'zlib';
import {
  LimitError,
  MAX_INFLATED_BYTES,
  MAX_PART_BYTES,
  MAX_ZIP_ENTRIES,
  tooLargeMessage,
  tooManyEntriesMessage,
} from './limits';

/** The container is not a zip we can read (damaged, truncated, encrypted, an unknown method). */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** A part, or the workbook, inflates beyond its cap; or the zip lists too many entries. */
export class ZipLimitError extends LimitError {
  override readonly name = 'ZipLimitError';
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Where the entry's local header starts, and where its data starts (set once the header is checked). */
  localOffset: number;
  dataStart: number;
  /** The name's bytes in the central directory (the local header must hold the same). */
  nameAt: number;
  nameLen: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export interface ZipLimits {
  part: number;
  total: number;
  /** Entries the directory may list (MAX_ZIP_ENTRIES unless given). */
  entries?: number;
}

/** CRC-32 (zlib.crc32 from Node 20.15 / 22.2; a table otherwise). */
export const crc32: (data: Uint8Array) => number = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? tableCrc32;

let crcTable: Uint32Array | undefined;

export function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const t = crcTable;
  let c = MAX32;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ MAX32) >>> 0;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits: ZipLimits = { part: MAX_PART_BYTES, total: MAX_INFLATED_BYTES },
  ) {
    this.readDirectory();
  }

  /** Part names as stored (a leading "/" dropped, as ExcelJS does). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of a part, or undefined when the zip has no such part. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new ZipError(`${name} is encrypted`);
    const room = Math.min(this.limits.part, this.limits.total - this.inflated);
    if (e.size > room) throw new ZipLimitError(tooLargeMessage(this.limits));
    const data = this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) {
      out = data;
    } else if (e.method === 8) {
      try {
        // One output buffer of the declared size and a byte (zlib's default is 16 KiB pieces joined at the
        // end: a second copy of the part). The declared size can lie (a crafted file): a part that fills
        // that byte too is refused before zlib takes more memory, whatever the data says.
        out = zlib.inflateRawSync(data, {
          chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, e.size + 1),
          maxOutputLength: Math.max(1, e.size),
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          throw new ZipError(`${name} inflates to more than its declared ${e.size} bytes`);
        throw new ZipError(`cannot inflate ${name}: ${(err as Error).message}`);
      }
    } else {
      throw new ZipError(`${name}: compression method ${e.method} is not supported`);
    }
    if (out.length !== e.size) throw new ZipError(`${name} holds ${out.length} bytes, not the declared ${e.size}`);
    if (crc32(out) !== e.crc) throw new ZipError(`${name} fails its CRC-32 check`);
    this.inflated += out.length;
    return out;
  }

  private readDirectory(): void {
    const buf = this.buf;
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('no end of central directory');
    let count = buf.readUInt16LE(eocd + 10);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdOffset === MAX32) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
      const at = Number(buf.readBigUInt64LE(eocd - 12));
      if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipError('bad zip64 directory');
      count = Number(buf.readBigUInt64LE(at + 32));
      cdOffset = Number(buf.readBigUInt64LE(at + 48));
    }
    if (count > (this.limits.entries ?? MAX_ZIP_ENTRIES)) throw new ZipLimitError(tooManyEntriesMessage(this.limits.entries));
    if (cdOffset > buf.length) throw new ZipError('bad central directory');
    const all: Entry[] = [];
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('bad central directory');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen > buf.length) throw new ZipError('bad central directory');
      let name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, nameEnd);
      if (size === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
        // The zip64 extra field holds, in this order, those of the three that did not fit.
        for (let x = nameEnd; x + 4 <= nameEnd + extraLen;) {
          const id = buf.readUInt16LE(x);
          const len = buf.readUInt16LE(x + 2);
          if (id === 1) {
            let q = x + 4;
            const end = Math.min(q + len, nameEnd + extraLen);
            const next = (): number => {
              if (q + 8 > end) throw new ZipError('bad zip64 extra field');
              const v = Number(buf.readBigUInt64LE(q));
              q += 8;
              return v;
            };
            if (size === MAX32) size = next();
            if (compressedSize === MAX32) compressedSize = next();
            if (localOffset === MAX32) localOffset = next();
            break;
          }
          x += 4 + len;
        }
      }
      const entry: Entry = { method, flags, compressedSize, size, crc, localOffset, dataStart: -1, nameAt: p + 46, nameLen };
      all.push(entry);
      if (name.startsWith('/')) name = name.slice(1);
      if (!name.endsWith('/')) {
        if (this.entries.has(name)) throw new ZipError(`${name} is listed twice`);
        this.entries.set(name, entry);
      }
      p = nameEnd + extraLen + commentLen;
    }
    this.checkLayout(all, cdOffset);
  }

  /**
   * Every entry's local header where the directory says and agreeing with it, and the entries' data one
   * after another in the file before the directory, never overlapping.
   */
  private checkLayout(all: Entry[], cdOffset: number): void {
    const buf = this.buf;
    all.sort((a, b) => a.localOffset - b.localOffset);
    let free = 0;
    for (const e of all) {
      const at = e.localOffset;
      if (at < free || at + 30 > cdOffset || buf.readUInt32LE(at) !== LOCAL) throw new ZipError('bad local header');
      const flags = buf.readUInt16LE(at + 6);
      const nameLen = buf.readUInt16LE(at + 26);
      const start = at + 30 + nameLen + buf.readUInt16LE(at + 28);
      if (
        buf.readUInt16LE(at + 8) !== e.method ||
        nameLen !== e.nameLen ||
        start > cdOffset ||
        buf.compare(buf, e.nameAt, e.nameAt + nameLen, at + 30, at + 30 + nameLen) !== 0
      )
        throw new ZipError('a local header that differs from the central directory');
      if (!(flags & 8)) {
        // No data descriptor: the local header holds the CRC and the sizes (0xffffffff: in its zip64 field).
        const localCompressed = buf.readUInt32LE(at + 18);
        const localSize = buf.readUInt32LE(at + 22);
        if (
          buf.readUInt32LE(at + 14) !== e.crc ||
          (localCompressed !== MAX32 && localCompressed !== e.compressedSize) ||
          (localSize !== MAX32 && localSize !== e.size)
        )
          throw new ZipError('a local header that differs from the central directory');
      }
      e.dataStart = start;
      free = start + e.compressedSize;
      if (free > cdOffset) throw new ZipError('an entry runs past the start of the central directory');
    }
  }
}
