import { deflateRawSync } from 'zlib';
import { FastWorkbook } from '../../src/xlsx-read';
import { MAX_INFLATED_BYTES, MAX_PART_BYTES, tooLargeMessage } from '../../src/xlsx-read/limits';
import { ZipArchive, ZipLimitError } from '../../src/xlsx-read/zip';
import { handWritten } from './workbooks';

/** A zip of one deflated part, the sizes in its directory as given (a crafted file can lie about them). */
function oneEntryZip(name: string, data: Buffer, declaredSize: number): Buffer {
  const body = deflateRawSync(data, { level: 9 });
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(local.length + n.length + body.length, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

describe('the cap on inflated bytes', () => {
  const bomb = Buffer.alloc(64 * 1024 * 1024, 0x20); // 64 MiB of spaces deflate to about 64 KB

  it('refuses a part that inflates beyond its cap even when its directory entry claims it is small', () => {
    const zip = new ZipArchive(oneEntryZip('xl/worksheets/sheet1.xml', bomb, 100), {
      part: 16 * 1024 * 1024,
      total: 32 * 1024 * 1024,
    });
    expect(() => zip.read('xl/worksheets/sheet1.xml')).toThrow(ZipLimitError);
  });

  it('refuses at once a part whose declared size is over the cap', () => {
    const zip = new ZipArchive(oneEntryZip('a.xml', Buffer.from('x'), MAX_PART_BYTES + 1));
    expect(() => zip.read('a.xml')).toThrow(ZipLimitError);
  });

  it('says so in one line, Japanese then English, naming the limits', async () => {
    const limits = { part: 8 * 1024 * 1024, total: 16 * 1024 * 1024 };
    const big = oneEntryZip('xl/workbook.xml', Buffer.alloc(9 * 1024 * 1024, 0x20), 10);
    const e = await FastWorkbook.open(big, { limits }).catch((x: Error) => x);
    expect((e as Error).message).toBe(tooLargeMessage(limits));
    expect(tooLargeMessage({ part: MAX_PART_BYTES, total: MAX_INFLATED_BYTES })).toMatch(
      /^展開後のサイズが上限（1 パーツ 256 MiB、合計 512 MiB）.* \/ not read: it inflates beyond the limit \(256 MiB a part, 512 MiB in all\), a zip bomb or an oversized sheet$/,
    );
  });

  it('counts the parts of one workbook together', async () => {
    const strings = `<si><t>${'あ'.repeat(3000)}</t></si>`;
    const buf = await handWritten({
      strings,
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
    });
    const wb = await FastWorkbook.open(buf, { limits: { part: 1024 * 1024, total: 9000 } });
    expect(() => wb.readSheet(wb.sheets[0]!)).toThrow(/inflates beyond the limit/);
    const roomy = await FastWorkbook.open(buf, { limits: { part: 1024 * 1024, total: 1024 * 1024 } });
    expect(roomy.readSheet(roomy.sheets[0]!).values[0]![0]).toHaveLength(3000);
  });
});
