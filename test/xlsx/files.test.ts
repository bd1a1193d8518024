/** src/xlsx/files.ts: outputs through a temporary file, never through a symlink, compared by real path. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planOutputs } from '../../src/cli/outputs';
import {
  OutputExistsError,
  outputPath,
  realOutputPath,
  SameFileError,
  sameFile,
  SymlinkOutputError,
  writeFileSafely,
} from '../../src/xlsx/files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-files-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const data = Buffer.from('the new copy');
/** The fs module itself (what src/xlsx/files.ts calls), to spy on. */
const realFs = require('fs') as typeof fs;
/** Everything in the folder but the named files (a temporary file left behind would show here). */
const others = (...names: string[]) => fs.readdirSync(dir).filter((n) => !names.includes(n));

describe('writeFileSafely', () => {
  it('writes a new file and leaves no temporary file', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    writeFileSafely(out, data, {});
    expect(fs.readFileSync(out, 'utf8')).toBe('the new copy');
    expect(others('a.checked.xlsx')).toEqual([]);
  });

  it('never replaces an existing file without force; does with it', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    fs.writeFileSync(out, 'mine');
    expect(() => writeFileSafely(out, data, {})).toThrow(OutputExistsError);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(others('a.checked.xlsx')).toEqual([]);
    writeFileSafely(out, data, { force: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('the new copy');
    expect(others('a.checked.xlsx')).toEqual([]);
  });

  it('a file that appears at the name while the copy is written is not replaced (the link fails)', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    const write = fs.writeSync;
    jest.spyOn(realFs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (!fs.existsSync(out)) fs.writeFileSync(out, 'theirs');
      return (write as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    expect(() => writeFileSafely(out, data, {})).toThrow(OutputExistsError);
    expect(fs.readFileSync(out, 'utf8')).toBe('theirs');
    expect(others('a.checked.xlsx')).toEqual([]);
  });

  it('never writes through a symlink, even with force: the link and its target stay as they were', () => {
    const target = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(target, 'precious');
    const out = path.join(dir, 'a.checked.xlsx');
    fs.symlinkSync(target, out);
    for (const force of [false, true]) {
      expect(() => writeFileSafely(out, data, { force })).toThrow(SymlinkOutputError);
      expect(fs.lstatSync(out).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(target, 'utf8')).toBe('precious');
    }
    // A dangling link too (it would create its target).
    const dangling = path.join(dir, 'b.checked.xlsx');
    fs.symlinkSync(path.join(dir, 'created.txt'), dangling);
    expect(() => writeFileSafely(dangling, data, { force: true })).toThrow(SymlinkOutputError);
    expect(fs.existsSync(path.join(dir, 'created.txt'))).toBe(false);
    expect(others('elsewhere.txt', 'a.checked.xlsx', 'b.checked.xlsx')).toEqual([]);
  });

  it('a full disk leaves neither the output nor the temporary file', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    jest.spyOn(realFs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    expect(() => writeFileSafely(out, data, {})).toThrow(/ENOSPC/);
    expect(() => writeFileSafely(out, data, { force: true })).toThrow(/ENOSPC/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a rename that fails (a folder at the name) removes the temporary file', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    fs.mkdirSync(out);
    expect(() => writeFileSafely(out, data, { force: true })).toThrow();
    expect(fs.statSync(out).isDirectory()).toBe(true);
    expect(others('a.checked.xlsx')).toEqual([]);
  });

  it('a stale temporary file of a killed run blocks nothing', () => {
    const out = path.join(dir, 'a.checked.xlsx');
    fs.writeFileSync(path.join(dir, '.a.checked.xlsx.4242-0123456789ab.tmp'), 'half a copy');
    writeFileSafely(out, data, {});
    expect(fs.readFileSync(out, 'utf8')).toBe('the new copy');
  });

  it('refuses a protected path (an input), also by another name: a symlinked folder or a hard link', () => {
    const input = path.join(dir, 'in.xlsx');
    fs.writeFileSync(input, 'input');
    const link = path.join(dir, 'link');
    fs.symlinkSync(dir, link);
    fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    for (const out of [input, path.join(link, 'in.xlsx'), path.join(dir, 'hard.xlsx'), path.join(dir, '.', 'in.xlsx')])
      expect(() => writeFileSafely(out, data, { force: true, protect: [input] })).toThrow(SameFileError);
    expect(fs.readFileSync(input, 'utf8')).toBe('input');
  });
});

describe('real paths', () => {
  it('realOutputPath resolves the folders, not the last name, also where the folder does not exist yet', () => {
    const real = fs.realpathSync(dir);
    fs.symlinkSync(dir, path.join(dir, 'link'));
    expect(realOutputPath(path.join(dir, 'link', 'a.xlsx'))).toBe(path.join(real, 'a.xlsx'));
    expect(realOutputPath(path.join(dir, 'link', 'new', 'a.xlsx'))).toBe(path.join(real, 'new', 'a.xlsx'));
    fs.symlinkSync(path.join(dir, 'x'), path.join(dir, 'file-link'));
    expect(realOutputPath(path.join(dir, 'file-link'))).toBe(path.join(real, 'file-link'));
    expect(sameFile(path.join(dir, 'link', 'a.xlsx'), path.join(dir, 'a.xlsx'))).toBe(true);
  });

  it('planOutputs: one output reached through a symlinked folder is a clash, not a second write', () => {
    fs.symlinkSync(dir, path.join(dir, 'link'));
    const a = path.join(dir, 'book.xlsx');
    const b = path.join(dir, 'link', 'book.xlsx');
    const plans = planOutputs([a, b], { write: true, fix: false });
    expect(plans[0]).toEqual({ checked: outputPath(a, 'checked'), clashes: [] });
    expect(plans[1]).toEqual({ clashes: [outputPath(b, 'checked')] });
  });
});
