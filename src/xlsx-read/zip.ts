/**
 * The zip container of an .xlsx: the central directory read from the file's bytes, and one part at a
 * time inflated by Node's native zlib (no JavaScript inflate), each under a cap on its inflated size and
 * the workbook under a cap on the total (limits.ts), so that a zip bomb or an oversized sheet is refused
 * with a clear message instead of filling the memory. Only the parts the check needs are inflated.
 */
import { inflateRawSync } from 'zlib';
import { MAX_INFLATED_BYTES, MAX_PART_BYTES, tooLargeMessage } from './limits';

/** The container is not a zip we can read (damaged, truncated, encrypted, an unknown method). */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** A part, or the workbook, inflates beyond its cap. */
export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipLimits {
  part: number;
  total: number;
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
    const buf = this.buf;
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipError(`bad local header of ${name}`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new ZipError(`${name} is cut off`);
    if (e.flags & 1) throw new ZipError(`${name} is encrypted`);
    const room = Math.min(this.limits.part, this.limits.total - this.inflated);
    if (e.size > room) throw new ZipLimitError(tooLargeMessage(this.limits));
    let out: Buffer;
    if (e.method === 0) {
      out = buf.subarray(start, end);
    } else if (e.method === 8) {
      try {
        // The declared size can lie (a crafted file): zlib stops at the cap whatever it says.
        out = inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          throw new ZipLimitError(tooLargeMessage(this.limits));
        throw new ZipError(`cannot inflate ${name}: ${(err as Error).message}`);
      }
    } else {
      throw new ZipError(`${name}: compression method ${e.method} is not supported`);
    }
    if (out.length > room) throw new ZipLimitError(tooLargeMessage(this.limits));
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
    if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
      const at = Number(buf.readBigUInt64LE(eocd - 12));
      if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipError('bad zip64 directory');
      count = Number(buf.readBigUInt64LE(at + 32));
      cdOffset = Number(buf.readBigUInt64LE(at + 48));
    }
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('bad central directory');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen > buf.length) throw new ZipError('bad central directory');
      let name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, nameEnd);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // The zip64 extra field holds, in this order, those of the three that did not fit.
        for (let x = nameEnd; x + 4 <= nameEnd + extraLen;) {
          const id = buf.readUInt16LE(x);
          const len = buf.readUInt16LE(x + 2);
          if (id === 1) {
            let q = x + 4;
            if (size === 0xffffffff) ((size = Number(buf.readBigUInt64LE(q))), (q += 8));
            if (compressedSize === 0xffffffff) ((compressedSize = Number(buf.readBigUInt64LE(q))), (q += 8));
            if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
            break;
          }
          x += 4 + len;
        }
      }
      if (name.startsWith('/')) name = name.slice(1);
      if (!name.endsWith('/')) this.entries.set(name, { method, flags, compressedSize, size, localOffset });
      p = nameEnd + extraLen + commentLen;
    }
  }
}
