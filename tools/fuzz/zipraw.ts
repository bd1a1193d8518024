/**
 * A zip container at the byte level, for the fuzzer: the seeds' parts read with Node's zlib (the seeds are
 * ordinary zips), and zips written with every field under the fuzzer's control (duplicate names, lying
 * sizes and CRCs, stored or deflated data), with the offsets of each header so that bytes can be
 * flipped where they matter. Independent of the reader under test (src/xlsx-read/zip.ts).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';

export interface Part {
  name: string;
  data: Buffer;
}

/** One entry to write: its name and inflated data, and what to declare or store instead. */
export interface Entry extends Part {
  /** 8 deflate (default), 0 stored; any other number is declared as it is with deflated data. */
  method?: number;
  /** Bytes stored as they are (already compressed), instead of compressing data. */
  raw?: Buffer;
  crc?: number;
  size?: number;
  compressedSize?: number;
  flags?: number;
  /** More central-directory records pointing at this entry's data, under these names (a zip that lists one entry many times). */
  aliases?: readonly string[];
}

export interface Layout {
  /** Per entry: where its local header, its data and its central directory record start. */
  entries: { name: string; local: number; data: number; dataEnd: number; central: number }[];
  centralStart: number;
  eocd: number;
}

/** The parts of an ordinary zip (no zip64, no encryption), in directory order. */
export function readZip(buf: Buffer): Part[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: Part[] = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const stored = buf.subarray(start, start + csize);
    if (!name.endsWith('/')) parts.push({ name, data: method === 0 ? Buffer.from(stored) : inflateRawSync(stored) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** A zip of the entries in order, and where each of its headers is. */
export function writeZip(entries: readonly Entry[]): { bytes: Buffer; layout: Layout } {
  const chunks: Buffer[] = [];
  /** Per record: the fixed part and the name. */
  const central: [Buffer, Buffer][] = [];
  const layout: Layout = { entries: [], centralStart: 0, eocd: 0 };
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const stored = e.raw ?? (method === 0 ? e.data : deflateRawSync(e.data, { level: e.data.length > 1 << 20 ? 1 : 6 }));
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const csize = e.compressedSize ?? stored.length;
    const flags = e.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x5ac10000, 10); // time and date: 2025-06-xx, fixed
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(csize >>> 0, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(0x5ac10000, 12);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(csize >>> 0, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    layout.entries.push({
      name: e.name,
      local: offset,
      data: offset + 30 + name.length,
      dataEnd: offset + 30 + name.length + stored.length,
      central: 0,
    });
    chunks.push(local, name, stored);
    central.push([cd, name]);
    for (const alias of e.aliases ?? []) {
      const other = Buffer.from(alias, 'utf8');
      const copy = Buffer.from(cd);
      copy.writeUInt16LE(other.length, 28);
      central.push([copy, other]);
    }
    offset += 30 + name.length + stored.length;
  }
  layout.centralStart = offset;
  let c = offset;
  let k = 0;
  for (let i = 0; i < entries.length; i++) {
    layout.entries[i]!.central = c;
    for (let n = 0; n <= (entries[i]!.aliases?.length ?? 0); n++, k++) c += central[k]![0].length + central[k]![1].length;
  }
  const cdSize = c - offset;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length & 0xffff, 8);
  eocd.writeUInt16LE(central.length & 0xffff, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  layout.eocd = c;
  return { bytes: Buffer.concat([...chunks, ...central.flat(), eocd]), layout };
}
